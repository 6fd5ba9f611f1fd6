"""Workshop page, the round: the think time, an optional anonymous round, opening and closing
the vote, and showing the votes, which stay hidden until the facilitator reveals them (so
nobody in the room follows the first hands up, the facilitator included)."""

from __future__ import annotations

import streamlit as st

from assessment.store import WorkshopInfo
from ui import workshop_actions as actions
from ui.labels import md, t
from ui.workshop_result import AGREE
from ui.workshop_room import live, room

TIMERS = (0, 60, 120, 180, 300)  # think time choices, seconds (0: no timer)
TIMER, TIMER_KEPT, ANONYMOUS = "ws-timer", "ws-timer-kept", "ws-anonymous"


def voting_box(info: WorkshopInfo, hidden: int, lang: str) -> None:
    """The controls of the round; ``hidden``: how many votes of a closed, unrevealed round
    are in."""
    with st.container(border=True, key="ws-voting"):
        if info.voting_open:
            live(info.id, lang)
            if info.anonymous:
                st.badge(t("ws_anonymous_badge", lang), icon=":material/visibility_off:")
            st.button(
                t("ws_close_voting", lang),
                type="primary",
                icon=":material/lock:",
                on_click=actions.close_voting,
                args=(info.id, lang),
                key="ws-close-voting",
                width="stretch",
            )
            return
        if info.round is not None and not info.revealed:
            with st.container(key="ws-hidden"):
                st.markdown(md(t("ws_hidden_one" if hidden == 1 else "ws_hidden", lang, n=hidden)))
            st.button(
                t("ws_reveal", lang),
                type="primary",
                icon=":material/visibility:",
                on_click=actions.reveal,
                args=(info.id, lang),
                key="ws-reveal",
                width="stretch",
            )
            return
        room(info.id, lang)
        if info.groups:
            st.caption(md(t("ws_groups_offered", lang, groups=", ".join(info.groups))))
        if TIMER not in st.session_state:  # a widget's state is dropped while it is hidden
            st.session_state[TIMER] = st.session_state.get(TIMER_KEPT, 120)
        st.segmented_control(
            t("ws_think_time", lang),
            TIMERS,
            key=TIMER,
            on_change=_keep_timer,
            format_func=lambda s: t("ws_minutes", lang, n=s // 60) if s else t("ws_no_timer", lang),
        )
        st.toggle(t("ws_anonymous", lang), key=ANONYMOUS, help=t("ws_anonymous_help", lang))
        st.button(
            t("ws_vote_again" if info.round else "ws_open_voting", lang),
            type="secondary" if info.round else "primary",
            icon=":material/how_to_vote:",
            on_click=_open_voting,
            args=(info.id, lang),
            key="ws-open-voting",
            width="stretch",
            disabled=info.criterion_id is None,
        )


def _keep_timer() -> None:
    st.session_state[TIMER_KEPT] = st.session_state.get(TIMER)


def _open_voting(workshop_id: int, lang: str) -> None:
    seconds = st.session_state.get(TIMER)
    anonymous = bool(st.session_state.get(ANONYMOUS))
    actions.open_voting(workshop_id, seconds or None, lang, anonymous)
    st.session_state.pop(AGREE, None)
