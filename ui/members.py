"""Members (with sign-in only): who may use the open assessment's organisation, in which role,
and the organisation's audit log. Owners and admins change members here; the store checks
it (``assessment.store.access``), this page only shows and asks."""

from __future__ import annotations

import streamlit as st

from assessment.store.members import ROLES
from ui import layout, member_actions, state
from ui.labels import md, t


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    layout.page_title("members_title", lang, opened)
    org = member_actions.organisation_of(opened.ref.aid)
    if not member_actions.may_manage(org):
        st.info(t("members_owners_only", lang), icon=":material/lock:")
        return
    st.caption(t("members_intro", lang))
    st.dataframe(
        [
            {t("member_email", lang): m.email, t("member_role", lang): m.role}
            for m in member_actions.members(org)
        ],
        hide_index=True,
        width="stretch",
    )
    with st.form("member-set", border=True, clear_on_submit=True):
        left, right = st.columns([3, 1])
        email = left.text_input(t("member_email", lang), key="member-email", max_chars=320)
        role = right.selectbox(t("member_role", lang), ROLES, index=1, key="member-role")
        if st.form_submit_button(t("member_set", lang)) and email.strip():
            member_actions.set_member(org, email, role, lang)
            st.rerun()
    current = [m.email for m in member_actions.members(org)]
    if current:
        with st.container(horizontal=True, vertical_alignment="bottom"):
            gone = st.selectbox(t("member_remove_who", lang), current, key="member-remove-who")
            if st.button(t("member_remove", lang), key="member-remove"):
                member_actions.remove_member(org, gone, lang)
                st.rerun()
    st.subheader(t("audit_head", lang), anchor=False, divider="gray")
    rows = member_actions.audit_log(org)
    if not rows:
        st.caption(t("audit_empty", lang))
        return
    st.dataframe(
        [
            {
                t("audit_when", lang): r.at.astimezone().strftime("%Y-%m-%d %H:%M"),
                t("audit_who", lang): r.actor or "",
                t("audit_what", lang): r.action,
                t("audit_subject", lang): md(r.subject or ""),
                t("audit_detail", lang): r.detail or "",
            }
            for r in rows
        ],
        hide_index=True,
        width="stretch",
    )


if __name__ == "__main__":  # run as a page by st.navigation
    render()
