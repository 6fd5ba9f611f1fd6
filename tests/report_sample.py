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
            {"id": f"p{p + 1}", "title": {"nl": f"Pijler {p + 1}", "en": f"Pillar {p + 1}"},
             "criteria": items}
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

    pack = parse_pack(yaml.safe_dump(pack_data, allow_unicode=True), "bench-pack.yaml")
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
    return pack, parse_assessment(data, "bench.json")
