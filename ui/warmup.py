"""Work the server does once, shortly after the first page is drawn, so that nobody waits for
it later: the report worker starts and warms up (WeasyPrint, fonts, the chart worker, in a
process of its own), so does the app's chart worker (:mod:`ui.chart_images`), and the
libraries of the tables are imported (pandas and pyarrow, some 0.7 s, which the first visit
of the Results, Plan or Evidence page would otherwise pay). It waits :data:`DELAY` seconds
first, so as not to take the processor from the browser while it draws the first page."""

from __future__ import annotations

import importlib
import logging
import os
import threading
import time
from typing import Any

import streamlit as st

log = logging.getLogger(__name__)

DELAY = 2.0  # seconds after the first run before the warm-up starts
# IKM_WARM_UP=0 leaves it out: the app's AppTest suite clears Streamlit's caches before each
# test, and would otherwise start (and leave running) a report worker for every test
SWITCH = "IKM_WARM_UP"
# Imported in the background: what Streamlit's tables, data editor and charts import on their
# first use (a module already imported costs nothing).
MODULES = ("pandas", "pyarrow", "pyarrow.compute")


def start() -> None:
    """Start the warm-up (once per server process; later calls do nothing)."""
    if os.environ.get(SWITCH, "1") != "0":
        _started()


@st.cache_resource(show_spinner=False)
def _started() -> threading.Thread:
    from ui import chart_images, pdf

    pool = pdf.report_pool() if pdf.renderer_installed() else None  # taken here, on the page
    thread = threading.Thread(
        target=_warm,
        args=(pool, MODULES, DELAY, chart_images.start),
        name="ikm-warm-up",
        daemon=True,
    )
    thread.start()
    return thread


def _warm(pool: Any, modules: tuple[str, ...], delay: float, charts: Any) -> None:
    time.sleep(delay)
    if pool is not None:
        pool.start()  # the worker warms up by itself, in its own process
    charts()  # the chart worker too: the first chart is then drawn without its start
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional library is imported (and reported) where used
            log.debug("warm-up: %s not imported", name, exc_info=True)
