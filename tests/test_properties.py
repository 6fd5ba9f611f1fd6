"""Properties of the method that must hold for every assessment (hypothesis)."""

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.assessments import parse_assessment
from assessment.method import score
from assessment.planning import is_working_day
from tests.helpers import method_pack

PACK = method_pack()
IDS = list(PACK.criteria_by_id)
KINDS = ["document", "record", "interview", "observation", "metric", "other"]
# how an item can be traced: the first three are checkable, the last three are not
TRACES = [
    {"link": "https://example.org/x"},
    {"source": "intranet", "date": "2026-01-05"},
    {"file": {"name": "f.pdf", "sha256": "a" * 64, "size": 1, "media_type": "application/pdf"}},
    {},
    {"source": "intranet"},
    {"date": "2026-01-05"},
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def assessments(draw):
    start = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 700)))
    audit = draw(st.one_of(st.none(), st.integers(0, 200).map(lambda d: start + timedelta(d))))
    responses = {}
    for cid in IDS:
        choice = draw(st.sampled_from(["level", "none", "na"]))
        if choice == "level":
            responses[cid] = {"level": draw(st.integers(0, PACK.top_level))}
        elif choice == "na" and not PACK.criteria_by_id[cid].mandatory:
            responses[cid] = {"not_applicable": True, "justification": "n.v.t."}
    evidence = [
        {
            "id": f"E{i}",
            "kind": draw(st.sampled_from(KINDS)),
            "title": "x",
            "criteria": draw(st.lists(st.sampled_from(IDS), unique=True, max_size=3)),
            **draw(st.sampled_from(TRACES)),
        }
        for i in range(draw(st.integers(0, 6)))
    ]
    actions = {}
    for cid in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=4)):
        action = {"status": draw(st.sampled_from(["open", "in_progress", "done"]))}
        if draw(st.booleans()):
            action["deadline"] = (start + timedelta(days=draw(st.integers(0, 300)))).isoformat()
        if draw(st.booleans()):
            action["owner"] = draw(st.sampled_from(["KCC", "Kwaliteit"]))
        actions[cid] = action
    return {
        "schema_version": 1,
        "criteria_set": {"id": PACK.id},
        "organisation": {"name": "P"},
        "assessment_date": start.isoformat(),
        "audit_date": audit.isoformat() if audit else None,
        "evidence": evidence,
        "responses": responses,
        "actions": actions,
    }


def run(data):
    return score(PACK, parse_assessment(data, "p.json"))


def scores(result):
    groups = [result.overall, *result.pillars, *result.tags]
    return [g.readiness for g in groups], [g.maturity for g in groups]


@SETTINGS
@given(assessments())
def test_readiness_stays_between_0_and_100(data):
    result = run(data)
    readiness, _ = scores(result)
    assert all(r is None or 0 <= r <= 100 for r in readiness)


@SETTINGS
@given(
    assessments(), st.sampled_from(KINDS), st.lists(st.sampled_from(IDS), min_size=1, unique=True)
)
def test_adding_evidence_never_lowers_a_score(data, kind, criteria):
    before = run(data)
    data["evidence"].append(
        {"id": "NEW", "kind": kind, "title": "n", "criteria": criteria, "link": "https://x.org"}
    )
    after = run(data)
    for b, a in zip(before.criteria, after.criteria, strict=True):
        assert (a.evidenced or 0) >= (b.evidenced or 0)
    for b, a in zip(*map(lambda r: scores(r)[0], (before, after)), strict=True):
        assert b is None or a >= b - 1e-9
    for b, a in zip(*map(lambda r: scores(r)[1], (before, after)), strict=True):
        assert b is None or a >= b - 1e-9


@SETTINGS
@given(assessments(), st.sampled_from(IDS))
def test_raising_a_claimed_level_never_lowers_an_evidenced_level(data, cid):
    response = data["responses"].get(cid, {})
    if response.get("not_applicable"):
        return
    before = run(data).criterion(cid).evidenced
    level = response.get("level", 0)
    for higher in range(level + 1, PACK.top_level + 1):
        data["responses"][cid] = {"level": higher}
        after = run(data).criterion(cid).evidenced
        assert after >= before
        before = after


@SETTINGS
@given(assessments())
def test_every_deadline_is_a_working_day_or_the_users_date(data):
    # holds for packs whose effort_days and buffer_days are above zero, as in this one
    result = run(data)
    for point in result.improvement_points:
        if point.user_deadline is not None:
            assert point.deadline == point.user_deadline
        else:
            start = date.fromisoformat(data["assessment_date"])
            # a working day, or the assessment date itself when the latest day lies before it
            assert is_working_day(point.deadline) or point.deadline == start
            assert point.deadline >= start
            assert result.latest is None or point.deadline <= max(result.latest, start)
            assert point.at_risk == (result.latest is not None and point.proposed > result.latest)


def everything(result):
    """Every figure of a result: verdicts, readiness, maturity, levels, points."""
    figures = [result.verdict, scores(result), [(c.claimed, c.evidenced) for c in result.criteria]]
    figures.append([(p.criterion, p.deadline, p.planned) for p in result.improvement_points])
    if result.forecast:
        f = result.forecast
        figures.append((f.verdict, f.overall, f.pillars, f.tags, f.planned))
    return figures


@SETTINGS
@given(assessments())
def test_the_forecast_never_lowers_readiness(data):
    result = run(data)
    if result.forecast is None:
        assert data["audit_date"] is None
        return
    now = [result.overall, *result.pillars, *result.tags]
    then = [result.forecast.overall, *result.forecast.pillars, *result.forecast.tags]
    for a, b in zip(now, then, strict=True):
        assert a.readiness is None or b.readiness >= a.readiness - 1e-9


@SETTINGS
@given(assessments(), st.sampled_from(IDS))
def test_removing_an_owner_never_raises_the_forecast(data, cid):
    before = run(data)
    data["actions"].setdefault(cid, {}).pop("owner", None)
    after = run(data)
    if before.forecast is None:
        return
    assert set(after.forecast.planned) <= set(before.forecast.planned)
    pairs = zip(
        [before.forecast.overall, *before.forecast.pillars],
        [after.forecast.overall, *after.forecast.pillars],
        strict=True,
    )
    for b, a in pairs:
        assert b.readiness is None or a.readiness <= b.readiness + 1e-9
    order = ["not_ready", "conditional", "ready"]
    assert order.index(after.forecast.verdict) <= order.index(before.forecast.verdict)


@SETTINGS
@given(
    assessments(),
    st.sampled_from(KINDS),
    st.lists(st.sampled_from(IDS), min_size=1, unique=True),
    st.sampled_from(TRACES[3:]),
)
def test_adding_a_not_checkable_item_changes_no_score(data, kind, criteria, trace):
    before = run(data)
    data["evidence"].append(
        {"id": "NEW", "kind": kind, "title": "n", "criteria": criteria, **trace}
    )
    after = run(data)
    assert everything(after) == everything(before)
    for cid in criteria:
        assert "NEW" in after.criterion(cid).unchecked_ids
