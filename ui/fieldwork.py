"""Fieldwork: the complaint register (upload, mapping, figures), the sample and the file review.

The register is read with the mapped columns only (the preview shows nothing else) and is
never stored: the assessment keeps its figures, the sample and the reviewer's answers.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from assessment.errors import IkmError
from assessment.fieldwork.analysis import Analysis, analyse, percent, reason_text, terms_for
from assessment.fieldwork.evidence import suggested_register_criteria
from assessment.fieldwork.filereview import file_progress, file_review, reviewed_criteria
from assessment.fieldwork.reading import FIELDS, Register, guess_columns
from assessment.fieldwork.record import ANSWERS, register_record, sample_record
from assessment.fieldwork.sampling import draw_sample
from assessment.i18n import localise
from assessment.messages import pct
from ui import layout, services, state
from ui.labels import md, t

PREVIEW_ROWS = 5
FILE = "fw-file"  # session state: the id of the file under review


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    layout.page_title("fw_title", lang, opened)
    st.markdown(t("fw_intro", lang))
    st.subheader(t("fw_register_head", lang), anchor=False, divider="gray")
    ro = layout.read_only(opened)  # a reviewer may analyse a register but keeps nothing
    register = _register(lang)
    analysis = _analysis(opened, register, lang, ro) if register is not None else None
    _kept_analysis(opened, lang, ro)
    st.subheader(t("fw_sample_head", lang), anchor=False, divider="gray")
    _sample(opened, analysis, lang, ro)
    st.subheader(t("fw_review_head", lang), anchor=False, divider="gray")
    _review(opened, lang, ro)


# ---- 1. the register ---------------------------------------------------------------------


def _register(lang: str) -> Register | None:
    upload = st.file_uploader(t("fw_upload", lang), type=["csv", "xlsx", "txt"], key="fw-upload")
    if upload is None:
        return None
    raw = upload.getvalue()
    headers, problem = services.register_headers(upload.name, raw)
    if problem:
        st.error(md(problem))
        return None
    guessed = guess_columns(headers)
    options = ["", *dict.fromkeys(h for h in headers if h)]
    mapping: dict[str, str] = {}
    with st.expander(t("fw_mapping", lang), expanded=True):
        cols = st.columns(4)
        for i, field in enumerate(FIELDS):
            key = f"fw-map-{field}"
            if st.session_state.get(key) not in options:
                st.session_state[key] = guessed.get(field, "")
            choice = cols[i % 4].selectbox(
                t(f"fw_field_{field}", lang),
                options,
                key=key,
                format_func=lambda h: h or t("fw_not_mapped", lang),
            )
            if choice:
                mapping[field] = choice
    read = services.read_register_upload(upload.name, raw, tuple(sorted(mapping.items())))
    if read.problem:
        st.error(md(read.problem))
        return None
    register: Register = read.register
    if register.dropped:
        names = ", ".join(register.dropped)
        st.caption(md(t("fw_dropped", lang, n=len(register.dropped), names=names)))
    st.caption(t("fw_preview", lang))
    st.dataframe(_preview(register), hide_index=True)
    return register


def _preview(register: Register) -> list[dict[str, Any]]:
    """The first rows, the mapped columns only (as text, so nothing is read as a formula)."""
    rows = []
    for row in register.rows[:PREVIEW_ROWS]:
        cells = {"#": row[0]}
        for field, header in register.columns.items():
            value = row[1 + FIELDS.index(field)]
            cells[header] = "" if value is None else str(value)
        rows.append(cells)
    return rows


def _analysis(opened: services.Opened, register: Register, lang: str, ro: bool) -> Analysis:
    pack_terms = opened.pack.terms
    cols = st.columns(3)
    ack = cols[0].number_input(
        t("fw_ack_days", lang), min_value=0, step=1, value=pack_terms.ack_days, key="fw-ack"
    )
    decide = cols[1].number_input(
        t("fw_decide_days", lang),
        min_value=0,
        step=1,
        value=pack_terms.decide_days,
        key="fw-decide",
    )
    today = cols[2].date_input(t("fw_today", lang), value=date.today(), key="fw-today")
    terms = terms_for(
        opened.pack,
        None if ack == pack_terms.ack_days else ack,
        None if decide == pack_terms.decide_days else decide,
    )
    analysis = analyse(register, terms, today)
    data = analysis.to_json()
    metrics = st.columns(4)
    metrics[0].metric(t("fw_complaints", lang), data["complaints"])
    for col, key, label in (
        (metrics[1], "acknowledged_on_time", "fw_ack_on_time"),
        (metrics[2], "decided_on_time", "fw_decided_on_time"),
    ):
        figure = data[key]
        if figure is None:
            col.metric(t(label, lang), "–")
        else:
            share = pct(percent(figure["count"], figure["of"]), lang)
            col.metric(t(label, lang), share, t("fw_of", lang, c=figure["count"], o=figure["of"]),
                       delta_color="off", delta_arrow="off")  # fmt: skip
    overdue = data["open_overdue"]
    metrics[3].metric(t("fw_open", lang), f"{data['open']} ({'–' if overdue is None else overdue})")
    _notes(data["skipped"], "fw_skipped", lang)
    _notes(data["warnings"], "fw_warnings", lang)
    if data["by_month"]:
        st.caption(t("fw_per_month", lang))
        st.bar_chart(
            {
                "month": list(data["by_month"]),
                "n": [m["complaints"] for m in data["by_month"].values()],
            },
            x="month",
            y="n",
            x_label=t("fw_month", lang),
            y_label=t("fw_complaints", lang),
            height=220,
        )
    st.button(
        t("fw_save_analysis", lang),
        key="fw-save-analysis",
        icon=":material/save:",
        disabled=ro,
        on_click=_save_analysis,
        args=(opened.ref, analysis, lang),
    )
    return analysis


def _notes(notes: list[dict[str, Any]], key: str, lang: str) -> None:
    if not notes:
        return
    with st.expander(t(key, lang, n=len(notes))):
        st.dataframe(
            [
                {
                    t("fw_line", lang): n["line"],
                    t("fw_reason", lang): reason_text(n["code"], n.get("value", ""), lang),
                }
                for n in notes
            ],
            hide_index=True,
        )


def _save_analysis(ref: services.Ref, analysis: Analysis, lang: str) -> None:
    if services.save_analysis(ref, register_record(analysis), lang):
        state.flash("toast", t("fw_analysis_saved", lang))


def _kept_analysis(opened: services.Opened, lang: str, ro: bool) -> None:
    fieldwork = opened.assessment.fieldwork
    kept = fieldwork.analysis if fieldwork else None
    if kept is None:
        return
    st.success(
        md(
            t(
                "fw_saved_analysis",
                lang,
                name=kept.name,
                complaints=kept.complaints,
                date=kept.analysed.isoformat(),
                sha=kept.sha256[:12],
            )
        )
    )
    pack = opened.pack
    key = f"fw-ev-criteria-{opened.ref.aid}"
    if key not in st.session_state:
        st.session_state[key] = suggested_register_criteria(pack)
    chosen = st.multiselect(
        t("fw_evidence_criteria", lang),
        list(pack.criteria_by_id),
        key=key,
        format_func=lambda c: f"{c} · {localise(pack.criteria_by_id[c].title, lang)}",
        disabled=ro,
    )
    st.button(
        t("fw_register_evidence", lang),
        key="fw-register-evidence",
        icon=":material/add_task:",
        disabled=ro,
        on_click=services.add_fieldwork_evidence,
        args=(opened.ref, "register", list(chosen), lang),
    )


# ---- 2. the sample -----------------------------------------------------------------------


def _sample(opened: services.Opened, analysis: Analysis | None, lang: str, ro: bool) -> None:
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
                    size=kept.size,
                    population=kept.population,
                    seed=kept.seed,
                    how=how,
                    date=kept.drawn.isoformat(),
                    sha=kept.register_sha256,
                )
            )
        )
        st.caption(md(", ".join(kept.ids)))
        if analysis is not None and analysis.register.sha256 != kept.register_sha256:
            st.warning(t("fw_other_register", lang))
    if analysis is None:
        st.caption(t("fw_upload_first", lang))
        return
    population = len(analysis.complaints)
    if not population or ro:  # a reviewer draws no sample: it would be kept
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
            st.error(md(str(exc)))
            return
        if services.save_sample(opened.ref, sample_record(sample), discard, lang):
            state.flash("toast", t("fw_sample_saved", lang))
            st.session_state.pop(FILE, None)
        st.rerun()


# ---- 3. the file review ------------------------------------------------------------------


def _review(opened: services.Opened, lang: str, ro: bool) -> None:
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
        for item in (result.total, *result.checks):
            interval = item.interval
            rows.append(
                {
                    t("fw_criterion", lang): item.criterion,
                    t("fw_check", lang): item.check or "",
                    t("fw_files", lang): item.files,
                    t("fw_pass", lang): item.passes,
                    t("fw_fail", lang): item.fails,
                    t("fw_not_relevant", lang): item.not_relevant,
                    t("fw_conformity", lang): pct(item.rate, lang),
                    t("fw_interval", lang): (
                        "–"
                        if interval is None
                        else f"{pct(interval[0], lang)} – {pct(interval[1], lang)}"
                    ),
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


if __name__ == "__main__":  # run as a page by st.navigation
    render()
