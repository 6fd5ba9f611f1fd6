"""Work the server does once, right after the first page is drawn, so that nobody waits for it
later: the report worker starts and warms up (WeasyPrint, fonts, the chart worker, in a process
of its own), and the libraries of the tables and charts are imported (pandas and pyarrow, some
0.7 s, which the first visit of the Results, Plan or Evidence page would otherwise pay)."""

from __future__ import annotations

import importlib
import logging
import threading

import streamlit as st

log = logging.getLogger(__name__)

# Imported in the background: what Streamlit's tables, data editor and charts import on their
# first use (a module already imported costs nothing).
MODULES = ("pandas", "pyarrow", "pyarrow.compute")


def start() -> None:
    """Start the warm-up (once per server process; later calls do nothing)."""
    _started()


@st.cache_resource(show_spinner=False)
def _started() -> threading.Thread:
    from ui import pdf

    if pdf.report_available():  # starts the report worker, which warms up by itself
        log.debug("report worker started")
    thread = threading.Thread(target=_import, args=(MODULES,), name="ikm-warm-up", daemon=True)
    thread.start()
    return thread


def _import(modules: tuple[str, ...]) -> None:
    for name in modules:
        try:
            importlib.import_module(name)
        except Exception:  # a missing optional library is imported (and reported) where used
            log.debug("warm-up: %s not imported", name, exc_info=True)
