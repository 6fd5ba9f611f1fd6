"""Benchmark of the PDF report: prints pages and seconds.

    .venv/bin/python bench/bench_report.py [--quick]

1. the demo report as a whole process (``ikm report``: start-up, imports, render, write);
2. the demo in-process, as the app renders it (imports done, one render to warm up);
3. a generated large report (200 criteria, 1,000 evidence items) as a whole process;
4. three sizes in-process, to show that time grows linearly with size;
5. where the time goes: WeasyPrint layout, WeasyPrint PDF writing, and our own share
   (scoring, context, template; the charts render in a helper thread meanwhile).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from report_sample import generated_files  # noqa: E402

from assessment.catalog import load_catalog  # noqa: E402
from assessment.demo import demo_assessment  # noqa: E402

IKM = [sys.executable, "-m", "assessment.cli"]


def whole_process(assessment: Path, out: Path, extra: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(
        [*IKM, "report", str(assessment), "-o", str(out), *extra], check=True, capture_output=True
    )
    return time.perf_counter() - start


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each instead of three")
    args = parser.parse_args()
    runs = 1 if args.quick else 3

    from assessment.report import render

    work = Path(tempfile.mkdtemp(prefix="ikm-bench-"))
    demo = demo_assessment("nl")
    demo_pack = load_catalog().pack_for(demo.criteria_set)
    demo_file = work / "demo.json"
    demo_file.write_text(demo.to_json(), encoding="utf-8")

    print(f"== demo: {len(demo_pack.criteria_by_id)} criteria, {len(demo.evidence)} evidence")
    times = [whole_process(demo_file, work / "demo.pdf", []) for _ in range(runs)]
    pages = pages_of(work / "demo.pdf")
    print(
        f"whole process (ikm report): {pages} pages, "
        f"median {statistics.median(times):.2f} s (runs: {', '.join(f'{t:.2f}' for t in times)})"
    )

    render(demo_pack, demo, "nl")  # warm up: fonts, vl-convert, template cache
    results = [render(demo_pack, demo, "nl") for _ in range(runs)]
    totals = [r.timings["total"] for r in results]
    best = min(results, key=lambda r: r.timings["total"])
    print(
        f"in-process (app):           {best.pages} pages, "
        f"median {statistics.median(totals):.2f} s (runs: {', '.join(f'{t:.2f}' for t in totals)})"
    )
    share(best.timings)

    print("\n== large: 200 criteria, 1,000 evidence items")
    pack, assessment, pack_text = generated_files(200, 1000)
    (work / "packs").mkdir()
    (work / "packs" / "bench-pack.yaml").write_text(pack_text, encoding="utf-8")
    big = work / "large.json"
    big.write_text(assessment.to_json(), encoding="utf-8")
    seconds = whole_process(big, work / "large.pdf", ["--criteria", str(work / "packs")])
    print(f"whole process (ikm report): {pages_of(work / 'large.pdf')} pages, {seconds:.2f} s")

    print("\n== linearity (in-process)")
    print(
        f"{'criteria':>8} {'evidence':>8} {'pages':>6} {'seconds':>8} {'s/page':>7} "
        f"{'layout':>7} {'pdf':>6} {'own':>6}"
    )
    for criteria, evidence in ((50, 250), (100, 500), (200, 1000)):
        pack, assessment, _ = generated_files(criteria, evidence)
        out = min(
            (render(pack, assessment, "nl", timeout=None) for _ in range(runs)),
            key=lambda r: r.timings["total"],
        )
        t = out.timings
        print(
            f"{criteria:>8} {evidence:>8} {out.pages:>6} {t['total']:>8.2f} "
            f"{t['total'] / out.pages:>7.3f} {t['layout'] / t['total']:>7.0%} "
            f"{t['pdf'] / t['total']:>6.0%} {t['own'] / t['total']:>6.0%}"
        )
        if criteria == 200:
            share(t)


def share(t: dict[str, float]) -> None:
    total = t["total"]
    print(
        f"  WeasyPrint layout {t['layout']:.2f} s ({t['layout'] / total:.0%}), "
        f"PDF writing {t['pdf']:.2f} s ({t['pdf'] / total:.0%}), "
        f"our own {t['own']:.2f} s ({t['own'] / total:.0%}; charts {t['charts']:.2f} s "
        f"in a helper thread alongside the layout)"
    )


if __name__ == "__main__":
    main()
