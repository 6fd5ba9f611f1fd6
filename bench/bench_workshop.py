"""Benchmark of workshop voting: 15 participants voting at once, criterion after criterion.

Prints, per backend, the time from opening a vote until all 15 votes are in (15 real
threads, each joining once and then voting), the median and slowest single vote, the time to
close a round and compute its spread, and the report findings over all rounds.
SQLite always; PostgreSQL too when IKM_TEST_DATABASE_URL is set.
Run with `.venv/bin/python bench/bench_workshop.py`.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import threading
import time
from pathlib import Path

from assessment.assessments import parse_assessment
from assessment.store import open_store

PEOPLE = 15
CRITERIA = 12


def _assessment():
    return parse_assessment(
        {
            "schema_version": 1,
            "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
            "organisation": {"name": "Bench"},
            "assessment_date": "2026-11-23",
        },
        "bench",
    )


def run(url: str, label: str) -> None:
    with open_store(url) as store:
        aid = store.create_assessment(_assessment())
        ws = store.workshops
        w = ws.start(aid, "bench")
        tokens = [ws.join(w.code, f"P{n:02d}").token for n in range(PEOPLE)]
        order = [c.id for _, c in store.pack_for(aid).criteria()][:CRITERIA]
        rounds, singles, closes = [], [], []
        lock = threading.Lock()
        for i, cid in enumerate(order):
            ws.show(w.id, cid)
            ws.open_voting(w.id)
            barrier = threading.Barrier(PEOPLE)

            def vote(n: int, cid: str = cid, i: int = i, barrier=barrier) -> None:
                barrier.wait()
                start = time.perf_counter()
                ws.vote(tokens[n], cid, (n + i) % 5)
                with lock:
                    singles.append(time.perf_counter() - start)

            threads = [threading.Thread(target=vote, args=(n,)) for n in range(PEOPLE)]
            start = time.perf_counter()
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            rounds.append(time.perf_counter() - start)
            start = time.perf_counter()
            summary = ws.close_voting(w.id)
            closes.append(time.perf_counter() - start)
            assert summary.count == PEOPLE, summary.count
        start = time.perf_counter()
        found = ws.findings(aid)
        report = time.perf_counter() - start
        assert found.vote_count == PEOPLE * CRITERIA
    ms = 1000
    print(
        f"{label:<11} all {PEOPLE} votes in: median {statistics.median(rounds) * ms:6.1f} ms, "
        f"max {max(rounds) * ms:6.1f} ms | one vote: median "
        f"{statistics.median(singles) * ms:5.1f} ms, max {max(singles) * ms:6.1f} ms | "
        f"close + spread {statistics.median(closes) * ms:5.1f} ms | "
        f"findings of {CRITERIA} criteria {report * ms:5.1f} ms"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        run(f"sqlite:///{Path(folder) / 'bench.sqlite3'}", "SQLite")
    pg = os.environ.get("IKM_TEST_DATABASE_URL")
    if pg:
        from sqlalchemy import create_engine

        from assessment.store.engine import resolve_url

        schema = f"bench_{os.getpid()}"
        admin = create_engine(resolve_url(pg))
        with admin.begin() as conn:
            conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
        try:
            sep = "&" if "?" in pg else "?"
            run(f"{pg}{sep}options=-csearch_path%3D{schema}", "PostgreSQL")
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
            admin.dispose()


if __name__ == "__main__":
    main()
