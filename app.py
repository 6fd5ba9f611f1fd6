"""ikm-readiness: the Streamlit app. This file is only the router; the pages live in ``ui/``.

Streamlit runs this file as ``__main__`` on every run, and leaves it registered as the process's
main module: a worker process the app starts (the report worker, with *spawn*) runs it again
as ``__mp_main__`` before its own work. :func:`main` runs only in the first case, and the
imports are inside it, so that a worker neither draws a page nor imports the app.
"""


def main() -> None:
    import streamlit as st

    from ui import auth, layout, nav, state, style, warmup
    from ui.labels import t

    # The icon is a file of our own: a Material icon name would be fetched from the internet.
    st.set_page_config(page_title="IKM-gereedheid", page_icon=nav.ICON_URL, layout="wide")
    if nav.participant_only():  # a workshop participant (?join=CODE) sees the vote page alone
        st.navigation([nav.participate_page()], position="hidden").run()
        st.stop()
    if auth.enabled() and not auth.signed_in():  # with sign-in: nothing else before it
        signin = st.Page("ui/signin.py", title="IKM", default=True)
        st.navigation([signin], position="hidden").run()
        st.stop()
    state.sync()
    lang = state.lang()
    style.apply(lang)  # Streamlit's own widget texts in the page's language
    keys = [*nav.PAGES, *(nav.SIGNED_IN_PAGES if auth.enabled() else ())]
    pg = st.navigation([nav.page(key, t(f"nav_{key}", lang)) for key in keys])
    layout.sidebar()
    state.enter_page(pg.url_path)  # leaving a page drops the report rendered ahead for it
    pg.run()
    warmup.start()  # once, after the first page is drawn: the report worker, table libraries


if __name__ == "__main__":
    main()
