"""End to end in headless Chromium against a real ``streamlit run app.py``: create an
assessment, answer a criterion, refresh the browser, download the PDF report."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessment.store import open_store
from tests.browser_support import ARGS, CHROMIUM, MARKS, app_server, open_expander, settle

pytestmark = MARKS


@pytest.fixture
def server(tmp_path):
    """``streamlit run app.py`` on a free localhost port with a store of its own."""
    with app_server(tmp_path) as (base, url):
        yield base, url


def test_create_answer_refresh_and_download_the_pdf(server, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    base, db_url = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1440, "height": 1000}, accept_downloads=True)
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)  # expect() has its own 5 s default: too short here
        page.goto(base)
        expect(page.get_by_text("Gemeente Voorbeeldstad").first).to_be_visible()  # the demo
        settle(page)  # a click before the first run has ended can be undone by it

        # a new assessment
        open_expander(page, "Nieuwe beoordeling")
        page.get_by_label("Naam van de organisatie").first.fill("Gemeente Browsertest")
        page.get_by_role("button", name="Beoordeling aanmaken").click()
        expect(
            page.get_by_text("Beoordeling voor Gemeente Browsertest aangemaakt.")
        ).to_be_visible()

        # answer the first criterion: the message about its evidence appears at once
        page.get_by_role("link", name="Beoordelen", exact=True).click()
        expect(page.get_by_text("OPEN-01 · Klagen via meerdere kanalen")).to_be_visible()
        settle(page)
        page.get_by_test_id("stRadioGroup").get_by_text("2 · Vastgelegd").click()
        expect(page.get_by_text("voor niveau 2 ontbreekt nog: een document")).to_be_visible()
        assert "c=OPEN-01" in page.url and "a=" in page.url
        page.screenshot(path=str(tmp_path / "assess.png"))

        # a refresh returns to the same assessment and criterion, with the answer saved
        page.reload()
        expect(page.get_by_text("OPEN-01 · Klagen via meerdere kanalen")).to_be_visible()
        expect(page.get_by_text("1 van 50 criteria beantwoord")).to_be_visible()
        expect(page.get_by_role("radio", name="2 · Vastgelegd")).to_be_checked()

        # the PDF report
        page.get_by_role("link", name="Rapport en uitwisseling", exact=True).click()
        expect(page.get_by_role("button", name="PDF maken")).to_be_visible()
        settle(page)
        page.get_by_role("button", name="PDF maken").click()
        download_button = page.get_by_role("button", name="PDF downloaden")
        expect(download_button).to_be_visible(timeout=120_000)
        with page.expect_download() as info:
            download_button.click()
        pdf = Path(info.value.path()).read_bytes()
        assert pdf.startswith(b"%PDF")
        assert info.value.suggested_filename == f"gemeente-browsertest-{_today()}-nl.pdf"
        # the workbook and the calendar: each download is made, and logged, on the click
        made = (("Excel (.xlsx) downloaden", ".xlsx"), ("Verbeterplan in agenda", ".ics"))
        for name, end in made:
            with page.expect_download() as info:
                page.get_by_role("button", name=name).click()
            assert info.value.suggested_filename.endswith(end)
            assert Path(info.value.path()).stat().st_size > 0
        browser.close()

    with open_store(db_url) as store:
        (org,) = [o for o in store.list_organisations() if o.name == "Gemeente Browsertest"]
        aid = org.assessments[0].id
        assessment, _ = store.get_assessment(aid)
        assert assessment.responses["OPEN-01"].level == 2
        downloads = [
            (r.actor, r.subject, r.detail) for r in store.audit_log() if r.action == "download"
        ]
    subject = f"assessment {aid}"
    assert sorted(downloads) == sorted(
        ("local user", subject, what) for what in ("report_pdf nl", "workbook_xlsx", "plan_ics")
    )


def _today() -> str:
    from datetime import date

    return date.today().isoformat()
