"""Benchmark of the access check: the same calls on the store itself and through the view
of a signed-in member (``store.as_principal``), on SQLite, with 200 organisations of 2
assessments each and one member per organisation. Prints medians in milliseconds.

    .venv/bin/python bench/bench_access.py [--orgs 200] [--runs 200]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from assessment.assessments import parse_assessment
from assessment.store import Principal, open_store


def _assessment(name: str):  # type: ignore[no-untyped-def]
    return parse_assessment(
        {
            "schema_version": 1,
            "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
            "organisation": {"name": name},
            "assessment_date": "2026-11-23",
        },
        name,
    )


def _median_ms(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--orgs", type=int, default=200)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(f"sqlite:///{Path(folder) / 'bench.sqlite3'}")
        operator = store.as_principal(Principal.operator())
        aids = []
        for n in range(args.orgs):
            for _ in range(2):
                aids.append(store.create_assessment(_assessment(f"Gemeente {n:04d}")))
            org = store.get_summary(aids[-1]).organisation_id
            operator.set_member(org, f"member{n}@example.org", "editor")
        aid = aids[-1]
        member = store.as_principal(Principal.identity(f"member{args.orgs - 1}@example.org"))
        calls = {
            "get_summary": (lambda: store.get_summary(aid), lambda: member.get_summary(aid)),
            "get_assessment": (
                lambda: store.get_assessment(aid),
                lambda: member.get_assessment(aid),
            ),
            "list_organisations": (store.list_organisations, member.list_organisations),
        }
        print(f"{args.orgs} organisations x 2 assessments, median of {args.runs} runs (ms)")
        print(f"{'call':<20} {'store':>8} {'member view':>12}")
        for name, (raw, checked) in calls.items():
            plain, viewed = _median_ms(raw, args.runs), _median_ms(checked, args.runs)
            print(f"{name:<20} {plain:8.2f} {viewed:12.2f}")
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
