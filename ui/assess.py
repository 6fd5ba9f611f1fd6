"""Assess: one criterion at a time, with the overview, the answer, the evidence and the
message whether the evidence backs the claimed level."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.assessments import Evidence
from assessment.i18n import localise
from assessment.messages import (
    checkable_label,
    checkable_text,
    completeness_text,
    kind_label,
    level_needs,
    requirements_text,
)
from assessment.method import CriterionResult
from assessment.packs import Criterion, Pack
from ui import evidence_form, layout, services, state
from ui.labels import md, t

STATE_MARKS = {"answered": "●", "unbacked": "◐", "open": "○", "na": "–"}


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
    _overview(pack, states, cid, lang)
    st.divider()

    criterion = pack.criteria_by_id[cid]
    left, right = st.columns([3, 2], gap="large")
    with left:
        _criterion_text(pack, criterion, order.index(cid), len(order), lang)
    with right:
        _answer(opened, criterion, result.criterion(cid), lang)
    st.divider()
    _stepper(order, states, cid, lang)


# ---- overview ----------------------------------------------------------------------------


def _overview(pack: Pack, states: dict[str, str], cid: str, lang: str) -> None:
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


# ---- the criterion -----------------------------------------------------------------------


def _criterion_text(pack: Pack, criterion: Criterion, index: int, total: int, lang: str) -> None:
    pillar = next(p for p in pack.pillars if p.id == pack.pillar_of[criterion.id])
    st.caption(
        md(f"{localise(pillar.title, lang)} · {t('criterion_n', lang, i=index + 1, n=total)}")
    )
    st.subheader(md(f"{criterion.id} · {localise(criterion.title, lang)}"), anchor=False)
    with st.container(horizontal=True, gap="small"):
        if criterion.mandatory:
            st.badge(t("mandatory", lang), color="red", help=t("mandatory_help", lang))
        st.badge(t("target_level", lang, level=pack.target(criterion)), color="blue")
        st.badge(t("weight", lang, w=f"{pack.weight(criterion):g}"), color="gray")
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


# ---- the answer --------------------------------------------------------------------------


def _answer(
    opened: services.Opened, criterion: Criterion, result: CriterionResult, lang: str
) -> None:
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
    _evidence(opened, result, cid, ev_key, lang, ro)


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


def _evidence(
    opened: services.Opened,
    result: CriterionResult,
    cid: str,
    ev_key: str,
    lang: str,
    ro: bool = False,
) -> None:
    """The linked items as a readable list (kind, date, checkable or not), what the next
    level still needs, a way to link an existing item, and a form to add a new one."""
    pack, assessment = opened.pack, opened.assessment
    st.markdown(f"**{t('evidence', lang)}**")
    linked = [e for e in assessment.evidence if cid in e.criteria]
    if not linked:
        st.caption(t("no_evidence_yet", lang))
    for item in linked:
        _linked_item(opened.ref, cid, item, [e.id for e in linked], lang, ro)
    _next_level(pack, result, lang)
    others = [e for e in assessment.evidence if cid not in e.criteria]
    if others and not ro:
        by_id = {e.id: e for e in others}
        st.session_state[ev_key] = None
        st.selectbox(
            t("link_existing", lang),
            list(by_id),
            key=ev_key,
            index=None,
            format_func=lambda i: (
                f"{i} · {kind_label(by_id[i].kind, lang)} · {by_id[i].title}"
                + ("" if by_id[i].checkable else f" ({checkable_label(by_id[i], lang)})")
            ),
            help=t("link_evidence_help", lang),
            placeholder=t("link_existing_hint", lang),
            on_change=_link_one,
            args=(opened.ref, cid, [e.id for e in linked], ev_key),
        )
    key = f"add-{cid}"
    if ro:  # a reviewer adds nothing: no form at all
        return
    with st.expander(
        t("add_evidence", lang), icon=":material/add:", expanded=bool(evidence_form.problems(key))
    ):
        evidence_form.evidence_form(opened, key, lang, criteria=[cid])


def _linked_item(
    ref: services.Ref, cid: str, item: Evidence, linked: list[str], lang: str, ro: bool
) -> None:
    with st.container(border=True, key=f"linked-{cid}-{item.id}"):
        text, button = st.columns([7, 1], vertical_alignment="center")
        facts = [kind_label(item.kind, lang)]
        if item.date:
            facts.append(item.date.isoformat())
        if item.file is not None:
            facts.append(item.file.name)
        line = f"**{md(item.id)} · {md(item.title)}**  \n:gray[{md(' · '.join(facts))}]"
        if item.checkable:
            line += f"  \n:green[:material/check: {md(checkable_label(item, lang))}]"
        else:
            line += f"  \n:orange[:material/error: {md(checkable_text(item, lang))}]"
        text.markdown(line)
        button.button(
            "",
            key=f"unlink-{cid}-{item.id}",
            icon=":material/link_off:",
            help=t("unlink", lang),
            type="tertiary",
            disabled=ro,
            on_click=services.link_evidence,
            args=(ref, cid, [i for i in linked if i != item.id]),
        )


def _next_level(pack: Pack, result: CriterionResult, lang: str) -> None:
    """What evidence the level above the evidenced one still needs, unless the message under
    the level says it already (the claim is not backed, or the next level is the target)."""
    if result.evidenced is None or result.unbacked:
        return
    nxt = result.evidenced + 1
    if nxt > pack.scale[-1].level:
        return
    claimed = result.claimed or 0
    if result.claimed is not None and claimed < result.target and nxt == result.target:
        return  # "Voor het doel: …" says it
    needs = level_needs(pack, result.id, nxt, result.kinds, lang)
    if needs:
        st.caption(md(needs[0].upper() + needs[1:] + "."))
    elif pack.cumulative_requirements(pack.criteria_by_id[result.id], nxt):
        st.caption(t("next_level_met", lang, level=nxt))
    else:
        st.caption(t("next_level_free", lang, level=nxt))


# ---- callbacks: store the value, nothing else ----------------------------------------------


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


def _link_one(ref: services.Ref, cid: str, linked: list[str], key: str) -> None:
    picked = st.session_state.get(key)
    if picked:
        services.link_evidence(ref, cid, [*linked, picked])


# ---- previous, next, next open -------------------------------------------------------------


def _stepper(order: list[str], states: dict[str, str], cid: str, lang: str) -> None:
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


if __name__ == "__main__":  # run as a page by st.navigation
    render()
