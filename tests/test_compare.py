"""Comparing two assessments, on hand-made pairs with hand-computed numbers."""

import pytest

from assessment.assessments import parse_assessment
from assessment.compare import Side, compare, comparison_lines
from assessment.errors import IkmError
from assessment.method import score
from assessment.packs import load_pack_bytes
from tests.helpers import DATA, method_pack

PACK = method_pack()
DOC = {"id": "E1", "kind": "document", "title": "Regeling", "link": "https://x.example"}


def side(responses, evidence=(), pack=PACK, day="2026-01-05"):
    data = {
        "schema_version": 1,
        "criteria_set": {"id": pack.id},
        "organisation": {"name": "Org"},
        "assessment_date": day,
        "responses": responses,
        "evidence": list(evidence),
    }
    a = parse_assessment(data, "x.json")
    return Side(a, pack, score(pack, a))


BEFORE = side(
    {
        "A-1": {"level": 1},
        "A-2": {"level": 1},
        "B-1": {"level": 1},
        "B-2": {"level": 0},
        "C-1": {"not_applicable": True, "justification": "n.v.t."},
    }
)
AFTER = side(
    {
        "A-1": {"level": 0},
        "A-2": {"level": 2},
        "B-1": {"level": 1},
        "B-2": {"level": 1},
        "C-1": {"level": 1},
    },
    [{**DOC, "criteria": ["A-2"]}],
    day="2027-01-04",
)


def test_criteria_worse_first_then_pack_order_with_deltas():
    result = compare(BEFORE, AFTER).to_json()
    assert [(c["id"], c["before"], c["after"], c["delta"]) for c in result["criteria"]] == [
        ("A-1", 1, 0, -1),
        ("A-2", 1, 2, 1),
        ("B-1", 1, 1, 0),
        ("B-2", 0, 1, 1),
        ("C-1", None, 1, None),
    ]
    assert result["worse"] == ["A-1"]


def test_overall_and_pillars_before_and_after():
    result = compare(BEFORE, AFTER).to_json()
    readiness = result["overall"]["readiness"]
    assert readiness["before"] == pytest.approx(30.0)
    assert readiness["after"] == pytest.approx(100 * (1 + 1 / 3 + 1 / 4 + 1 / 3) / 6)
    assert readiness["delta"] == pytest.approx(readiness["after"] - 30.0)
    pillars = {p["id"]: p for p in result["pillars"]}
    assert pillars["p1"]["before"] == pytest.approx(100 * (2 / 3 + 1 / 2) / 3)
    assert pillars["p1"]["after"] == pytest.approx(100 / 3)
    assert pillars["p2"]["before"] == pytest.approx(100 * (1 / 3) / 2)
    assert pillars["p2"]["after"] == pytest.approx(100 * (1 / 3 + 1 / 4) / 2)
    assert pillars["p3"] == {
        "id": "p3",
        "before": None,
        "after": pytest.approx(100 / 3),
        "delta": None,
    }
    assert result["before"]["completeness"] == {"answered": 4, "applicable": 4}
    assert result["after"]["completeness"] == {"answered": 5, "applicable": 5}


def test_a_newer_pack_version_with_other_criteria():
    text = (DATA / "method.yaml").read_text(encoding="utf-8")
    text = text.replace('version: "1.0"', 'version: "2.0"').replace("id: C-1", "id: D-1")
    newer = load_pack_bytes(text.encode(), "method-2.yaml")
    after = side({"A-1": {"level": 1}, "D-1": {"level": 1}}, pack=newer, day="2027-01-04")
    before = side({"A-1": {"level": 1}, "C-1": {"level": 1}})
    criteria = {c["id"]: c for c in compare(before, after).to_json()["criteria"]}
    assert criteria["D-1"] == {
        "id": "D-1",
        "before": None,
        "after": 1,
        "delta": None,
        "pillar": "p3",
        "in_before": False,
        "in_after": True,
    }
    assert criteria["C-1"]["in_after"] is False and criteria["C-1"]["before"] == 1
    assert list(criteria)[-1] == "C-1"  # only in the older pack: last


def test_different_packs_are_refused():
    other = load_pack_bytes(
        (DATA / "method.yaml")
        .read_text(encoding="utf-8")
        .replace("id: method-test", "id: other")
        .encode(),
        "other.yaml",
    )
    with pytest.raises(IkmError, match="different criteria packs"):
        compare(BEFORE, side({}, pack=other))


def test_readable_lines():
    lines = comparison_lines(compare(BEFORE, AFTER), "en")
    assert lines[0] == "Comparison 2026-01-05 → 2027-01-04"
    assert "Overall readiness: 30.0% → 31.9% (+1.9)" in lines
    worse = lines.index("Got worse (1):")
    assert lines[worse + 1] == "  A-1 Mandatory and heavy: 1 → 0 (-1)"
    assert "  C-1 Not applicable here: n/a → 1" in lines
    assert lines[-1] == "Unchanged: 1 criterion"


def test_moved_leaves_out_what_is_not_applicable_on_both_sides():
    both_na = {"C-1": {"not_applicable": True, "justification": "n.v.t."}}
    result = compare(side({"A-1": {"level": 1}, **both_na}), side({"A-1": {"level": 0}, **both_na}))
    assert [c.id for c in result.criteria if c.moved] == ["A-1"]
