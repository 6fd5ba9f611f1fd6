"""Evidence: every item, the criteria it supports, its file, and the criteria without evidence."""

from __future__ import annotations

import streamlit as st

from assessment.assessments import Evidence
from assessment.i18n import localise
from assessment.messages import kind_label, level_needs
from ui import layout, services, state
from ui.labels import md, t


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    layout.page_title("evidence_title", lang, opened)
    st.markdown(t("evidence_intro", lang))
    if not opened.assessment.evidence:
        st.info(t("no_evidence", lang))
    for item in opened.assessment.evidence:
        _item(opened, item, lang)
    st.subheader(t("missing_title", lang), anchor=False, divider="gray")
    _missing(opened, lang)


def _item(opened: services.Opened, item: Evidence, lang: str) -> None:
    pack = opened.pack
    with st.container(border=True):
        head, side = st.columns([3, 1], vertical_alignment="top")
        with head:
            st.markdown(f"**{md(item.id)} · {md(item.title)}**")
            with st.container(horizontal=True, gap="small"):
                st.badge(kind_label(item.kind, lang), color="blue")
                if item.personal_data:
                    st.badge(
                        t("personal_data", lang), color="orange", icon=":material/shield_person:"
                    )
            facts = [x for x in (item.source, item.date and item.date.isoformat()) if x]
            if facts:
                st.caption(md(" · ".join(facts)))
            if item.link:
                if item.link.startswith(("https://", "http://")):
                    st.link_button(
                        md(_short(item.link)), item.link, icon=":material/link:", type="tertiary"
                    )
                else:
                    st.caption(md(item.link))
            titles = [
                f"**{md(c)}** {md(localise(pack.criteria_by_id[c].title, lang))}"
                for c in item.criteria
                if c in pack.criteria_by_id
            ]
            st.markdown(
                f"{t('supports', lang)}:  \n" + ("  \n".join(titles) or t("supports_none", lang))
            )
        with side:
            _file(opened, item, lang)
            with st.popover(t("edit_supports", lang), icon=":material/edit:", width="stretch"):
                key = f"sup-{opened.ref.aid}-{item.id}"
                st.session_state[key] = list(item.criteria)
                st.multiselect(
                    t("supports", lang),
                    list(pack.criteria_by_id),
                    key=key,
                    format_func=lambda c: f"{c} · {localise(pack.criteria_by_id[c].title, lang)}",
                    placeholder=t("supports_none", lang),
                    on_change=_supports_changed,
                    args=(opened.ref, item.id, key),
                )
            with st.popover(t("delete_evidence", lang), icon=":material/delete:", width="stretch"):
                st.button(
                    t("delete_evidence", lang),
                    key=f"del-{item.id}",
                    type="primary",
                    on_click=services.delete_evidence,
                    args=(opened.ref, item.id, lang),
                )


def _short(link: str, limit: int = 60) -> str:
    return link if len(link) <= limit else link[: limit - 1] + "…"


def _file(opened: services.Opened, item: Evidence, lang: str) -> None:
    f = item.file
    if f is None:
        return
    if f.erased:
        st.caption(t("file_erased", lang, name=md(f.name)))
        return
    if not services.has_file(f.sha256):
        st.caption(t("file_missing", lang, name=md(f.name)))
        return
    st.download_button(
        t("download_file", lang, name=md(f.name)),
        data=services.file_download(f.sha256),
        file_name=f.name,
        mime=f.media_type or "application/octet-stream",
        key=f"dl-{item.id}",
        icon=":material/download:",
        on_click="ignore",
        width="stretch",
    )
    with st.popover(t("erase_file", lang), icon=":material/delete_forever:", width="stretch"):
        st.checkbox(t("erase_confirm", lang), key=f"erase-ok-{item.id}")
        st.button(
            t("erase_file", lang),
            key=f"erase-{item.id}",
            type="primary",
            disabled=not st.session_state.get(f"erase-ok-{item.id}"),
            on_click=services.erase_file,
            args=(opened.ref, item.id, lang),
        )


def _supports_changed(ref: services.Ref, evidence_id: str, key: str) -> None:
    services.set_supports(ref, evidence_id, list(st.session_state.get(key) or []))


def _missing(opened: services.Opened, lang: str) -> None:
    pack = opened.pack
    lacking = [c for c in opened.result.criteria if c.applicable and c.missing]
    if not lacking:
        st.success(t("missing_none", lang))
        return
    for c in lacking:
        criterion = pack.criteria_by_id[c.id]
        cols = st.columns([5, 1], vertical_alignment="center")
        needs = level_needs(pack, c.id, c.target, c.kinds, lang)
        cols[0].markdown(f"**{md(c.id)}** · {md(localise(criterion.title, lang))}  \n{md(needs)}")
        if cols[1].button(t("go_assess", lang), key=f"go-{c.id}", icon=":material/arrow_forward:"):
            state.set_criterion(c.id)
            st.switch_page(layout.goto("assess"))


if __name__ == "__main__":  # run as a page by st.navigation
    render()
