"""Two app processes (``streamlit run app.py`` on two ports) on one PostgreSQL database, in
headless Chromium: both start at once and the schema is made once; a change saved in one is
seen in the other; changes to two criteria made in the two processes both survive; the same
field changed in both gives the conflict in the second; each shows the other as present."""

from __future__ import annotations

import re
import time
from contextlib import ExitStack

import pytest
from sqlalchemy import create_engine, text

from assessment.store import open_store
from assessment.store.engine import resolve_url
from assessment.store.migrate import VERSION_TABLE, head_revision
from tests.browser_support import (
    ARGS,
    CHROMIUM,
    MARKS,
    app_command,
    free_port,
    running_server,
    wait_healthy,
)

pytestmark = [*MARKS, pytest.mark.postgres]


@pytest.fixture
def two_servers(pg_url, tmp_path):
    """Two app processes on one fresh PostgreSQL schema: ``([base_a, base_b], url, procs)``."""
    with ExitStack() as stack:
        bases, procs = [], []
        for name in ("a", "b"):
            port = free_port()
            data = tmp_path / name
            data.mkdir()
            env = {"IKM_DATA_DIR": str(data), "IKM_DATABASE_URL": pg_url, "IKM_WORKSHOP_LAN": ""}
            proc = stack.enter_context(running_server(app_command(port), env))
            bases.append(f"http://127.0.0.1:{port}")
            procs.append((port, proc))
        for port, proc in procs:
            wait_healthy(port, proc)
        yield bases, pg_url, [proc for _port, proc in procs]


def _name(page, who: str) -> None:
    from playwright.sync_api import expect

    box = page.get_by_role("textbox", name="Uw naam")
    box.fill(who)
    box.press("Enter")
    expect(page.get_by_text("Vul uw naam in: die wordt bij elke wijziging")).to_have_count(0)


def _level(page, level: int):
    return page.get_by_role("radio", name=re.compile(rf"^{level} · "))


def _saved(store, aid: int, criterion: str, level: int, timeout: float = 60) -> None:
    """Wait until the store holds ``level`` for ``criterion`` (a save from a browser)."""
    deadline = time.monotonic() + timeout
    while store.get_assessment(aid)[0].responses[criterion].level != level:
        assert time.monotonic() < deadline, f"{criterion} was not saved as {level}"
        time.sleep(0.1)


def _pick(page, level: int) -> None:
    page.get_by_test_id("stRadioGroup").get_by_text(re.compile(rf"^{level} · ")).first.click()


def test_two_processes_share_changes_and_merge_them(two_servers):
    from playwright.sync_api import expect, sync_playwright

    (base_a, base_b), url, procs = two_servers
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        a = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        b = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
        for page in (a, b):
            page.set_default_timeout(60_000)
        expect.set_options(timeout=60_000)
        # both processes open the (new, empty) database at the same moment
        a.goto(base_a, wait_until="commit")
        b.goto(base_b, wait_until="commit")
        for page in (a, b):
            expect(page.get_by_text("Gemeente Voorbeeldstad").first).to_be_visible()
        engine = create_engine(resolve_url(url))
        with engine.connect() as conn:
            revisions = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
            demos = conn.execute(text("SELECT count(*) FROM assessments")).scalar()
        engine.dispose()
        assert revisions == [(head_revision(),)]  # made once, by one of them
        assert demos == 1  # one demo, not one per process
        store = open_store(url)
        try:
            aid = store.ensure_demo()
            before, _ = store.get_assessment(aid)
            _name(a, "Anna")
            _name(b, "Bram")
            a.goto(f"{base_a}/assess?a={aid}&c=OPEN-01")
            b.goto(f"{base_b}/assess?a={aid}&c=OPEN-02")
            expect(a.get_by_text("OPEN-01 ·").first).to_be_visible()
            expect(b.get_by_text("OPEN-02 ·").first).to_be_visible()
            # presence across the processes: each says who else has it open
            expect(a.get_by_text("Ook open bij: Bram")).to_be_visible()
            expect(b.get_by_text("Ook open bij: Anna")).to_be_visible()
            one = 1 if before.responses["OPEN-01"].level != 1 else 2
            two = 1 if before.responses["OPEN-02"].level != 1 else 2
            _pick(a, one)  # saved by process A ...
            expect(_level(a, one)).to_be_checked()
            # the radio shows the click at once; the save lands when A's rerun has run
            _saved(store, aid, "OPEN-01", one)
            _pick(b, two)  # ... and by B, still on the version before A's change
            expect(_level(b, two)).to_be_checked()
            _saved(store, aid, "OPEN-02", two)
            now, _ = store.get_assessment(aid)
            assert (now.responses["OPEN-01"].level, now.responses["OPEN-02"].level) == (one, two)
            assert [v.author for v in store.history(aid)][:2] == ["Bram", "Anna"]
            # a change saved in A is seen in B
            b.goto(f"{base_b}/assess?a={aid}&c=OPEN-01")
            expect(_level(b, one)).to_be_checked()

            # the same field in both: the second gets the conflict, with both values
            a.goto(f"{base_a}/assess?a={aid}&c=OPEN-06")
            b.goto(f"{base_b}/assess?a={aid}&c=OPEN-06")
            expect(a.get_by_text("OPEN-06 ·").first).to_be_visible()
            expect(b.get_by_text("OPEN-06 ·").first).to_be_visible()
            shown = store.get_assessment(aid)[0].responses["OPEN-06"].level
            theirs, mine = [lvl for lvl in (0, 1, 2, 3) if lvl != shown][:2]
            _pick(a, theirs)
            expect(_level(a, theirs)).to_be_checked()
            _saved(store, aid, "OPEN-06", theirs)
            _pick(b, mine)
            expect(b.get_by_text("Uw wijziging botst met die van een collega")).to_be_visible()
            expect(b.get_by_text(re.compile("is gewijzigd door Anna"))).to_be_visible()
            expect(
                b.get_by_text(re.compile(rf"Hun waarde: {theirs} · Uw waarde: {mine}"))
            ).to_be_visible()
            assert store.get_assessment(aid)[0].responses["OPEN-06"].level == theirs
            b.get_by_role("button", name="Mijn versie gebruiken").click()
            expect(b.get_by_text("Uw wijziging botst met die van een collega")).to_have_count(0)
            _saved(store, aid, "OPEN-06", mine)
            assert store.history(aid)[0].author == "Bram"
        finally:
            store.close()
            browser.close()
    for proc in procs:
        assert proc.poll() is None, "a server stopped"
