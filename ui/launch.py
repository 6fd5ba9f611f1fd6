"""The app's server: ``python ui/launch.py [options]`` (from any folder: the path may be
absolute) is ``streamlit run app.py [options]`` with the first visitor's wait done before the
server answers.

Streamlit runs ``app.py`` only when a browser connects, so the first visitor after a start
waited for everything a process does once: importing the app's modules (pydantic models,
SQLAlchemy, Babel; about 0.6 s), creating or migrating the database and setting up the demo
(about 0.4 s on a new data folder). This entry point, which owns the process, does that
first and then hands over to Streamlit's own command line, unchanged: every ``streamlit run``
option works as before. A store that cannot be opened here is not an error here: the app says
what is wrong on its first page, as it always did.
"""

from __future__ import annotations

import importlib
import logging
import sys
import time
from pathlib import Path

APP = Path(__file__).resolve().parent.parent / "app.py"
# What the router imports; every page of ui.nav is imported too (a page module's code runs
# only as a page: importing it defines its functions and imports what the page needs)
ROUTER = ("ui.auth", "ui.layout", "ui.nav", "ui.state", "ui.style", "ui.warmup", "ui.labels")

log = logging.getLogger("ikm.launch")


def modules() -> list[str]:
    """The modules the app's first run imports: the router's and every page's."""
    from ui import nav

    pages = [*nav.PAGES, *nav.SIGNED_IN_PAGES, "participate"]
    return [*ROUTER, *(f"ui.{key}" for key in pages)]


def prepare() -> float:
    """Import the app's modules and open the store once (migrations, the demo); the seconds
    it took."""
    start = time.perf_counter()
    # each st.cache_data at import says "No runtime found": true before the server runs, and
    # harmless (the cache is looked up when called, in the server's runtime by then)
    importlib.import_module("streamlit.runtime.caching.cache_data_api")  # makes its logger
    caching = logging.getLogger("streamlit.runtime.caching.cache_data_api")
    level = caching.level
    caching.setLevel(logging.ERROR)
    try:
        for name in modules():
            importlib.import_module(name)
    finally:
        caching.setLevel(level)
    from assessment.errors import IkmError
    from assessment.store import open_store

    try:
        with open_store() as store:
            store.ensure_demo()
    except IkmError as exc:  # the first page shows the problem, in the user's language
        log.warning("store not prepared: %s", exc)
    return time.perf_counter() - start


def command(port: int, *options: str) -> list[str]:
    """The command line that starts the app's server on ``port`` through this launcher, from
    any folder, headless (the tests' and the benchmarks' servers, as ``make run``)."""
    launcher = str(Path(__file__).resolve())
    return [sys.executable, launcher, "--server.port", str(port), "--server.headless", "true",
            *options]  # fmt: skip


def main(argv: list[str] | None = None) -> None:
    """Prepare, then run ``streamlit run app.py`` with ``argv`` (default: this command's)."""
    options = list(sys.argv[1:] if argv is None else argv)
    prepare()
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), *options]
    cli.main()


if __name__ == "__main__":
    # run as a file: Python put ui/ first on the path, where the checkout belongs (ui's
    # modules are imported as ui.*, and must not shadow any top-level module of that name)
    sys.path[0] = str(APP.parent)
    main()
