"""What every page shares: the sidebar, the open assessment, and the empty state without one."""

from __future__ import annotations

import streamlit as st

from assessment.charts import Chart
from assessment.formats import vega_locale
from assessment.i18n import LANGUAGES, localise
from ui import auth, author, chart_images, conflict, presence, services, state
from ui.labels import md, t

VERDICT_COLOURS = {"ready": "green", "conditional": "orange", "not_ready": "red"}


def sidebar() -> None:
    """Language switch and the open assessment; drawn on every page."""
    lang = state.lang()
    with st.sidebar:
        st.segmented_control(
            t("language", lang),
            LANGUAGES,
            key=state.LANG,
            required=True,
            format_func=lambda code: t(f"lang_{code}", lang),
        )
        if not auth.enabled():  # signed in, the author is the identity: never typed
            author.restore()
            st.text_input(
                t("your_name", lang),
                key=state.AUTHOR,
                help=t("your_name_help", lang),
                placeholder=t("your_name_placeholder", lang),
                on_change=author.changed,
            )
            if not (st.session_state.get(state.AUTHOR) or "").strip():
                st.warning(t("your_name_ask", lang), icon=":material/badge:")
            author.write_cookie()
        opened = services.current()
        auth.sidebar(lang, opened.ref.aid if opened else None)
        st.caption(t("open_assessment", lang))
        if opened is None:
            st.caption(t("no_open_assessment", lang))
        else:
            st.markdown(f"**{md(opened.assessment.organisation.name)}**")
            st.caption(
                md(
                    f"{localise(opened.pack.title, lang)} · "
                    f"{t('assessed_on', lang, date=opened.assessment.assessment_date)}"
                )
            )


def require_assessment(lang: str) -> services.Opened:
    """The open assessment; without one, a clear empty state and the page stops."""
    aid = state.assessment_id()
    opened = services.current()
    if opened is None:
        if aid:
            st.warning(t("not_found", lang, aid=md(aid)))
            state.close_assessment()
        else:
            st.info(t("empty_open_first", lang))
        st.page_link(start_page(), label=t("go_start", lang), icon=":material/home:")
        st.stop()
    return opened


def read_only(opened: services.Opened) -> bool:
    """Whether this session may only read the open assessment (a reviewer): the pages then
    disable every control that would change it, rather than let the store refuse the change."""
    from ui.store_access import store

    return not store().may_edit(opened.ref.aid)


def goto(key: str) -> st.Page:
    """The page ``key`` for ``st.page_link`` or ``st.switch_page``."""
    from ui import nav

    return nav.page(key, t(f"nav_{key}", state.lang()))


def start_page() -> st.Page:
    return goto("start")


def nothing_answered(key: str, lang: str) -> None:
    """The empty state of a page that needs answers: what to do, and the way there."""
    st.info(t(key, lang), icon=":material/info:")
    st.page_link(goto("assess"), label=t("go_assess_page", lang), icon=":material/arrow_forward:")


def page_title(key: str, lang: str, opened: services.Opened | None = None) -> None:
    """The page title, with the organisation underneath when an assessment is open."""
    st.title(t(key, lang))
    if opened is not None:
        st.caption(md(opened.assessment.organisation.name))
        presence.line(opened.ref.aid)
    state.show_flash()
    conflict.panel(opened.ref.aid if opened is not None else None, lang)


def verdict_badge(verdict: str, lang: str) -> None:
    from assessment.messages import verdict_label

    st.badge(verdict_label(verdict, lang), color=VERDICT_COLOURS.get(verdict, "gray"))


# The font of a chart drawn in the browser: the report's Open Sans is not there, the app's is.
APP_CHART_FONT = '"Source Sans", sans-serif'


def chart(spec: Chart, *, alt: str, room: int = 90) -> None:
    """Show a Vega-Lite spec of ``assessment.charts`` at its own size.

    The chart is drawn on the server (:mod:`ui.chart_images`), as in the report, and shown as a
    picture whose alternative text is ``alt`` (the chart's data in words). Without the renderer
    it is drawn in the browser, in the app's font; ``room`` is then the height of the axis and
    legend below the plot (Streamlit does not add it by itself)."""
    spec = localised(spec)
    picture = chart_images.png(spec)
    if picture is not None:
        # its own width, or less (the box shrinks on a narrow screen); "stretch" inside the box
        # because an image given a width in pixels is scaled down to it by Streamlit (the
        # sharpness of the double scale lost, and decoded and encoded again on every run)
        with st.container(width=chart_images.css_width(picture, spec)):
            st.image(picture, width="stretch", alt=alt)
        return
    spec = {**spec, "config": {**spec["config"], "font": APP_CHART_FONT}}
    height = spec.get("height")
    if isinstance(height, int | float):
        st.vega_lite_chart(spec=spec, theme=None, height=int(height) + room)
    else:
        st.vega_lite_chart(spec=spec, theme=None)


def localised(spec: Chart) -> Chart:
    """``spec`` with the page language's month and day names and decimal sign on its axes."""
    return {**spec, "config": {**spec.get("config", {}), "locale": vega_locale(state.lang())}}


def prepare_charts(specs: list[Chart]) -> None:
    """Start drawing a page's charts at once, before the page reaches them."""
    chart_images.prepare([localised(spec) for spec in specs])
