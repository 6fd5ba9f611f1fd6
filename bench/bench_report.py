"""Benchmark of the PDF report: prints pages and seconds.

    .venv/bin/python bench/bench_report.py [--quick]

1. the demo report as a whole process (``ikm report``: start-up, imports, render, write);
2. the demo in-process, as the app renders it (imports done, one render to warm up);
3. a generated large report (200 criteria, 1,000 evidence items) as a whole process;
4. three sizes in-process, to show that time grows linearly with size;
5. where the time goes: WeasyPrint layout, WeasyPrint PDF writing, and our own share
   (scoring, context, template, and freeing WeasyPrint's objects afterwards). The charts
   convert in a helper process while WeasyPrint works; the seconds the layout waited for
   them are printed separately;
6. long text: the hostile assessment of tests/test_hostile_input.py (markup, control
   characters, right-to-left marks) with every text field cut to 300 and to 1,500
   characters, and with only the pack's scale labels long: the layout time grows much
   faster than the text (issue 17);
7. a reference: WeasyPrint alone on plain text pages (no report code at all), so that
   figures from machines of different speed, or from one machine on a busy and a quiet
   day, can be compared.
"""

from __future__ import annotations

import argparse
import os
import resource
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


def whole_process(assessment: Path, out: Path, extra: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (user + system) of one ``ikm report`` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [*IKM, "report", str(assessment), "-o", str(out), *extra], check=True, capture_output=True
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def pages_of(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="one run each instead of three")
    args = parser.parse_args()
    runs = 1 if args.quick else 3

    from assessment.report import render as plain_render
    from assessment.report import tuning
    from assessment.report.pool import ReportPool, wait_for

    # this process renders as the app's report worker does: the speed fixes applied, the
    # collector paused during each render (see assessment/report/tuning.py)
    tuning.prepare()

    def render(*args, **kwargs):
        with tuning.collector_paused():
            return plain_render(*args, **kwargs)

    print(
        f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs "
        "(CPU seconds are printed beside wall seconds: they suffer less from other load)"
    )
    work = Path(tempfile.mkdtemp(prefix="ikm-bench-"))
    demo = demo_assessment("nl")
    demo_pack = load_catalog().pack_for(demo.criteria_set)
    demo_file = work / "demo.json"
    demo_file.write_text(demo.to_json(), encoding="utf-8")

    print(f"\n== demo: {len(demo_pack.criteria_by_id)} criteria, {len(demo.evidence)} evidence")
    measured = [whole_process(demo_file, work / "demo.pdf", []) for _ in range(runs)]
    print(f"whole process (ikm report): {pages_of(work / 'demo.pdf')} pages, {fmt(measured)}")

    render(demo_pack, demo, "nl")  # warm up: fonts, vl-convert, template cache
    results, measured = [], []
    for _ in range(runs):
        cpu = time.process_time()
        results.append(render(demo_pack, demo, "nl"))
        measured.append((results[-1].timings["total"], time.process_time() - cpu))
    best = min(results, key=lambda r: r.timings["total"])
    print(f"in-process (as the worker): {best.pages} pages, {fmt(measured)}")
    share(best.timings)

    pool = ReportPool(1, timeout=600)
    wait_for(pool.submit(demo_pack, demo, "nl"))  # start and warm up the worker
    walls = []
    for _ in range(runs):
        start = time.perf_counter()
        wait_for(pool.submit(demo_pack, demo, "nl"), poll=0.01)
        walls.append(time.perf_counter() - start)
    pool.close()
    print(
        f"the app (warm worker):      {best.pages} pages, {statistics.median(walls):.2f} s wall "
        f"(median of {len(walls)}; the render in the worker plus sending the PDF back)"
    )

    print("\n== large: 200 criteria, 1,000 evidence items")
    pack, assessment, pack_text = generated_files(200, 1000)
    (work / "packs").mkdir()
    (work / "packs" / "bench-pack.yaml").write_text(pack_text, encoding="utf-8")
    big = work / "large.json"
    big.write_text(assessment.to_json(), encoding="utf-8")
    measured = [whole_process(big, work / "large.pdf", ["--criteria", str(work / "packs")])]
    print(f"whole process (ikm report): {pages_of(work / 'large.pdf')} pages, {fmt(measured)}")

    print("\n== linearity (in-process, best of the runs)")
    print(
        f"{'criteria':>8} {'evidence':>8} {'pages':>6} {'wall s':>7} {'cpu s':>6} {'s/page':>7} "
        f"{'layout':>7} {'pdf':>6} {'own':>6}"
    )
    for criteria, evidence in ((50, 250), (100, 500), (200, 1000)):
        pack, assessment, _ = generated_files(criteria, evidence)
        best, cpu_best = None, 0.0
        for _ in range(runs):
            cpu = time.process_time()
            out = render(pack, assessment, "nl", timeout=None)
            cpu = time.process_time() - cpu
            if best is None or out.timings["total"] < best.timings["total"]:
                best, cpu_best = out, cpu
        t = best.timings
        print(
            f"{criteria:>8} {evidence:>8} {best.pages:>6} {t['total']:>7.2f} {cpu_best:>6.2f} "
            f"{t['total'] / best.pages:>7.3f} {t['layout'] / t['total']:>7.0%} "
            f"{t['pdf'] / t['total']:>6.0%} {t['own'] / t['total']:>6.0%}"
        )
        if criteria == 200:
            share(t)
    print("\n== long text (hostile assessment, in-process)")
    long_text(render)
    print("\n== reference: WeasyPrint alone, plain text pages (machine speed)")
    reference()
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


def reference() -> None:
    """Render plain paragraphs (no report code) and print seconds per page: the floor."""
    import gc
    import random

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    words = [
        "klacht",
        "afhandeling",
        "organisatie",
        "medewerker",
        "verbetering",
        "registratie",
        "oorzaak",
        "analyse",
        "cultuur",
        "leren",
        "openheid",
        "kanaal",
        "eigenaarschap",
        "escalatie",
        "antwoord",
        "empathie",
    ]
    pick = random.Random(1).choice
    body = "".join(
        f"<h2>Hoofdstuk {i}</h2>"
        + "".join("<p>" + " ".join(pick(words) for _ in range(60)) + "</p>" for _ in range(6))
        for i in range(40)
    )
    fonts = FontConfiguration()
    css = CSS(
        string="@page { size: A4; margin: 2cm } "
        "html { font-family: sans-serif; font-size: 9.5pt; line-height: 1.45 }",
        font_config=fonts,
    )
    best = None
    for _ in range(3):
        gc.disable()
        try:
            start = time.process_time()
            document = HTML(string=f"<html><body>{body}</body></html>").render(
                stylesheets=[css], font_config=fonts
            )
            document.write_pdf()
            cpu = time.process_time() - start
        finally:
            gc.enable()
        best = cpu if best is None else min(best, cpu)
    pages = len(document.pages)
    print(f"plain text: {pages} pages, {best:.2f} s CPU, {best / pages:.3f} s/page")


def long_text(render) -> None:
    """CPU seconds of the hostile report with long text fields (see the docstring)."""
    import yaml
    from test_hostile_input import _CORE, hostile_assessment_data, hostile_pack_yaml

    from assessment.assessments import parse_assessment
    from assessment.packs import parse_pack

    def text(length: int) -> str:
        return (_CORE + " " + "lang verhaal " * 800)[:length]

    cases = [(f"every field {n:,} characters", text(n), text(n)) for n in (300, 1500)]
    cases.append(("only the scale labels 1,500", text(1500), "kort"))
    for name, long, short in cases:
        data = yaml.safe_load(hostile_pack_yaml(short))
        for step in data["scale"]:  # the scale's labels long (the rest as it is)
            step["label"] = {"nl": f"label {long}", "en": f"label {long}"}
        pack = parse_pack(yaml.safe_dump(data, allow_unicode=True), "hostile.yaml")
        assessment = parse_assessment(hostile_assessment_data(short), "hostile.json")
        cpu = time.process_time()
        out = render(pack, assessment, "nl", timeout=None)
        print(f"{name:>30}: {out.pages} pages, {time.process_time() - cpu:.2f} s CPU")


def fmt(measured: list[tuple[float, float]]) -> str:
    walls = [w for w, _ in measured]
    cpus = [c for _, c in measured]
    text = f"{statistics.median(walls):.2f} s wall, {statistics.median(cpus):.2f} s CPU"
    if len(measured) > 1:
        text += f" (median of {len(measured)}; walls {', '.join(f'{w:.2f}' for w in walls)})"
    return text


def share(t: dict[str, float]) -> None:
    total = t["total"]
    print(
        f"  WeasyPrint layout {t['layout']:.2f} s ({t['layout'] / total:.0%}), "
        f"PDF writing {t['pdf']:.2f} s ({t['pdf'] / total:.0%}), "
        f"our own {t['own']:.2f} s ({t['own'] / total:.0%}); the layout includes "
        f"{t['charts']:.2f} s of waiting for the charts"
    )


if __name__ == "__main__":
    main()
