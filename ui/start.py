"""Start: the organisations and their assessments, the demo, and a new assessment."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.i18n import LANGUAGES, localise
from assessment.messages import pct
from ui import exchange, layout, services, state
from ui.labels import md, t

NEW = "new"  # prefix of the new-assessment form's widget keys
UPLOAD = "new-pack-upload"
HANDLING = (None, "central", "decentral")


def render() -> None:
    lang = state.lang()
    st.title(t("start_title", lang))
    state.show_flash()
    st.markdown(t("start_intro", lang))
    st.space("small")
    with st.container(horizontal=True, gap="medium"):
        st.button(
            t("open_demo", lang),
            icon=":material/play_circle:",
            help=t("demo_help", lang),
            on_click=_open_demo,
            key="open-demo",
        )
        if services.current() is not None:
            st.page_link(
                layout.goto("assess"),
                label=t("continue_assess", lang),
                icon=":material/arrow_forward:",
            )
    st.subheader(t("your_assessments", lang), anchor=False, divider="gray")
    _assessments(lang)
    st.space("small")
    with st.expander(
        t("new_assessment", lang),
        icon=":material/add_circle:",
        expanded=not services.overview() or st.session_state.get(UPLOAD) is not None,
    ):
        _new_assessment(lang)
    opened = services.current()
    if opened is not None:
        with st.expander(
            t("details_head", lang) + f" · {md(opened.assessment.organisation.name)}",
            icon=":material/edit:",
        ):
            _details(opened, lang)
        with st.expander(t("next_head", lang), icon=":material/autorenew:"):
            exchange.next_cycle_form(opened, lang)


def _assessments(lang: str) -> None:
    rows = services.overview()
    if not rows:
        st.info(t("no_assessments", lang))
        return
    current = state.assessment_id()
    for org in rows:
        with st.container(border=True):
            st.subheader(md(org.name), anchor=False)
            if org.sector:
                st.caption(md(org.sector))
            for item in org.assessments:
                cols = st.columns([4, 2, 2, 1.3], vertical_alignment="center")
                with cols[0]:
                    when = t("assessed_on", lang, date=item.assessment_date)
                    if item.audit_date:
                        when += f" · {t('audit_on', lang, date=item.audit_date)}"
                    title = services.pack_title(item.pack_id, lang)
                    st.markdown(f"**{md(title)}**  \n{md(when)}")
                    changed = item.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    if item.updated_by:
                        changed += f" · {item.updated_by}"
                    st.caption(md(t("changed", lang, when=changed)))
                cols[1].metric(t("readiness", lang), pct(item.readiness, lang))
                with cols[2]:
                    if item.verdict:
                        layout.verdict_badge(item.verdict, lang)
                is_open = str(item.id) == current
                cols[3].button(
                    t("opened" if is_open else "open", lang),
                    key=f"open-{item.id}",
                    disabled=is_open,
                    type="secondary" if is_open else "primary",
                    on_click=_open,
                    args=(item.id,),
                    width="stretch",
                )


def _open(aid: int) -> None:
    state.open_assessment(aid)


def _open_demo() -> None:
    aid = services.demo_id()
    if aid is not None:
        state.open_assessment(aid)


# ---- a new assessment --------------------------------------------------------------------


def _new_assessment(lang: str) -> None:
    st.caption(t("new_intro", lang))
    upload = st.file_uploader(
        t("pack_upload", lang), type=["yaml", "yml"], key=UPLOAD, help=t("pack_upload_help", lang)
    )
    uploaded = None
    if upload is not None:
        uploaded = services.check_pack_upload(upload.name, upload.getvalue())
        if uploaded.problems:
            st.error(
                t("pack_invalid", lang, file=md(upload.name), n=len(uploaded.problems))
                + "\n\n"
                + "\n".join(f"- {md(p)}" for p in uploaded.problems)
            )
        else:
            st.success(
                t(
                    "pack_valid",
                    lang,
                    file=md(upload.name),
                    title=md(localise(uploaded.pack.title, lang)),
                    n=len(uploaded.pack.criteria_by_id),
                )
            )
    with st.form("new-assessment", border=True):
        a, b = st.columns(2, gap="large")
        a.text_input(t("org_name", lang), key=f"{NEW}-name", max_chars=200)
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
        b.text_area(t("assessors", lang), key=f"{NEW}-assessors", height=80)
        b.segmented_control(
            t("report_language", lang),
            LANGUAGES,
            default=lang,
            key=f"{NEW}-lang",
            format_func=lambda code: t(f"lang_{code}", lang),
        )
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
    if not name:
        state.flash("error", t("name_required", lang))
        return
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
        assessment_date=ss.get(f"{NEW}-date") or date.today(),
        audit_date=ss.get(f"{NEW}-audit"),
        assessors=[x.strip() for x in (ss.get(f"{NEW}-assessors") or "").splitlines() if x.strip()],
        language=ss.get(f"{NEW}-lang") or lang,
        lang=lang,
    )
    if aid is not None:
        state.open_assessment(aid)
        state.flash("toast", t("created", lang, name=md(name)))


# ---- details of the open assessment ---------------------------------------------------------


def _details(opened: services.Opened, lang: str) -> None:
    a = opened.assessment
    key = f"details-{opened.ref.aid}-{opened.ref.version}"
    with st.form(key, border=True):
        left, right = st.columns(2, gap="large")
        left.text_input(t("org_name", lang), value=a.organisation.name, key=f"{key}-name")
        left.text_input(
            t("org_sector", lang), value=a.organisation.sector or "", key=f"{key}-sector"
        )
        left.text_input(t("org_size", lang), value=a.organisation.size or "", key=f"{key}-size")
        left.radio(
            t("org_handling", lang),
            HANDLING,
            index=HANDLING.index(a.organisation.handling),
            key=f"{key}-handling",
            horizontal=True,
            format_func=lambda h: t(f"handling_{h or 'none'}", lang),
        )
        right.date_input(
            t("assessment_date", lang),
            value=a.assessment_date,
            key=f"{key}-date",
            format="YYYY-MM-DD",
        )
        right.date_input(
            t("audit_date", lang),
            value=a.audit_date,
            key=f"{key}-audit",
            help=t("audit_date_help", lang),
            format="YYYY-MM-DD",
        )
        right.text_area(
            t("assessors", lang), value="\n".join(a.assessors), key=f"{key}-assessors", height=80
        )
        right.segmented_control(
            t("report_language", lang),
            LANGUAGES,
            default=a.language,
            key=f"{key}-lang",
            format_func=lambda code: t(f"lang_{code}", lang),
        )
        st.form_submit_button(
            t("save_details", lang),
            key=f"{key}-save",
            on_click=_save_details,
            args=(opened.ref, key, lang),
        )


def _save_details(ref: services.Ref, key: str, lang: str) -> None:
    ss = st.session_state
    name = (ss.get(f"{key}-name") or "").strip()
    if not name:
        state.flash("error", t("name_required", lang))
        return
    if services.update_details(
        ref,
        name=name,
        sector=(ss.get(f"{key}-sector") or "").strip() or None,
        size=(ss.get(f"{key}-size") or "").strip() or None,
        handling=ss.get(f"{key}-handling"),
        assessment_date=ss.get(f"{key}-date"),
        audit_date=ss.get(f"{key}-audit"),
        assessors=[x.strip() for x in (ss.get(f"{key}-assessors") or "").splitlines() if x.strip()],
        language=ss.get(f"{key}-lang") or "nl",
    ):
        state.flash("toast", t("details_saved", lang))


if __name__ == "__main__":  # run as a page by st.navigation
    render()
