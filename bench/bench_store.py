"""Benchmark of the store: list, open and save with 500 organisations x 4 assessments x 40
criteria with evidence, on SQLite and (when a server answers) PostgreSQL. Prints medians.

    .venv/bin/python bench/bench_store.py [--orgs 500] [--runs 40] [--postgres URL]

PostgreSQL: ``--postgres URL``, else ``IKM_BENCH_DATABASE_URL``, else ``IKM_TEST_DATABASE_URL``;
the benchmark works in a schema of its own that it drops afterwards.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from assessment.assessments import Response, parse_assessment
from assessment.store import open_store

KINDS = ["document", "record", "interview", "observation", "metric"]
PILLARS, PER_PILLAR = 4, 10  # 40 criteria


def pack_text() -> str:
    """A pack of 40 criteria in 4 pillars."""
    lines = [
        "id: bench-pack",
        "version: '1'",
        "title: Bench",
        "scale:",
        "  - {level: 0, label: Absent}",
        "  - {level: 1, label: Ad hoc}",
        "  - {level: 2, label: Defined, requires: [document]}",
        "  - {level: 3, label: Operating, requires: ['record|interview|observation']}",
        "  - {level: 4, label: Measured, requires: [metric]}",
        "pillars:",
    ]
    for p in range(PILLARS):
        lines += [f"  - id: p{p}", f"    title: Pillar {p}", "    criteria:"]
        for c in range(PER_PILLAR):
            cid = f"P{p}-{c:02d}"
            mandatory = "true" if c == 0 else "false"
            lines.append(
                f"      - {{id: {cid}, title: Criterion {cid}, question: 'Is {cid} in place?', "
                f"improvement: 'Improve {cid}', weight: {1 + c % 3}, mandatory: {mandatory}}}"
            )
    return "\n".join(lines) + "\n"


def criteria_ids() -> list[str]:
    return [f"P{p}-{c:02d}" for p in range(PILLARS) for c in range(PER_PILLAR)]


def make_assessment(rng: random.Random, org: int, n: int, file_meta: dict) -> object:
    ids = criteria_ids()
    evidence = []
    for e in range(25):
        item = {
            "id": f"E{e + 1}",
            "kind": KINDS[e % len(KINDS)],
            "title": f"Evidence {e + 1} of organisation {org}",
            "criteria": rng.sample(ids, 3),
            "source": "intranet",
            "date": "2026-06-01",
        }
        if e == 0:
            item["file"] = file_meta
        evidence.append(item)
    responses = {cid: {"level": rng.randrange(0, 5), "note": f"note on {cid}"} for cid in ids}
    actions = {
        cid: {"owner": "Coordinator", "deadline": "2027-02-01", "status": "in_progress"}
        for cid in rng.sample(ids, 8)
    }
    return parse_assessment(
        {
            "schema_version": 1,
            "criteria_set": {"id": "bench-pack", "version": "1"},
            "organisation": {"name": f"Organisation {org:04d}", "sector": "public sector"},
            "assessment_date": f"202{3 + n}-11-23",
            "audit_date": f"202{4 + n}-04-01",
            "assessors": ["A. de Vries"],
            "evidence": evidence,
            "responses": responses,
            "actions": actions,
        },
        "bench",
    )


def median_ms(func: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(url: str, label: str, orgs: int, runs: int) -> dict[str, float]:
    rng = random.Random(7)
    with open_store(url) as store:
        pack = store.save_pack_text(pack_text(), "bench-pack.yaml")
        start = time.perf_counter()
        ids: list[int] = []
        for org in range(orgs):
            content = f"%PDF-1.7\n% evidence of organisation {org}\n".encode() + bytes(8000)
            meta = store.add_file(content, f"regeling-{org}.pdf").model_dump()
            for n in range(4):
                ids.append(store.create_assessment(make_assessment(rng, org, n, meta), pack))
        fill = time.perf_counter() - start
        print(f"{label}: filled {orgs} organisations, {len(ids)} assessments in {fill:.1f} s")

        listing = median_ms(store.list_organisations, runs)
        assert sum(len(o.assessments) for o in store.list_organisations()) == len(ids)
        picks = [rng.choice(ids) for _ in range(runs)]
        it = iter(picks)
        opening = median_ms(lambda: store.get_assessment(next(it)), runs)

        save_times = []
        for assessment_id in picks:
            assessment, version = store.get_assessment(assessment_id)
            changed = assessment.model_copy(deep=True)
            cid = rng.choice(criteria_ids())
            old = changed.responses[cid].level or 0
            changed.responses[cid] = Response(level=(old + 1) % 5, note="changed in bench")
            start = time.perf_counter()
            store.save(assessment_id, changed, version, "bench")
            save_times.append((time.perf_counter() - start) * 1000)
        saving = statistics.median(save_times)
    return {"list": listing, "open": opening, "save": saving}


def postgres_url(given: str | None) -> str | None:
    return (
        given
        or os.environ.get("IKM_BENCH_DATABASE_URL")
        or os.environ.get("IKM_TEST_DATABASE_URL")
        or None
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=500)
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--postgres", default=None, help="PostgreSQL URL (a schema is made)")
    args = parser.parse_args()

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
        results["SQLite"] = run(url, "SQLite", args.orgs, args.runs)

    base = postgres_url(args.postgres)
    if base:
        from sqlalchemy import create_engine

        from assessment.store.engine import resolve_url

        schema = f"bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(resolve_url(base))
        try:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
            sep = "&" if "?" in base else "?"
            url = f"{base}{sep}options=-csearch_path%3D{schema}"
            results["PostgreSQL"] = run(url, "PostgreSQL", args.orgs, args.runs)
        except Exception as exc:  # report and go on: the SQLite figures still count
            print(f"PostgreSQL: skipped ({str(exc).splitlines()[0]})", file=sys.stderr)
        finally:
            with admin.begin() as conn:
                conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
            admin.dispose()
    else:
        print("PostgreSQL: skipped (set IKM_BENCH_DATABASE_URL or pass --postgres URL)")

    n = args.orgs * 4
    print(f"\nmedian of {args.runs} runs, {args.orgs} organisations x 4 assessments x 40 criteria")
    print(f"{'backend':<12}{'list (' + str(n) + ')':>14}{'open':>10}{'save':>10}")
    for name, figures in results.items():
        print(
            f"{name:<12}{figures['list']:>11.1f} ms{figures['open']:>7.1f} ms"
            f"{figures['save']:>7.1f} ms"
        )
    slow = [k for k, v in results.get("SQLite", {}).items() if v >= 50]
    if slow:
        print(f"SQLite above the 50 ms target: {', '.join(slow)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
