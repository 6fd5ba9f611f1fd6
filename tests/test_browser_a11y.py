"""WCAG 2.1 AA, checked by axe-core in headless Chromium against one real ``streamlit run
app.py``: every page with the demo open, in Dutch and in English, the start page with no
assessment open, the workshop facilitator screen on a 1920x1080 projector and the
participant's join and vote pages on a phone. Every expander is opened first, so that the
forms inside them are checked too. Zero violations of the WCAG 2.0/2.1 A and AA rules.

The same server shows that the Dutch app has none of Streamlit's own English words left on
the evidence and new-assessment forms (uploader, date picker, screen-reader labels, file
sizes; see ``ui.style`` and ``ui.widget_text``), and that English brings them back.

axe-core comes from the npm registry, pinned in ``tests/axe/package-lock.json`` and installed
by ``make test`` (``npm ci --prefix tests/axe``).
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assessment.store import open_store
from tests.browser_support import ARGS, CHROMIUM, MARKS, app_server, open_expander, settle
from tests.helpers import ROOT

pytestmark = MARKS

AXE = ROOT / "tests" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ["start", "assess", "evidence", "fieldwork", "results", "plan", "report", "workshop"]
LAPTOP = {"width": 1440, "height": 900}
PROJECTOR = {"width": 1920, "height": 1080}
PHONE = {"width": 390, "height": 844}
SHOTS = Path(tempfile.gettempdir()) / "a11y-shots"  # screenshots of the checked forms
SHOTS.mkdir(exist_ok=True)


@dataclass(frozen=True)
class Site:
    base: str
    aid: int
    code: str  # the open workshop's join code
    token: str  # a joined participant's key
    revealed: int  # an assessment whose workshop shows a revealed round of votes


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """One server for the module: the demo, with a workshop whose voting is open and one
    participant who joined."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `npm ci --prefix tests/axe` (make test does)")
    tmp = tmp_path_factory.mktemp("a11y")
    with app_server(tmp) as (base, url):
        with open_store(url) as store:
            aid = store.ensure_demo()
            assert aid is not None
            workshop = store.workshops.start(aid, consultant="Consultant")
            store.workshops.show(workshop.id, "OPEN-01")
            store.workshops.open_voting(workshop.id)
            joined = store.workshops.join(workshop.code, "Anna")
            revealed = _revealed_round(store)
        yield Site(base, aid, workshop.code, joined.token, revealed)


def _revealed_round(store: Any) -> int:
    """A second assessment whose workshop shows a revealed round with three votes."""
    from assessment.assessments import parse_assessment

    data = {
        "schema_version": 1,
        "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
        "organisation": {"name": "Gemeente Werkplaats"},
        "assessment_date": "2026-11-23",
    }
    aid = store.create_assessment(parse_assessment(data, "test"))
    workshop = store.workshops.start(aid, consultant="Consultant")
    store.workshops.show(workshop.id, "OPEN-01")
    store.workshops.open_voting(workshop.id)
    for name, level in (("Anna", 2), ("Bram", 3), ("Chris", 4)):
        token = store.workshops.join(workshop.code, name).token
        store.workshops.vote(token, "OPEN-01", level)
    store.workshops.reveal(workshop.id)
    return aid


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


# The workshop pages rerun a fragment every 1 to 3 seconds; while one runs, Streamlit fades
# the elements it is about to replace ("stale", opacity 0.33). That fade is a passing
# sign of an update, not what the user reads at rest, and axe would measure its contrast at
# random moments: the check turns it off. Nothing else on the page is changed.
NO_STALE_FADE = '[data-stale="true"] { opacity: 1 !important; transition: none !important; }'


def _settle(page: Any) -> None:
    """Wait until Streamlit has finished running the page's script and drawing it."""
    settle(page)
    page.add_style_tag(content=NO_STALE_FADE)


def _open_expanders(page: Any) -> None:
    """Open every visible closed expander (those inside a closed popover or tab stay)."""
    opened = page.evaluate(
        """() => {
            const closed = [...document.querySelectorAll(
                '[data-testid="stExpander"] details:not([open]) > summary')]
                .filter(s => s.offsetParent !== null);
            closed.forEach(s => s.click());
            return closed.length;
        }"""
    )
    if opened:  # a folded form opens with a rerun: its request goes out at the click
        page.wait_for_timeout(150)
        _settle(page)


def _violations(page: Any) -> list[dict[str, Any]]:
    """axe-core's WCAG A/AA violations on the page (its frames included)."""
    for frame in page.frames:
        frame.add_script_tag(path=str(AXE))
    return page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                                    resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html,
                                          summary: n.failureSummary}))}));
        }""",
        TAGS,
    )


def _report(where: str, violations: list[dict[str, Any]]) -> list[str]:
    lines = []
    for v in violations:
        for node in v["nodes"]:
            summary = " ".join((node["summary"] or "").split())
            target = node["target"][-90:]
            html = " ".join(node["html"].split())[:120]
            lines.append(f"{where}: {v['id']} ({v['help']}) at …{target} {html}: {summary}")
    return lines


def _check(page: Any, url: str, viewport: dict[str, int], where: str, text: str) -> list[str]:
    """Open ``url`` (a new session of the app), wait for ``text``, open the expanders, run
    axe. The tab is reused from check to check: its cache keeps the app's scripts, as a user's
    browser does."""
    from playwright.sync_api import expect

    page.set_viewport_size(viewport)
    page.goto(url)
    expect(page.get_by_text(text).first).to_be_visible(timeout=30_000)
    _settle(page)
    _open_expanders(page)
    page.screenshot(path=str(SHOTS / f"{where}.png"))  # to look at, not compared
    return _report(where, _violations(page))


@contextmanager
def _tab(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_default_timeout(30_000)
    try:
        yield page
    finally:
        context.close()


# what each page shows once it is drawn, in each language
SHOWN = {
    "nl": {
        "start": "Gemeente Voorbeeldstad",
        "assess": "criteria beantwoord",
        "evidence": "Nieuw bewijs toevoegen",
        "fieldwork": "Veldwerk",
        "results": "Volwassenheid",
        "plan": "Plan",
        "report": "PDF maken",
        "workshop": "Stemming sluiten",
    },
    "en": {
        "start": "Gemeente Voorbeeldstad",
        "assess": "criteria answered",
        "evidence": "Add new evidence",
        "fieldwork": "Fieldwork",
        "results": "Maturity",
        "plan": "Plan",
        "report": "Generate PDF",
        "workshop": "Close voting",
    },
}


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_page_with_the_demo_open_meets_wcag_21_aa(site: Site, browser: Any, lang: str):
    suffix = "" if lang == "nl" else "&lang=en"
    found: list[str] = []
    with _tab(browser) as tab:
        for key in PAGES:
            viewport = PROJECTOR if key == "workshop" else LAPTOP
            path = "" if key == "start" else key  # the start page is the app's root
            url = f"{site.base}/{path}?a={site.aid}{suffix}"
            found += _check(tab, url, viewport, f"{key} [{lang}]", SHOWN[lang][key])
        record = "Vastleggen als antwoord" if lang == "nl" else "Record as the answer"
        url = f"{site.base}/workshop?a={site.revealed}{suffix}"
        found += _check(tab, url, PROJECTOR, f"workshop, votes shown [{lang}]", record)
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations:\n" + "\n".join(found)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_start_page_and_the_phone_pages_meet_wcag_21_aa(site: Site, browser: Any, lang: str):
    suffix = "" if lang == "nl" else "?lang=en"
    amp = suffix.replace("?", "&")
    name = "Uw naam" if lang == "nl" else "Your name"
    vote = "Stem uitbrengen" if lang == "nl" else "Cast vote"
    with _tab(browser) as tab:
        found = _check(tab, f"{site.base}/{suffix}", LAPTOP, f"start, none open [{lang}]", name)
        found += _check(tab, f"{site.base}/?join={site.code}{amp}", PHONE, f"join [{lang}]", name)
        found += _check(
            tab,
            f"{site.base}/?join={site.code}&p={site.token}{amp}",
            PHONE,
            f"vote [{lang}]",
            vote,
        )
    assert not found, f"{len(found)} WCAG 2.1 A/AA violations:\n" + "\n".join(found)


# Streamlit's own English words that must not reach a Dutch user (visible or read aloud)
ENGLISH = [
    "Upload",
    "Drag and drop",
    "per file",
    "Browse files",
    "Help for",
    "Choose date",
    "Select all",
    "Remove ",
    "Next month",
    "Previous month",
    "December",
    "Thursday",
    "yyyy",
    "1.2MB",
    "Add files",
    "Collapse sidebar",
]
READ = """() => {
    const seen = [document.body.innerText];
    for (const e of document.querySelectorAll("[aria-label], [aria-valuetext], [title]"))
        for (const a of ["aria-label", "aria-valuetext", "title"])
            if (e.hasAttribute(a)) seen.push(e.getAttribute(a));
    for (const e of document.querySelectorAll("*")) {  // what a stylesheet shows instead
        const after = getComputedStyle(e, "::after").content;
        if (after && after !== "none" && after !== "normal") seen.push(after);
    }
    return seen.join("\\n");
}"""


def _english_in(page: Any) -> list[str]:
    # what the user sees: CSS may shrink a Streamlit word to nothing and show ours instead
    text = page.evaluate(READ)
    hidden = page.evaluate(
        """() => [...document.querySelectorAll("*")].filter(e => e.children.length === 0
            && e.textContent.trim() && getComputedStyle(e).fontSize === "0px"
            ).map(e => e.textContent.trim())"""
    )
    for word in hidden:
        text = text.replace(word, "")
    found = []
    for word in ENGLISH:
        if word in text:
            at = text.index(word)
            found.append(f"{word}: …{text[max(0, at - 60) : at + 60]}…")  # with its context
    return found


def _open_list(page: Any, multiselect: Any) -> None:
    """Open a multiselect's list (a late rerun of the form may close it again: retry)."""
    for _ in range(3):
        multiselect.click()
        page.wait_for_timeout(1000)
        if page.get_by_role("listbox").count():
            return
    raise AssertionError("the multiselect's list did not open")


def test_the_dutch_forms_show_no_english_widget_text(site: Site, browser: Any):
    from playwright.sync_api import expect

    context = browser.new_context(viewport=LAPTOP)
    page = context.new_page()
    page.set_default_timeout(30_000)
    expect.set_options(timeout=30_000)
    try:
        page.goto(f"{site.base}/evidence?a={site.aid}")
        _settle(page)  # a click before the first run has ended can be undone by it
        page.get_by_text("Nieuw bewijs toevoegen").click()  # the form is drawn once opened
        form = page.get_by_test_id("stForm").first
        # our word as the button's text: what is shown is what a screen reader says
        expect(form.get_by_role("button", name="Bestand kiezen", exact=True)).to_have_count(1)
        form.locator('input[type="file"]').set_input_files(
            files=[{"name": "a.pdf", "mimeType": "application/pdf", "buffer": b"0" * 1_234_567}]
        )
        expect(form.get_by_text("1,2 MB", exact=True)).to_be_visible()
        expect(form.get_by_role("button", name="a.pdf verwijderen")).to_have_count(1)
        _open_list(page, form.get_by_test_id("stMultiSelect").first)  # its "Select all"
        expect(page.locator('[data-key="__select_all__"]')).to_have_text("Alles kiezen")
        assert _english_in(page) == []
        page.keyboard.press("Escape")
        form.get_by_role("button", name="Datum kiezen").click()
        dialog = page.get_by_role("dialog")
        expect(dialog.get_by_role("button", name="Volgende maand")).to_be_visible()
        assert dialog.locator("th").all_inner_texts()[:2] == ["Z", "M"]  # zondag, maandag
        page.screenshot(path=str(SHOTS / "evidence-form-nl.png"))
        assert _english_in(page) == []
        page.keyboard.press("Escape")
        # typing a date still works in the translated field
        form.get_by_role("spinbutton", name="jaar, Datum").click()
        page.keyboard.type("20260315")
        expect(form.locator('input[type="date"]')).to_have_value("2026-03-15")

        page.goto(f"{site.base}/")
        open_expander(page, "Nieuwe beoordeling")
        form = page.get_by_test_id("stForm").first
        expect(form.get_by_role("button", name="Datum kiezen").first).to_be_visible()
        page.screenshot(path=str(SHOTS / "new-assessment-nl.png"))
        assert _english_in(page) == []

        page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()  # and back
        expect(page.locator('[aria-label="Help for Your name"]')).to_have_count(1)
        expect(page.get_by_role("button", name="Collapse sidebar")).to_have_count(1)
    finally:
        context.close()
