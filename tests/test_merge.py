"""The three-way merge of assessments (assessment.merge): properties with hypothesis, and the
cases a save meets (deleted while changed, both added evidence, links to criteria)."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from assessment import edits
from assessment.assessments import Assessment, parse_assessment
from assessment.merge import Conflict, field_at, merge
from tests.test_properties import IDS, SETTINGS, assessments

TEXT = st.text("abcdé ", min_size=1, max_size=8)


def _slots(data: dict[str, Any]) -> list[tuple[str, ...]]:
    """Every field an edit may change in ``data`` (the JSON of an assessment)."""
    slots: list[tuple[str, ...]] = [("organisation", "sector"), ("audit_date",)]
    for cid in IDS:
        slots += [("responses", cid, "note"), ("actions", cid, "owner"), ("actions", cid, "note")]
        if not data["responses"].get(cid, {}).get("not_applicable"):
            slots.append(("responses", cid, "level"))
    for item in data["evidence"]:
        slots += [("evidence", item["id"], "title"), ("evidence", item["id"], "source")]
    return slots


def _value(slot: tuple[str, ...], draw: Any) -> Any:
    if slot[-1] == "level":
        return draw(st.integers(0, 3))
    if slot == ("audit_date",):
        return f"2027-0{draw(st.integers(1, 9))}-1{draw(st.integers(0, 9))}"
    return draw(TEXT)


def _apply(data: dict[str, Any], changes: dict[tuple[str, ...], Any]) -> dict[str, Any]:
    out = copy.deepcopy(data)
    for slot, value in changes.items():
        if slot[0] == "evidence":
            item = next(e for e in out["evidence"] if e["id"] == slot[1])
            item[slot[2]] = value
        elif len(slot) == 1:
            out[slot[0]] = value
        elif len(slot) == 2:
            out[slot[0]][slot[1]] = value
        else:
            out.setdefault(slot[0], {}).setdefault(slot[1], {})[slot[2]] = value
    return out


def _parse(data: dict[str, Any]) -> Assessment:
    return parse_assessment(data, "merge.json")


@st.composite
def disjoint_edits(draw: Any) -> tuple[dict, dict, dict]:
    """A base and two sets of changes to different fields (a field may be in one set only)."""
    base = draw(assessments())
    slots = draw(st.lists(st.sampled_from(_slots(base)), unique=True, min_size=2, max_size=10))
    cut = draw(st.integers(1, len(slots) - 1))
    theirs = {s: _value(s, draw) for s in slots[:cut]}
    mine = {s: _value(s, draw) for s in slots[cut:]}
    return base, theirs, mine


@SETTINGS
@given(disjoint_edits())
def test_changes_to_different_fields_merge_without_loss(case):
    base, theirs, mine = case
    result = merge(_parse(base), _parse(_apply(base, theirs)), _parse(_apply(base, mine)))
    assert result.conflicts == ()
    both = _parse(_apply(base, {**theirs, **mine}))
    assert result.merged.model_dump() == both.model_dump()


@SETTINGS
@given(disjoint_edits())
def test_the_merge_is_deterministic_and_either_order_gives_the_same_document(case):
    base, theirs, mine = case
    b, t, m = _parse(base), _parse(_apply(base, theirs)), _parse(_apply(base, mine))
    first = merge(b, t, m)
    assert merge(b, t, m) == first
    assert merge(b, m, t).merged.model_dump() == first.merged.model_dump()


@st.composite
def same_field_edits(draw: Any) -> tuple[dict, tuple[str, ...], Any, Any, dict]:
    base = draw(assessments())
    slot = draw(st.sampled_from(_slots(base)))
    before = field_at(_parse(base), slot)
    theirs = draw(st.builds(lambda: _value(slot, draw)).filter(lambda v: v != before))
    mine = draw(st.builds(lambda: _value(slot, draw)).filter(lambda v: v not in (before, theirs)))
    others = [s for s in _slots(base) if s != slot]
    extra = {s: _value(s, draw) for s in draw(st.lists(st.sampled_from(others), max_size=3))}
    return base, slot, theirs, mine, extra


@SETTINGS
@given(same_field_edits())
def test_the_same_field_changed_on_both_sides_is_a_conflict(case):
    base, slot, theirs_value, mine_value, extra = case
    b = _parse(base)
    t = _parse(_apply(base, {slot: theirs_value}))
    m = _parse(_apply(base, {**extra, slot: mine_value}))
    result = merge(b, t, m)
    assert result.conflicts == (Conflict(slot, field_at(b, slot), theirs_value, mine_value),)
    assert field_at(result.merged, slot) == theirs_value  # theirs kept unless told otherwise
    mine_wins = merge(b, t, m, prefer="mine")
    assert mine_wins.conflicts == result.conflicts
    assert field_at(mine_wins.merged, slot) == mine_value
    for other, value in extra.items():  # the rest of mine survives either way
        if other != slot:
            assert field_at(result.merged, other) == value


def _base() -> Assessment:
    data = {
        "schema_version": 1,
        "criteria_set": {"id": "method-test"},
        "organisation": {"name": "P"},
        "assessment_date": "2026-03-01",
        "evidence": [
            {"id": "E1", "kind": "document", "title": "Regeling", "criteria": [IDS[0]]},
            {"id": "E2", "kind": "record", "title": "Register"},
        ],
        "responses": {IDS[0]: {"level": 1}},
    }
    return _parse(data)


def test_evidence_linked_to_different_criteria_by_both_keeps_both_links():
    base = _base()
    theirs = edits.link_evidence(base, IDS[1], ["E1", "E2"])
    mine = edits.link_evidence(base, IDS[2], ["E1"])
    result = merge(base, theirs, mine)
    assert result.conflicts == ()
    by_id = {e.id: e.criteria for e in result.merged.evidence}
    assert by_id == {"E1": [IDS[0], IDS[1], IDS[2]], "E2": [IDS[1]]}


def test_unlinking_on_one_side_and_linking_on_the_other_both_hold():
    base = _base()
    theirs = edits.link_evidence(base, IDS[0], [])  # E1 no longer supports IDS[0]
    mine = edits.link_evidence(base, IDS[1], ["E1"])
    merged = merge(base, theirs, mine).merged
    assert [e.criteria for e in merged.evidence] == [[IDS[1]], []]


def test_evidence_both_added_keeps_both_items_with_their_own_ids():
    base = _base()
    theirs, theirs_id = edits.add_evidence(base, kind="document", title="Theirs")
    mine, mine_id = edits.add_evidence(base, kind="interview", title="Mine")
    assert theirs_id == mine_id == "E3"
    result = merge(base, theirs, mine)
    assert result.conflicts == ()
    assert [(e.id, e.title) for e in result.merged.evidence] == [
        ("E1", "Regeling"),
        ("E2", "Register"),
        ("E3", "Theirs"),
        ("E4", "Mine"),
    ]


def test_an_item_removed_by_them_and_changed_by_me_is_a_conflict():
    base = _base()
    theirs = edits.remove_evidence(base, "E2")
    mine = edits.update_evidence(base, "E2", title="Register 2026")
    result = merge(base, theirs, mine)
    assert [c.path for c in result.conflicts] == [("evidence", "E2")]
    assert result.conflicts[0].theirs is None
    assert [e.id for e in result.merged.evidence] == ["E1"]
    assert [e.title for e in merge(base, theirs, mine, "mine").merged.evidence] == [
        "Regeling",
        "Register 2026",
    ]


def test_the_same_change_on_both_sides_is_no_conflict():
    base = _base()
    theirs = edits.set_response(base, IDS[0], level=2)
    mine = edits.set_response(base, IDS[0], level=2, note="eens")
    result = merge(base, theirs, mine)
    assert result.conflicts == ()
    assert result.merged.responses[IDS[0]].model_dump(exclude_defaults=True) == {
        "level": 2,
        "note": "eens",
    }


def test_a_response_removed_by_one_side_and_untouched_by_the_other_stays_removed():
    base = _base()
    theirs = edits.set_response(base, IDS[0], level=None)
    mine = edits.set_response(base, IDS[1], level=3)
    merged = merge(base, theirs, mine).merged
    assert IDS[0] not in merged.responses
    assert merged.responses[IDS[1]].level == 3
