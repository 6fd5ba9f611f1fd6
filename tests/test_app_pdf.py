"""The app's PDF (ui/pdf.py): a report is rendered ahead of the click while the user looks at
the Report page (after a moment there, not for a page passed through), when the report
worker is warm and idle, and the click then gets that render instead of starting another."""

from __future__ import annotations

import time
from typing import Any

import pytest

from assessment.report.pool import ReportPool
from tests.pool_tasks import stamped_task
from ui import pdf


@pytest.fixture
def pool(db, monkeypatch) -> Any:
    """A warm report pool whose worker stamps each PDF, and a counter of its renders."""
    made = ReportPool(1, timeout=30, task=stamped_task, initializer=None)
    made.pool.ready(60)
    sent: list[str] = []
    submit = made.submit

    def counting(*args: Any, **kwargs: Any) -> Any:
        sent.append(args[2])
        return submit(*args, **kwargs)

    monkeypatch.setattr(made, "submit", counting)
    monkeypatch.setattr(pdf, "report_pool", lambda: made)
    yield made, sent
    made.close()


def _ahead(opened: Any, lang: str, visit: Any = None) -> Any:
    """``render_ahead`` without its wait, done when this returns (its timer, or None)."""
    timer = pdf.render_ahead(opened, lang, visit=visit, delay=0)
    if timer is not None:
        timer.join(10)
    return timer


def _opened(db) -> Any:
    aid = db.ensure_demo()
    return pdf._opened(aid, db.get_summary(aid).version)


def test_the_click_gets_the_report_rendered_ahead_and_renders_nothing_more(db, pool):
    made, sent = pool
    opened = _opened(db)
    _ahead(opened, "nl")
    _ahead(opened, "nl")  # a rerun of the page while it renders: no second render
    assert sent == ["nl"] and not made.idle()
    first = pdf._pdf(opened.ref.aid, opened.ref.version, "nl")  # the click, mid-render
    assert first.startswith(b"%PDF-nl:") and sent == ["nl"]
    assert pdf.pdf_bytes(opened, "nl") == first  # kept for the download


def test_a_report_rendered_ahead_and_finished_is_kept_for_the_click(db, pool):
    _, sent = pool
    opened = _opened(db)
    _ahead(opened, "en")
    reports = pdf._pdf_cache()
    for _ in range(200):  # the render takes 0.3 s in the worker
        if reports.kept:
            break
        time.sleep(0.05)
    assert list(reports.kept) and not reports.pending
    assert pdf._pdf(opened.ref.aid, opened.ref.version, "en").startswith(b"%PDF-en:")
    assert sent == ["en"]


def test_nothing_is_rendered_ahead_while_the_worker_is_busy_or_cold(db, pool, monkeypatch):
    made, sent = pool
    opened = _opened(db)
    job = made.submit(opened.pack, opened.assessment, "someone else's")
    _ahead(opened, "nl")  # busy with a real request: never before it
    assert sent == ["someone else's"]
    job.result(30)
    cold = ReportPool(1, timeout=30, task=stamped_task, initializer=None)
    monkeypatch.setattr(pdf, "report_pool", lambda: cold)
    _ahead(opened, "nl")  # not warmed up: its start-up is not made slower
    assert cold.idle() is False and not pdf._pdf_cache().pending
    cold.close()


def test_a_new_version_is_rendered_anew(db, pool):
    _, sent = pool
    opened = _opened(db)
    _ahead(opened, "nl")
    before = pdf._pdf(opened.ref.aid, opened.ref.version, "nl")
    data = opened.assessment.model_copy(update={"assessors": ["Ander"]})
    db.save(opened.ref.aid, data, expected_version=opened.ref.version, author="test")
    after = _opened(db)
    assert after.ref.version != opened.ref.version
    _ahead(after, "nl")
    assert pdf._pdf(after.ref.aid, after.ref.version, "nl") != before
    assert sent == ["nl", "nl"]


def test_the_report_page_renders_ahead_and_the_click_takes_that_render(db, pool):
    from tests.apptest_support import app, ok

    _, sent = pool
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).switch_page("ui/report.py").run())
    assert sent == []  # not at once: a page passed through costs nothing
    for _ in range(100):  # started while the page is looked at, after pdf.AHEAD_DELAY
        if sent:
            break
        time.sleep(0.05)
    assert sent == ["nl"]
    ok(at.button(key="make-pdf").click().run())
    assert sent == ["nl"]  # the click waited for that render instead of starting another
    (download,) = [b for b in at.get("download_button") if b.proto.id and "pdf" in b.proto.id]
    assert download is not None
    ok(at.run())  # the page again, the PDF ready: nothing is rendered ahead any more
    time.sleep(pdf.AHEAD_DELAY + 1)
    assert sent == ["nl"]


def test_a_report_page_left_at_once_starts_no_render(db, pool):
    from tests.apptest_support import app, ok, page

    _, sent = pool
    at = ok(app(a=str(db.ensure_demo())).switch_page("ui/report.py").run())
    page(at, "evidence")  # the router's next run ends the visit of the Report page
    time.sleep(pdf.AHEAD_DELAY + 1)
    assert sent == [] and not pdf._pdf_cache().pending


def test_nothing_is_rendered_ahead_for_a_page_the_user_has_left(db, pool):
    from ui.state import Visit

    _, sent = pool
    opened = _opened(db)
    visit = Visit()
    timer = pdf.render_ahead(opened, "nl", visit=visit, delay=2.0)
    assert timer is not None and sent == []
    visit.over = True  # the session ran another page meanwhile
    timer.join(10)
    assert sent == [] and not pdf._pdf_cache().pending
    _ahead(opened, "nl", Visit())  # still there: rendered
    assert sent == ["nl"]
