"""Benchmark of the Excel exchange: prints seconds (goal: under 2 s each).

    .venv/bin/python bench/bench_exchange.py [--runs N]

A generated assessment of 200 criteria and 1,000 evidence items (the large case of
bench_report.py): export to .xlsx, and import of that workbook back (container checks,
reading, validation against the pack), in-process. Also the plan as .ics and .csv, and the
round trip checked to give the same assessment.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_sample import generated  # noqa: E402

from assessment.catalog import Catalog  # noqa: E402
from assessment.method import score  # noqa: E402
from assessment.planexport import plan_calendar, plan_csv_bytes, plan_rows  # noqa: E402
from assessment.xlsx import export_workbook, import_workbook  # noqa: E402


def timed(func, runs: int):  # type: ignore[no-untyped-def]
    """The result of the last run, and the wall and CPU seconds of every run."""
    measured = []
    result = None
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        result = func()
        measured.append((time.perf_counter() - wall, time.process_time() - cpu))
    return result, measured


def fmt(measured: list[tuple[float, float]]) -> str:
    walls = [w for w, _ in measured]
    cpus = [c for _, c in measured]
    return (
        f"best {min(walls):.2f} s, median {statistics.median(walls):.2f} s wall "
        f"(CPU best {min(cpus):.2f} s) over {len(measured)} runs"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")

    pack, assessment = generated(200, 1000)
    catalog = Catalog([pack])
    points = [p.criterion for p in score(pack, assessment).improvement_points]
    print(
        f"\n== {len(pack.criteria_by_id)} criteria, {len(assessment.evidence)} evidence items, "
        f"{len(assessment.actions)} actions, {len(points)} improvement points"
    )

    raw, measured = timed(
        lambda: export_workbook(assessment, pack, plan_criteria=points), args.runs
    )
    print(f"export (.xlsx, {len(raw) / 1024:.0f} KiB): {fmt(measured)}  goal < 2 s")

    back, measured = timed(lambda: import_workbook(raw, "bench.xlsx", catalog.pack_for), args.runs)
    print(f"import (.xlsx -> assessment):  {fmt(measured)}  goal < 2 s")
    same = json.loads(back[0].to_json()) == json.loads(assessment.to_json())
    print(f"round trip gives the same assessment: {same}")

    result = score(pack, assessment)
    ics, measured = timed(lambda: plan_calendar(pack, assessment, result, "nl"), args.runs)
    print(f"plan .ics ({len(ics) / 1024:.0f} KiB):  {fmt(measured)}")
    csv, measured = timed(
        lambda: plan_csv_bytes(plan_rows(pack, assessment, result, "nl"), "nl"), args.runs
    )
    print(f"plan .csv ({len(csv) / 1024:.0f} KiB):  {fmt(measured)}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
