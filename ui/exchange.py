"""Exchange in the app: Excel and plan downloads, a workbook upload with a dry run, the
comparison with another assessment, and the start of the next cycle (issue 16)."""

from __future__ import annotations

from datetime import date

import streamlit as st

from assessment import charts
from assessment.diff import assessment_changes
from assessment.i18n import localise
from assessment.messages import VERDICTS, pct, signed
from assessment.xlsx_layout import MAX_WORKBOOK_BYTES
from ui import layout, services, state
from ui.labels import md, t

WORKBOOK = "workbook-file"
WORKBOOK_RUN = "workbook-run"  # a counter in the uploader's key: a new number empties it
COMPARE = "compare-with"
NEXT_DATE = "next-cycle-date"
MAX_WORKBOOK_MB = MAX_WORKBOOK_BYTES // (1024 * 1024)


def downloads(opened: services.Opened, lang: str) -> None:
    """Download buttons: the workbook, the plan as calendar and as table."""
    stem = services.file_stem(opened)
    with st.container(horizontal=True, gap="medium"):
        st.download_button(
            t("export_xlsx", lang),
            data=services.recorded_download(
                opened.ref.aid, "workbook_xlsx", lambda o=opened: services.workbook_bytes(o)
            ),
            file_name=f"{stem}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            icon=":material/table_view:",
            key="export-xlsx",
            on_click="ignore",
        )
        st.download_button(
            t("export_ics", lang),
            data=services.recorded_download(
                opened.ref.aid, "plan_ics", lambda o=opened: services.plan_ics(o, lang)
            ),
            file_name=f"{stem}-plan.ics",
            mime="text/calendar",
            icon=":material/calendar_month:",
            key="export-ics",
            on_click="ignore",
        )
        st.download_button(
            t("export_csv", lang),
            data=services.recorded_download(
                opened.ref.aid, "plan_csv", lambda o=opened: services.plan_csv(o, lang)
            ),
            file_name=f"{stem}-plan.csv",
            mime="text/csv",
            icon=":material/view_list:",
            key="export-csv",
            on_click="ignore",
        )


# ---- workbook upload with a dry run ------------------------------------------------------------


def workbook_upload(opened: services.Opened | None, lang: str) -> None:
    """Upload a filled-in workbook; show every problem, or what would change, before saving."""
    st.subheader(t("wb_head", lang), anchor=False, divider="gray")
    st.markdown(t("wb_intro", lang))
    key = f"{WORKBOOK}-{st.session_state.get(WORKBOOK_RUN, 0)}"
    upload = st.file_uploader(
        t("wb_file", lang), type=["xlsx"], key=key, max_upload_size=MAX_WORKBOOK_MB
    )
    if upload is None:
        return
    check = services.check_workbook(upload.name, upload.getvalue(), opened)
    if check.problems:
        st.error(
            t("wb_problems", lang, file=md(upload.name), n=len(check.problems))
            + "\n\n"
            + "\n".join(f"- {md(p)}" for p in check.problems)
        )
        return
    for warning in check.warnings:
        st.warning(md(warning))
    new = check.assessment
    assert new is not None
    same_pack = opened is not None and new.criteria_set.id == opened.assessment.criteria_set.id
    if opened is not None and same_pack:
        changes = assessment_changes(opened.assessment, new)
        if not changes:
            st.info(t("wb_no_changes", lang))
        else:
            st.markdown(t("wb_changes", lang, n=len(changes)))
            st.dataframe(
                [
                    {
                        t("col_field", lang): c.path,
                        t("col_before", lang): "" if c.before is None else str(c.before),
                        t("col_after", lang): "" if c.after is None else str(c.after),
                    }
                    for c in changes
                ],
                hide_index=True,
                width="stretch",
                key="wb-changes",
            )
            st.button(
                t("wb_save", lang),
                type="primary",
                icon=":material/save:",
                key="wb-save",
                disabled=layout.read_only(opened),  # a reviewer changes nothing
                on_click=_save_onto,
                args=(opened.ref, key, lang),
            )
    elif opened is not None:
        st.warning(t("wb_other_pack", lang, pack=md(new.criteria_set.id)))
    st.caption(
        t(
            "wb_summary",
            lang,
            org=md(new.organisation.name),
            date=new.assessment_date.isoformat(),
            n=len(new.responses),
            e=len(new.evidence),
        )
    )
    st.button(
        t("wb_new", lang),
        icon=":material/add:",
        key="wb-new",
        on_click=_import_new,
        args=(key, lang),
    )


def _checked(key: str) -> services.WorkbookCheck | None:
    upload = st.session_state.get(key)
    if upload is None:
        return None
    check = services.check_workbook(upload.name, upload.getvalue(), services.current())
    return check if check.assessment is not None else None


def _clear_upload() -> None:
    st.session_state[WORKBOOK_RUN] = st.session_state.get(WORKBOOK_RUN, 0) + 1


def _save_onto(ref: services.Ref, key: str, lang: str) -> None:
    check = _checked(key)
    if check is None or check.assessment is None:
        return
    if services.replace_assessment(ref, check.assessment, lang):
        state.flash("toast", t("wb_saved", lang))
        _clear_upload()


def _import_new(key: str, lang: str) -> None:
    check = _checked(key)
    upload = st.session_state.get(key)
    if check is None or check.assessment is None or upload is None:
        return
    aid = services.import_assessment(check.assessment, upload.name, lang)
    if aid is not None:
        state.open_assessment(aid)
        _clear_upload()


# ---- comparison -----------------------------------------------------------------------------


def comparison_view(opened: services.Opened, lang: str) -> None:
    """The open assessment beside another of the same organisation: worse first."""
    st.subheader(t("cmp_head", lang), anchor=False, divider="gray")
    others = services.comparable(opened)
    if not others:
        st.info(t("cmp_none", lang))
        return
    st.markdown(f"**{t('cmp_trend', lang)}**")
    layout.chart(charts.trend_chart(services.trend(opened), opened.pack, lang), room=110)
    labels = {o.id: t("assessed_on", lang, date=o.assessment_date) for o in others}
    other = st.selectbox(t("cmp_choose", lang), list(labels), format_func=labels.get, key=COMPARE)
    if other is None:
        return
    result = services.comparison(opened, other)
    before, after = result.before, result.after
    st.caption(
        t(
            "cmp_sides",
            lang,
            before=before.assessment.assessment_date.isoformat(),
            after=after.assessment.assessment_date.isoformat(),
        )
    )
    cols = st.columns(3)
    cols[0].metric(
        t("cmp_overall", lang),
        pct(result.overall.after, lang),
        None if result.overall.delta is None else signed(result.overall.delta, lang),
    )
    with cols[1]:
        st.caption(t("cmp_verdict", lang))
        layout.verdict_badge(after.result.verdict, lang)
        st.caption(t("cmp_was", lang, verdict=localise(VERDICTS[before.result.verdict], lang)))
    answered, applicable = after.completeness
    was, _ = before.completeness
    cols[2].metric(t("cmp_answered", lang), f"{answered} / {applicable}", f"{answered - was:+d}")
    pack = opened.pack
    titles = {p.id: localise(p.title, lang) for p in (*before.pack.pillars, *pack.pillars)}
    st.dataframe(
        [
            {
                t("col_pillar", lang): titles.get(p.id, p.id),
                t("col_before", lang): pct(p.before, lang),
                t("col_after", lang): pct(p.after, lang),
                t("col_change", lang): "" if p.delta is None else signed(p.delta, lang),
            }
            for p in result.pillars
        ],
        hide_index=True,
        width="stretch",
        key="cmp-pillars",
    )
    moved = [c for c in result.criteria if c.moved]
    if not moved:
        st.info(t("cmp_unchanged", lang))
        return
    criteria = {**before.pack.criteria_by_id, **pack.criteria_by_id}

    def level(value: float | None, present: bool) -> str:
        if not present:
            return t("cmp_not_in_pack", lang)
        return "–" if value is None else str(int(value))

    st.markdown(t("cmp_criteria", lang, worse=len(result.worse), better=len(result.better)))
    st.dataframe(
        [
            {
                t("col_criterion", lang): c.id,
                t("col_point", lang): localise(criteria[c.id].title, lang),
                t("col_before", lang): level(c.before, c.in_before),
                t("col_after", lang): level(c.after, c.in_after),
                t("col_change", lang): "" if c.delta is None else f"{int(c.delta):+d}",
            }
            for c in moved
        ],
        hide_index=True,
        width="stretch",
        key="cmp-criteria",
    )


# ---- the next cycle -------------------------------------------------------------------------


def next_cycle_form(opened: services.Opened, lang: str) -> None:
    """Start the next cycle from the open assessment (Start page)."""
    st.caption(t("next_intro", lang))
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        st.date_input(
            t("next_date", lang),
            value=date.today(),
            key=NEXT_DATE,
            format="YYYY-MM-DD",
        )
        st.button(
            t("next_button", lang),
            type="primary",
            icon=":material/autorenew:",
            key="next-cycle",
            on_click=_start_next,
            args=(opened, lang),
        )


def _start_next(opened: services.Opened, lang: str) -> None:
    on = st.session_state.get(NEXT_DATE) or date.today()
    made = services.start_next_cycle(opened, on, lang)
    if made is None:
        return
    aid, cycle = made
    state.open_assessment(aid)
    c = cycle.changes
    state.flash(
        "success",
        t(
            "next_done",
            lang,
            n=len(cycle.to_confirm),
            stale=len(cycle.stale),
            actions=len(cycle.carried_actions),
            done=len(cycle.done_actions),
        ),
    )
    if c.any:
        state.flash(
            "info",
            t(
                "next_changes",
                lang,
                old=md(c.old_version or "?"),
                new=md(c.new_version),
                added=md(", ".join(c.added) or "–"),
                removed=md(", ".join(c.removed) or "–"),
                changed=md(", ".join(ch.id for ch in c.changed) or "–"),
            ),
        )
    for line in cycle.dropped:
        state.flash("warning", md(line))
