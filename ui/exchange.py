"""Exchange in the app: Excel and plan downloads and a workbook upload with a dry run (issue
16); the comparison is in ui/comparison.py, the next cycle in ui/next_cycle.py."""

from __future__ import annotations

import streamlit as st

from assessment.diff import assessment_changes
from assessment.i18n import counted
from assessment.problem_words import in_language
from assessment.xlsx_import import onto
from assessment.xlsx_layout import MAX_WORKBOOK_BYTES
from ui import layout, services, state
from ui.conflict import field_label
from ui.labels import md, t, tn

WORKBOOK = "workbook-file"
WORKBOOK_RUN = "workbook-run"  # a counter in the uploader's key: a new number empties it
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
            + "\n".join(f"- {md(in_language(p, lang, name=upload.name))}" for p in check.problems)
        )
        return
    for warning in check.warnings:
        st.warning(md(in_language(warning, lang, name=upload.name)))
    new = check.assessment
    assert new is not None
    same_pack = opened is not None and new.criteria_set.id == opened.assessment.criteria_set.id
    if opened is not None and same_pack:
        changes = assessment_changes(opened.assessment, onto(new, opened.assessment))
        if opened.assessment.fieldwork is not None:
            st.caption(t("wb_fieldwork_kept", lang))
        if not changes:
            st.info(t("wb_no_changes", lang))
        else:
            st.markdown(tn("wb_changes", lang, len(changes)))
            st.dataframe(
                [
                    {
                        t("col_field", lang): field_label(c.parts, lang),
                        t("col_before", lang): _shown(c.before, lang),
                        t("col_after", lang): _shown(c.after, lang),
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
            n=counted(len(new.responses), "response", lang),
            e=counted(len(new.evidence), "evidence", lang),
        )
    )
    st.button(
        t("wb_new", lang),
        icon=":material/add:",
        key="wb-new",
        on_click=_import_new,
        args=(key, lang),
    )


def _shown(value: object, lang: str) -> str:
    """A field's value in the dry run's table: empty when absent, ja/nee for true/false."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("flag_yes" if value else "flag_no", lang)
    return str(value)


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
    if services.replace_assessment(ref, check.assessment, lang):  # keeps the fieldwork
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
