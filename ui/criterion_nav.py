"""Assess: the way between criteria, the overview of every criterion's state (a click opens
one) and previous, next and next open under the criterion."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import localise
from assessment.packs import Pack
from ui import state
from ui.labels import md, t

STATE_MARKS = {"answered": "●", "unbacked": "◐", "open": "○", "na": "–"}


def overview(pack: Pack, states: dict[str, str], cid: str, lang: str) -> None:
    """Every criterion's state, one row of pills per pillar; a click opens the criterion."""
    with st.container(border=True):
        for pillar in pack.pillars:
            key = f"ov-{pillar.id}"
            ids = [c.id for c in pillar.criteria]
            st.session_state[key] = cid if cid in ids else None
            st.pills(
                md(localise(pillar.title, lang)),
                ids,
                key=key,
                format_func=lambda i: f"{STATE_MARKS[states[i]]} {md(i)}",
                on_change=_picked,
                args=(key,),
                wrap=True,
            )
        st.caption(t("legend", lang))
        jump = "ov-jump"
        st.session_state[jump] = None
        st.selectbox(
            t("jump_to", lang),
            [c.id for _, c in pack.criteria()],
            key=jump,
            index=None,
            format_func=lambda i: (
                f"{STATE_MARKS[states[i]]} {i} · {localise(pack.criteria_by_id[i].title, lang)}"
            ),
            placeholder=t("choose_criterion", lang),
            on_change=_picked,
            args=(jump,),
        )


def _picked(key: str) -> None:
    value = st.session_state.get(key)
    if value:
        state.set_criterion(value)


def stepper(order: list[str], states: dict[str, str], cid: str, lang: str) -> None:
    """Previous, next and the next criterion still open (or a word that all are done)."""
    i = order.index(cid)
    after = order[i + 1 :] + order[: i + 1]
    next_open = next((x for x in after if states[x] in ("open", "unbacked") and x != cid), None)
    with st.container(horizontal=True, gap="medium"):
        st.button(
            t("previous", lang),
            icon=":material/arrow_back:",
            disabled=i == 0,
            on_click=state.set_criterion,
            args=(order[max(0, i - 1)],),
            key="prev",
        )
        st.button(
            t("next", lang),
            icon=":material/arrow_forward:",
            icon_position="right",
            disabled=i == len(order) - 1,
            on_click=state.set_criterion,
            args=(order[min(len(order) - 1, i + 1)],),
            key="next",
            type="primary",
        )
        if next_open:
            st.button(
                t("next_open", lang),
                icon=":material/skip_next:",
                on_click=state.set_criterion,
                args=(next_open,),
                key="next_open",
            )
        else:
            st.success(t("all_done", lang))
