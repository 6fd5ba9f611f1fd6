"""The PDF report for the pages: rendered in the server's warmed report worker (never in the
server's own interpreter), once per version, language and workshop votes, and kept for the
download."""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Any

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


@st.cache_resource(show_spinner=False)
def report_pool() -> Any:
    """The server's report worker process (one, warmed up): the server itself never imports
    WeasyPrint or applies its speed fixes (see assessment.report.pool)."""
    from assessment.report.pool import ReportPool

    return ReportPool(workers=1, timeout=REPORT_TIMEOUT)


@st.cache_resource(show_spinner=False)
def _pdf_cache() -> tuple[threading.Lock, OrderedDict[tuple[Any, ...], bytes]]:
    """Finished reports by (assessment, version, language, votes); ``bytes`` cannot change."""
    return threading.Lock(), OrderedDict()


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

    lock, kept = _pdf_cache()
    store().get_summary(aid)  # the access check, also for a report already made (cached)
    earlier = None
    if previous is not None:
        before = _opened(previous, store().get_summary(previous).version)  # checked too
        earlier = (before.pack, before.assessment) if before is not None else None
    key = (aid, version, lang, votes, previous if earlier else None)
    opened = _opened(aid, version)
    if opened is None:
        raise NotFoundError(f"assessment {aid} does not exist")
    with lock:
        if key in kept:
            kept.move_to_end(key)
            return kept[key]
    appendix = store().workshops.appendix(aid, lang)  # the workshop appendix, if any
    job = report_pool().submit(
        opened.pack, opened.assessment, lang, workshop=appendix, previous=earlier
    )
    pdf = wait_for(job, on_wait)
    with lock:
        kept[key] = pdf
        while len(kept) > PDF_CACHE_SIZE:
            kept.popitem(last=False)
    return pdf


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
