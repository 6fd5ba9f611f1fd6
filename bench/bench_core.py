"""Benchmark of the domain core: validate and score as whole processes.

Targets on the 2-core reference machine: `ikm score` of the built-in pack under 0.3 s, of a
generated pack of 1,000 criteria with 5,000 evidence items under 1 s. Prints the median of
several runs; run with `make bench` or `.venv/bin/python bench/bench_core.py`.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IKM = str(Path(sys.executable).with_name("ikm"))
RUNS = 7
KINDS = ["document", "record", "interview", "observation", "metric", "other"]


def large_pack(criteria: int) -> str:
    lines = [
        "id: bench-large",
        'version: "1"',
        "title: {nl: Groot, en: Large}",
        "scale:",
        "  - {level: 0, label: {nl: Afwezig, en: Absent}}",
        "  - {level: 1, label: {nl: Ad hoc, en: Ad hoc}}",
        "  - {level: 2, label: {nl: Vastgelegd, en: Defined}, requires: [document]}",
        '  - {level: 3, label: {nl: Werkend, en: Operating}, requires: ["record|interview"]}',
        "  - {level: 4, label: {nl: Geborgd, en: Embedded}, requires: [metric]}",
        "tags:",
        "  culture: {nl: Cultuur, en: Culture}",
        "pillars:",
    ]
    per_pillar = criteria // 4
    for p in range(4):
        lines += [
            f"  - id: p{p}",
            f"    title: {{nl: Pijler {p}, en: Pillar {p}}}",
            "    criteria:",
        ]
        for c in range(per_pillar):
            cid = f"P{p}-{c:04d}"
            lines += [
                f"      - id: {cid}",
                f"        title: {{nl: Criterium {cid}, en: Criterion {cid}}}",
                "        question: {nl: Hoe doet u dit?, en: How do you do this?}",
                "        guidance: {nl: De auditor kijkt naar bewijs., en: Evidence is checked.}",
                "        levels: {1: Ad hoc, 2: Vastgelegd, 3: Werkend, 4: Geborgd}",
                "        evidence_hints: [{kind: document, text: B}, {kind: record, text: R}]",
                f"        weight: {1 + c % 3}",
                f"        mandatory: {'true' if c % 25 == 0 else 'false'}",
                "        improvement: {nl: Verbeter dit., en: Improve this.}",
                "        tags: [culture]",
            ]
    return "\n".join(lines) + "\n"


def large_assessment(criteria: int, evidence: int) -> dict:
    rng = random.Random(7)
    ids = [f"P{p}-{c:04d}" for p in range(4) for c in range(criteria // 4)]
    return {
        "schema_version": 1,
        "criteria_set": {"id": "bench-large", "version": "1"},
        "organisation": {"name": "Bench"},
        "assessment_date": "2026-11-23",
        "audit_date": "2027-06-01",
        "evidence": [
            {
                "id": f"E{i}",
                "kind": rng.choice(KINDS),
                "title": f"Evidence {i}",
                "criteria": rng.sample(ids, 3),
            }
            for i in range(evidence)
        ],
        "responses": {cid: {"level": rng.randint(0, 4), "note": "x"} for cid in ids},
        "actions": {cid: {"owner": "Owner", "status": "open"} for cid in ids[::10]},
    }


def timed(*args: str) -> float:
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([IKM, *args], check=True, capture_output=True)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        pack = tmp / "large.yaml"
        pack.write_text(large_pack(1000), encoding="utf-8")
        big = tmp / "large.json"
        big.write_text(json.dumps(large_assessment(1000, 5000)), encoding="utf-8")
        demo = tmp / "demo.json"
        subprocess.run([IKM, "demo", "-o", str(demo)], check=True, capture_output=True)
        criteria = str(Path(__file__).resolve().parent.parent / "criteria")
        print(f"median of {RUNS} whole-process runs")
        row("ikm --help", timed("--help"))
        row("ikm validate criteria/", timed("validate", criteria))
        row("ikm score demo (built-in pack)", timed("score", str(demo)), "target < 0.3 s")
        row("ikm score demo --json", timed("score", str(demo), "--json"))
        size = f"{pack.stat().st_size // 1024} KiB"
        row("ikm validate large pack (1,000 criteria)", timed("validate", str(pack)), size)
        large = timed("score", str(big), "--criteria", str(pack), "--json")
        row("ikm score large (1,000 criteria, 5,000 evidence)", large, "target < 1 s")


def row(label: str, seconds: float, note: str = "") -> None:
    print(f"{label:<50} {seconds:6.3f} s   {note}")


if __name__ == "__main__":
    main()
