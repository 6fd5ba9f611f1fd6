"""The PDF report for the pages: rendered in the server's warmed report worker (never in the
server's own interpreter), once per version, language and workshop votes, and kept for the
download."""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, NamedTuple

import streamlit as st

from assessment.errors import IkmError
from assessment.store import NotFoundError
from ui.store_access import Opened, _opened, store

log = logging.getLogger(__name__)

REPORT_TIMEOUT = 60  # seconds a render may take once it is its turn (the queue not counted)
PDF_CACHE_SIZE = 6  # reports kept for the download, for all sessions together


def renderer_installed() -> bool:
    """Whether WeasyPrint (the ``report`` extra) is installed."""
    return importlib.util.find_spec("weasyprint") is not None


def report_available() -> bool:
    """Whether the report can be rendered here; starts the report worker if so."""
    if not renderer_installed():
        return False
    report_pool().start()  # it warms up while the user looks at the page, not on the render
    return True


def _end_pool(pool: Any) -> None:
    pool.close()


@st.cache_resource(show_spinner=False, on_release=_end_pool)
def report_pool() -> Any:
    """The server's report worker process (one, warmed up): the server itself never imports
    WeasyPrint or applies its speed fixes (see assessment.report.pool). Ended when the cache
    lets go of it (``st.cache_resource.clear()``), so that no worker is left rendering for a
    pool nobody can reach."""
    from assessment.report.pool import ReportPool

    return ReportPool(workers=1, timeout=REPORT_TIMEOUT)


class _Reports:
    """Finished reports by (assessment, version, language, votes, earlier assessment), the
    renders under way for such keys, and which of those were started ahead of a click and
    are held only by the visits of the pages that started them; ``bytes`` cannot change."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.kept: OrderedDict[tuple[Any, ...], bytes] = OrderedDict()
        self.pending: dict[tuple[Any, ...], Any] = {}  # key -> RenderJob
        self.ahead: dict[tuple[Any, ...], set[Any]] = {}  # key -> the visits that hold it

    def _mark(self, key: tuple[Any, ...], holder: Any, new: bool = False) -> None:
        """Who holds the render under ``key`` (called with the lock held): ``holder`` None,
        someone asked for it, so no visit may cancel it; else the visit that renders it
        ahead, as its first holder (``new``) or beside the others (a render asked for
        stays asked for)."""
        if holder is None:
            self.ahead.pop(key, None)
        elif new:
            self.ahead[key] = {holder}
        elif key in self.ahead:
            self.ahead[key].add(holder)

    def hold(self, key: tuple[Any, ...], visit: Any) -> bool:
        """``visit`` holds the render ahead under ``key``; whether there is one to hold."""
        with self.lock:
            self._mark(key, visit)
            return key in self.ahead

    def release(self, key: tuple[Any, ...], visit: Any) -> None:
        """``visit`` no longer holds the render ahead under ``key``; once no visit does and
        nobody asked for it, it is cancelled (at the worker's next page)."""
        with self.lock:
            holders = self.ahead.get(key)
            if holders is None:
                return
            holders.discard(visit)
            if holders:
                return
            del self.ahead[key]
            job = self.pending.pop(key, None)
        if job is not None:
            job.cancel()

    def keep(self, key: tuple[Any, ...], pdf: bytes) -> None:
        with self.lock:
            self.kept[key] = pdf
            self.kept.move_to_end(key)
            while len(self.kept) > PDF_CACHE_SIZE:
                self.kept.popitem(last=False)

    def settle(self, key: tuple[Any, ...], job: Any) -> None:
        """Wait for ``job`` (a render under ``key``), keep its PDF, and take it off the
        renders under way and the renders ahead (kept first, so that the report is always in
        one of the two; its holders have nothing left to cancel)."""
        try:
            pdf = job.result()
        except Exception:  # reported to whoever waits for the job, not here
            log.debug("report not rendered", exc_info=True)
        else:
            self.keep(key, pdf)
        finally:
            with self.lock:
                if self.pending.get(key) is job:
                    del self.pending[key]
                    self.ahead.pop(key, None)


@st.cache_resource(show_spinner=False)
def _pdf_cache() -> _Reports:
    return _Reports()


def _pdf(
    aid: int,
    version: int,
    lang: str,
    votes: int = 0,
    on_wait: Callable[[Any], None] | None = None,
    previous: int | None = None,
) -> bytes:
    """The report (kept for the download); ``votes`` (workshop votes so far) only keys the
    cache. ``on_wait(job)`` is called while the render waits in the queue or runs (outside
    any cached function, so that it may show what it likes on the page). ``previous``: an
    earlier assessment of the organisation for the comparison appendix."""
    from assessment.report.pool import wait_for

    store().get_summary(aid)  # the access check, also for a report already made (cached)
    key, job = _job(aid, version, lang, votes, previous)
    if isinstance(job, bytes):
        return job
    pdf = wait_for(job, on_wait)
    _pdf_cache().keep(key, pdf)  # kept when this returns (its settling thread may be later)
    return pdf


def _job(
    aid: int, version: int, lang: str, votes: int, previous: int | None
) -> tuple[tuple[Any, ...], Any]:
    """The key of a report and its PDF if kept, else its render: the one under way for the
    same key (started ahead of the click: it is claimed, so that nobody's leaving cancels
    it), or a new one, whose PDF is kept when it is done."""
    key, found = _plan(aid, version, lang, votes, previous, ahead=False)
    if not isinstance(found, _Plan):
        return key, found
    return key, _start(key, found, _pdf_cache(), report_pool())


class _Plan(NamedTuple):
    """What a render needs, read from the store in a page's run."""

    pack: Any
    assessment: Any
    appendix: Any  # the workshop appendix, or None
    earlier: Any  # (pack, assessment) of the comparison, or None


def _plan(
    aid: int, version: int, lang: str, votes: int, previous: int | None, *, ahead: bool
) -> tuple[tuple[Any, ...], Any]:
    """The key of a report and its PDF if kept, the render under way for it, None, or a
    :class:`_Plan` for a render to start. Not ``ahead`` (someone asks for the report): a
    render under way that was started ahead is claimed. ``ahead``: None when the report
    worker is busy or cold (a render ahead never comes before someone's real request, nor
    makes a cold worker's start slower). The store is read here, in the page's own run (the
    access checks are the session's)."""
    reports = _pdf_cache()
    earlier = None
    if previous is not None:
        before = _opened(previous, store().get_summary(previous).version)  # checked too
        earlier = (before.pack, before.assessment) if before is not None else None
    key = (aid, version, lang, votes, previous if earlier else None)
    with reports.lock:
        if key in reports.kept:
            reports.kept.move_to_end(key)
            return key, reports.kept[key]
        if key in reports.pending:
            if not ahead:
                reports._mark(key, None)
            return key, reports.pending[key]
    if ahead and not report_pool().idle():
        return key, None
    opened = _opened(aid, version)
    if opened is None:
        raise NotFoundError(f"assessment {aid} does not exist")
    appendix = store().workshops.appendix(aid, lang)  # the workshop appendix, if any
    return key, _Plan(opened.pack, opened.assessment, appendix, earlier)


def _start(
    key: tuple[Any, ...], plan: _Plan, reports: _Reports, pool: Any, holder: Any = None
) -> Any:
    """Start the render of ``plan`` under ``key`` in ``pool`` (or join the one another session
    started meanwhile); its PDF is kept in ``reports`` when it is done. ``holder``: the visit
    of a page that renders it ahead of a click (see :meth:`_Reports.release`); None when
    someone asked for it."""
    pack, assessment, appendix, earlier = plan
    with reports.lock:
        if key in reports.kept:
            return reports.kept[key]
        if key in reports.pending:
            reports._mark(key, holder)
            return reports.pending[key]
        job = pool.submit(pack, assessment, key[2], workshop=appendix, previous=earlier)
        reports.pending[key] = job
        reports._mark(key, holder, new=True)
    threading.Thread(
        target=reports.settle, args=(key, job), name="ikm-report-kept", daemon=True
    ).start()
    return job


def render_ahead(opened: Opened, lang: str, previous: int | None, visit: Any) -> None:
    """Render the report ahead while the user looks at the page, so that it is ready, or
    nearly, when they ask for it: at once, if the report worker is warm and idle. The render
    is held by ``visit`` (see :class:`ui.state.Visit`): when the session leaves the page, or
    the page asks for another report (another language), a render nobody else holds or asked
    for is cancelled at the worker's next page, so that a page passed through costs next to
    nothing. Its result is kept like any report's; a failure is left for the real request to
    report."""
    try:
        key, found = _plan(
            opened.ref.aid,
            opened.ref.version,
            lang,
            _votes(opened.ref.aid),
            previous,
            ahead=True,
        )
    except Exception:
        log.debug("report not rendered ahead", exc_info=True)
        return
    reports = _pdf_cache()
    if visit.on_leave is not None and getattr(visit.on_leave, "key", None) != key:
        visit.leave()  # another report than the one this visit held: that one may go
    try:
        if isinstance(found, _Plan):
            _start(key, found, reports, report_pool(), holder=visit)
        elif found is None or isinstance(found, bytes) or not reports.hold(key, visit):
            return  # nothing under way to hold, or asked for by someone: nothing to release
    except Exception:
        log.debug("report not rendered ahead", exc_info=True)
        return
    visit.on_leave = _Release(reports, key, visit)


class _Release:
    """A visit's ``on_leave``: let go of the report it rendered ahead (see
    :meth:`_Reports.release`)."""

    def __init__(self, reports: _Reports, key: tuple[Any, ...], visit: Any) -> None:
        self.reports, self.key, self.visit = reports, key, visit

    def __call__(self) -> None:
        self.reports.release(self.key, self.visit)


def _votes(aid: int) -> int:
    return store().workshops.vote_total(aid)


def prepare_pdf(
    opened: Opened,
    lang: str,
    on_wait: Callable[[Any], None] | None = None,
    previous: int | None = None,
) -> str | None:
    """Render the PDF report (kept for the download); the problem as text when it fails.
    ``on_wait(job)`` is called while it waits (``job.state``: "queued" or "rendering")."""
    try:
        _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid), on_wait, previous)
    except IkmError as exc:
        return str(exc)
    except Exception as exc:  # a renderer failure must not take the page down
        log.exception("report failed")
        return f"{type(exc).__name__}: {exc}"
    return None


def pdf_bytes(opened: Opened, lang: str, previous: int | None = None) -> bytes | None:
    try:
        votes = _votes(opened.ref.aid)
        return _pdf(opened.ref.aid, opened.ref.version, lang, votes, None, previous)
    except Exception:
        return None
