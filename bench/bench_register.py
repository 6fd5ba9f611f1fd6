"""Benchmark of the complaint register: 100,000 rows read, analysed and sampled.

Target on the 2-core reference machine: a register of 100,000 rows analyses in under 3 s
(reading included). Prints the median of several runs, in process and as the whole
`ikm register analyse --json` command, for a semicolon CSV with BOM and for an XLSX
workbook; run with `make bench` or `.venv/bin/python bench/bench_register.py`. The command's
CPU time is printed beside its wall time: on a machine shared with other work the wall time
is the larger.
"""

from __future__ import annotations

import csv
import io
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from assessment.fieldwork.analysis import analyse, terms_for
from assessment.fieldwork.reading import parse_register
from assessment.fieldwork.sampling import draw_sample

IKM = str(Path(sys.executable).with_name("ikm"))
ROWS = 100_000
RUNS = 3
GOAL = 3.0

HEADER = ["Zaaknummer", "Naam klager", "Datum ontvangst", "Ontvangstbevestiging", "Afgehandeld",
          "Kanaal", "Afdeling", "E-mail", "Uitkomst"]  # fmt: skip


def register_rows(rows: int) -> list[list[object]]:
    """A register of ``rows`` complaints over 2025, dates in both formats, two personal
    columns, 1 % duplicates and 0.5 % impossible dates."""
    rng = random.Random(1)
    start = date(2025, 1, 1)
    out: list[list[object]] = [HEADER]
    for i in range(rows):
        received = start + timedelta(days=rng.randrange(365))
        ack = received + timedelta(days=rng.randrange(10))
        decided = received + timedelta(days=rng.randrange(60)) if rng.random() < 0.9 else None
        rid = f"Z-{i - 1:06d}" if rng.random() < 0.01 else f"Z-{i:06d}"
        text = received.isoformat() if i % 2 else received.strftime("%d-%m-%Y")
        if rng.random() < 0.005:
            text = "31-02-2025"
        out.append([rid, f"Naam {i}", text, ack.isoformat(), decided.isoformat() if decided else "",
                    ("telefoon", "e-mail", "brief", "balie")[i % 4],
                    ("Burgerzaken", "Belastingen", "Zorg", "Wonen")[rng.randrange(4)],
                    f"k{i}@example.org", "gegrond" if i % 3 else "ongegrond"])  # fmt: skip
    return out


def as_csv(rows: list[list[object]]) -> bytes:
    out = io.StringIO(newline="")
    csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(rows)
    return out.getvalue().encode("utf-8-sig")


def as_xlsx(rows: list[list[object]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Klachten")
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def median(func, runs: int = RUNS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    rows = register_rows(ROWS)
    terms = terms_for(None, ack_days=5, decide_days=42)
    today = date(2026, 1, 15)
    with tempfile.TemporaryDirectory() as folder:
        for kind, raw in (("csv", as_csv(rows)), ("xlsx", as_xlsx(rows))):
            path = Path(folder) / f"register.{kind}"
            path.write_bytes(raw)
            holder: dict[str, object] = {}

            def run(raw: bytes = raw, kind: str = kind, holder: dict = holder) -> None:
                holder["analysis"] = analyse(parse_register(raw, f"r.{kind}"), terms, today)

            seconds = median(run)
            analysis = holder["analysis"]
            sample_seconds = median(
                lambda a=analysis: draw_sample(a.complaints, 25, 7, by="department")  # type: ignore[attr-defined]
            )
            args = [IKM, "register", "analyse", str(path), "--ack-days", "5",
                    "--decide-days", "42", "--today", "2026-01-15", "--json"]  # fmt: skip
            cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
            command = median(
                lambda args=args: subprocess.run(args, check=True, capture_output=True)
            )
            cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (
                cpu_after.ru_utime + cpu_after.ru_stime - cpu_before.ru_utime - cpu_before.ru_stime
            ) / RUNS
            verdict = "ok" if command < GOAL else "SLOWER THAN THE GOAL"
            print(
                f"{kind:4} {ROWS:,} rows ({len(raw) / 1e6:.1f} MB, "
                f"{analysis.to_json()['complaints']:,} complaints): "  # type: ignore[attr-defined]
                f"read + analyse {seconds:.2f} s, sample of 25 {sample_seconds:.2f} s, "
                f"`ikm register analyse` {command:.2f} s, of which {cpu:.2f} s CPU "
                f"(goal < {GOAL:.0f} s: {verdict})"
            )


if __name__ == "__main__":
    main()
