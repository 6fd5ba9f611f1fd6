"""ikm-readiness: the Streamlit app. This file is only the router; the pages live in ``ui/``."""

import streamlit as st

from ui import auth, layout, nav, state, style
from ui.labels import t

# The icon is a file of our own: a Material icon name would be fetched from the internet.
st.set_page_config(page_title="IKM-gereedheid", page_icon=nav.ICON, layout="wide")
if nav.participant_only():  # a workshop participant (?join=CODE) sees the vote page alone
    st.navigation([nav.participate_page()], position="hidden").run()
    st.stop()
if auth.enabled() and not auth.signed_in():  # with sign-in: nothing else before it
    st.navigation([st.Page("ui/signin.py", title="IKM", default=True)], position="hidden").run()
    st.stop()
state.sync()
lang = state.lang()
style.apply(lang)  # Streamlit's own widget texts in the page's language
keys = [*nav.PAGES, *(nav.SIGNED_IN_PAGES if auth.enabled() else ())]
pg = st.navigation([nav.page(key, t(f"nav_{key}", lang)) for key in keys])
layout.sidebar()
pg.run()
