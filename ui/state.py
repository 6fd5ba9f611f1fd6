"""The few session-state keys the app keeps, and their sync with the URL's query parameters.

Session state holds ids only; the data lives in the store. The ids are mirrored in the
query parameters (``?a=<assessment>&c=<criterion>&lang=en``) so that a browser refresh,
which starts a new session, returns to the same assessment and criterion.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, language

ASSESSMENT = "a"  # id of the open assessment in the store
CRITERION = "c"  # id of the criterion shown on the assess page
LANG = "lang"  # UI language, "nl" or "en"
FLASH = "flash"  # messages to show once on the next run: [(kind, text), ...]
PDF = "pdf"  # (assessment id, version, language) of the last generated report
AUTHOR = "author"  # the name typed in the sidebar, saved with each version
_RESTORED = "_restored"
_VISIT = "_visit"  # this session's current run of a page (see Visit)

_URL_KEYS = (ASSESSMENT, CRITERION)


def sync() -> None:
    """Restore ids from the URL on a session's first run, then mirror them back into it.

    Streamlit clears the query parameters when the user changes page; writing them back on
    every run keeps the URL right for a refresh.
    """
    state, params = st.session_state, st.query_params
    if _RESTORED not in state:
        state[_RESTORED] = True
        for key in _URL_KEYS:
            if params.get(key):
                state[key] = params[key]
        if params.get(LANG) in LANGUAGES:
            state[LANG] = params[LANG]
    if state.get(LANG) not in LANGUAGES:
        state[LANG] = DEFAULT_LANGUAGE
    wanted = {key: str(state[key]) for key in _URL_KEYS if state.get(key)}
    if state[LANG] != DEFAULT_LANGUAGE:
        wanted[LANG] = state[LANG]
    if {key: params[key] for key in params} != wanted:
        params.from_dict(wanted)


def lang() -> str:
    """The UI language."""
    return language(st.session_state.get(LANG))


def assessment_id() -> str | None:
    """The id of the open assessment, or None."""
    value = st.session_state.get(ASSESSMENT)
    return str(value) if value else None


def criterion_id() -> str | None:
    value = st.session_state.get(CRITERION)
    return str(value) if value else None


def open_assessment(aid: Any, criterion: str | None = None) -> None:
    """Make ``aid`` the open assessment (and optionally pick a criterion)."""
    st.session_state[ASSESSMENT] = str(aid)
    st.query_params[ASSESSMENT] = str(aid)
    if criterion:
        set_criterion(criterion)
    else:
        st.session_state.pop(CRITERION, None)
        st.query_params.pop(CRITERION, None)
    st.session_state.pop(PDF, None)


def close_assessment() -> None:
    for key in (ASSESSMENT, CRITERION, PDF):
        st.session_state.pop(key, None)
        st.query_params.pop(key, None)


def set_criterion(cid: str) -> None:
    st.session_state[CRITERION] = cid
    st.query_params[CRITERION] = cid


def flash(kind: str, text: str) -> None:
    """Queue a message for the next run: ``toast`` (a passing confirmation), or ``success``,
    ``info``, ``warning``, ``error`` (shown on the page)."""
    st.session_state.setdefault(FLASH, []).append((kind, text))


def show_flash() -> None:
    """Show and forget the queued messages."""
    for kind, text in st.session_state.pop(FLASH, []):
        if kind == "toast":  # a confirmation that comes and goes without moving the page
            st.toast(text, icon=":material/check_circle:")
        else:
            getattr(st, kind)(text)


def flash_count() -> int:
    """How many messages are queued (see :func:`take_errors`)."""
    return len(st.session_state.get(FLASH, []))


def take_errors(since: int) -> str | None:
    """Take the error messages queued after the first ``since`` ones off the queue, to show
    them beside a form instead of at the top of the page (as :class:`ui.forms.Markdown`, the
    safe Markdown they were queued as); None when there are none."""
    queued = st.session_state.get(FLASH, [])
    errors = [text for kind, text in queued[since:] if kind == "error"]
    st.session_state[FLASH] = queued[:since] + [m for m in queued[since:] if m[0] != "error"]
    if not errors:
        return None
    from ui.forms import Markdown

    return Markdown("\n\n".join(errors))


class Visit:
    """A session's stay on one page, across the page's reruns (a click, a changed widget),
    until the router runs another page. ``on_leave`` (set by the page, e.g. to cancel a
    report rendered ahead that nobody asked for) is called then."""

    __slots__ = ("on_leave", "page")

    def __init__(self, page: str = "") -> None:
        self.page = page
        self.on_leave: Callable[[], None] | None = None

    def leave(self) -> None:
        """The session went to another page: call ``on_leave`` (once)."""
        on_leave, self.on_leave = self.on_leave, None
        if on_leave is not None:
            on_leave()


def enter_page(page: str) -> None:
    """Called by the router on every full run (not a fragment's) with the page it runs: a
    run of another page ends the session's visit of the last one."""
    last = st.session_state.get(_VISIT)
    if last is not None and last.page == page:
        return
    st.session_state[_VISIT] = Visit(page)
    if last is not None:
        last.leave()


def visit() -> Visit:
    """This session's current visit (see :class:`Visit`)."""
    current = st.session_state.get(_VISIT)
    if current is None:
        current = st.session_state[_VISIT] = Visit()
    return current
