"""Benchmark of the app: server-side time of a rerun of the assess page on the full built-in
pack (the demo assessment), with and without a save, and the start-up of ``streamlit run``
until its health check answers.

Targets (issue 5): a rerun under 150 ms, start-up under 5 s. Run: ``.venv/bin/python
bench/bench_app.py`` (it uses a throw-away data folder).
"""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ui import launch  # noqa: E402  (the checkout on the path first)

RERUNS = 40


def _ms(seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"median {statistics.median(ordered) * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms, "
        f"max {ordered[-1] * 1000:6.1f} ms (n={len(ordered)})"
    )


def _time_scripts() -> list[float]:
    """Record how long each run of the app script takes on the server (in this process)."""
    from streamlit.runtime.scriptrunner import script_runner

    timings: list[float] = []
    original = script_runner.exec_func_with_error_handling

    def timed(func, ctx):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return original(func, ctx)
        finally:
            timings.append(time.perf_counter() - start)

    script_runner.exec_func_with_error_handling = timed
    return timings


def _share_script_cache() -> None:
    """Keep compiled page scripts between runs, as a real server does (AppTest starts each
    run with an empty cache and would otherwise time the compilation of the page too)."""
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache
    from streamlit.testing.v1 import app_test, local_script_runner

    shared = ScriptCache()
    app_test.ScriptCache = local_script_runner.ScriptCache = lambda: shared  # type: ignore[assignment]


def bench_reruns(data_dir: str) -> None:
    os.environ["IKM_DATA_DIR"] = data_dir
    os.environ["IKM_DATABASE_URL"] = f"sqlite:///{data_dir}/bench.sqlite3"
    from streamlit.testing.v1 import AppTest

    from assessment.store import open_store

    _share_script_cache()

    store = open_store()
    aid = store.ensure_demo()
    criteria = len(store.pack_for(aid).criteria_by_id)
    store.close()

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update({"a": str(aid), "c": "OPEN-03"})
    at.switch_page("ui/assess.py")
    at.run()
    at.switch_page("ui/assess.py").run()  # warm: imports, caches, first render
    assert not at.exception, at.exception

    script = _time_scripts()
    plain: list[float] = []
    for _ in range(RERUNS):
        start = time.perf_counter()
        at.run()
        plain.append(time.perf_counter() - start)
    assert not at.exception, at.exception

    plain_script, script[:] = list(script), []
    saving: list[float] = []
    for i in range(RERUNS // 2):
        note = at.text_area(key="note-OPEN-03")
        start = time.perf_counter()
        note.set_value(f"benchmark note {i}").run()
        saving.append(time.perf_counter() - start)
    assert not at.exception, at.exception

    print(f"assess page, full pack ({criteria} criteria), demo assessment")
    print("  server-side script time (callbacks, store, scoring, all widgets):")
    print(f"    rerun               {_ms(plain_script)}")
    print(f"    rerun with a save   {_ms(script)}")
    print("  AppTest round trip (script plus the test harness's polling):")
    print(f"    rerun               {_ms(plain)}")
    print(f"    rerun with a save   {_ms(saving)}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_startup(data_dir: str, rounds: int = 3) -> None:
    times = []
    for i in range(rounds):
        port = _free_port()
        env = {
            **os.environ,
            "IKM_DATA_DIR": f"{data_dir}/start{i}",
            "IKM_DATABASE_URL": f"sqlite:///{data_dir}/start{i}.sqlite3",
        }
        command = launch.command(port)  # as `make run` starts it
        start = time.perf_counter()
        server = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        try:
            while True:
                try:
                    url = f"http://127.0.0.1:{port}/_stcore/health"
                    with urllib.request.urlopen(url, timeout=1) as reply:
                        if reply.status == 200:
                            break
                except OSError:
                    pass
                if time.perf_counter() - start > 60:
                    raise SystemExit("streamlit did not become healthy within 60 s")
                time.sleep(0.05)
            times.append(time.perf_counter() - start)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"start-up until healthy  {_ms(times)}")


_FIRST_RUN = """
import sys, time
from streamlit.testing.v1 import AppTest
at = AppTest.from_file(sys.argv[1], default_timeout=60)
start = time.perf_counter()
at.run()
assert not at.exception
print(time.perf_counter() - start)
"""


def bench_first_page(data_dir: str) -> None:
    """The first run of the start page in a fresh process: imports, store, demo set-up."""
    env = {**os.environ, "IKM_DATABASE_URL": f"sqlite:///{data_dir}/first.sqlite3"}
    out = subprocess.run(
        [sys.executable, "-c", _FIRST_RUN, str(ROOT / "app.py")],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = float(out.stdout.strip().splitlines()[-1])
    print(f"first page in a fresh process (imports, new store, demo)  {seconds * 1000:.0f} ms")


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="ikm-bench-app-") as data_dir:
        bench_reruns(data_dir)
        bench_startup(data_dir)
        bench_first_page(data_dir)


if __name__ == "__main__":
    main()
