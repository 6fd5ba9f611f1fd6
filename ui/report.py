"""Report and exchange: the PDF, export and import of .json, .ikmz and .xlsx, the plan as
.ics and .csv, the comparison with another assessment, earlier versions."""

from __future__ import annotations

import streamlit as st

from assessment.formats import file_size
from assessment.i18n import LANGUAGES
from ui import comparison, exchange, forms, layout, services, state
from ui.labels import md, t

IMPORT = "import-file"
IMPORT_RUN = "import-run"  # a counter in the uploader's key: a new number empties it


def render() -> None:
    lang = state.lang()
    aid = state.assessment_id()
    opened = services.current()
    layout.page_title("report_title", lang, opened)
    if opened is None:
        if aid:
            st.warning(t("not_found", lang, aid=md(aid)))
        else:
            st.info(t("empty_open_first", lang))
    else:
        _report(opened, lang)
        _export(opened, lang)
    _import(lang)
    exchange.workbook_upload(opened, lang)
    if opened is not None:
        comparison.comparison_view(opened, lang)
        _history(opened, lang)


def _report(opened: services.Opened, lang: str) -> None:
    st.subheader(t("report_head", lang), anchor=False, divider="gray")
    st.markdown(t("report_intro", lang))
    if not services.report_available():
        st.info(t("report_unavailable", lang))
        return
    key = "report-lang"
    if st.session_state.get(key) not in LANGUAGES:
        st.session_state[key] = opened.assessment.language
    with st.container(horizontal=True, vertical_alignment="bottom", gap="medium"):
        report_lang = st.segmented_control(
            t("report_language", lang),
            LANGUAGES,
            key=key,
            required=True,
            format_func=lambda code: t(f"lang_{code}", lang),
        )
        earlier = {
            o.id: t("assessed_on", lang, date=o.assessment_date)
            for o in services.comparable(opened)
        }
        previous = (
            st.selectbox(
                t("report_compare", lang),
                [None, *earlier],
                format_func=lambda aid: (
                    t("report_compare_none", lang) if aid is None else earlier[aid]
                ),
                key="report-compare",
            )
            if earlier
            else None
        )
        ready = st.session_state.get(state.PDF) == (
            opened.ref.aid,
            opened.ref.version,
            report_lang,
            previous,
        )
        make = st.button(
            t("generate_pdf", lang),
            type="secondary" if ready else "primary",
            icon=":material/picture_as_pdf:",
            key="make-pdf",
        )
    wanted = (opened.ref.aid, opened.ref.version, report_lang, previous)
    if not make and not ready:  # while the user looks at the page: ready, or nearly, on the click
        services.render_ahead(opened, report_lang, previous, state.visit())
    if make:
        queued = st.empty()

        def waiting(job: object) -> None:  # busy with other reports: say so
            if getattr(job, "state", "") == "queued":
                queued.info(t("report_queued", lang, ahead=getattr(job, "ahead", 1)))
            else:
                queued.empty()

        with st.spinner(t("generating", lang), show_time=True):
            problem = services.prepare_pdf(opened, report_lang, waiting, previous)
        queued.empty()
        if problem:
            st.error(t("pdf_failed", lang, problem=md(problem)))
        else:
            st.session_state[state.PDF] = wanted
    if st.session_state.get(state.PDF) == wanted:
        pdf = services.pdf_bytes(opened, report_lang, previous)
        if pdf is not None:
            st.success(t("pdf_ready", lang, size=file_size(len(pdf), lang)))
            st.download_button(
                t("download_pdf", lang),
                data=services.recorded_download(
                    opened.ref.aid, "report_pdf", lambda p=pdf: p, report_lang
                ),
                file_name=services.file_stem(opened) + f"-{report_lang}.pdf",
                mime="application/pdf",
                icon=":material/download:",
                key="download-pdf",
                on_click="ignore",
                type="primary",
            )


def _export(opened: services.Opened, lang: str) -> None:
    st.subheader(t("export_head", lang), anchor=False, divider="gray")
    st.markdown(t("export_intro", lang))
    stem = services.file_stem(opened)
    personal = any(e.personal_data for e in opened.assessment.evidence)
    without = personal and st.checkbox(
        t("export_without_personal", lang),
        key="export-no-personal",
        help=t("export_without_personal_help", lang),
    )
    with st.container(horizontal=True, gap="medium"):
        st.download_button(
            t("export_json", lang),
            data=services.json_download(opened.ref.aid),
            file_name=f"{stem}.json",
            mime="application/json",
            icon=":material/data_object:",
            key="export-json",
            on_click="ignore",
        )
        st.download_button(
            t("export_ikmz", lang),
            data=services.ikmz_download(opened.ref.aid, not without),
            file_name=f"{stem}.ikmz",
            mime="application/zip",
            icon=":material/folder_zip:",
            key="export-ikmz",
            on_click="ignore",
        )
    exchange.downloads(opened, lang)


def _import(lang: str) -> None:
    st.subheader(t("import_head", lang), anchor=False, divider="gray")
    st.markdown(t("import_intro", lang))
    key = f"{IMPORT}-{st.session_state.get(IMPORT_RUN, 0)}"
    st.file_uploader(t("import_file", lang), key=key, max_upload_size=services.max_import_mb())
    st.caption(t("import_hint", lang, limit=services.max_import_mb()))
    forms.beside(IMPORT, "file")
    st.button(
        t("import_button", lang),
        key="do-import",
        icon=":material/upload:",
        disabled=st.session_state.get(key) is None,
        on_click=_do_import,
        args=(key, lang),
    )


def _do_import(key: str, lang: str) -> None:
    upload = st.session_state.get(key)
    forms.set_problems(IMPORT, {})
    if upload is None:
        return
    if not upload.name.lower().endswith((".json", ".ikmz")):  # said here, in the page's language
        forms.set_problems(IMPORT, {"file": t("import_type", lang, file=upload.name)})
        return
    before = state.flash_count()
    aid = services.import_upload(upload.name, upload.getvalue(), lang)
    if aid is not None:
        state.open_assessment(aid)
        st.session_state[IMPORT_RUN] = st.session_state.get(IMPORT_RUN, 0) + 1
    else:  # the problems beside the uploader, which keeps the file
        forms.set_problems(IMPORT, {"file": state.take_errors(before) or ""})


def _history(opened: services.Opened, lang: str) -> None:
    versions = services.history(opened.ref.aid)
    if len(versions) < 2:
        return
    st.subheader(t("history_head", lang), anchor=False, divider="gray")
    st.markdown(t("history_intro", lang))
    with st.container(height=380 if len(versions) > 6 else "content", border=True):
        for v in versions:
            cols = st.columns([5, 1.4], vertical_alignment="center")
            when = v.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            who = f" · {v.author}" if v.author else ""
            current = f" · {t('current_version', lang)}" if v.version == opened.ref.version else ""
            cols[0].markdown(
                f"**{t('version_n', lang, v=v.version)}** :gray[{md(when + who + current)}]  \n"
                + md(v.summary(lang))
            )
            if v.version != opened.ref.version:
                cols[1].button(
                    t("restore", lang),
                    key=f"restore-{v.version}",
                    on_click=services.restore,
                    args=(opened.ref, v.version, lang),
                    width="stretch",
                )


if __name__ == "__main__":  # run as a page by st.navigation
    render()
