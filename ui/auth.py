"""Sign-in for the app: who is using this session, as the store's access check knows them.

Without an ``[auth]`` section in ``.streamlit/secrets.toml`` the app is the single-user app
on this computer (``Principal.local``, acting as admin, the author the typed name), and the
sidebar says so. With it, Streamlit's own OpenID Connect sign-in (``st.login``/``st.user``,
Authlib) decides: before sign-in nothing but the sign-in page is reachable (``app.py``), and
after it every store call of the session is checked for the signed-in identity (e-mail and
name), which is also the author of every change. The checks themselves live in the store
(``assessment.store.access``), not here and not in the pages.
"""

from __future__ import annotations

from collections.abc import Mapping

import streamlit as st

from assessment.errors import IkmError
from assessment.store import Principal
from ui import state
from ui.labels import md, t

_SIGNED_IN = "_sign_in_recorded"  # the e-mail whose sign-in this session wrote to the audit log


def enabled() -> bool:
    """Whether sign-in is configured (an ``[auth]`` section in the secrets)."""
    try:
        return bool(st.secrets.load_if_toml_exists() and "auth" in st.secrets)
    except Exception:  # an unreadable secrets file: Streamlit's own login says why
        return False


def providers() -> list[str]:
    """The named providers (``[auth.NAME]``); empty for the one provider of ``[auth]``."""
    section = st.secrets.get("auth", {})
    return [name for name, value in section.items() if isinstance(value, Mapping)]


def signed_in() -> bool:
    """Whether this session's browser has signed in (always False without sign-in)."""
    return enabled() and bool(st.user.get("is_logged_in")) and bool(st.user.get("email"))


def principal() -> Principal:
    """Who this session acts as: the signed-in identity, the local user without sign-in,
    or nobody (sign-in configured, not signed in)."""
    if not enabled():
        name = (st.session_state.get(state.AUTHOR) or "").strip()
        return Principal.local(name or None)
    if not signed_in():
        return Principal.anonymous()
    email = str(st.user.get("email"))
    name = st.user.get("name")
    try:
        return Principal.identity(email, str(name) if name else None)
    except IkmError:  # the provider sent no usable address: no access
        return Principal.anonymous()


def record_sign_in(view: object) -> None:
    """Write this session's sign-in to the audit log, once per session and identity."""
    who = principal()
    if who.kind == "identity" and st.session_state.get(_SIGNED_IN) != who.email:
        view.record_sign_in()  # type: ignore[attr-defined]
        st.session_state[_SIGNED_IN] = who.email


def sidebar(lang: str, aid: int | None) -> None:
    """Who is signed in, their role in the open assessment's organisation, and *Sign out*;
    or, without sign-in, that this is the single-user app on this computer."""
    if not enabled():
        st.caption(t("auth_single_user", lang))
        return
    from ui.store_access import store

    who = principal()
    view = store()
    st.caption(t("auth_signed_in_as", lang, who=md(who.author or "")))
    if aid is not None:
        role = view.role_in(view.get_summary(aid).organisation_id)
        st.caption(t("auth_role", lang, role=md(role or "")))
        if role == "reviewer":
            st.info(t("auth_read_only", lang), icon=":material/visibility:")
    elif not view.list_organisations() and not view.is_admin():
        st.info(t("auth_no_access", lang, email=md(who.email or "")))
    st.button(t("auth_sign_out", lang), on_click=st.logout, key="sign-out")


def sign_in_page() -> None:
    """The only page before sign-in: what this is, and the sign-in button(s)."""
    lang = state.lang()
    st.title(t("app_title", lang))
    st.markdown(t("auth_sign_in_intro", lang))
    named = providers()
    if not named:
        st.button(t("auth_sign_in", lang), on_click=st.login, type="primary", key="sign-in")
    for name in named:
        label = t("auth_sign_in_with", lang, provider=md(name))
        st.button(label, on_click=st.login, args=(name,), key=f"sign-in-{name}")
