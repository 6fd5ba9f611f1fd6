"""The method of SPEC section 3 with hand-computed expectations.

The fixture (tests/data/method.yaml, method-assessment.json), worked out by hand:

- scale: 1 nothing, 2 document, 3 record|interview, 4 metric; B-1 replaces level 3 by observation
- A-1 (mandatory, weight 2, target 3): claims 3; document + interview -> evidenced 3, gap 0
- A-2 (target 2): claims 4; document only -> evidenced 2 (level 3 unmet), gap 0
- evidence: E1 has a link, E2 a source and a date, E3 a file: all checkable; E4 (an
  observation for B-1) has a source but no date: not checkable, it backs nothing
- B-1 (effort 3): claims 3; document + record -> level 3 needs observation (E4 does not
  count) -> evidenced 2, gap 1
- B-2 (target 4): unanswered -> claimed 0, evidenced 0, gap 4
- C-1: not applicable
- pillar p1 = 100 x (2x1 + 1x1)/3 = 100; p2 = 100 x (2/3 + 0)/2 = 33.33; p3 has no readiness
- overall = 100 x (2 + 1 + 2/3 + 0)/5 = 73.33; maturity (2x3 + 2 + 2 + 0)/5 = 2.0
- assessment Saturday 2026-11-21, audit Friday 2027-01-15, buffer 10 -> latest Friday 2027-01-01
"""

from datetime import date

import pytest

from assessment.assessments import parse_assessment
from assessment.method import score
from assessment.packs import load_pack_bytes
from tests.helpers import DATA, method_assessment, method_data, method_pack


@pytest.fixture(scope="module")
def pack():
    return method_pack()


def result_for(pack, mutate=None, **changes):
    data = method_data()
    data.update(changes)
    if mutate:
        mutate(data)
    return score(pack, parse_assessment(data, "t.json"))


def test_evidenced_levels_and_gaps(pack):
    r = score(pack, method_assessment())
    rows = {c.id: (c.claimed, c.evidenced, c.target, c.gap) for c in r.criteria}
    assert rows == {
        "A-1": (3, 3, 3, 0),
        "A-2": (4, 2, 2, 0),
        "B-1": (3, 2, 3, 1),
        "B-2": (None, 0, 4, 4),
        "C-1": (None, None, 3, None),
    }
    c1 = r.criterion("C-1")
    assert not c1.applicable and c1.answered and c1.attainment is None
    b2 = r.criterion("B-2")
    assert not b2.answered and b2.applicable
    assert r.criterion("A-2").unbacked
    assert [str(m) for m in r.criterion("B-1").missing] == ["observation"]


def test_readiness_maturity_per_pillar_tag_and_overall(pack):
    r = score(pack, method_assessment())
    assert r.overall.readiness == pytest.approx(100 * (2 + 1 + 2 / 3) / 5)
    assert r.overall.maturity == pytest.approx(2.0)
    assert [(p.id, p.readiness) for p in r.pillars] == [
        ("p1", pytest.approx(100.0)),
        ("p2", pytest.approx(100 / 3)),
        ("p3", None),
    ]
    assert r.pillar("p1").maturity == pytest.approx(8 / 3)
    assert r.pillar("p3").maturity is None
    assert [(t.id, t.readiness) for t in r.tags] == [
        ("t1", pytest.approx(100.0)),
        ("t2", pytest.approx(100 * (1 + 2 / 3) / 2)),
    ]


def test_verdict_conditional_with_reasons(pack):
    r = score(pack, method_assessment())
    assert r.verdict == "conditional"
    assert [x.code for x in r.reasons] == ["overall_below", "pillar_below", "incomplete"]
    assert r.reasons[1].params["pillar"] == "p2"
    assert r.reasons[2].params == {"answered": 3, "applicable": 4}


def test_verdict_ready_ignores_pillar_with_only_not_applicable(pack):
    def all_met(d):
        d["responses"]["B-1"] = {"level": 3}
        d["responses"]["B-2"] = {"level": 4}
        d["evidence"].append(
            {"id": "E4", "kind": "observation", "title": "o", "criteria": ["B-1"], "link": "x"}
        )
        d["evidence"].append(
            {"id": "E5", "kind": "metric", "title": "m", "criteria": ["B-2"], "link": "x"}
        )
        d["evidence"][0]["criteria"].append("B-2")
        d["evidence"][1]["criteria"].append("B-2")
        d["responses"]["A-2"] = {"level": 2}

    r = result_for(pack, all_met)
    assert r.overall.readiness == pytest.approx(100.0)
    assert r.pillar("p3").readiness is None
    assert r.verdict == "ready"
    assert r.improvement_points == ()


def test_mandatory_gap_of_one_is_conditional_of_two_not_ready(pack):
    def gap(level):
        def mutate(d):
            d["responses"]["A-1"] = {"level": level}
            # lift everything else so only the mandatory gap decides
            d["responses"]["B-2"] = {"level": 4}
            d["evidence"].append(
                {"id": "E9", "kind": "metric", "title": "m", "criteria": ["B-2"], "link": "x"}
            )
            d["evidence"][0]["criteria"].append("B-2")
            d["evidence"][1]["criteria"].append("B-2")

        return mutate

    one = result_for(pack, gap(2))
    assert one.criterion("A-1").gap == 1
    # overall = 100 x (2 x 2/3 + 1 + 2/3 + 1)/5 = 80: only the mandatory gap blocks "ready"
    assert one.overall.readiness == pytest.approx(80.0)
    assert one.verdict == "conditional"
    two = result_for(pack, gap(1))
    assert two.criterion("A-1").gap == 2
    assert two.verdict == "not_ready"
    assert [x.code for x in two.reasons] == ["mandatory_gap"]
    assert two.reasons[0].params["criteria"] == ["A-1"]


def test_not_ready_below_conditional_overall(pack):
    r = result_for(pack, lambda d: d.update(evidence=[]))
    # no evidence, B-1 evidenced 1 -> 100 x (2/3 + 1/2 + 1/3 + 0)/5 = 23.33
    assert r.overall.readiness == pytest.approx(100 * (2 / 3 + 1 / 2 + 1 / 3) / 5)
    assert r.verdict == "not_ready"
    assert {x.code for x in r.reasons} == {"overall_below", "mandatory_gap"}


def test_unanswered_criteria_count_as_claimed_zero(pack):
    r = result_for(pack, lambda d: d.update(responses={}))
    assert all(c.evidenced == 0 and c.claimed is None for c in r.criteria)
    assert r.overall.readiness == 0.0
    assert r.overall.maturity == 0.0
    assert all(c.applicable for c in r.criteria)


def test_alternatives_in_requires(pack):
    # A-1 level 3 needs record|interview: either kind meets it
    def with_kind(kind):
        def mutate(d):
            d["evidence"][1]["kind"] = kind

        return result_for(pack, mutate).criterion("A-1").evidenced

    assert with_kind("interview") == 3
    assert with_kind("record") == 3
    assert with_kind("observation") == 2


def test_per_criterion_requires_replaces_the_scale(pack):
    def mutate(d):
        d["evidence"][2]["kind"] = "observation"

    # B-1: document + observation meets its own level 3 (the scale's record|interview is not asked)
    assert result_for(pack, mutate).criterion("B-1").evidenced == 3


def test_improvement_points_priorities_and_deadlines(pack):
    r = score(pack, method_assessment())
    assert r.latest == date(2027, 1, 1)
    points = [
        (p.criterion, p.priority, p.from_level, p.to_level, p.proposed, p.deadline, p.at_risk)
        for p in r.improvement_points
    ]
    assert points == [
        # weight x gap: B-2 4, B-1 1; B-2: 5 x 4 = 20 working days after Sat 21 Nov
        ("B-2", 1, 0, 4, date(2026, 12, 18), date(2026, 12, 18), False),
        # B-1: 3 x 1 = 3 working days -> Wed 25 Nov; the user's deadline 8 Jan is after latest
        ("B-1", 2, 2, 3, date(2026, 11, 25), date(2027, 1, 8), True),
    ]
    b1 = r.improvement_points[1]
    assert (b1.owner, b1.status, b1.user_deadline) == ("Team KCC", "in_progress", date(2027, 1, 8))
    assert r.improvement_points[0].owner is None
    assert r.improvement_points[0].status == "open"


def test_proposed_deadline_is_capped_at_latest(pack):
    r = result_for(pack, audit_date="2026-12-18")
    # 10 working days before Fri 18 Dec is Fri 4 Dec
    assert r.latest == date(2026, 12, 4)
    b2 = next(p for p in r.improvement_points if p.criterion == "B-2")
    assert b2.proposed == date(2026, 12, 18)
    assert b2.deadline == date(2026, 12, 4)
    assert b2.at_risk


def test_no_audit_date_means_no_cap_and_no_risk(pack):
    r = result_for(pack, audit_date=None)
    assert r.latest is None
    assert [(p.criterion, p.deadline, p.at_risk) for p in r.improvement_points] == [
        ("B-2", date(2026, 12, 18), False),
        ("B-1", date(2027, 1, 8), False),
    ]


def test_ties_in_priority_follow_pack_order(pack):
    def mutate(d):
        d["responses"]["A-2"] = {"level": 1}  # gap 1, weight 1 -> ties with B-1
        d["responses"]["B-2"] = {"not_applicable": True, "justification": "n.v.t."}

    r = result_for(pack, mutate)
    assert [(p.criterion, p.priority) for p in r.improvement_points] == [("A-2", 1), ("B-1", 2)]


def test_mandatory_points_come_first(pack):
    def mutate(d):
        d["responses"]["A-1"] = {"level": 2}  # mandatory gap 1 (weight 2 x 1 = 2 < B-2's 4)

    r = result_for(pack, mutate)
    assert [p.criterion for p in r.improvement_points] == ["A-1", "B-2", "B-1"]


def test_to_json_shape(pack):
    data = score(pack, method_assessment()).to_json()
    assert data["criteria_set"] == {"id": "method-test", "version": "1.0"}
    assert data["verdict"] == "conditional"
    assert set(data["overall"]) == {"readiness", "maturity"}
    assert data["pillars"][2] == {"id": "p3", "readiness": None, "maturity": None}
    c1 = next(c for c in data["criteria"] if c["id"] == "C-1")
    assert (c1["claimed"], c1["evidenced"], c1["gap"], c1["applicable"]) == (
        None,
        None,
        None,
        False,
    )
    b2 = next(c for c in data["criteria"] if c["id"] == "B-2")
    assert (b2["claimed"], b2["answered"]) == (None, False)
    assert data["improvement_points"][1] == {
        "criterion": "B-1",
        "priority": 2,
        "from_level": 2,
        "to_level": 3,
        "deadline": "2027-01-08",
        "at_risk": True,
        "owner": "Team KCC",
        "status": "in_progress",
        "proposed": "2026-11-25",
        "user_deadline": "2027-01-08",
        "effort_days": 3,
        "work_days": 3,
        "planned": False,
        "overdue": False,
        "mandatory": False,
    }


def test_forecast_counts_only_planned_points(pack):
    # B-2 has no owner, B-1 is at risk (own deadline 8 Jan after latest 1 Jan): nothing planned
    f = score(pack, method_assessment()).forecast
    assert (f.planned, f.unplanned) == ((), ("B-2", "B-1"))
    now = score(pack, method_assessment())
    assert f.overall.readiness == pytest.approx(now.overall.readiness)
    assert f.verdict == now.verdict == "conditional"
    assert score(pack, method_assessment(audit_date=None)).forecast is None


def test_forecast_with_done_owned_unowned_and_at_risk_points(pack):
    def actions(**given):
        return lambda d: d.update(actions=given)

    # B-1 owned, deadline inside latest: planned -> B-1 at target 3, p2 = 100 x (1 + 0)/2
    owned = result_for(pack, actions(**{"B-1": {"owner": "KCC", "deadline": "2026-12-15"}}))
    assert owned.forecast.planned == ("B-1",)
    assert owned.forecast.pillar("p2").readiness == pytest.approx(50.0)
    assert owned.forecast.overall.readiness == pytest.approx(100 * (2 + 1 + 1 + 0) / 5)
    # the same point with an owner but no name (blank) is not owned
    blank = result_for(pack, actions(**{"B-1": {"owner": "  ", "deadline": "2026-12-15"}}))
    assert blank.forecast.planned == ()
    assert blank.improvement_points[1].unplanned_because == ("no_owner",)
    # at risk although owned: not planned
    risky = result_for(pack, actions(**{"B-1": {"owner": "KCC", "deadline": "2027-01-08"}}))
    assert risky.forecast.planned == ()
    assert risky.improvement_points[1].unplanned_because == ("at_risk",)
    # done counts even without an owner and even at risk
    done = result_for(pack, actions(**{"B-1": {"status": "done", "deadline": "2027-01-08"}}))
    assert done.forecast.planned == ("B-1",)
    # both planned: B-2 at 4 and B-1 at 3 -> everything at target, still 'conditional'?
    both = result_for(
        pack,
        actions(
            **{
                "B-1": {"owner": "KCC", "deadline": "2026-12-15"},
                "B-2": {"owner": "Kwaliteit"},
            }
        ),
    )
    assert both.forecast.planned == ("B-2", "B-1")
    assert both.forecast.overall.readiness == pytest.approx(100.0)
    # B-2 is unanswered: an incomplete assessment is not forecast ready either
    assert both.forecast.verdict == "conditional"
    assert [r.code for r in both.forecast.reasons] == ["incomplete"]


def test_overdue_on_the_boundary_day(pack):
    # B-2's deadline is Fri 18 Dec 2026 (open); B-1's own deadline Fri 8 Jan 2027 (in progress)
    def overdue(today, **changes):
        r = score(pack, method_assessment(**changes), today=today)
        return {p.criterion: p.overdue for p in r.improvement_points}

    assert overdue(date(2026, 12, 18)) == {"B-2": False, "B-1": False}  # due today: not yet
    assert overdue(date(2026, 12, 19)) == {"B-2": True, "B-1": False}
    assert overdue(date(2027, 1, 9)) == {"B-2": True, "B-1": True}
    done = {"B-1": {"status": "done", "deadline": "2027-01-08"}}
    assert overdue(date(2027, 1, 9), actions=done)["B-1"] is False  # done is never overdue


def test_completeness_counts_applicable_criteria_with_a_level(pack):
    r = score(pack, method_assessment())
    # B-1 answered; B-2 unanswered; C-1 not applicable and left out
    assert (r.completeness.answered, r.completeness.applicable) == (3, 4)
    assert not r.completeness.complete
    assert r.to_json()["completeness"] == {"answered": 3, "applicable": 4, "to_confirm": 0}


def test_an_incomplete_assessment_is_never_ready():
    # no pillar threshold, so only completeness stands between this assessment and 'ready'
    text = (DATA / "method.yaml").read_text(encoding="utf-8")
    lenient = load_pack_bytes(
        text.replace("planning:", "readiness:\n  ready_pillar: 0\nplanning:", 1).encode(), "p.yaml"
    )
    data = method_data()
    data["responses"] = {
        "A-1": {"level": 3},
        "A-2": {"level": 2},
        "B-1": {"level": 3},
        "B-2": {"level": 4},
    }  # C-1 is applicable now and unanswered
    data["evidence"] += [
        {"id": "E8", "kind": "observation", "title": "o", "criteria": ["B-1"], "link": "x"},
        {"id": "E9", "kind": "metric", "title": "m", "criteria": ["B-2"], "link": "x"},
    ]
    data["evidence"][0]["criteria"].append("B-2")
    data["evidence"][1]["criteria"].append("B-2")
    r = score(lenient, parse_assessment(data, "t.json"))
    # overall = 100 x (2 + 1 + 1 + 1 + 0)/6 = 83.3 and no mandatory gap, but 4 of 5 answered
    assert r.overall.readiness == pytest.approx(500 / 6)
    assert r.verdict == "conditional"
    assert [(x.code, dict(x.params)) for x in r.reasons] == [
        ("incomplete", {"answered": 4, "applicable": 5})
    ]
    data["responses"]["C-1"] = {"level": 3}
    data["evidence"][0]["criteria"].append("C-1")
    data["evidence"][1]["criteria"].append("C-1")
    assert score(lenient, parse_assessment(data, "t.json")).verdict == "ready"


def test_checkable_by_file_link_or_source_and_date(pack):
    def kinds_for(**fields):
        def mutate(d):
            d["evidence"] = [
                {"id": "X", "kind": "document", "title": "t", "criteria": ["A-2"], **fields}
            ]

        return result_for(pack, mutate).criterion("A-2")

    file = {"name": "f.pdf", "sha256": "a" * 64, "size": 1, "media_type": "application/pdf"}
    assert kinds_for(file=file).evidenced == 2
    assert kinds_for(link="https://example.org/x").evidenced == 2
    assert kinds_for(source="intranet", date="2025-06-01").evidenced == 2
    # a title alone, a source without a date, a date without a source: not checkable
    for fields in ({}, {"source": "intranet"}, {"date": "2025-06-01"}, {"link": "  "}):
        criterion = kinds_for(**fields)
        assert criterion.evidenced == 1, fields
        assert criterion.unchecked_ids == ("X",)
        assert criterion.evidence_ids == ("X",)


def test_the_not_checkable_item_of_the_fixture_backs_nothing(pack):
    r = score(pack, method_assessment())
    b1 = r.criterion("B-1")
    assert b1.unchecked_ids == ("E4",)
    assert "observation" not in b1.kinds
    assert b1.evidenced == 2


def test_criterion_state_for_the_overview(pack):
    r = score(pack, method_assessment())
    assert {c.id: c.state for c in r.criteria} == {
        "A-1": "answered",
        "A-2": "unbacked",  # claims 4, evidence backs 2
        "B-1": "unbacked",
        "B-2": "open",
        "C-1": "na",
    }


def test_a_capped_deadline_is_never_before_the_assessment_date(pack):
    # audit Tue 1 Dec 2026: the latest day (10 working days before) is Tue 17 Nov, before the
    # assessment on Sat 21 Nov; the proposed deadlines are capped at the assessment date
    r = result_for(pack, audit_date="2026-12-01")
    assert r.latest == date(2026, 11, 17)
    b2 = next(p for p in r.improvement_points if p.criterion == "B-2")
    assert (b2.deadline, b2.at_risk) == (date(2026, 11, 21), True)
    assert all(
        p.deadline >= date(2026, 11, 21) for p in r.improvement_points if p.user_deadline is None
    )


def test_carried_over_responses_count_until_confirmed(pack):
    def mutate(d):
        d["responses"]["A-1"]["to_confirm"] = True
        d["responses"]["C-1"]["to_confirm"] = True  # a not-applicable mark to re-confirm too

    r = result_for(pack, mutate)
    done = r.completeness
    assert (done.answered, done.applicable, done.to_confirm, done.complete) == (2, 4, 2, False)
    assert r.reasons[-1].params == {"answered": 2, "applicable": 4, "to_confirm": 2}
    # the level still counts as claimed for readiness: only completeness waits
    assert r.criterion("A-1").evidenced == 3
    assert r.to_json()["completeness"] == {"answered": 2, "applicable": 4, "to_confirm": 2}
