"""The Evidence page's last part: the criteria that still lack evidence for their target
level, each with what it needs, listed ten at a time (:mod:`ui.paging`)."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import localise
from assessment.messages import level_needs
from ui import layout, paging, services, state
from ui.labels import md, t, tn

SHOWN_MISSING = "ev-missing-shown"  # how many criteria without enough evidence are listed


def missing(opened: services.Opened, lang: str) -> None:
    """The criteria whose evidence does not reach their target level, counted, ten at a time,
    each with what it still needs and a way to it on the Assess page."""
    pack = opened.pack
    lacking = [c for c in opened.result.criteria if c.applicable and c.missing]
    if not lacking:
        st.success(t("missing_none", lang))
        return
    st.caption(tn("missing_count", lang, len(lacking)))
    for c in lacking[: paging.shown(SHOWN_MISSING)]:
        criterion = pack.criteria_by_id[c.id]
        cols = st.columns([5, 1], vertical_alignment="center")
        needs = level_needs(pack, c.id, c.target, c.kinds, lang)
        cols[0].markdown(f"**{md(c.id)}** · {md(localise(criterion.title, lang))}  \n{md(needs)}")
        if cols[1].button(t("go_assess", lang), key=f"go-{c.id}", icon=":material/arrow_forward:"):
            state.set_criterion(c.id)
            st.switch_page(layout.goto("assess"))
    paging.more(len(lacking), lang, SHOWN_MISSING)
