"""The demo shows every feature of the method on the full built-in pack."""

from collections import Counter

from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.method import score


def test_demo_uses_the_full_main_pack_and_shows_every_feature():
    pack = load_catalog().get("ikm-readiness")
    demo = demo_assessment()
    assert demo.criteria_set.id == pack.id == "ikm-readiness"
    assert len(pack.criteria_by_id) >= 36
    result = score(pack, demo)

    # half ready: neither ready nor hopeless
    assert result.verdict in ("conditional", "not_ready")
    assert 40 <= result.overall.readiness <= 80

    # evidence shared by several criteria
    assert any(len(e.criteria) >= 2 for e in demo.evidence)
    # a claimed level the evidence does not back
    assert any(c.unbacked for c in result.criteria)
    # a not-applicable criterion
    assert any(not c.applicable for c in result.criteria)
    # a mandatory criterion with a gap
    assert any(c.mandatory and (c.gap or 0) > 0 for c in result.criteria)
    # unanswered criteria
    assert any(not c.answered for c in result.criteria)
    # user deadlines, owners and statuses, and an at-risk point
    points = result.improvement_points
    assert any(p.user_deadline is not None for p in points)
    assert any(p.owner for p in points)
    assert {"open", "in_progress"} <= set(Counter(p.status for p in points))
    assert any(p.at_risk for p in points)
    # evidence with a file and with a link
    assert any(e.file is not None for e in demo.evidence)
    assert any(e.link for e in demo.evidence)


def test_demo_language_switch():
    assert demo_assessment("en").language == "en"
    assert demo_assessment().language == "nl"
