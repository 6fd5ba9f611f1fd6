"""The one server helper of the browser tests: Chromium's settings and a real server
(``streamlit run`` or ``ikm workshop serve``) on a free localhost port, ended afterwards."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def app_server(data_dir: Path, **env: str) -> Iterator[tuple[str, str]]:
    """``streamlit run app.py`` on a free localhost port with a SQLite store in ``data_dir``:
    yields the base URL and the store's URL. ``env`` adds or overrides variables."""
    url = f"sqlite:///{data_dir / 'browser.sqlite3'}"
    port = free_port()
    command = [
        str(Path(sys.executable).parent / "streamlit"),
        "run",
        "app.py",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    environment = {
        "IKM_DATA_DIR": str(data_dir),
        "IKM_DATABASE_URL": url,
        "IKM_WORKSHOP_LAN": "",
        **env,
    }
    with running_server(command, environment) as proc:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}", url
