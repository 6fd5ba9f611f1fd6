"""Who else has the open assessment open: the page sends a heartbeat every few seconds and
shows the others' names (``st.fragment`` with ``run_every``, so only this line reruns).
Names are the signed-in identities, or the names typed in the sidebar without sign-in."""

from __future__ import annotations

import uuid

import streamlit as st

from assessment.errors import IkmError
from ui import state
from ui.labels import md, t
from ui.store_access import _author, store

REFRESH_SECONDS = 5
SESSION = "_presence_session"  # a random id of this browser session, for its heartbeat


def session_id() -> str:
    """This session's presence id (random, made once)."""
    if SESSION not in st.session_state:
        st.session_state[SESSION] = uuid.uuid4().hex
    return str(st.session_state[SESSION])


def shown_name(name: str | None, lang: str) -> str:
    """A name as the page shows it: a signed-in ``Name <e-mail>`` as the name only."""
    if not name:
        return t("presence_no_name", lang)
    return name.split(" <", 1)[0] if name.endswith(">") and " <" in name else name


def others(aid: int) -> list[str | None]:
    """Send this session's heartbeat for ``aid`` and return who else is there."""
    view = store()
    me = session_id()
    view.heartbeat(aid, me, _author())
    return view.present(aid, besides=me)


@st.fragment(run_every=REFRESH_SECONDS)
def line(aid: int) -> None:
    """One line, renewed every few seconds: "Also open: Anna, Bram" (nothing when alone)."""
    lang = state.lang()
    try:
        names = others(aid)
    except IkmError:  # no access or the database is away: say nothing rather than fail
        return
    if names:
        who = ", ".join(md(shown_name(n, lang)) for n in names)
        st.caption(t("presence_also_open", lang, who=who), help=t("presence_help", lang))
