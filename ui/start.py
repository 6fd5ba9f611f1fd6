"""Start: the organisations and their assessments, the demo, and a new assessment."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment.i18n import LANGUAGES, localise
from assessment.messages import completeness_text, pct
from assessment.problem_words import in_language
from assessment.store import AssessmentSummary
from ui import exchange, forms, layout, services, state
from ui.labels import md, t

NEW = "new"  # prefix of the new-assessment form's widget keys
DETAILS = "details"  # key of the details form's problems
UPLOAD = "new-pack-upload"
HANDLING = (None, "central", "decentral")


def render() -> None:
    lang = state.lang()
    st.title(t("start_title", lang))
    state.show_flash()
    st.markdown(t("start_intro", lang))
    st.space("small")
    with st.container(horizontal=True, gap="medium"):
        if st.button(
            t("open_demo", lang),
            icon=":material/play_circle:",
            help=t("demo_help", lang),
            key="open-demo",
        ):
            aid = services.demo_id(lang)
            if aid is not None:
                state.open_assessment(aid)
                st.switch_page(layout.goto("assess"))
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
        expanded=not services.overview()
        or st.session_state.get(UPLOAD) is not None
        or bool(forms.problems(NEW)),
    ):
        _new_assessment(lang)
    _bin(lang)
    opened = services.current()
    if opened is not None:
        with st.expander(
            t("details_head", lang) + f" · {md(opened.assessment.organisation.name)}",
            icon=":material/edit:",
            expanded=bool(forms.problems(DETAILS)),
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
    binned = services.binned()
    demo = services.demo_id(lang)
    for org in rows:
        shown = [item for item in org.assessments if item.id not in binned]
        if not shown:
            continue
        with st.container(border=True):
            st.subheader(md(org.name), anchor=False)
            if org.sector:
                st.caption(md(org.sector))
            for item in shown:
                cols = st.columns([4, 2, 2, 1.3, 0.5], vertical_alignment="center")
                with cols[0]:
                    when = t("assessed_on", lang, date=item.assessment_date)
                    if item.audit_date:
                        when += f" · {t('audit_on', lang, date=item.audit_date)}"
                    title = services.pack_title(item.pack_id, lang)
                    st.markdown(f"**{md(title)}**  \n{md(when)}")
                    st.caption(md(_made(item, demo, lang)))
                    changed = item.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
                    if item.updated_by:
                        changed += f" · {item.updated_by}"
                    st.caption(md(t("changed", lang, when=changed)))
                cols[1].metric(t("readiness", lang), pct(item.readiness, lang))
                counts = services.completeness_of(item.id, item.version)
                if counts is not None:
                    cols[1].caption(completeness_text(*counts[:2], lang, counts[2]))
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
                with cols[4]:
                    _actions(item.id, item.id == demo, lang)


def _open(aid: int) -> None:
    state.open_assessment(aid)


def _made(item: AssessmentSummary, demo: int | None, lang: str) -> str:
    """How the assessment came to be, so that an import can be told from its original."""
    number = t("assessment_number", lang, id=item.id)
    created = item.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
    if item.id == demo:
        return f"{number} · {t('the_demo', lang)}"
    source = services.origin(item.id, item.created_at)
    if source:
        return f"{number} · {t('imported_from', lang, file=source, when=created)}"
    return f"{number} · {t('created_on', lang, when=created)}"


def _actions(aid: int, is_demo: bool, lang: str) -> None:
    """Delete (to the bin) and, for the demo, put it back as shipped."""
    with st.popover("", icon=":material/more_vert:", help=t("more_actions", lang)):
        if is_demo:
            st.caption(t("demo_reset_help", lang))
            st.button(
                t("demo_reset", lang),
                key=f"reset-demo-{aid}",
                icon=":material/restart_alt:",
                on_click=services.reset_demo,
                args=(lang,),
            )
        st.caption(t("bin_help", lang))
        st.button(
            t("to_bin", lang),
            key=f"bin-{aid}",
            icon=":material/delete:",
            type="primary",
            on_click=services.move_to_bin,
            args=(aid, lang),
        )


def _bin(lang: str) -> None:
    """The assessments in the bin, each with the day it goes for good and a way back."""
    binned = services.binned()
    if not binned:
        return
    names = {
        item.id: (org.name, item)
        for org in services.overview()
        for item in org.assessments
        if item.id in binned
    }
    with st.expander(t("bin_head", lang, n=len(binned)), icon=":material/delete:"):
        st.caption(t("bin_intro", lang))
        for aid, entry in sorted(binned.items(), key=lambda kv: kv[1].deleted_at, reverse=True):
            name, item = names.get(aid, ("?", None))
            cols = st.columns([5, 1.3], vertical_alignment="center")
            when = item.assessment_date if item else ""
            deleted = entry.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
            line = t(
                "bin_row",
                lang,
                when=deleted,
                until=entry.kept_until.astimezone().strftime("%Y-%m-%d"),
            )
            if entry.deleted_by:
                line += f" · {entry.deleted_by}"
            cols[0].markdown(
                f"**{md(name)}** · {md(t('assessed_on', lang, date=when))}  \n:gray[{md(line)}]"
            )
            cols[1].button(
                t("from_bin", lang),
                key=f"unbin-{aid}",
                icon=":material/restore_from_trash:",
                on_click=services.take_out_of_bin,
                args=(aid, lang),
                width="stretch",
            )


# ---- a new assessment --------------------------------------------------------------------


def _new_assessment(lang: str) -> None:
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
                    n=len(uploaded.pack.criteria_by_id),
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
        assessment_date=ss.get(f"{NEW}-date") or date.today(),
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


# ---- details of the open assessment ---------------------------------------------------------


def _details(opened: services.Opened, lang: str) -> None:
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
            args=(opened.ref, key, lang),
        )


def _save_details(ref: services.Ref, key: str, lang: str) -> None:
    ss = st.session_state
    name = (ss.get(f"{key}-name") or "").strip()
    forms.set_problems(DETAILS, {})
    if not name:
        forms.set_problems(DETAILS, {"name": t("name_required", lang)})
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


if __name__ == "__main__":  # run as a page by st.navigation
    render()
