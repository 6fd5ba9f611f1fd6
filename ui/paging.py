"""Long lists shown a page at a time: the first :data:`PAGE` entries, then "N meer tonen" and
"Alle N tonen" below, with what is shown said. A long list is long to scroll through, and
the browser draws it slowly (the Evidence page's 29 cards took it 0.9 s)."""

from __future__ import annotations

import streamlit as st

from ui.labels import t

PAGE = 10  # entries shown at first, and added by "show more"


def shown(key: str) -> int:
    """How many entries of the list ``key`` are shown."""
    return st.session_state.get(key, PAGE)


def more(found: int, lang: str, key: str) -> None:
    """Below a list of ``found`` entries cut short: what is shown, and the buttons that show
    more of it (nothing when the whole list is shown)."""
    limit = shown(key)
    if found <= limit:
        return
    st.caption(t("list_shown", lang, n=limit, total=found))
    with st.container(horizontal=True, gap="small"):
        st.button(
            t("list_more", lang, n=min(PAGE, found - limit)),
            key=f"{key}-more",
            icon=":material/expand_more:",
            on_click=_show,
            args=(key, limit + PAGE),
        )
        st.button(
            t("list_all", lang, n=found),
            key=f"{key}-all",
            type="tertiary",
            on_click=_show,
            args=(key, found),
        )


def _show(key: str, n: int) -> None:
    st.session_state[key] = n
