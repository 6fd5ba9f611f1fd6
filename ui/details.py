"""Start: the open assessment's details (organisation, dates, assessors, report language),
a form that a reviewer reads with every field disabled."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.i18n import LANGUAGES
from ui import forms, layout, services, state
from ui.labels import t

DETAILS = "details"  # key of the details form's problems
HANDLING = (None, "central", "decentral")


def details_form(opened: services.Opened, lang: str) -> None:
    """The details form of the open assessment (read-only for a reviewer)."""
    a = opened.assessment
    key = f"details-{opened.ref.aid}-{opened.ref.version}"
    ro = layout.read_only(opened)  # a reviewer reads the details, changes nothing
    with st.form(key, border=True):
        left, right = st.columns(2, gap="large")
        left.text_input(
            t("org_name", lang), value=a.organisation.name, key=f"{key}-name", disabled=ro
        )
        with left:
            forms.beside(DETAILS, "name")
        left.text_input(
            t("org_sector", lang),
            value=a.organisation.sector or "",
            key=f"{key}-sector",
            disabled=ro,
        )
        left.text_input(
            t("org_size", lang), value=a.organisation.size or "", key=f"{key}-size", disabled=ro
        )
        left.radio(
            t("org_handling", lang),
            HANDLING,
            index=HANDLING.index(a.organisation.handling),
            key=f"{key}-handling",
            disabled=ro,
            horizontal=True,
            format_func=lambda h: t(f"handling_{h or 'none'}", lang),
        )
        right.date_input(
            t("assessment_date", lang),
            value=a.assessment_date,
            key=f"{key}-date",
            disabled=ro,
            format="YYYY-MM-DD",
        )
        right.date_input(
            t("audit_date", lang),
            value=a.audit_date,
            key=f"{key}-audit",
            disabled=ro,
            help=t("audit_date_help", lang),
            format="YYYY-MM-DD",
        )
        with right:
            forms.beside(DETAILS, "audit")
        right.text_area(
            t("assessors", lang),
            value="\n".join(a.assessors),
            key=f"{key}-assessors",
            height=80,
            disabled=ro,
        )
        right.segmented_control(
            t("report_language", lang),
            LANGUAGES,
            default=a.language,
            key=f"{key}-lang",
            disabled=ro,
            format_func=lambda code: t(f"lang_{code}", lang),
        )
        forms.beside(DETAILS, "form")
        st.form_submit_button(
            t("save_details", lang),
            key=f"{key}-save",
            disabled=ro,
            on_click=_save_details,
            args=(opened.ref, key, lang, a.assessment_date),
        )


def _save_details(ref: services.Ref, key: str, lang: str, stored: date) -> None:
    ss = st.session_state
    name = (ss.get(f"{key}-name") or "").strip()
    forms.set_problems(DETAILS, {})
    if not name:
        forms.set_problems(DETAILS, {"name": t("name_required", lang)})
        return
    assessed = ss.get(f"{key}-date") or stored  # a cleared date keeps the stored one
    late = forms.audit_date_problem(assessed, ss.get(f"{key}-audit"), lang)
    if late:
        forms.set_problems(DETAILS, {"audit": late})
        return
    before = state.flash_count()
    sector = (ss.get(f"{key}-sector") or "").strip() or None
    refused = services.follow_rename(ref, name, sector, lang)  # before saving: may refuse
    if refused:
        forms.set_problems(DETAILS, {"name": forms.Markdown(refused)})
        return
    if services.update_details(
        ref,
        name=name,
        sector=sector,
        size=(ss.get(f"{key}-size") or "").strip() or None,
        handling=ss.get(f"{key}-handling"),
        assessment_date=ss.get(f"{key}-date"),
        audit_date=ss.get(f"{key}-audit"),
        assessors=[x.strip() for x in (ss.get(f"{key}-assessors") or "").splitlines() if x.strip()],
        language=ss.get(f"{key}-lang") or "nl",
    ):
        state.flash("toast", t("details_saved", lang))
    else:
        forms.set_problems(DETAILS, {"form": state.take_errors(before) or ""})
