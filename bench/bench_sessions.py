"""Benchmark of one app replica: many simulated browser sessions against one ``streamlit run
app.py`` process, each speaking Streamlit's own websocket protocol (the messages a browser
sends), rerunning the assess page of the demo assessment with a think time between clicks.

A rerun is what every click costs the server (the whole page script runs); the time is from
sending the rerun to the server's "script finished", as a user waits for it. For each number
of simultaneous users it prints the median and 95th percentile. Run:
``.venv/bin/python bench/bench_sessions.py [USERS ...] [--think SECONDS] [--seconds S]``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

ROOT = Path(__file__).resolve().parent.parent
CRITERIA = ["OPEN-01", "OPEN-02", "OPEN-03", "OPEN-04", "OPEN-05", "OPEN-06"]


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _rerun(aid: int, cid: str) -> bytes:
    msg = BackMsg()
    msg.rerun_script.query_string = f"a={aid}&c={cid}"
    msg.rerun_script.page_name = "assess"
    return msg.SerializeToString()


async def _run_once(ws, aid: int, cid: str) -> float:
    start = time.perf_counter()
    await ws.send(_rerun(aid, cid))
    while True:
        raw = await ws.recv()
        msg = ForwardMsg()
        msg.ParseFromString(raw)
        if msg.WhichOneof("type") == "script_finished":
            return time.perf_counter() - start


async def _user(url: str, aid: int, n: int, think: float, seconds: float, out: list[float]) -> None:
    async with connect(url, subprotocols=["streamlit"], max_size=64 << 20) as ws:
        await _run_once(ws, aid, CRITERIA[n % len(CRITERIA)])  # the first page load
        until = time.perf_counter() + seconds  # measured from here: clicks, not page loads
        i = n
        while time.perf_counter() < until:
            await asyncio.sleep(think * (0.5 + (i * 7919 % 100) / 100))  # 0.5x to 1.5x
            i += 1
            out.append(await _run_once(ws, aid, CRITERIA[i % len(CRITERIA)]))


async def _load(url: str, aid: int, users: int, think: float, seconds: float) -> list[float]:
    out: list[float] = []
    started = time.perf_counter()
    await asyncio.gather(*(_user(url, aid, n, think, seconds, out) for n in range(users)))
    out.append(-(time.perf_counter() - started))  # the step's length, taken off by the caller
    return out


def _figures(times: list[float], seconds: float) -> str:
    if not times:
        return "no click finished"
    ordered = sorted(times)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"median {statistics.median(ordered) * 1000:6.0f} ms  p95 {p95 * 1000:6.0f} ms  "
        f"({len(ordered)} clicks, {len(ordered) / seconds:.1f} a second)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("users", nargs="*", type=int, default=[1, 5, 10, 20, 40])
    parser.add_argument("--think", type=float, default=5.0, help="seconds between clicks")
    parser.add_argument("--seconds", type=float, default=30.0, help="per step")
    args = parser.parse_args()
    data = tempfile.mkdtemp(prefix="ikm-bench-")
    env = {
        **os.environ,
        "IKM_DATA_DIR": data,
        "IKM_DATABASE_URL": os.environ.get("IKM_BENCH_DATABASE_URL", f"{data}/bench.sqlite3"),
        "PYTHONPATH": str(ROOT),
    }
    port = _port()
    sys.path.insert(0, str(ROOT))
    from ui import launch

    command = launch.command(port)  # as `make run` starts it
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        from assessment.store import open_store

        store = open_store(env["IKM_DATABASE_URL"])
        aid = store.ensure_demo()
        store.close()
        url = f"ws://127.0.0.1:{port}/_stcore/stream"
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(f"one replica, demo {aid}, think time {args.think:g} s, {os.cpu_count()} cores")
        print(f"load average before: {load} (other work on the machine slows every figure)")
        asyncio.run(_load(url, aid, 1, 0.1, 5))  # warm up: caches, the first imports
        for users in args.users:
            times = asyncio.run(_load(url, aid, users, args.think, args.seconds))
            took = -times.pop()
            print(f"{users:4d} users  {_figures(times, took)}", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)


if __name__ == "__main__":
    main()
