"""Assess: one criterion at a time, with the overview, the answer, the evidence and the
message whether the evidence backs the claimed level."""

from __future__ import annotations

import streamlit as st

from assessment.messages import completeness_text
from ui import layout, state
from ui.answer import answer
from ui.criterion_nav import overview, stepper
from ui.criterion_text import criterion_text


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    pack, result = opened.pack, opened.result
    order = [c.id for _, c in pack.criteria()]
    states = {c.id: c.state for c in result.criteria}
    cid = state.criterion_id()
    if cid not in pack.criteria_by_id:
        cid = next((i for i in order if states[i] in ("open", "unbacked")), order[0])
        state.set_criterion(cid)

    layout.page_title("nav_assess", lang, opened)
    done = result.completeness  # the same count as the results, the report and ikm score
    st.progress(
        done.share,
        text=completeness_text(done.answered, done.applicable, lang, done.to_confirm),
    )
    overview(pack, states, cid, lang)
    st.divider()

    criterion = pack.criteria_by_id[cid]
    left, right = st.columns([3, 2], gap="large")
    with left:
        criterion_text(pack, criterion, order.index(cid), len(order), lang)
    with right:
        answer(opened, criterion, result.criterion(cid), lang)
    st.divider()
    stepper(order, states, cid, lang)


if __name__ == "__main__":  # run as a page by st.navigation
    render()
