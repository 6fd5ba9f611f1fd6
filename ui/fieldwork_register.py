"""Fieldwork, part 1: the complaint register (upload, column mapping, preview), its figures
and the kept analysis that can become evidence.

The register is read with the mapped columns only (the preview shows nothing else) and is
never stored: the assessment keeps its figures.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from assessment.fieldwork.analysis import Analysis, analyse, percent, reason_text, terms_for
from assessment.fieldwork.evidence import suggested_register_criteria
from assessment.fieldwork.reading import (
    FIELDS,
    Register,
    dropped_count,
    dropped_text,
    guess_columns,
)
from assessment.fieldwork.record import register_record
from assessment.i18n import localise
from assessment.messages import pct
from assessment.problem_words import in_language
from ui import services, state
from ui.labels import md, t, tn

PREVIEW_ROWS = 5


def register(lang: str) -> Register | None:
    """The uploaded register read with the mapped columns, or None."""
    upload = st.file_uploader(t("fw_upload", lang), type=["csv", "xlsx", "txt"], key="fw-upload")
    if upload is None:
        return None
    raw = upload.getvalue()
    headers, problem = services.register_headers(upload.name, raw)
    if problem:
        st.error(md(in_language(problem, lang, name=upload.name)))
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
        hint = t("fw_map_required", lang, mapping=t("fw_mapping", lang))
        problem = md(in_language(read.problem, lang, name=upload.name))
        st.error(problem + (f"\n\n{hint}" if read.columns_missing else ""))
        return None
    register: Register = read.register
    if register.dropped:
        names = dropped_text(register.dropped, lang)
        st.caption(md(t("fw_dropped", lang, n=dropped_count(register.dropped), names=names)))
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


def analysis(opened: services.Opened, register: Register, lang: str, ro: bool) -> Analysis:
    """The register's figures under the (possibly changed) terms, with a button to keep them."""
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
    today = cols[2].date_input(
        t("fw_today", lang), value=date.today(), key="fw-today", format="YYYY-MM-DD"
    )  # as every other date field of the app
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
    with st.expander(tn(key, lang, len(notes))):
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


def kept_analysis(opened: services.Opened, lang: str, ro: bool) -> None:
    """The kept analysis and the criteria it can be evidence for."""
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
