"""Start: the new-assessment form, with an optional uploaded pack checked before use."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.i18n import LANGUAGES, counted, localise
from assessment.problem_words import in_language
from ui import forms, services, state
from ui.details import HANDLING
from ui.labels import md, t

NEW = "new"  # prefix of the new-assessment form's widget keys
UPLOAD = "new-pack-upload"


def new_assessment_form(lang: str) -> None:
    """The pack upload (checked at once) and the form that creates an assessment."""
    st.caption(t("new_intro", lang))
    upload = st.file_uploader(t("pack_upload", lang), key=UPLOAD, help=t("pack_upload_help", lang))
    uploaded = None
    if upload is not None and not upload.name.lower().endswith((".yaml", ".yml")):
        st.error(md(t("pack_type", lang, file=upload.name)), icon=":material/error:")
        upload = None  # said in the page's language, not refused by the browser in English
    if upload is not None:
        uploaded = services.check_pack_upload(upload.name, upload.getvalue())
        if uploaded.problems:
            st.error(
                t("pack_invalid", lang, file=md(upload.name), n=len(uploaded.problems))
                + "\n\n"
                + "\n".join(f"- {md(in_language(p, lang))}" for p in uploaded.problems)
            )
        else:
            st.success(
                t(
                    "pack_valid",
                    lang,
                    file=md(upload.name),
                    title=md(localise(uploaded.pack.title, lang)),
                    n=counted(len(uploaded.pack.criteria_by_id), "criterion", lang),
                )
            )
    with st.form("new-assessment", border=True):
        a, b = st.columns(2, gap="large")
        a.text_input(t("org_name", lang), key=f"{NEW}-name", max_chars=200)
        with a:
            forms.beside(NEW, "name")
        a.text_input(t("org_sector", lang), key=f"{NEW}-sector", max_chars=200)
        a.text_input(t("org_size", lang), key=f"{NEW}-size", max_chars=100)
        a.radio(
            t("org_handling", lang),
            HANDLING,
            key=f"{NEW}-handling",
            horizontal=True,
            format_func=lambda h: t(f"handling_{h or 'none'}", lang),
        )
        packs = sorted(services.packs(), key=lambda p: (p.id != "ikm-readiness", p.id))
        if uploaded is None or uploaded.pack is None:
            b.selectbox(
                t("pack_choice", lang),
                [p.id for p in packs],
                key=f"{NEW}-pack",
                format_func=lambda pid: next(
                    f"{localise(p.title, lang)} ({p.version})" for p in packs if p.id == pid
                ),
            )
        b.date_input(
            t("assessment_date", lang), value=date.today(), key=f"{NEW}-date", format="YYYY-MM-DD"
        )
        b.date_input(
            t("audit_date", lang),
            value=None,
            key=f"{NEW}-audit",
            help=t("audit_date_help", lang),
            format="YYYY-MM-DD",
        )
        with b:
            forms.beside(NEW, "audit")
        b.text_area(t("assessors", lang), key=f"{NEW}-assessors", height=80)
        b.segmented_control(
            t("report_language", lang),
            LANGUAGES,
            default=lang,
            key=f"{NEW}-lang",
            format_func=lambda code: t(f"lang_{code}", lang),
        )
        forms.beside(NEW, "form")
        st.form_submit_button(
            t("create", lang),
            key="create",
            type="primary",
            icon=":material/add:",
            on_click=_create,
            args=(lang, uploaded is not None and uploaded.pack is not None),
        )


def _create(lang: str, use_upload: bool) -> None:
    ss = st.session_state
    name = (ss.get(f"{NEW}-name") or "").strip()
    forms.set_problems(NEW, {})
    if not name:
        forms.set_problems(NEW, {"name": t("name_required", lang)})
        return
    assessed = ss.get(f"{NEW}-date") or date.today()
    late = forms.audit_date_problem(assessed, ss.get(f"{NEW}-audit"), lang)
    if late:
        forms.set_problems(NEW, {"audit": late})
        return
    before = state.flash_count()
    pack_upload = None
    if use_upload and ss.get(UPLOAD) is not None:
        pack_upload = (ss[UPLOAD].name, ss[UPLOAD].getvalue())
    aid = services.create_assessment(
        name=name,
        sector=(ss.get(f"{NEW}-sector") or "").strip() or None,
        size=(ss.get(f"{NEW}-size") or "").strip() or None,
        handling=ss.get(f"{NEW}-handling"),
        pack_id=ss.get(f"{NEW}-pack"),
        pack_upload=pack_upload,
        assessment_date=assessed,
        audit_date=ss.get(f"{NEW}-audit"),
        assessors=[x.strip() for x in (ss.get(f"{NEW}-assessors") or "").splitlines() if x.strip()],
        language=ss.get(f"{NEW}-lang") or lang,
        lang=lang,
    )
    if aid is not None:
        state.open_assessment(aid)
        state.flash("toast", t("created", lang, name=md(name)))
    else:
        forms.set_problems(NEW, {"form": state.take_errors(before) or ""})
