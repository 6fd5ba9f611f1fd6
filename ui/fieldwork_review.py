"""Fieldwork, part 3: the file review (one sampled file at a time, each check answered) and
the conformity per criterion that can become evidence."""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.fieldwork.evidence import interval_text
from assessment.fieldwork.filereview import (
    check_texts,
    file_progress,
    file_review,
    reviewed_criteria,
)
from assessment.fieldwork.record import ANSWERS
from assessment.i18n import localise
from assessment.messages import pct
from ui import services
from ui.labels import md, t

FILE = "fw-file"  # session state: the id of the file under review


def review(opened: services.Opened, lang: str, ro: bool) -> None:
    """The review of the sampled files, one at a time, and the conformity so far."""
    pack, assessment = opened.pack, opened.assessment
    criteria = reviewed_criteria(pack, assessment)
    if not criteria:
        st.info(t("fw_no_checks", lang))
        return
    sample = assessment.fieldwork.sample if assessment.fieldwork else None
    if sample is None:
        st.caption(t("fw_no_sample", lang))
        return
    ids = list(sample.ids)
    if st.session_state.get(FILE) not in ids:
        st.session_state[FILE] = ids[0]
    position = ids.index(st.session_state[FILE])
    nav = st.columns([1, 4, 1], vertical_alignment="bottom")
    nav[0].button(t("fw_prev", lang), key="fw-prev", disabled=position == 0, on_click=_goto,
                  args=(ids, position - 1), icon=":material/arrow_back:")  # fmt: skip
    nav[1].selectbox(t("fw_file", lang), ids, key=FILE)
    last = position == len(ids) - 1
    nav[2].button(t("fw_next", lang), key="fw-next", disabled=last, on_click=_goto,
                  args=(ids, position + 1), icon=":material/arrow_forward:")  # fmt: skip
    file_id = st.session_state[FILE]
    answered, asked = file_progress(pack, assessment, file_id)
    st.caption(
        md(t("fw_file_n", lang, id=file_id, n=position + 1, m=len(ids), a=answered, b=asked))
    )
    answers = assessment.fieldwork.review.get(file_id, {}) if assessment.fieldwork else {}
    for criterion in criteria:
        with st.container(border=True):
            st.markdown(f"**{md(criterion.id)}** · {md(localise(criterion.title, lang))}")
            for check in criterion.file_checks:
                _check(opened.ref, file_id, criterion.id, check, answers, lang, ro)
    _conformity(opened, lang, ro)


def _goto(ids: list[str], position: int) -> None:
    st.session_state[FILE] = ids[position]


def _check(
    ref: services.Ref,
    file_id: str,
    cid: str,
    check: Any,
    answers: dict[str, Any],
    lang: str,
    ro: bool,
) -> None:
    given = answers.get(cid, {}).get(check.id)
    key = f"fw-ans-{file_id}-{cid}-{check.id}"
    note_key = f"fw-note-{file_id}-{cid}-{check.id}"
    st.session_state[key] = given.answer if given else None
    st.session_state[note_key] = (given.note or "") if given else ""
    cols = st.columns([3, 3, 2], vertical_alignment="center")
    cols[0].markdown(md(localise(check.text, lang)))
    cols[1].segmented_control(
        localise(check.text, lang),
        list(ANSWERS),
        key=key,
        format_func=lambda a: t(f"fw_{a}", lang),
        label_visibility="collapsed",
        disabled=ro,
        on_change=_answer_changed,
        args=(ref, file_id, cid, check.id, key, note_key, lang),
    )
    cols[2].text_input(
        t("fw_note", lang),
        key=note_key,
        placeholder=t("fw_note", lang),
        label_visibility="collapsed",
        disabled=ro or given is None,
        on_change=_answer_changed,
        args=(ref, file_id, cid, check.id, key, note_key, lang),
    )


def _answer_changed(
    ref: services.Ref, file_id: str, cid: str, check_id: str, key: str, note_key: str, lang: str
) -> None:
    services.set_review_answer(
        ref,
        file_id,
        cid,
        check_id,
        st.session_state.get(key),
        st.session_state.get(note_key),
        lang,
    )


def _conformity(opened: services.Opened, lang: str, ro: bool) -> None:
    results = file_review(opened.pack, opened.assessment)
    if not results:
        return
    st.markdown(f"**{t('fw_conformity_head', lang)}**")
    rows = []
    for result in results:
        texts = check_texts(opened.pack.criteria_by_id[result.total.criterion], lang)
        for item in (result.total, *result.checks):
            rows.append(
                {
                    t("fw_criterion", lang): item.criterion,
                    t("fw_check", lang): texts[item.check],
                    t("fw_files", lang): item.files,
                    t("fw_pass", lang): item.passes,
                    t("fw_fail", lang): item.fails,
                    t("fw_not_relevant", lang): item.not_relevant,
                    t("fw_conformity", lang): pct(item.rate, lang),
                    t("fw_interval", lang): interval_text(item, lang),
                }
            )
    st.dataframe(rows, hide_index=True)
    st.button(
        t("fw_review_evidence", lang),
        key="fw-review-evidence",
        icon=":material/add_task:",
        disabled=ro,
        on_click=services.add_fieldwork_evidence,
        args=(opened.ref, "review", None, lang),
    )
