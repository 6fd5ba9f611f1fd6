"""The app's PDF (ui/pdf.py): a report is rendered ahead of the click as soon as the user
opens the Report page, when the report worker is warm and idle, and the click then gets that
render instead of starting another. A render ahead that nobody asked for is cancelled when
the page is left (or asks for another report), unless another visit still holds it."""

from __future__ import annotations

import time
from typing import Any

import pytest

from assessment.report.errors import ReportCancelled
from assessment.report.pool import ReportPool
from tests.pool_tasks import cancellable_task, stamped_task
from ui import pdf
from ui.state import Visit


@pytest.fixture(params=[stamped_task])
def pool(request, db, monkeypatch) -> Any:
    """A warm report pool whose worker stamps each PDF, and a counter of its renders."""
    made = ReportPool(1, timeout=30, task=request.param, initializer=None)
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


slow = pytest.mark.parametrize("pool", [cancellable_task], indirect=True)  # 3 s, cancellable


def _ahead(opened: Any, lang: str, visit: Any = None) -> Visit:
    """``render_ahead`` for ``visit`` (a new one if None); the visit."""
    visit = visit or Visit()
    pdf.render_ahead(opened, lang, None, visit)
    return visit


def _job(opened: Any, lang: str) -> Any:
    """The render under way for the report of ``opened`` in ``lang``."""
    return pdf._pdf_cache().pending[(opened.ref.aid, opened.ref.version, lang, 0, None)]


def _cancelled_soon(job: Any) -> None:
    """``job`` ends as cancelled well before its 3 s of work."""
    start = time.monotonic()
    assert job.wait(2.5), "the cancelled render went on"
    with pytest.raises(ReportCancelled):
        job.result()
    assert time.monotonic() - start < 2.5


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
    time.sleep(0.1)  # its settling thread takes it off the renders under way
    assert list(reports.kept) and not reports.pending and not reports.ahead
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


def test_the_report_page_renders_ahead_at_once_and_the_click_takes_that_render(db, pool):
    from tests.apptest_support import app, ok

    _, sent = pool
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).switch_page("ui/report.py").run())
    assert sent == ["nl"]  # started in the page's own run
    ok(at.button(key="make-pdf").click().run())
    assert sent == ["nl"]  # the click waited for that render instead of starting another
    (download,) = [b for b in at.get("download_button") if b.proto.id and "pdf" in b.proto.id]
    assert download is not None
    ok(at.run())  # the page again, the PDF ready: nothing is rendered ahead any more
    assert sent == ["nl"]


@slow
def test_leaving_the_report_page_cancels_the_render_ahead(db, pool):
    from tests.apptest_support import app, ok, page

    _, sent = pool
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).switch_page("ui/report.py").run())
    opened = _opened(db)
    job = _job(opened, "nl")
    ok(at.run())  # a rerun of the same page (a widget): the render goes on
    assert not job.done() and sent == ["nl"]
    page(at, "evidence")  # the router's run of another page ends the visit
    assert not pdf._pdf_cache().pending
    _cancelled_soon(job)
    _ahead(opened, "nl")  # the worker was not replaced: the next render starts at once
    assert sent == ["nl", "nl"] and _job(opened, "nl").state in ("queued", "rendering")


@slow
def test_asking_for_another_language_cancels_the_first(db, pool):
    opened = _opened(db)
    visit = _ahead(opened, "nl")
    job = _job(opened, "nl")
    _ahead(opened, "en", visit)  # the worker is busy until the Dutch one has stopped
    _cancelled_soon(job)
    assert not pdf._pdf_cache().pending


@slow
def test_a_render_ahead_goes_on_while_another_visit_holds_it(db, pool):
    _, sent = pool
    opened = _opened(db)
    first, second = _ahead(opened, "nl"), Visit()
    _ahead(opened, "nl", second)  # another session on the same page: the same render
    assert sent == ["nl"]
    job = _job(opened, "nl")
    first.leave()
    time.sleep(0.2)
    assert not job.done() and pdf._pdf_cache().pending
    second.leave()
    _cancelled_soon(job)


@slow
def test_a_render_ahead_that_was_asked_for_is_never_cancelled(db, pool):
    opened = _opened(db)
    visit = _ahead(opened, "nl")
    job = _job(opened, "nl")
    asked = pdf._job(opened.ref.aid, opened.ref.version, "nl", 0, None)[1]  # the click
    assert asked is job
    visit.leave()
    assert job.result(10).startswith(b"%PDF-nl:")
    assert pdf.pdf_bytes(opened, "nl") == job.result()


@slow
def test_a_visit_that_held_an_ended_render_cannot_cancel_a_later_click(db, pool):
    opened = _opened(db)
    visit = _ahead(opened, "nl")
    first = _job(opened, "nl")
    first.cancel()  # the render ahead ends without a PDF (as a failed one does)
    with pytest.raises(ReportCancelled):
        first.result(5)
    time.sleep(0.1)  # its settling thread takes it off the renders under way
    assert not pdf._pdf_cache().ahead
    asked = pdf._job(opened.ref.aid, opened.ref.version, "nl", 0, None)[1]  # a click
    assert asked is not first
    visit.leave()  # the visit that held the first render goes elsewhere
    assert asked.result(10).startswith(b"%PDF-nl:")
