"""Assess: the evidence of one criterion (the linked items, what the next level needs, a
way to link an existing item and a form to add a new one)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.assessments import Evidence
from assessment.cycle import is_future, is_stale
from assessment.messages import (
    checkable_label,
    checkable_text,
    future_label,
    kind_label,
    level_needs,
    stale_label,
)
from assessment.method import CriterionResult
from assessment.packs import Pack
from ui import evidence_form, forms, services
from ui.labels import md, t


def evidence(
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
    assessed = opened.assessment.assessment_date
    for item in linked:
        _linked_item(opened.ref, cid, item, [e.id for e in linked], assessed, lang, ro)
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
    if (box := forms.folded(t("add_evidence", lang), key, icon=":material/add:")) is not None:
        with box:
            evidence_form.evidence_form(opened, key, lang, criteria=[cid])


def _linked_item(
    ref: services.Ref,
    cid: str,
    item: Evidence,
    linked: list[str],
    assessed: date,
    lang: str,
    ro: bool,
) -> None:
    with st.container(border=True, key=f"linked-{cid}-{item.id}"):
        text, button = st.columns([7, 1], vertical_alignment="center")
        facts = [kind_label(item.kind, lang)]
        if item.date:
            facts.append(item.date.isoformat())
            if is_stale(item, assessed):  # said here too, as on the Evidence page and in the PDF
                facts.append(stale_label(lang))
            if is_future(item, date.today()):
                facts.append(future_label(lang))
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
    the level says it already (the claim is not backed, or the next level is the target).
    Nothing before a level is chosen: "level 1 needs no evidence" beside linked evidence
    reads as a verdict on that evidence."""
    if result.claimed is None or result.evidenced is None or result.unbacked:
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


def _link_one(ref: services.Ref, cid: str, linked: list[str], key: str) -> None:
    picked = st.session_state.get(key)
    if picked:
        services.link_evidence(ref, cid, [*linked, picked])
