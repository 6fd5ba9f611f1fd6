"""Fieldwork: the complaint register (upload, mapping, figures), the sample and the file review.

The register is read with the mapped columns only (the preview shows nothing else) and is
never stored: the assessment keeps its figures, the sample and the reviewer's answers.
"""

from __future__ import annotations

import streamlit as st

from ui import fieldwork_register, fieldwork_review, fieldwork_sample, layout, state
from ui.labels import t


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    layout.page_title("fw_title", lang, opened)
    st.markdown(t("fw_intro", lang))
    st.subheader(t("fw_register_head", lang), anchor=False, divider="gray")
    ro = layout.read_only(opened)  # a reviewer may analyse a register but keeps nothing
    register = fieldwork_register.register(lang)
    analysis = (
        fieldwork_register.analysis(opened, register, lang, ro) if register is not None else None
    )
    fieldwork_register.kept_analysis(opened, lang, ro)
    st.subheader(t("fw_sample_head", lang), anchor=False, divider="gray")
    fieldwork_sample.sample(opened, analysis, lang, ro)
    st.subheader(t("fw_review_head", lang), anchor=False, divider="gray")
    fieldwork_review.review(opened, lang, ro)


if __name__ == "__main__":  # run as a page by st.navigation
    render()
