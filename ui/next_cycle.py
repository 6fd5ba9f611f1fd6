"""Exchange in the app: the start of the next cycle from the open assessment (Start page)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from ui import services, state
from ui.labels import md, t

NEXT_DATE = "next-cycle-date"


def next_cycle_form(opened: services.Opened, lang: str) -> None:
    """Start the next cycle from the open assessment (Start page)."""
    st.caption(t("next_intro", lang))
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        st.date_input(
            t("next_date", lang),
            value=date.today(),
            key=NEXT_DATE,
            format="YYYY-MM-DD",
        )
        st.button(
            t("next_button", lang),
            type="primary",
            icon=":material/autorenew:",
            key="next-cycle",
            on_click=_start_next,
            args=(opened, lang),
        )


def _start_next(opened: services.Opened, lang: str) -> None:
    on = st.session_state.get(NEXT_DATE) or date.today()
    made = services.start_next_cycle(opened, on, lang)
    if made is None:
        return
    aid, cycle = made
    state.open_assessment(aid)
    c = cycle.changes
    state.flash(
        "success",
        t(
            "next_done",
            lang,
            n=len(cycle.to_confirm),
            stale=len(cycle.stale),
            actions=len(cycle.carried_actions),
            done=len(cycle.done_actions),
        ),
    )
    if c.any:
        state.flash(
            "info",
            t(
                "next_changes",
                lang,
                old=md(c.old_version or "?"),
                new=md(c.new_version),
                added=md(", ".join(c.added) or "–"),
                removed=md(", ".join(c.removed) or "–"),
                changed=md(", ".join(ch.id for ch in c.changed) or "–"),
            ),
        )
    for line in cycle.dropped:
        state.flash("warning", md(line))
