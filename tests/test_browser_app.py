"""In headless Chromium against a real ``streamlit run app.py``: the author's name is kept by
the browser, nothing is fetched from the internet, a refused upload keeps the form with the
message in Dutch beside the field, and Streamlit's own uploader texts are in Dutch."""

from __future__ import annotations

import time

import pytest

from assessment.store import open_store
from tests.browser_support import settle
from tests.test_browser import ARGS, CHROMIUM, server  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.browser]


@pytest.fixture
def app_server(request):
    """The app on a free port with a store of its own (``tests.test_browser.server``)."""
    return request.getfixturevalue("server")


@pytest.fixture
def small_server(monkeypatch, request):
    """The app with an upload limit of 1 MB."""
    monkeypatch.setenv("IKM_MAX_UPLOAD_MB", "1")
    return request.getfixturevalue("server")


def _local(url: str, base: str) -> bool:
    return url.startswith((base, "data:", "blob:", "about:"))


def test_name_is_asked_once_and_remembered_offline(app_server):
    from playwright.sync_api import expect, sync_playwright

    base, db_url = app_server
    outside: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        context.on("request", lambda r: None if _local(r.url, base) else outside.append(r.url))
        page = context.new_page()
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)
        page.goto(base)
        expect(page.get_by_text("Vul uw naam in: die wordt bij elke wijziging")).to_be_visible()
        name = page.get_by_role("textbox", name="Uw naam")
        name.fill("Jan de Vries")
        name.press("Enter")
        expect(page.get_by_text("Vul uw naam in: die wordt bij elke wijziging")).to_have_count(0)
        page.wait_for_timeout(1000)
        assert {"name": "ikm_author", "value": "Jan%20de%20Vries"}.items() <= next(
            c for c in context.cookies() if c["name"] == "ikm_author"
        ).items()
        page.reload()
        expect(page.get_by_role("textbox", name="Uw naam")).to_have_value("Jan de Vries")
        # a new tab knows the name too, and a change made there carries it
        tab = context.new_page()
        tab.goto(base)
        expect(tab.get_by_role("textbox", name="Uw naam")).to_have_value("Jan de Vries")
        settle(tab)  # a click before the first run has ended can be undone by it
        tab.get_by_role("button", name="Demo openen").click()
        expect(tab.get_by_text("criteria beantwoord")).to_be_visible()
        settle(tab)
        tab.get_by_test_id("stRadioGroup").get_by_text("4 · Geborgd en verbeterd").click()
        expect(tab.get_by_role("radio", name="4 · Geborgd en verbeterd")).to_be_checked()
        with open_store(db_url) as store:  # the save lands when the tab's rerun has run
            deadline = time.monotonic() + 60
            while store.history(store.ensure_demo())[0].author != "Jan de Vries":
                assert time.monotonic() < deadline, "the change was not saved with the name"
                time.sleep(0.1)
        browser.close()
    assert outside == []  # the page icon and everything else come from the app itself


def test_a_refused_upload_keeps_the_form_with_the_message_beside_the_field(small_server):
    from playwright.sync_api import expect, sync_playwright

    base, db_url = small_server
    with open_store(db_url) as store:
        aid = store.ensure_demo()
        before = store.get_summary(aid).version
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(30_000)
        expect.set_options(timeout=30_000)
        page.goto(f"{base}/evidence?a={aid}")
        settle(page)
        page.get_by_text("Nieuw bewijs toevoegen").click()  # the form is drawn once opened
        page.wait_for_timeout(150)  # the rerun's request goes out at the click
        settle(page)  # and nothing above the form's button moves any more when it is pressed
        form = page.get_by_test_id("stForm").first
        # instead of "Upload", as the button's text: its name for a screen reader too
        button = form.get_by_test_id("stFileUploaderDropzone").locator("button")
        expect(button).to_have_accessible_name("Bestand kiezen")
        expect(form.get_by_test_id("stFileUploaderDropzoneInstructions")).to_be_hidden()
        form.get_by_role("textbox", name="Titel").fill("Jaarverslag 2025")
        form.locator('input[type="file"]').set_input_files(
            files=[
                {
                    "name": "jaarverslag.pdf",
                    "mimeType": "application/pdf",
                    "buffer": b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 100),
                }
            ]
        )
        expect(form.get_by_text("jaarverslag.pdf", exact=True)).to_be_visible()
        form.get_by_role("button", name="Bewijs toevoegen").click()
        message = form.get_by_text("een bestand mag hoogstens 1,0 MB zijn. Er is niets opgeslagen.")
        expect(message).to_be_visible()
        expect(form.get_by_role("textbox", name="Titel")).to_have_value("Jaarverslag 2025")
        expect(form.get_by_text("jaarverslag.pdf", exact=True)).to_be_visible()  # still chosen
        browser.close()
    with open_store(db_url) as store:
        assert store.get_summary(aid).version == before
