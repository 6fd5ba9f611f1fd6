"""Content checks for the built-in criteria packs in criteria/.

The loader (tests/test_packs.py) proves that the format is enforced; these tests prove that
the packs we ship are complete: every text in both languages where a pack is bilingual, every
part a criterion of the main pack needs, and the legal baselines marked as they must be.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from assessment.packs import Pack, load_pack
from tests.helpers import ROOT

CRITERIA = ROOT / "criteria"
PACK_FILES = sorted(CRITERIA.glob("*.yaml"))
MAIN_TAGS = ["awareness", "vision", "process", "culture", "monitoring"]
PILLARS = ["open", "handle", "learn"]
ISO_REF = re.compile(r"^ISO 10002:2018 \d+(\.\d+)* \([^()/]+/[^()/]+\)$")


def pack(name: str) -> Pack:
    return load_pack(CRITERIA / f"{name}.yaml")


def raw(name: str) -> dict:
    return yaml.safe_load((CRITERIA / f"{name}.yaml").read_text(encoding="utf-8"))


def texts(p: Pack) -> Iterator[tuple[str, object]]:
    """Every localised text of a pack with a readable path."""
    yield "title", p.title
    yield "description", p.description
    for s in p.scale:
        yield f"scale[{s.level}].label", s.label
        yield f"scale[{s.level}].description", s.description
    for key, text in p.tags.items():
        yield f"tags.{key}", text
    for pillar in p.pillars:
        yield f"{pillar.id}.title", pillar.title
        yield f"{pillar.id}.description", pillar.description
        for c in pillar.criteria:
            for field in ("title", "question", "guidance", "improvement"):
                yield f"{c.id}.{field}", getattr(c, field)
            for level, text in c.levels.items():
                yield f"{c.id}.levels.{level}", text
            for i, hint in enumerate(c.evidence_hints):
                yield f"{c.id}.evidence_hints[{i}]", hint.text


def all_criteria(p: Pack):
    return [c for _, c in p.criteria()]


def test_there_are_three_builtin_packs():
    assert [f.name for f in PACK_FILES] == [
        "awb-9.yaml",
        "hos-code-2024.yaml",
        "ikm-readiness.yaml",
    ]


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_pack_loads_and_its_id_matches_the_file_name(path: Path):
    p = load_pack(path)
    assert p.id == path.stem
    assert [pl.id for pl in p.pillars] == PILLARS
    assert [s.level for s in p.scale] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_bilingual_packs_have_both_languages_everywhere(path: Path):
    p = load_pack(path)
    if not isinstance(p.title, dict):
        # a single-language pack stays single-language: no stray half-translated text
        assert [w for w, t in texts(p) if t is not None and not isinstance(t, str)] == []
        return
    missing = [
        where
        for where, text in texts(p)
        if text is not None
        and not (
            isinstance(text, dict)
            and all(isinstance(text.get(lang), str) and text[lang].strip() for lang in ("nl", "en"))
        )
    ]
    assert missing == []


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_readiness_planning_and_defaults_are_stated_explicitly(path: Path):
    data = raw(path.stem)
    assert data["readiness"] == {
        "ready_overall": 75,
        "ready_pillar": 60,
        "conditional_overall": 50,
        "conditional_mandatory_gap": 1,
    }
    assert data["planning"] == {"default_effort_days": 10, "buffer_days": 10}
    assert data["defaults"] == {"target": 3, "weight": 1}


# ---- the main pack --------------------------------------------------------------------


def test_main_pack_identity_scale_and_disclaimer():
    p = pack("ikm-readiness")
    assert (p.id, p.version) == ("ikm-readiness", "2026.1")
    assert "endorse" in p.description["en"]
    assert "goedgekeurd" in p.description["nl"]
    assert [s.requires for s in p.scale] == [
        [],
        [],
        ["document"],
        ["record|interview|observation"],
        ["metric"],
    ]
    assert list(p.tags) == MAIN_TAGS
    assert p.tags["vision"] == {
        "nl": "Visie, beleid en leiderschap",
        "en": "Vision, policy and leadership",
    }


def test_main_pack_criteria_are_numbered_per_pillar():
    p = pack("ikm-readiness")
    assert len(all_criteria(p)) >= 36
    for pillar in p.pillars:
        assert len(pillar.criteria) >= 10, pillar.id
        prefix = pillar.id.upper()
        assert [c.id for c in pillar.criteria] == [
            f"{prefix}-{n:02d}" for n in range(1, len(pillar.criteria) + 1)
        ]


def test_every_main_criterion_is_complete():
    p = pack("ikm-readiness")
    levels = {s.level for s in p.scale}
    for c in all_criteria(p):
        assert c.guidance is not None, c.id
        assert "interview" in c.guidance["en"], f"{c.id}: guidance names no interviewees"
        assert "spreekt" in c.guidance["nl"], f"{c.id}: guidance names no interviewees"
        assert set(c.levels) == levels, c.id
        assert len({h.kind for h in c.evidence_hints}) >= 2, c.id
        assert c.target is not None and c.weight is not None and c.effort_days is not None, c.id
        assert c.refs and all(ISO_REF.match(r) for r in c.refs), (c.id, c.refs)
        assert c.tags and set(c.tags) <= set(MAIN_TAGS), c.id
        assert len(set(c.tags)) == len(c.tags), c.id


def test_main_pack_weights_targets_and_knock_outs_are_chosen():
    criteria = all_criteria(pack("ikm-readiness"))
    assert len({c.target for c in criteria}) > 1
    assert len({c.weight for c in criteria}) > 1
    assert len({c.effort_days for c in criteria}) > 1
    mandatory = [c.id for c in criteria if c.mandatory]
    assert 6 <= len(mandatory) <= 10
    assert {m.split("-")[0] for m in mandatory} == {"OPEN", "HANDLE", "LEARN"}
    with_requires = [c for c in criteria if c.requires]
    assert 1 <= len(with_requires) <= len(criteria) // 4


def test_every_tag_is_used_by_several_criteria():
    counts = Counter(t for c in all_criteria(pack("ikm-readiness")) for t in c.tags)
    assert set(counts) == set(MAIN_TAGS)
    assert min(counts.values()) >= 3, counts


@pytest.mark.parametrize(
    "phrase",
    [
        "sociale media",
        "webformulier",
        "keuzemenu",
        "kosteloos",
        "beperking",
        "represailles",
        "decentra",
        "ontvangst",
        "raad mee weet",
        "escal",
        "geen gelijk",
        "training",
        "onpartijdig",
        "vertrouwelijk",
        "oorzaakanalyse",
        "next in line",
        "kwartaal",
        "NPS",
        "cadeau",
        "laag aantal klachten",
        "functiebeschrijving",
    ],
)
def test_main_pack_covers_the_hallmark_topics(phrase: str):
    p = pack("ikm-readiness")
    dutch = " ".join(t["nl"] for _, t in texts(p) if isinstance(t, dict)).lower()
    assert phrase.lower() in dutch


# ---- awb-9 ----------------------------------------------------------------------------


def test_awb_pack_marks_every_statutory_duty_mandatory_with_its_article():
    p = pack("awb-9")
    assert "juridisch advies" in p.description["nl"]
    assert "legal advice" in p.description["en"]
    for c in all_criteria(p):
        assert c.mandatory, c.id
        assert any(r.startswith("Awb 9:") for r in c.refs), c.id
    articles = {r.split()[1] for c in all_criteria(p) for r in c.refs}
    assert {"9:1", "9:2", "9:6", "9:7", "9:8", "9:9", "9:10", "9:11", "9:12", "9:12a"} <= articles


def test_awb_time_limits_are_in_the_questions():
    p = pack("awb-9")
    by_ref = {r: c for c in all_criteria(p) for r in c.refs}
    limits = by_ref["Awb 9:11"].question["nl"]
    for phrase in ("zes weken", "tien weken", "vier weken", "schriftelijke instemming"):
        assert phrase in limits
    assert "vier weken" in by_ref["Awb 9:8"].question["nl"]


# ---- hos-code-2024 --------------------------------------------------------------------


def test_hos_pack_is_english_only_with_provision_numbers():
    p = pack("hos-code-2024")
    assert all(isinstance(t, str) for _, t in texts(p) if t is not None)
    criteria = all_criteria(p)
    assert 15 <= len(criteria) <= 25
    for c in criteria:
        assert c.refs and all(re.match(r"^HOS Code 2024 \d+\.\d+$", r) for r in c.refs), c.id
    assert any(c.mandatory for c in criteria)


def test_hos_time_limits_and_key_provisions():
    p = pack("hos-code-2024")
    questions = " ".join(c.question for c in all_criteria(p))
    for phrase in (
        "5 working days",
        "10 working days of the acknowledgement",
        "20 working days of the acknowledgement",
        "no more than 10 working days",
        "Equality Act 2010",
        "Member Responsible for Complaints",
        "self",
        "annual complaints performance and service improvement report",
    ):
        assert phrase in questions, phrase
    refs = {r for c in all_criteria(p) for r in c.refs}
    assert {"HOS Code 2024 1.2", "HOS Code 2024 6.2", "HOS Code 2024 6.14"} <= refs
