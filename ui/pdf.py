"""The PDF report for the pages: rendered once per version, language and workshop votes,
kept for the download."""

from __future__ import annotations

import logging

import streamlit as st

from assessment.errors import IkmError
from assessment.store import (
    NotFoundError,
)
from ui.store_access import Opened, _opened, store

log = logging.getLogger(__name__)


def report_available() -> bool:
    """Whether the report can be rendered here; starts the chart helper process if so."""
    try:
        from assessment import report
        from assessment.chartsvg import start_early
    except ImportError:
        return False
    start_early()  # it starts up while the user looks at the page, not on the first render
    return hasattr(report, "render_pdf")


@st.cache_resource(show_spinner=False, max_entries=6)
def _pdf(aid: int, version: int, lang: str, votes: int = 0) -> bytes:
    """The report; ``votes`` (workshop votes so far) only keys the cache. Shared without a
    copy: ``bytes`` cannot be changed."""
    from assessment.report import render_pdf

    opened = _opened(aid, version)
    if opened is None:
        raise NotFoundError(f"assessment {aid} does not exist")
    appendix = store().workshops.appendix(aid, lang)  # the workshop appendix, if any
    return render_pdf(opened.pack, opened.assessment, lang, workshop=appendix)


def _votes(aid: int) -> int:
    return store().workshops.vote_total(aid)


def prepare_pdf(opened: Opened, lang: str) -> str | None:
    """Render the PDF report (kept for the download); the problem as text when it fails."""
    try:
        _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid))
    except IkmError as exc:
        return str(exc)
    except Exception as exc:  # a renderer failure must not take the page down
        log.exception("report failed")
        return f"{type(exc).__name__}: {exc}"
    return None


def pdf_bytes(opened: Opened, lang: str) -> bytes | None:
    try:
        return _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid))
    except Exception:
        return None
