"""Evidence: keep every item here (add, change, attach or replace its file, link it to
criteria, delete), find items by kind, criterion, checkable or missing file, add many files
at once, and see the criteria that still lack evidence."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from assessment.assessments import Evidence
from assessment.cycle import is_future, is_stale
from assessment.fieldwork.evidence import source_label
from assessment.i18n import localise
from assessment.links import web_href
from assessment.messages import (
    CHECKABLE,
    NOT_CHECKABLE,
    checkable_label,
    future_label,
    kind_label,
    stale_label,
    to_make_checkable_text,
)
from assessment.vocabulary import EVIDENCE_KINDS
from ui import evidence_form, evidence_missing, forms, layout, paging, services, state
from ui.labels import md, t

EDITING = "ev-editing"  # the id of the item whose form is open
SHOWN = "ev-shown"  # how many of the found items the list shows
ADD, BULK = "ev-add", "ev-bulk"
F_TEXT, F_KIND, F_CRITERION, F_CHECKABLE, F_NOFILE = (
    "ev-f-text",
    "ev-f-kind",
    "ev-f-criterion",
    "ev-f-checkable",
    "ev-f-nofile",
)


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    layout.page_title("evidence_title", lang, opened)
    st.markdown(t("evidence_intro", lang))
    saved = st.session_state.pop("_saved_evidence", None)
    if saved is not None and st.session_state.get(EDITING) == saved:
        st.session_state.pop(EDITING, None)
    ro = layout.read_only(opened)  # a reviewer: reads and downloads, changes nothing
    if not ro:
        _forms(opened, lang)
    items = opened.assessment.evidence
    if not items:
        st.info(t("no_evidence", lang))
    else:
        found = _filtered(opened, list(items), lang)
        st.caption(t("ev_count", lang, n=len(found), total=len(items)))
        for item in _page(found, saved):
            _item(opened, item, lang, ro)
        paging.more(len(found), lang, SHOWN)
    st.subheader(t("missing_title", lang), anchor=False, divider="gray")
    evidence_missing.missing(opened, lang)


def _forms(opened: services.Opened, lang: str) -> None:
    """Adding one item, and several files at once."""
    if (box := forms.folded(t("add_evidence", lang), ADD, icon=":material/add:")) is not None:
        with box:
            evidence_form.evidence_form(opened, ADD, lang, choose_criteria=True)
    if (box := forms.folded(t("bulk_head", lang), BULK, icon=":material/upload_file:")) is not None:
        with box:
            evidence_form.bulk_form(opened, BULK, lang)


# ---- finding items -------------------------------------------------------------------------


def _filtered(opened: services.Opened, items: list[Evidence], lang: str) -> list[Evidence]:
    pack = opened.pack
    with st.container(border=True):
        a, b, c, d = st.columns([2, 1.2, 2, 1.4], vertical_alignment="bottom")
        text = a.text_input(t("ev_search", lang), key=F_TEXT, placeholder=t("ev_search_hint", lang))
        # no choice means "all": the placeholder says so, and × clears a choice
        kind = b.selectbox(
            t("ev_kind", lang),
            list(EVIDENCE_KINDS),
            key=F_KIND,
            index=None,
            placeholder=t("all_kinds", lang),
            format_func=lambda k: kind_label(k, lang),
        )
        criterion = c.selectbox(
            t("col_criterion", lang),
            list(pack.criteria_by_id),
            key=F_CRITERION,
            index=None,
            placeholder=t("all_criteria_filter", lang),
            format_func=lambda i: f"{i} · {localise(pack.criteria_by_id[i].title, lang)}",
        )
        checkable = d.selectbox(
            t("ev_checkable_filter", lang),
            [True, False],
            key=F_CHECKABLE,
            index=None,
            placeholder=t("all_items", lang),
            format_func=lambda v: localise(CHECKABLE if v else NOT_CHECKABLE, lang),
        )
        no_file = st.checkbox(t("ev_no_file_filter", lang), key=F_NOFILE)
    needle = (text or "").strip().casefold()
    return [
        e
        for e in items
        if (not needle or needle in f"{e.id} {e.title} {source_label(e.source, lang)}".casefold())
        and (kind is None or e.kind == kind)
        and (criterion is None or criterion in e.criteria)
        and (checkable is None or e.checkable == checkable)
        and (not no_file or _file_missing(e))
    ]


def _page(found: list[Evidence], saved: str | None) -> list[Evidence]:
    """The first found items (see :mod:`ui.paging`), and the one open for editing or just
    saved wherever it is in the list."""
    limit = paging.shown(SHOWN)
    keep = {st.session_state.get(EDITING), saved}
    return [e for i, e in enumerate(found) if i < limit or e.id in keep]


def _file_missing(item: Evidence) -> bool:
    """No file, or a file the store does not hold (an erased file was there: not missing)."""
    f = item.file
    return f is None or (not f.erased and not services.has_file(f.sha256))


# ---- one item --------------------------------------------------------------------------------


def _item(opened: services.Opened, item: Evidence, lang: str, ro: bool = False) -> None:
    pack = opened.pack
    editing = st.session_state.get(EDITING) == item.id and not ro
    with st.container(border=True, key=f"ev-item-{item.id}"):
        head, side = st.columns([4, 1.3], vertical_alignment="top")
        with head:  # one element: a card is drawn for every item, each element costs time
            st.markdown(_card_text(item, pack, opened.assessment.assessment_date, lang))
        with side:
            st.button(
                t("ev_close" if editing else "ev_edit", lang),
                key=f"edit-{item.id}",
                icon=":material/close:" if editing else ":material/edit:",
                on_click=_toggle_edit,
                args=(item.id,),
                width="stretch",
                disabled=ro,
            )
            _download(opened, item, lang)
            _remove(opened, item, lang, ro)
        if editing:
            key = f"edit-{opened.ref.aid}-{item.id}-{opened.ref.version}"
            evidence_form.evidence_form(opened, key, lang, item=item, choose_criteria=True)


def _remove(opened: services.Opened, item: Evidence, lang: str, ro: bool) -> None:
    """Erasing the file and deleting the item behind one button: a calmer card. What is
    behind it is drawn only while it is open (every widget costs the page on every run)."""
    erasable = _file_in_store(item)
    with st.popover(
        t("ev_remove" if erasable else "delete_evidence", lang),
        icon=":material/delete:",
        width="stretch",
        disabled=ro,
        key=f"ev-rm-{item.id}",
        on_change="rerun",
    ) as box:
        if not box.open:
            return
        if erasable:
            _erase(opened, item, lang, ro)
        st.button(
            t("delete_evidence", lang),
            key=f"del-{item.id}",
            type="primary",
            icon=":material/delete:",
            disabled=ro,
            on_click=services.delete_evidence,
            args=(opened.ref, item.id, lang),
        )


def _card_text(item: Evidence, pack: Any, assessed: date, lang: str) -> str:
    """What a card says, as one Markdown text, a line each: the id and title; the badges; the
    date and source; the link (clickable only when it is a web address); what would make it
    checkable; a missing or erased file; the criteria it supports."""
    lines = [f"**{md(item.id)} · {_one_line(item.title)}**", _badges(item, assessed, lang)]
    facts = [x for x in (item.date and item.date.isoformat(), source_label(item.source, lang)) if x]
    if facts:
        lines.append(f":small[{_one_line(' · '.join(facts))}]")
    if item.link:
        href = web_href(item.link)
        shown = _one_line(_short(item.link.strip()))
        if href:  # brackets escaped: a "]" would end the :small[...] around it
            target = href.replace("[", "\\[").replace("]", "\\]")
            lines.append(f":small[:material/link: [{shown}](<{target}>)]")
        else:
            lines.append(f":small[{shown}]")
    todo = to_make_checkable_text(item, lang)
    if todo:
        lines.append(f":orange[{md(t('to_make_checkable', lang, todo=todo))}]")
    f = item.file
    if f is not None and f.erased:
        lines.append(f":small[{t('file_erased', lang, name=_one_line(f.name))}]")
    elif f is not None and not services.has_file(f.sha256):
        lines.append(f":orange[{t('file_missing', lang, name=_one_line(f.name))}]")
    titles = [
        f"{md(c)} {_one_line(localise(pack.criteria_by_id[c].title, lang))}"
        for c in item.criteria
        if c in pack.criteria_by_id
    ]
    supports = "; ".join(titles) or t("supports_none", lang)
    lines.append(f":small[{t('supports', lang)}: {supports}]")
    return "  \n".join(lines)


def _one_line(text: str) -> str:
    """User text made safe for Markdown on one line (inside a ``:small[...]`` directive)."""
    return md(" ".join(str(text).split()))


def _badges(item: Evidence, assessed: date, lang: str) -> str:
    """The item's kind, whether it is checkable, stale, personal: badges on one line."""
    badges = [
        f":blue-badge[{md(kind_label(item.kind, lang))}]",
        f":green-badge[:material/check: {md(checkable_label(item, lang))}]"
        if item.checkable
        else f":orange-badge[:material/error: {md(checkable_label(item, lang))}]",
    ]
    if is_stale(item, assessed):
        badges.append(f":gray-badge[:material/history: {md(stale_label(lang))}]")
    if is_future(item, date.today()):
        badges.append(f":orange-badge[:material/event_busy: {md(future_label(lang))}]")
    if item.personal_data:
        badges.append(f":orange-badge[:material/shield_person: {md(t('personal_data', lang))}]")
    return " ".join(badges)


def _toggle_edit(evidence_id: str) -> None:
    ss = st.session_state
    ss[EDITING] = None if ss.get(EDITING) == evidence_id else evidence_id


def _short(link: str, limit: int = 60) -> str:
    return link if len(link) <= limit else link[: limit - 1] + "…"


def _download(opened: services.Opened, item: Evidence, lang: str) -> None:
    f = item.file
    if f is None or not _file_in_store(item):
        return
    st.download_button(
        t("download_file", lang, name=md(f.name)),
        data=services.file_download(opened.ref.aid, f.sha256),
        file_name=f.name,
        mime=f.media_type or "application/octet-stream",
        key=f"dl-{item.id}",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )


def _file_in_store(item: Evidence) -> bool:
    """Whether the item has a file the store holds (not erased, not missing)."""
    f = item.file
    return f is not None and not f.erased and services.has_file(f.sha256)


def _erase(opened: services.Opened, item: Evidence, lang: str, ro: bool = False) -> None:
    """Erasing the item's file for good, once confirmed (the item and its facts stay)."""
    st.checkbox(t("erase_confirm", lang), key=f"erase-ok-{item.id}", disabled=ro)
    st.button(
        t("erase_file", lang),
        key=f"erase-{item.id}",
        icon=":material/delete_forever:",
        disabled=ro or not st.session_state.get(f"erase-ok-{item.id}"),
        on_click=services.erase_file,
        args=(opened.ref, item.id, lang),
    )
    st.divider()


if __name__ == "__main__":  # run as a page by st.navigation
    render()
