"""Who makes the changes, without sign-in: the name is asked once and kept in the browser.

The name lives in a cookie of the app's own address (``ikm_author``, one year), so a refresh
or a new tab in the same browser knows it again. Streamlit reads cookies
(``st.context.cookies``) but cannot set them; a zero-height component sets it with one line of
script. The value is percent-encoded, so nothing the user types reaches the script as code.
"""

from __future__ import annotations

from urllib.parse import quote, unquote

import streamlit as st
import streamlit.components.v1 as components

from ui import state

COOKIE = "ikm_author"
MAX_AGE = 365 * 24 * 3600
_WRITE = "_author_cookie"  # the name to write into the cookie on this run


def remembered() -> str | None:
    """The name this browser gave before, or None."""
    try:
        raw = st.context.cookies.get(COOKIE)
    except Exception:  # no browser behind the session (tests, scripts)
        return None
    if not isinstance(raw, str):  # AppTest has no browser: its cookies are a stand-in
        return None
    name = unquote(raw).strip()[:200]
    return name or None


def restore() -> None:
    """On a session's first run, take the name from the browser."""
    if state.AUTHOR not in st.session_state:
        st.session_state[state.AUTHOR] = remembered() or ""


def changed() -> None:
    """The name field changed: remember it in the browser on this run."""
    st.session_state[_WRITE] = (st.session_state.get(state.AUTHOR) or "").strip()[:200]


def write_cookie() -> None:
    """Write a changed name into the browser's cookie (nothing when the name did not change)."""
    if _WRITE not in st.session_state:
        return
    name = st.session_state.pop(_WRITE)
    value = quote(name, safe="")  # letters, digits and %XX only: safe inside the script
    age = MAX_AGE if name else 0
    cookie = f"{COOKIE}={value}; path=/; max-age={age}; SameSite=Strict"
    script = (
        f'<script>try {{ parent.document.cookie = "{cookie}"; }} '
        f'catch (e) {{ document.cookie = "{cookie}"; }}</script>'
    )
    components.html(script, height=0)
