"""Workshop page, the room as it is now: who joined (before, between and during the votes),
and while voting is open the timer and how many voted. Both refresh by themselves, so the
facilitator sees the room join without touching anything."""

from __future__ import annotations

import streamlit as st

from ui import services
from ui.labels import md, t, tn


def _joined(workshop_id: int, lang: str) -> None:
    names = services.participant_names(workshop_id)
    with st.container(key="ws-count"):
        st.markdown(md(tn("ws_participants", lang, len(names))))
    if names:
        with st.container(key="ws-names"):
            st.caption(md(", ".join(names)))
    else:
        st.caption(t("ws_nobody_yet", lang))


@st.fragment(run_every=2)
def room(workshop_id: int, lang: str) -> None:
    """Who joined, refreshed every two seconds while voting is closed."""
    info = services.workshop(workshop_id)
    if info.voting_open or not info.is_open:  # changed elsewhere: redraw the whole page
        st.rerun(scope="app")
    _joined(workshop_id, lang)


@st.fragment(run_every=1)
def live(workshop_id: int, lang: str) -> None:
    """Timer and vote count, refreshed every second while voting is open."""
    info = services.workshop(workshop_id)
    if not info.voting_open:  # closed elsewhere: redraw the whole page
        st.rerun(scope="app")
    st.badge(
        f"{t('ws_voting_open', lang)} · {t('ws_round', lang, n=info.round)}",
        color="green",
        icon=":material/how_to_vote:",
    )
    left = info.seconds_left()
    if left is not None:
        with st.container(key="ws-clock"):
            st.markdown(f"{left // 60}:{left % 60:02d}" if left else t("ws_time_up", lang))
    voted = services.vote_count(workshop_id)
    joined = len(services.participant_names(workshop_id))
    with st.container(key="ws-voted"):
        st.markdown(md(t("ws_voted", lang, n=voted, m=joined)))
