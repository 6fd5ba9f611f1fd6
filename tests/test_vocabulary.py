"""The evidence kinds and action statuses: one list each, everything else derived from it."""

from __future__ import annotations

import re
from typing import get_args

from assessment import messages
from assessment.assessments import Action, Evidence
from assessment.vocabulary import ACTION_STATUSES, EVIDENCE_KINDS, ActionStatus, EvidenceKind
from tests.helpers import ROOT


def test_the_types_are_built_from_the_lists() -> None:
    assert get_args(EvidenceKind) == EVIDENCE_KINDS
    assert get_args(ActionStatus) == ACTION_STATUSES


def test_the_models_use_the_types() -> None:
    assert Evidence.model_fields["kind"].annotation is EvidenceKind
    assert ActionStatus in get_args(Action.model_fields["status"].annotation)


def test_the_wording_covers_each_id_in_its_order() -> None:
    assert tuple(messages.KIND_WORDS) == EVIDENCE_KINDS
    assert tuple(messages.STATUS_WORDS) == ACTION_STATUSES
    for lang in ("nl", "en"):
        assert all(messages.kind_label(k, lang) for k in EVIDENCE_KINDS)
        assert all(messages.status_label(s, lang) for s in ACTION_STATUSES)


# A second list would spell out ids next to each other: `"interview", "observation"`,
# `open,in_progress,done`, `Literal["open", ...`.
_ID = "|".join(re.escape(i) for i in EVIDENCE_KINDS + ACTION_STATUSES)
_LIST = re.compile(rf"""["']?({_ID})["']?\s*,\s*["']?({_ID})\b""")


def test_no_module_spells_out_a_second_list() -> None:
    hits = []
    for package in ("assessment", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "assessment/vocabulary.py":
                continue
            text = path.read_text(encoding="utf-8")
            # a list split over lines is joined first: `(\n    "document",\n    "record",`
            flat = re.sub(r",\s*\n\s*", ", ", text)
            hits += [f"{rel}: {m.group(0)}" for m in _LIST.finditer(flat) if m[1] != m[2]]
    assert hits == [], "import the list from assessment.vocabulary"


def test_the_pattern_finds_the_old_lists() -> None:
    for old in (
        'EvidenceKind = Literal["document", "record", "interview", "observation"]',
        'Status = Literal["open", "in_progress", "done"]',
        "formula1='\"open,in_progress,done\"'",
        "Status: open, in_progress or done.",
        'EVIDENCE_KINDS = (\n    "document",\n    "record",\n)',
    ):
        flat = re.sub(r",\s*\n\s*", ", ", old)
        assert _LIST.search(flat), old
