"""Start: the organisations and their assessments, the demo, and a new assessment."""

from __future__ import annotations

import streamlit as st

from assessment.messages import completeness_text, pct
from assessment.store import AssessmentSummary
from ui import forms, layout, next_cycle, services, state
from ui.details import DETAILS, details_form
from ui.labels import md, t
from ui.new_assessment_form import NEW, UPLOAD, new_assessment_form


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
        new_assessment_form(lang)
    _bin(lang)
    opened = services.current()
    if opened is not None:
        with st.expander(
            t("details_head", lang) + f" · {md(opened.assessment.organisation.name)}",
            icon=":material/edit:",
            expanded=bool(forms.problems(DETAILS)),
        ):
            details_form(opened, lang)
        with st.expander(t("next_head", lang), icon=":material/autorenew:"):
            next_cycle.next_cycle_form(opened, lang)


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


if __name__ == "__main__":  # run as a page by st.navigation
    render()
