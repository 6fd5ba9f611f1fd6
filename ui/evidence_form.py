"""The evidence form (add one item, or change one with its file) and the bulk upload.

Both keep what was typed when something is refused, and show each message beside its field
in the page's language. A form is cleared only after a save, by giving its widgets new keys
(see ``ui.forms``).
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from assessment.assessments import Evidence
from assessment.i18n import localise
from assessment.messages import kind_label
from assessment.vocabulary import EVIDENCE_KINDS
from ui import services
from ui.forms import Markdown, beside, clear, problems, set_problems, widget_key
from ui.labels import md, t


def upload_hint(lang: str) -> None:
    """Which files are accepted, in the page's language (Streamlit's own hint is hidden)."""
    st.caption(
        t(
            "upload_hint",
            lang,
            types=", ".join(services.accepted_extensions()),
            limit=services.max_upload_mb(),
        )
    )


def criterion_label(opened: services.Opened, lang: str):  # type: ignore[no-untyped-def]
    pack = opened.pack
    return lambda c: f"{c} · {localise(pack.criteria_by_id[c].title, lang)}"


def evidence_form(
    opened: services.Opened,
    key: str,
    lang: str,
    *,
    item: Evidence | None = None,
    criteria: list[str] | None = None,
    choose_criteria: bool = False,
) -> None:
    """A form to add an item supporting ``criteria`` (``item`` None), or to change ``item``.

    With ``choose_criteria`` the form has a field for the criteria the item supports.
    """
    w = widget_key(key)
    with st.form(w, clear_on_submit=False, border=item is not None):
        a, b = st.columns(2)
        kinds = list(EVIDENCE_KINDS)
        a.selectbox(
            t("ev_kind", lang),
            kinds,
            index=kinds.index(item.kind) if item else 0,
            key=f"{w}-kind",
            format_func=lambda k: kind_label(k, lang),
        )
        b.date_input(
            t("ev_date", lang),
            value=item.date if item else None,
            key=f"{w}-date",
            format="YYYY-MM-DD",
        )
        st.text_input(t("ev_title", lang), value=item.title if item else "", key=f"{w}-title")
        beside(key, "title")
        st.text_input(
            t("ev_source", lang),
            value=(item.source or "") if item else "",
            key=f"{w}-source",
            help=t("ev_source_help", lang),
        )
        st.text_input(
            t("ev_link", lang),
            value=(item.link or "") if item else "",
            key=f"{w}-link",
            placeholder="https://",
        )
        beside(key, "link")
        label = "ev_file" if item is None or item.file is None else "ev_file_replace"
        st.file_uploader(
            t(label, lang, name=md(item.file.name) if item and item.file else ""),
            key=f"{w}-file",
            max_upload_size=services.UPLOAD_WIDGET_MB,
        )
        upload_hint(lang)
        beside(key, "file")
        if choose_criteria:
            st.multiselect(
                t("supports", lang),
                list(opened.pack.criteria_by_id),
                default=(item.criteria if item else criteria) or [],
                key=f"{w}-criteria",
                format_func=criterion_label(opened, lang),
                placeholder=t("supports_none", lang),
            )
        st.checkbox(
            t("ev_personal", lang),
            value=item.personal_data if item else False,
            key=f"{w}-personal",
            help=t("ev_personal_help", lang),
        )
        beside(key, "form")
        st.form_submit_button(
            t("ev_add" if item is None else "ev_save", lang),
            key=f"{w}-submit",
            type="primary",
            on_click=_submit,
            args=(
                opened.ref,
                key,
                item.id if item else None,
                criteria or [],
                choose_criteria,
                lang,
            ),
        )


def _submit(
    ref: services.Ref,
    key: str,
    evidence_id: str | None,
    criteria: list[str],
    choose_criteria: bool,
    lang: str,
) -> None:
    ss, w = st.session_state, widget_key(key)
    fields = services.EvidenceFields(
        kind=ss.get(f"{w}-kind") or "document",
        title=(ss.get(f"{w}-title") or "").strip(),
        source=(ss.get(f"{w}-source") or "").strip() or None,
        day=ss.get(f"{w}-date"),
        link=(ss.get(f"{w}-link") or "").strip() or None,
        personal_data=bool(ss.get(f"{w}-personal")),
        criteria=list(ss.get(f"{w}-criteria") or []) if choose_criteria else list(criteria),
    )
    saved, found = services.save_evidence(ref, evidence_id, fields, ss.get(f"{w}-file"), lang)
    set_problems(key, found)
    if saved is not None:
        clear(key)
        ss["_saved_evidence"] = saved


def bulk_form(opened: services.Opened, key: str, lang: str) -> None:
    """Several files at once, one item each, with the kind, criteria, source and date they
    share; all or nothing, each refused file named beside the uploader."""
    w = widget_key(key)
    with st.form(w, clear_on_submit=False, border=False):
        st.file_uploader(
            t("bulk_files", lang),
            key=f"{w}-files",
            accept_multiple_files=True,
            max_upload_size=services.UPLOAD_WIDGET_MB,
        )
        upload_hint(lang)
        for name, message in problems(key).items():
            if isinstance(message, Markdown):  # already safe Markdown (a refused save)
                st.error(message)
            else:
                st.error(md(message if not name or name in message else f"{name}: {message}"))
        a, b = st.columns(2)
        a.selectbox(
            t("ev_kind", lang),
            list(EVIDENCE_KINDS),
            key=f"{w}-kind",
            format_func=lambda k: kind_label(k, lang),
        )
        b.date_input(
            t("ev_date", lang),
            value=None,
            key=f"{w}-date",
            format="YYYY-MM-DD",
        )
        st.text_input(t("ev_source", lang), key=f"{w}-source", help=t("ev_source_help", lang))
        st.multiselect(
            t("supports", lang),
            list(opened.pack.criteria_by_id),
            key=f"{w}-criteria",
            format_func=criterion_label(opened, lang),
            placeholder=t("supports_none", lang),
        )
        st.checkbox(t("ev_personal", lang), key=f"{w}-personal")
        st.form_submit_button(
            t("bulk_add", lang),
            key=f"{w}-submit",
            type="primary",
            on_click=_bulk_submit,
            args=(opened.ref, key, lang),
        )


def _bulk_submit(ref: services.Ref, key: str, lang: str) -> None:
    ss, w = st.session_state, widget_key(key)
    uploads: list[Any] = list(ss.get(f"{w}-files") or [])
    if not uploads:
        set_problems(key, {"": t("bulk_none", lang)})
        return
    fields = services.EvidenceFields(
        kind=ss.get(f"{w}-kind") or "document",
        title="",
        source=(ss.get(f"{w}-source") or "").strip() or None,
        day=ss.get(f"{w}-date"),
        link=None,
        personal_data=bool(ss.get(f"{w}-personal")),
        criteria=list(ss.get(f"{w}-criteria") or []),
    )
    ids, found = services.add_evidence_files(ref, uploads, fields, lang)
    set_problems(key, found)
    if ids:
        clear(key)
