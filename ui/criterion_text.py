"""Assess: the criterion itself, its question, guidance, levels and evidence hints."""

from __future__ import annotations

import streamlit as st

from assessment.formats import number
from assessment.i18n import localise
from assessment.messages import kind_label, requirements_text
from assessment.packs import Criterion, Pack
from ui.labels import md, t


def criterion_text(pack: Pack, criterion: Criterion, index: int, total: int, lang: str) -> None:
    """The criterion to answer: where it sits, its badges, question, guidance and levels."""
    pillar = next(p for p in pack.pillars if p.id == pack.pillar_of[criterion.id])
    st.caption(
        md(f"{localise(pillar.title, lang)} · {t('criterion_n', lang, i=index + 1, n=total)}")
    )
    st.subheader(md(f"{criterion.id} · {localise(criterion.title, lang)}"), anchor=False)
    with st.container(horizontal=True, gap="small"):
        if criterion.mandatory:
            st.badge(t("mandatory", lang), color="red", help=t("mandatory_help", lang))
        st.badge(t("target_level", lang, level=pack.target(criterion)), color="blue")
        st.badge(t("weight", lang, w=number(pack.weight(criterion), lang)), color="gray")
        for tag in criterion.tags:
            st.badge(md(localise(pack.tags.get(tag, tag), lang)), color="gray")
    st.markdown(f"##### {md(localise(criterion.question, lang))}")
    if criterion.guidance:
        with st.expander(t("guidance", lang)):
            st.markdown(md(localise(criterion.guidance, lang)))
    with st.expander(t("levels", lang), expanded=True):
        for scale in pack.scale:
            text = criterion.levels.get(scale.level) or scale.description
            needs = requirements_text(pack.level_requirements(criterion, scale.level), lang)
            line = f"**{scale.level} · {md(localise(scale.label, lang))}**"
            if text:
                line += f" — {md(localise(text, lang))}"
            if needs:
                line += f"  \n:gray[{t('needs_col', lang)}: {md(needs)}]"
            st.markdown(line)
    if criterion.evidence_hints or criterion.refs:
        with st.expander(t("hints", lang)):
            for hint in criterion.evidence_hints:
                st.markdown(
                    f"- **{md(kind_label(hint.kind, lang))}**: {md(localise(hint.text, lang))}"
                )
            if criterion.refs:
                st.caption(md(f"{t('refs', lang)}: " + "; ".join(criterion.refs)))
