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
MAIN_PILLARS = [*PILLARS, "govern", "result"]
PREFIX = {
    "open": "OPEN",
    "handle": "HANDLE",
    "learn": "LEARN",
    "govern": "GOVERN",
    "result": "RESULT",
}
SECTORS = {
    "nl": ("Gemeente", "Woningcorporatie", "Zorg", "Private dienstverlener"),
    "en": ("Municipality", "Housing association", "Care", "Private services"),
}
ISO_REF = re.compile(r"^ISO 10002:2018 \d+(\.\d+)* \([^()/]+/[^()/]+\)$")
LAW_REF = re.compile(r"^(Awb \d+:\d+[a-z]?|HOS Code 2024 \d+\.\d+)")


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
            for check in c.file_checks:
                yield f"{c.id}.file_checks.{check.id}", check.text


def all_criteria(p: Pack):
    return [c for _, c in p.criteria()]


def by_id(p: Pack, cid: str):
    return p.criteria_by_id[cid]


def dutch(p: Pack) -> str:
    return " ".join(t["nl"] for _, t in texts(p) if isinstance(t, dict)).lower()


def english(p: Pack) -> str:
    return " ".join(t["en"] for _, t in texts(p) if isinstance(t, dict))


# ---- every pack ---------------------------------------------------------------------------


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
    expected = MAIN_PILLARS if p.id == "ikm-readiness" else PILLARS
    assert [pl.id for pl in p.pillars] == expected
    assert [s.level for s in p.scale] == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_every_text_has_dutch_and_english(path: Path):
    p = load_pack(path)
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
def test_every_criterion_has_a_text_for_every_level_and_a_guidance(path: Path):
    p = load_pack(path)
    levels = {s.level for s in p.scale}
    for c in all_criteria(p):
        assert set(c.levels) == levels, c.id
        assert c.guidance is not None, c.id
        assert len({h.kind for h in c.evidence_hints}) >= 2, c.id


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


def test_handling_terms_of_the_three_packs():
    terms = {name: pack(name).terms for name in ("ikm-readiness", "awb-9", "hos-code-2024")}
    # the Awb sets no term for the acknowledgement (9:6 asks only that it is in writing)
    assert (terms["awb-9"].ack_days, terms["awb-9"].decide_days) == (None, 42)
    assert terms["awb-9"].decide_unit == "calendar"
    # HOS: 5 working days to acknowledge, then 10 working days: at most 15 after receipt
    assert (terms["hos-code-2024"].ack_days, terms["hos-code-2024"].decide_days) == (5, 15)
    assert terms["hos-code-2024"].decide_unit == "working"
    main = terms["ikm-readiness"]
    assert (main.ack_days, main.decide_days, main.decide_unit) == (5, 42, "calendar")


@pytest.mark.parametrize("path", PACK_FILES, ids=lambda p: p.name)
def test_one_term_per_role_and_gender_neutral_wording(path: Path):
    p = load_pack(path)
    nl, en = dutch(p), english(p)
    assert "klachtencoördinator" not in nl
    assert "coordinator" not in en
    assert "complaints regulation" not in en.lower()
    for word in (" hij ", " hem ", " hij.", " zijn klacht"):
        assert word not in nl, word
    for word in (" he ", " him ", " his ", " himself", " He "):
        assert word not in f" {en} ", word


# ---- the main pack --------------------------------------------------------------------


def test_main_pack_identity_scale_and_disclaimer():
    p = pack("ikm-readiness")
    assert (p.id, p.version) == ("ikm-readiness", "2026.2")
    assert "endorse" in p.description["en"]
    assert "goedgekeurd" in p.description["nl"]
    assert "not a score in Gouden Oor points" in p.description["en"]
    assert "geen score in punten van het Gouden Oor" in p.description["nl"]
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


def test_main_pack_has_at_least_45_criteria_with_stable_ids():
    p = pack("ikm-readiness")
    ids = [c.id for c in all_criteria(p)]
    assert len(ids) >= 45
    # every id of version 2026.1 survives (assessments made with it stay valid)
    old = (
        [f"OPEN-{n:02d}" for n in range(1, 13)]
        + [f"HANDLE-{n:02d}" for n in range(1, 14)]
        + [f"LEARN-{n:02d}" for n in range(1, 14)]
    )
    assert set(old) <= set(ids)
    for pillar in p.pillars:
        for c in pillar.criteria:
            assert c.id.split("-")[0] in PREFIX.values(), c.id
        new = [c.id for c in pillar.criteria if c.id not in old]
        assert all(i.startswith(PREFIX[pillar.id] + "-") for i in new), (pillar.id, new)


def test_governance_is_a_pillar_of_its_own():
    p = pack("ikm-readiness")
    govern = next(pl for pl in p.pillars if pl.id == "govern")
    ids = [c.id for c in govern.criteria]
    assert {"OPEN-11", "LEARN-05", "LEARN-07", "LEARN-12", "GOVERN-01"} <= set(ids)
    oversight = by_id(p, "GOVERN-01").question["nl"]
    for phrase in ("gemeenteraad", "raad van toezicht", "cliëntenraad", "huurders"):
        assert phrase in oversight, phrase


def test_results_pillar_covers_complainants_staff_and_cost():
    p = pack("ikm-readiness")
    result = next(pl for pl in p.pillars if pl.id == "result")
    en = " ".join(c.question["en"] for c in result.criteria)
    for phrase in (
        "upheld and not upheld",
        "repeat complaints",
        "complaints about complaint handling",
        "upheld (in part) externally",
        "staff",
        "cost of complaints",
    ):
        assert phrase in en, phrase


def test_every_main_criterion_is_complete():
    p = pack("ikm-readiness")
    for c in all_criteria(p):
        assert "interview" in c.guidance["en"], f"{c.id}: guidance names no interviewees"
        assert "spreekt" in c.guidance["nl"], f"{c.id}: guidance names no interviewees"
        assert c.target is not None and c.weight is not None and c.effort_days is not None, c.id
        iso = [r for r in c.refs if r.startswith("ISO")]
        assert iso and all(ISO_REF.match(r) for r in iso), (c.id, c.refs)
        assert all(r.startswith("ISO") or LAW_REF.match(r) for r in c.refs), (c.id, c.refs)
        assert c.tags and set(c.tags) <= set(MAIN_TAGS), c.id
        assert len(set(c.tags)) == len(c.tags), c.id


def test_main_pack_knock_outs_are_few_and_decisive():
    criteria = all_criteria(pack("ikm-readiness"))
    assert len({c.target for c in criteria}) > 1
    assert len({c.weight for c in criteria}) > 1
    assert len({c.effort_days for c in criteria}) > 1
    mandatory = {c.id for c in criteria if c.mandatory}
    assert 5 <= len(mandatory) <= 8
    assert "HANDLE-08" in mandatory  # impartiality
    assert "HANDLE-06" in mandatory  # a correct and complete answer
    assert "HANDLE-01" not in mandatory  # acknowledgement
    assert "HANDLE-14" not in mandatory  # tone
    # OPEN-08 and LEARN-01 no longer both knock-outs on the same level 3
    assert not {"OPEN-08", "LEARN-01"} <= mandatory
    with_requires = [c for c in criteria if c.requires]
    assert 1 <= len(with_requires) <= len(criteria) // 4


def test_correct_answer_and_tone_are_split():
    p = pack("ikm-readiness")
    correct, tone = by_id(p, "HANDLE-06"), by_id(p, "HANDLE-14")
    assert "complete" in correct.title["en"] and "Tone" in tone.title["en"]
    assert {k.id for k in correct.file_checks} >= {"every-point", "facts-correct"}
    assert "HANDLE-14" in correct.question["en"] and "HANDLE-06" in tone.guidance["en"]


def test_overlaps_are_removed():
    p = pack("ikm-readiness")
    # OPEN-08 is completeness of registration, LEARN-01 is classification
    assert by_id(p, "OPEN-08").levels[3]["en"] != by_id(p, "LEARN-01").levels[3]["en"]
    assert "OPEN-08" in by_id(p, "LEARN-01").question["en"]
    assert "not on as few complaints" not in by_id(p, "OPEN-08").levels[4]["en"]
    # OPEN-11 level 4 no longer repeats the management review of LEARN-05
    assert "adjusts policy and resources" not in by_id(p, "OPEN-11").levels[4]["en"]
    # LEARN-10 is feedback to those involved, LEARN-13 the annual public report
    assert "LEARN-13" in by_id(p, "LEARN-10").question["en"]


def test_handle_07_levels_say_the_same_in_both_languages():
    c = by_id(pack("ikm-readiness"), "HANDLE-07")
    assert "klagers horen later" in c.levels[4]["nl"]
    assert "Klanten laten de organisatie later weten" not in c.levels[4]["nl"]
    # answer when the outcome is known; measures are tracked as actions, not awaited
    assert "carried out before the complaint was closed" not in c.levels[3]["en"]
    assert "actions" in c.levels[3]["en"] and "acties" in c.levels[3]["nl"]


def test_hard_numbers_in_the_handling_questions():
    p = pack("ikm-readiness")
    assert "six weeks" in by_id(p, "HANDLE-02").question["en"]
    assert "zes weken" in by_id(p, "HANDLE-02").question["nl"]
    assert "90 %" in by_id(p, "HANDLE-02").question["en"]
    assert "five working days" in by_id(p, "HANDLE-01").question["en"]


def test_learning_loop_is_traceable():
    q = by_id(pack("ikm-readiness"), "LEARN-04").question["en"]
    for phrase in ("complaint themes or case numbers", "effect measure", "three largest"):
        assert phrase in q, phrase


def test_file_review_standard_is_in_the_pack():
    p = pack("ikm-readiness")
    description = p.description["en"]
    for phrase in ("at least 25 case", "5 per unit", "last 12 months", "90 %"):
        assert phrase in description, phrase
    with_checks = [c.id for c in all_criteria(p) if c.file_checks]
    assert len(with_checks) >= 15
    for cid in ("OPEN-08", "HANDLE-02", "HANDLE-06", "HANDLE-08", "LEARN-04"):
        assert cid in with_checks, cid


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
        "bezwaar",
        "onderaannemer",
        "geschillencommissie",
        "huurcommissie",
        "kwetsba",
        "onredelijk",
        "raad van toezicht",
        "herhaalklacht",
        "kosten van klachten",
    ],
)
def test_main_pack_covers_the_hallmark_topics(phrase: str):
    assert phrase.lower() in dutch(pack("ikm-readiness"))


# ---- awb-9 ----------------------------------------------------------------------------


def test_awb_every_criterion_is_statutory_or_good_practice_and_only_statutory_knock_out():
    p = pack("awb-9")
    assert set(p.tags) == {"statutory", "good-practice"}
    assert "juridisch advies" in p.description["nl"]
    assert "legal advice" in p.description["en"]
    for c in all_criteria(p):
        assert len(set(c.tags) & {"statutory", "good-practice"}) == 1, c.id
        if c.mandatory:
            assert "statutory" in c.tags, c.id
        if "statutory" in c.tags:
            assert c.mandatory, c.id
        assert any(r.startswith("Awb ") for r in c.refs), c.id


@pytest.mark.parametrize("cid", ["AWB-14", "AWB-15", "AWB-19", "AWB-20"])
def test_awb_good_practice_beyond_the_act(cid):
    c = by_id(pack("awb-9"), cid)
    assert c.tags == ["good-practice"] and not c.mandatory
    assert (
        "Good practice, not a statutory duty" in c.guidance["en"]
        or "Good practice as far" in (c.guidance["en"])
    )


def test_awb_statutory_duties_are_all_there():
    p = pack("awb-9")
    articles = {r.split()[1] for c in all_criteria(p) for r in c.refs}
    assert {
        "9:1", "9:2", "9:4", "9:5", "9:6", "9:7", "9:8", "9:9", "9:10", "9:11", "9:12",
        "9:12a", "9:13", "9:14", "9:15", "9:36", "2:1", "2:3", "2:15",
    } <= articles  # fmt: skip
    acknowledgement = by_id(p, "AWB-04")
    assert acknowledgement.mandatory
    assert "handler" not in acknowledgement.question["en"]  # 9:6: a written acknowledgement only
    annual = by_id(p, "AWB-13")
    assert "1 april" not in annual.question["nl"].lower() and "publish" in annual.question["en"]
    assert "Wmebv" in by_id(p, "AWB-16").question["en"]
    assert (
        "10 weken" in by_id(p, "AWB-21").question["nl"]
        or "tien weken" in (by_id(p, "AWB-21").question["nl"])
    )


def test_awb_hearing_never_skips_the_person_complained_about():
    c = by_id(pack("awb-9"), "AWB-08")
    assert "is the person complained about always given the opportunity" in c.question["en"]
    assert "concern the complainant only" in c.guidance["en"]
    assert {k.id for k in c.file_checks} >= {"hear-complainant", "hear-subject"}


def test_awb_decline_grounds_in_full():
    q = by_id(pack("awb-9"), "AWB-06").question["en"]
    for ground in (
        "handled before",
        "more than a year",
        "could have objected",
        "appeal is or was available",
        "court other than an administrative court",
        "criminal investigation or prosecution",
        "clearly insufficient",
        "four weeks",
    ):
        assert ground in q, ground


def test_awb_time_limits_are_in_the_questions():
    p = pack("awb-9")
    limits = by_id(p, "AWB-09").question["nl"]
    for phrase in ("zes weken", "tien weken", "vier weken", "schriftelijke instemming"):
        assert phrase in limits
    assert "vier weken" in by_id(p, "AWB-06").question["nl"]


# ---- hos-code-2024 --------------------------------------------------------------------


def test_hos_refs_name_provisions():
    p = pack("hos-code-2024")
    criteria = all_criteria(p)
    assert all(c.mandatory for c in criteria)
    for c in criteria:
        code = [r for r in c.refs if r.startswith("HOS Code 2024")]
        assert code, c.id
        assert all(re.match(r"^HOS Code 2024 \d+\.\d+( [a-g])?$", r) for r in code), c.id


def refs_of(p: Pack, cid: str) -> set[str]:
    return set(by_id(p, cid).refs)


def test_hos_stage_extensions():
    p = pack("hos-code-2024")
    stage1, stage2 = by_id(p, "HOS-13").question["en"], by_id(p, "HOS-15").question["en"]
    assert "no more than 10 working days" in stage1
    assert "no more than 20 working days" in stage2
    assert "no more than 10 working days" not in stage2
    assert "HOS Code 2024 6.15" in refs_of(p, "HOS-15") and "HOS Code 2024 6.4" in refs_of(
        p, "HOS-13"
    )
    assert "HOS Code 2024 6.16" in refs_of(p, "HOS-15")


def test_hos_provisions_sit_with_the_right_criteria():
    p = pack("hos-code-2024")
    assert "HOS Code 2024 5.5" in refs_of(p, "HOS-11")
    assert {r for r in refs_of(p, "HOS-12")} == {
        "HOS Code 2024 5.6",
        "HOS Code 2024 5.7",
        "HOS Code 2024 5.8",
    }
    assert "HOS Code 2024 6.17" in refs_of(p, "HOS-16")
    every = {r for c in all_criteria(p) for r in c.refs}
    assert "HOS Code 2024 6.21" not in every
    assert "authority" not in by_id(p, "HOS-16").question["en"]
    assert "HOS Code 2024 4.2" in refs_of(p, "HOS-09")


def test_hos_annual_report_contents():
    p = pack("hos-code-2024")
    q = by_id(p, "HOS-21").question["en"]
    assert "annual report about the landlord's performance from the Ombudsman" in q
    assert "annual letter" not in q
    refs = refs_of(p, "HOS-21")
    assert {"HOS Code 2024 8.1 b", "HOS Code 2024 8.1 e", "HOS Code 2024 8.1 f"} <= refs


def test_hos_missing_duties_are_covered():
    p = pack("hos-code-2024")
    every = {r for c in all_criteria(p) for r in c.refs}
    for provision in ("1.6", "2.2", "2.5", "5.11", "6.1", "6.8", "6.16", "6.17", "8.4", "8.5"):
        assert any(r.startswith(f"HOS Code 2024 {provision}") for r in every), provision
    assert any("annual submission" in c.title["en"] for c in all_criteria(p))


def test_hos_time_limits_and_key_provisions():
    p = pack("hos-code-2024")
    questions = " ".join(c.question["en"] for c in all_criteria(p))
    for phrase in (
        "5 working days",
        "10 working days of the acknowledgement",
        "20 working days of the acknowledgement",
        "Equality Act 2010",
        "Member Responsible for Complaints",
        "self",
        "annual complaints performance and service improvement report",
    ):
        assert phrase in questions, phrase


@pytest.mark.parametrize("name", ["awb-9", "hos-code-2024"])
def test_law_packs_have_evidence_hints_per_sector(name):
    p = pack(name)
    for c in all_criteria(p):
        sector = [h for h in c.evidence_hints if h.text["en"].startswith(SECTORS["en"])]
        assert sector, f"{c.id}: no sector hint"
        for h in sector:
            assert h.text["nl"].startswith(SECTORS["nl"]), c.id
    used = {s for c in all_criteria(p) for h in c.evidence_hints for s in SECTORS["en"]
            if h.text["en"].startswith(s)}  # fmt: skip
    assert used == set(SECTORS["en"]), used
