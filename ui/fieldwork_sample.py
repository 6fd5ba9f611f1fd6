"""Fieldwork, part 2: the sample of complaint files, drawn from the analysed register and kept."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.errors import IkmError
from assessment.fieldwork.analysis import Analysis
from assessment.fieldwork.record import sample_record
from assessment.fieldwork.sampling import draw_sample
from assessment.formats import long_date
from assessment.i18n import counted
from assessment.problem_words import in_language
from ui import services, state
from ui.fieldwork_review import FILE
from ui.labels import md, t


def sample(opened: services.Opened, analysis: Analysis | None, lang: str, ro: bool) -> None:
    """The kept sample and, for an editor with a register, a form to draw a new one."""
    fieldwork = opened.assessment.fieldwork
    kept = fieldwork.sample if fieldwork else None
    if kept is not None:
        how = (
            t("fw_stratified", lang, by=t(f"fw_by_{kept.by}", lang))
            if kept.by
            else t("fw_simple", lang)
        )
        st.info(
            md(
                t(
                    "fw_sample_info",
                    lang,
                    size=counted(kept.size, "file", lang),
                    population=counted(kept.population, "complaint", lang),
                    seed=kept.seed,
                    how=how,
                    date=long_date(kept.drawn, lang),
                    sha=kept.register_sha256,
                )
            )
        )
        st.caption(md(", ".join(kept.ids)))
        if analysis is not None and analysis.register.sha256 != kept.register_sha256:
            st.warning(t("fw_other_register", lang))
    if analysis is None:  # the register itself is never kept: it is loaded again to redraw
        st.caption(t("fw_upload_again" if kept is not None else "fw_upload_first", lang))
        return
    population = len(analysis.complaints)
    if not population:
        st.caption(t("fw_no_complaints", lang))
        return
    if ro:  # a reviewer draws no sample: it would be kept
        return
    cols = st.columns(3)
    size = cols[0].number_input(
        t("fw_size", lang), min_value=1, max_value=population, value=min(25, population),
        step=1, key="fw-size",
    )  # fmt: skip
    seed = cols[1].number_input(
        t("fw_seed", lang), min_value=0, value=date.today().year, step=1, key="fw-seed"
    )
    choices = [None, *(f for f in ("department", "channel") if f in analysis.register.columns)]
    by = cols[2].selectbox(
        t("fw_by", lang),
        choices,
        key="fw-by",
        format_func=lambda b: t(f"fw_by_{b or 'none'}", lang),
    )
    discard = False
    if fieldwork is not None and fieldwork.review:
        discard = st.checkbox(t("fw_discard", lang), key="fw-discard")
    if st.button(t("fw_draw", lang), key="fw-draw", icon=":material/casino:"):
        try:
            sample = draw_sample(
                analysis.complaints,
                int(size),
                int(seed),
                by=by,
                register_sha256=analysis.register.sha256,
            )
        except IkmError as exc:
            st.error(md(in_language(str(exc), lang)))
            return
        if services.save_sample(opened.ref, sample_record(sample), discard, lang):
            state.flash("toast", t("fw_sample_saved", lang))
            st.session_state.pop(FILE, None)
        st.rerun()
