"""The one server helper of the browser tests: Chromium's settings and a real server
(``streamlit run`` or ``ikm workshop serve``) on a free localhost port, ended afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import ROOT

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
]


# True once the page has been at rest for ``quiet`` ms: the script has run to its end, every
# element was drawn by that run (none stale) and no spinner turns
_AT_REST = """(quiet) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const ok = app && app.getAttribute('data-test-script-state') === 'notRunning'
    && document.querySelector(
      '[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')
    && !document.querySelector('[data-stale="true"]')
    && !document.querySelector('[data-testid="stSpinner"]');
  const now = performance.now();
  if (!ok) { window.__ikmAtRest = null; return false; }
  if (window.__ikmAtRest == null) window.__ikmAtRest = now;
  return now - window.__ikmAtRest >= quiet;
}"""


def settle(page: Any, quiet: float = 0.3) -> None:
    """Wait until Streamlit has run the page's script to its end and drawn it, and nothing
    has changed for ``quiet`` seconds (a click before then can be undone by the run still
    under way). Wait for the page's own content first: between a navigation and its first
    run, the old page is at rest too."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.evaluate("window.__ikmAtRest = null")
    try:
        page.wait_for_function(_AT_REST, arg=quiet * 1000, polling="raf", timeout=15_000)
    except PlaywrightTimeout:  # a page whose parts rerun every second may never be quiet
        page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]')
        page.wait_for_timeout(700)  # then: a run has ended, and its last deltas are in


def open_expander(page: Any, name: str) -> None:
    """Open the expander headed ``name`` and wait until it has finished opening: until its
    rerun (a folded form opens with one) has been drawn and its content stops moving. A click
    on a button still sliding down lands beside it: the press is on the button, the release
    on what slid under the pointer, and the browser makes no click of that."""
    expander = (
        page.get_by_test_id("stExpander").filter(has=page.locator("summary", has_text=name)).first
    )
    expander.locator("summary").click()
    page.wait_for_timeout(150)  # the rerun's request goes out at the click
    settle(page)
    expander.locator("details[open]").wait_for()
    page.wait_for_function(
        """(el) => el.getAnimations({subtree: true}).every(a => a.playState !== 'running')""",
        arg=expander.element_handle(),
        polling="raf",
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"streamlit stopped: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("streamlit did not become healthy in time")


def app_command(port: int) -> list[str]:
    """The app's server as ``make run`` starts it (:func:`ui.launch.command`)."""
    from ui import launch

    return launch.command(port)


@contextmanager
def running_server(command: list[str], env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """Start ``command`` (in a process group of its own, output on ``proc.stdout``); end it
    and everything it started afterwards (the report worker processes too)."""
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        yield proc
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


def app_session(
    base: str, cookies: dict[str, str], resume: str | None = None, query: str = ""
) -> tuple[str, str]:
    """Open the app's WebSocket as a browser with ``cookies`` would (its XSRF cookie as the
    token; ``resume``: the session id to reconnect to, as Streamlit's page sends after a
    dropped connection), run the page once, and return the session id the server gave and
    everything it sent as text."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.sync.client import connect

    protocols = ["streamlit", cookies.get("_streamlit_xsrf", "")]
    if resume:
        protocols.append(resume)
    cookie = "; ".join(f"{k}={v}" for k, v in cookies.items())
    url = base.replace("http://", "ws://") + "/_stcore/stream"
    session_id, seen = "", []
    with connect(
        url,
        origin=base,
        subprotocols=protocols,  # type: ignore[arg-type]
        additional_headers={"Cookie": cookie},
        open_timeout=30,
        max_size=None,
    ) as ws:
        back = BackMsg()
        back.rerun_script.query_string = query
        ws.send(back.SerializeToString())
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            msg = ForwardMsg()
            msg.ParseFromString(ws.recv(timeout=60))  # type: ignore[arg-type]
            if msg.HasField("new_session"):
                session_id = msg.new_session.initialize.session_id
            seen.append(str(msg))
            if msg.HasField("script_finished"):
                break
    return session_id, "\n".join(seen)


def browser_cookies(base: str) -> dict[str, str]:
    """The cookies a new browser gets on loading the app (its own XSRF cookie)."""
    with urllib.request.urlopen(f"{base}/_stcore/health", timeout=10) as answer:
        header = answer.headers.get("Set-Cookie", "")
    name, _, rest = header.partition("=")
    return {name: rest.split(";", 1)[0]}


@contextmanager
def app_server(data_dir: Path, **env: str) -> Iterator[tuple[str, str]]:
    """The app's server (:func:`app_command`) on a free localhost port with a SQLite store in
    ``data_dir``:
    yields the base URL and the store's URL. ``env`` adds or overrides variables."""
    url = f"sqlite:///{data_dir / 'browser.sqlite3'}"
    port = free_port()
    command = app_command(port)
    environment = {
        "IKM_DATA_DIR": str(data_dir),
        "IKM_DATABASE_URL": url,
        "IKM_WORKSHOP_LAN": "",
        **env,
    }
    with running_server(command, environment) as proc:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}", url
