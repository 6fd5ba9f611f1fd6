"""Assessments for the report and chart tests and the benchmark.

:func:`sample_assessment` fills in the built-in main pack with a bit of everything (shared
evidence, an unbacked claim, not applicable, user deadlines, an at-risk point), whatever
the number of criteria in the pack. :func:`generated` builds a pack and an assessment of
any size for the benchmark.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import Any

from assessment.assessments import Assessment, parse_assessment
from assessment.catalog import load_catalog
from assessment.packs import Pack, parse_pack

KINDS = ["document", "record", "interview", "observation", "metric", "other"]


def main_pack() -> Pack:
    return load_catalog().get("ikm-readiness")


def sample_assessment(pack: Pack | None = None, **overrides: Any) -> tuple[Pack, Assessment]:
    """A realistic, half-ready assessment of ``pack`` (default: the built-in main pack)."""
    pack = pack or main_pack()
    criteria = [c for _, c in pack.criteria()]
    evidence: list[dict[str, Any]] = []
    responses: dict[str, Any] = {}
    actions: dict[str, Any] = {}
    policy = {
        "id": "E1",
        "kind": "document",
        "title": "Klachtenregeling 2025",
        "criteria": [],
        "source": "Intranet, afdeling Kwaliteit",
        "date": "2025-06-01",
        "link": "https://example.org/regeling",
        "file": {
            "name": "klachtenregeling-2025.pdf",
            "sha256": hashlib.sha256(b"regeling").hexdigest(),
            "size": 183_422,
            "media_type": "application/pdf",
        },
    }
    evidence.append(policy)
    for i, c in enumerate(criteria):
        n = i % 6
        if n == 5 and not c.mandatory:
            responses[c.id] = {
                "not_applicable": True,
                "justification": "Geen eigen klantcontact op deze locatie.",
            }
            continue
        level = [3, 2, 4, 1, 3][n % 5]
        responses[c.id] = {"level": level, "note": f"Toelichting bij {c.id}: zie dossier."}
        if n in (0, 1, 2, 4):
            policy["criteria"].append(c.id)
        if n in (0, 2):
            evidence.append(
                {
                    "id": f"E{len(evidence) + 1}",
                    "kind": "record",
                    "title": f"Steekproef registratie {c.id}",
                    "criteria": [c.id],
                    "source": "Klachtregistratiesysteem",
                    "date": "2026-10-01",
                    "personal_data": n == 0,
                }
            )
        if n == 2:
            evidence.append(
                {
                    "id": f"E{len(evidence) + 1}",
                    "kind": "metric",
                    "title": f"Kwartaalcijfers {c.id}",
                    "criteria": [c.id],
                    "date": "2026-09-30",
                }
            )
        if n == 1:
            actions[c.id] = {
                "owner": "Teamleider KCC",
                "deadline": "2027-01-15",
                "status": "in_progress",
                "note": "Werkgroep gestart.",
            }
        if n == 3:
            actions[c.id] = {"owner": "Coördinator klachten", "deadline": "2027-05-01"}
    data = {
        "schema_version": 1,
        "criteria_set": {"id": pack.id, "version": pack.version},
        "organisation": {
            "name": "Gemeente Voorbeeld",
            "sector": "public sector",
            "size": "250-1000",
        },
        "assessment_date": "2026-11-23",
        "audit_date": "2027-04-01",
        "assessors": ["A. de Vries", "B. Jansen"],
        "language": "nl",
        "evidence": evidence,
        "responses": responses,
        "actions": actions,
    }
    data.update(overrides)
    return pack, parse_assessment(data, "sample.json")


def generated(criteria: int, evidence: int, *, pillars: int = 4) -> tuple[Pack, Assessment]:
    """A pack of ``criteria`` criteria and an assessment with ``evidence`` evidence items."""
    return generated_files(criteria, evidence, pillars=pillars)[:2]


def generated_files(
    criteria: int, evidence: int, *, pillars: int = 4
) -> tuple[Pack, Assessment, str]:
    """Like :func:`generated`, with the pack's YAML text (to write it to a file)."""
    scale = [
        {"level": 0, "label": {"nl": "Afwezig", "en": "Absent"}},
        {"level": 1, "label": "Ad hoc"},
        {"level": 2, "label": {"nl": "Vastgelegd", "en": "Defined"}, "requires": ["document"]},
        {
            "level": 3,
            "label": {"nl": "Werkend", "en": "Operating"},
            "requires": ["record|interview|observation"],
        },
        {"level": 4, "label": {"nl": "Geborgd", "en": "Embedded"}, "requires": ["metric"]},
    ]
    per = -(-criteria // pillars)
    pack_pillars = []
    ids = []
    for p in range(pillars):
        items = []
        for k in range(per):
            n = p * per + k
            if n >= criteria:
                break
            cid = f"P{p + 1}-{k + 1:03d}"
            ids.append(cid)
            items.append(
                {
                    "id": cid,
                    "title": {"nl": f"Criterium {cid}", "en": f"Criterion {cid}"},
                    "question": {
                        "nl": "Is dit geregeld en aantoonbaar in gebruik in de hele organisatie?",
                        "en": "Is this arranged and shown to be in use throughout?",
                    },
                    "improvement": {
                        "nl": "Leg de werkwijze vast, pas haar toe en toon dat aan met dossiers.",
                        "en": "Write the way of working down, apply it and show it with records.",
                    },
                    "mandatory": n % 17 == 0,
                    "weight": 1 + n % 3,
                    "tags": [["culture"], ["process"], ["culture", "process"]][n % 3],
                }
            )
        pack_pillars.append(
            {
                "id": f"p{p + 1}",
                "title": {"nl": f"Pijler {p + 1}", "en": f"Pillar {p + 1}"},
                "criteria": items,
            }
        )
    pack_data = {
        "id": "bench-pack",
        "version": "1",
        "title": {"nl": "Benchmarkpakket", "en": "Benchmark pack"},
        "scale": scale,
        "tags": {
            "culture": {"nl": "Cultuur", "en": "Culture"},
            "process": {"nl": "Proces", "en": "Process"},
        },
        "pillars": pack_pillars,
    }
    import yaml

    pack_text = yaml.safe_dump(pack_data, allow_unicode=True)
    pack = parse_pack(pack_text, "bench-pack.yaml")
    start = date(2026, 1, 5)
    items = []
    for e in range(evidence):
        items.append(
            {
                "id": f"E{e + 1}",
                "kind": KINDS[e % 5],
                "title": f"Bewijsstuk {e + 1}: verslag en registratie",
                "criteria": [ids[e % len(ids)], ids[(e * 7 + 3) % len(ids)]],
                "source": "Archief",
                "date": (start + timedelta(days=e % 300)).isoformat(),
                "file": {
                    "name": f"stuk-{e + 1}.pdf",
                    "sha256": hashlib.sha256(str(e).encode()).hexdigest(),
                    "size": 1000 + e,
                },
            }
        )
    responses = {
        cid: {"level": i % 5, "note": "Toelichting van de beoordelaar."}
        for i, cid in enumerate(ids)
    }
    actions = {cid: {"owner": "Eigenaar", "status": "open"} for cid in ids[::4]}
    data = {
        "schema_version": 1,
        "criteria_set": {"id": pack.id, "version": pack.version},
        "organisation": {"name": "Benchmark BV"},
        "assessment_date": "2026-11-23",
        "audit_date": "2027-06-01",
        "assessors": ["Bench"],
        "evidence": items,
        "responses": responses,
        "actions": actions,
    }
    return pack, parse_assessment(data, "bench.json"), pack_text


# ---- a hostile assessment: markup, script, CSS, url() and links in every text field ----------

HOSTILE = (
    '<script>alert(1)</script><img src="http://evil.example/x.png">'
    "<style>@import url(http://evil.example/a.css)</style>"
    '<a href="javascript:alert(2)">click</a>'
    "url(file:///etc/passwd) {{ 7*7 }} &amp; </table></body>"
)
HOSTILE_LINKS = [
    "javascript:alert(3)",
    "file:///etc/passwd",
    "data:text/html,<script>alert(4)</script>",
    '" onmouseover="alert(5)',
    "https://example.org/ok?a=1&b=<2>",
    "https://example.org/ok?a=1&b=2",
    "http://example.org/plain",
]


def hostile_pack() -> Pack:
    """A two-criterion pack whose every text holds markup, script, CSS and links."""
    import yaml

    def text(tag: str) -> dict[str, str]:
        return {"nl": f"{tag} {HOSTILE}", "en": f"{tag} {HOSTILE}"}

    def criterion(cid: str) -> dict[str, Any]:
        return {
            "id": cid,
            "title": text(f"title-{cid}"),
            "question": text("question"),
            "guidance": text("guidance"),
            "improvement": text("improvement"),
            "refs": [HOSTILE],
            "tags": ["culture"],
            "mandatory": cid.endswith("1"),
        }

    data = {
        "id": "hostile-pack",
        "version": "1",
        "title": text("pack"),
        "description": text("description"),
        "scale": [
            {"level": 0, "label": text("absent"), "description": text("d0")},
            {"level": 1, "label": text("adhoc")},
            {"level": 2, "label": text("defined"), "requires": ["document"]},
            {"level": 3, "label": text("operating"), "requires": ["record|interview"]},
        ],
        "tags": {"culture": text("tag")},
        "pillars": [
            {
                "id": "open",
                "title": text("pillar"),
                "description": text("pillar-description"),
                "criteria": [criterion("H-1"), criterion("H-2")],
            }
        ],
    }
    return parse_pack(yaml.safe_dump(data, allow_unicode=True), "hostile.yaml")


def hostile_assessment() -> tuple[Pack, Assessment]:
    pack = hostile_pack()
    evidence = [
        {
            "id": f"E{i}",
            "kind": "document" if i % 2 else "record",
            "title": f"evidence-{i} {HOSTILE}",
            "criteria": ["H-1", "H-2"],
            "source": HOSTILE,
            "date": "2026-10-01",
            "link": link,
            "personal_data": True,
            "file": {
                "name": f"{HOSTILE}.pdf",
                "sha256": hashlib.sha256(link.encode()).hexdigest(),
                "size": 10,
                "media_type": "text/html",
            },
        }
        for i, link in enumerate(HOSTILE_LINKS, start=1)
    ]
    data = {
        "schema_version": 1,
        "criteria_set": {"id": pack.id, "version": pack.version},
        "organisation": {"name": f"Org {HOSTILE}", "sector": HOSTILE, "size": HOSTILE},
        "assessment_date": "2026-11-23",
        "audit_date": "2027-04-01",
        "assessors": [f"assessor {HOSTILE}"],
        "evidence": evidence,
        "responses": {"H-1": {"level": 3, "note": f"note {HOSTILE}"}, "H-2": {"level": 1}},
        "actions": {"H-1": {"owner": f"owner {HOSTILE}", "note": f"action {HOSTILE}"}},
    }
    return pack, parse_assessment(data, "hostile.json")


MINI_PACK = """\
id: mini-pack
version: "1"
title: {nl: Mini, en: Mini}
scale:
  - {level: 0, label: "0"}
  - {level: 1, label: "1"}
  - {level: 2, label: "2", requires: [document]}
pillars:
  - id: p
    title: P
    criteria:
      - {id: M-1, title: One, question: Q?, improvement: Do, target: 2}
"""


def mini_assessment(**overrides: Any) -> tuple[Pack, Assessment]:
    """A tiny assessment of the one-criterion pack ``MINI_PACK`` (fast to render)."""
    pack = parse_pack(MINI_PACK, "mini-pack.yaml")
    assessment = {
        "schema_version": 1,
        "criteria_set": {"id": "mini-pack", "version": "1"},
        "organisation": {"name": "Mini BV"},
        "assessment_date": "2026-11-23",
        "responses": {"M-1": {"level": 1}},
    }
    assessment.update(overrides)
    return pack, parse_assessment(assessment, "mini.json")
