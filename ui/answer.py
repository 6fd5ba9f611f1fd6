"""Assess: the answer to a criterion (not applicable, the claimed level, the note) and the
message whether the evidence backs the claimed level; callbacks store the value, nothing else."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.i18n import localise
from assessment.messages import level_needs
from assessment.method import CriterionResult
from assessment.packs import Criterion, Pack
from ui import layout, services
from ui.answer_evidence import evidence
from ui.labels import md, t


def answer(
    opened: services.Opened, criterion: Criterion, result: CriterionResult, lang: str
) -> None:
    """The answer controls of one criterion, read-only for a reviewer."""
    pack, assessment = opened.pack, opened.assessment
    cid = criterion.id
    response = assessment.responses.get(cid)
    ro = layout.read_only(opened)  # a reviewer: every control that changes it, disabled
    st.subheader(t("your_answer", lang), anchor=False)

    na_key, level_key = f"na-{cid}", f"level-{cid}"
    note_key, just_key, ev_key = f"note-{cid}", f"just-{cid}", f"ev-{cid}"
    stored_na = bool(response and response.not_applicable)
    if stored_na or na_key not in st.session_state:
        st.session_state[na_key] = stored_na  # a pending "not applicable" survives the rerun
    st.toggle(
        t("not_applicable", lang),
        key=na_key,
        disabled=criterion.mandatory or ro,
        help=t("na_mandatory", lang) if criterion.mandatory else None,
        on_change=_na_changed,
        args=(opened.ref, cid, na_key, just_key),
    )
    if st.session_state[na_key]:
        st.session_state[just_key] = (response.justification if response else None) or ""
        st.text_area(
            t("justification", lang),
            key=just_key,
            disabled=ro,
            on_change=_save_response,
            args=(opened.ref, cid, {"not_applicable": True}, just_key, "justification"),
        )
        if not stored_na:
            st.warning(t("justification_needed", lang))
        return

    if response is not None and response.to_confirm:
        with st.container(horizontal=True, vertical_alignment="center", gap="medium"):
            st.warning(t("to_confirm_notice", lang), icon=":material/history:")
            st.button(
                t("confirm_response", lang),
                key=f"confirm-{cid}",
                icon=":material/check:",
                disabled=ro,
                on_click=services.update_response,
                args=(opened.ref, cid, {"to_confirm": None}),
            )
    levels = [s.level for s in pack.scale]
    st.session_state[level_key] = response.level if response else None
    st.radio(
        t("claimed_level", lang),
        levels,
        key=level_key,
        disabled=ro,
        format_func=lambda lvl: md(f"{lvl} · {localise(pack.scale_label(lvl), lang)}"),
        on_change=_save_response,
        args=(opened.ref, cid, {}, level_key, "level"),
    )
    _backing(pack, result, lang)

    st.session_state[note_key] = (response.note if response else None) or ""
    st.text_area(
        t("note", lang),
        key=note_key,
        disabled=ro,
        help=t("note_help", lang),
        on_change=_save_response,
        args=(opened.ref, cid, {}, note_key, "note"),
    )
    evidence(opened, result, cid, ev_key, lang, ro)


def _backing(pack: Pack, result: CriterionResult, lang: str) -> None:
    """Say at once whether the evidence backs the claim, and what would."""
    if result.claimed is None:
        st.info(t("no_level", lang))
        return
    if result.unbacked:
        needs = level_needs(pack, result.id, result.claimed, result.kinds, lang)
        st.warning(
            md(
                t(
                    "unbacked",
                    lang,
                    evidenced=result.evidenced,
                    claimed=result.claimed,
                    needs=needs,
                )
            ),
            icon=":material/warning:",
        )
    elif not pack.cumulative_requirements(pack.criteria_by_id[result.id], result.claimed):
        # nothing to back: say so, rather than "the evidence backs level 1" with none linked
        st.success(t("backed_free", lang, level=result.claimed), icon=":material/check_circle:")
    else:
        st.success(t("backed", lang, level=result.claimed), icon=":material/check_circle:")
    if result.claimed < result.target:
        needs = level_needs(pack, result.id, result.target, result.kinds, lang)
        if needs:
            st.caption(md(t("to_target", lang, needs=needs)))


def _save_response(
    ref: services.Ref, cid: str, fixed: dict[str, Any], key: str, field: str
) -> None:
    value = st.session_state.get(key)
    if isinstance(value, str):
        value = value.strip() or None
    services.update_response(ref, cid, {**fixed, field: value})


def _na_changed(ref: services.Ref, cid: str, na_key: str, just_key: str) -> None:
    if st.session_state.get(na_key):
        justification = (st.session_state.get(just_key) or "").strip()
        if justification:
            services.update_response(
                ref, cid, {"not_applicable": True, "justification": justification}
            )
    else:
        services.update_response(ref, cid, {"not_applicable": False, "justification": None})
