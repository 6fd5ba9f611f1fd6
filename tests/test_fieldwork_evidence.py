"""Fieldwork as evidence items: titles with the figures, checkable, updated not doubled."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.fieldwork.evidence import (
    REGISTER_SOURCE,
    REVIEW_SOURCE,
    add_register_evidence,
    add_review_evidence,
    source_label,
    suggested_register_criteria,
)
from assessment.fieldwork.record import FieldworkError, set_answer
from assessment.method import score
from tests.test_fieldwork_filereview import sampled
from tests.test_fieldwork_record import PACK, with_everything


def test_register_evidence_is_a_checkable_metric_with_its_figures():
    a, _, _ = with_everything()
    a, eid = add_register_evidence(a, ["H-1", "H-1", "H-2"], "nl")
    item = next(e for e in a.evidence if e.id == eid)
    assert (item.kind, item.source, item.date) == ("metric", REGISTER_SOURCE, date(2026, 3, 2))
    assert item.criteria == ["H-1", "H-2"] and item.checkable
    assert item.title == (
        "Klachtenregister: 6 klachten; ontvangst tijdig bevestigd 50,0% (3 van 6); "
        "tijdig afgehandeld 66,7% (2 van 3); 3 open, waarvan 1 over de termijn"
    )
    again, same = add_register_evidence(a, ["H-2"], "en")
    assert same == eid and len(again.evidence) == len(a.evidence)
    assert next(e for e in again.evidence if e.id == eid).title.startswith(
        "Complaint register: 6 complaints; acknowledged on time 50.0% (3 of 6)"
    )


def test_review_evidence_per_criterion():
    a = sampled(("Z1", "Z2"))
    a = set_answer(a, "Z1", "H-1", "ack", "pass")
    a = set_answer(a, "Z2", "H-1", "ack", "fail")
    a = set_answer(a, "Z2", "H-2", "heard", "not_relevant")
    a, ids = add_review_evidence(a, PACK, "en", date(2026, 3, 5))
    items = {e.criteria[0]: e for e in a.evidence if e.id in ids}
    assert items["H-1"].title == "File review H-1, 2 files, 50.0% conformity (95% CI 9.5%–90.5%)"
    assert items["H-2"].title == "File review H-2, 1 file, no judgement (all not relevant)"
    assert all(
        e.kind == "record" and e.source == REVIEW_SOURCE and e.checkable for e in items.values()
    )
    # made again: updated, not added twice; the record backs level 3 of the pack's H-1 scale
    a = set_answer(a, "Z2", "H-1", "ack", "pass")
    a, again = add_review_evidence(a, PACK, "nl", date(2026, 3, 6))
    assert again == ids
    assert "100,0% conformiteit" in next(e for e in a.evidence if e.id == ids[0]).title
    assert score(PACK, a).criterion("H-1").kinds == frozenset({"record"})


def test_nothing_to_turn_into_evidence():
    with pytest.raises(FieldworkError, match="no register analysis"):
        add_register_evidence(sampled(), ["H-1"])
    with pytest.raises(FieldworkError, match="no answers yet"):
        add_review_evidence(sampled(), PACK)


def test_suggested_criteria_are_those_with_file_checks():
    assert suggested_register_criteria(PACK) == ["H-1", "H-2"]


def test_the_fieldworks_sources_read_in_the_readers_language():
    assert source_label(REGISTER_SOURCE, "nl") == "klachtenregister"
    assert source_label(REVIEW_SOURCE, "nl") == "dossiertoets"
    assert source_label(REVIEW_SOURCE, "en") == "file review"
    assert source_label("intranet", "nl") == "intranet"  # what a user wrote stays
    assert source_label(None, "nl") == ""
