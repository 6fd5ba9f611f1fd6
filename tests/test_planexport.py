"""The plan as iCalendar (parsed back with icalendar) and as CSV."""

import csv
import io
from datetime import UTC, date, datetime

from icalendar import Calendar

from assessment.assessments import parse_assessment
from assessment.method import score
from assessment.planexport import (
    event_uid,
    plan_calendar,
    plan_csv,
    plan_csv_bytes,
    plan_rows,
    safe_cell,
)
from tests.helpers import method_data, method_pack

PACK = method_pack()
NOW = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


def sample(**changes):
    data = method_data()
    data.update(changes)
    return parse_assessment(data, "m.json")


def events(raw):
    cal = Calendar.from_ical(raw)
    return {str(e["uid"]): e for e in cal.walk("VEVENT")}


def test_one_event_per_point_plus_latest_and_audit_day():
    a = sample()
    result = score(PACK, a)
    found = events(plan_calendar(PACK, a, result, "en", now=NOW))
    points = result.improvement_points
    assert len(found) == len(points) + 2
    for p in points:
        e = found[event_uid(a, p.criterion)]
        assert e.decoded("dtstart") == p.deadline
        assert e.decoded("dtend") == date.fromordinal(p.deadline.toordinal() + 1)
        summary = str(e["summary"])
        assert f"P{p.priority} {p.criterion}" in summary
        assert (p.owner or "no owner") in summary
        assert int(e["priority"]) == (1 if p.mandatory else 5)
    assert found[event_uid(a, "audit")].decoded("dtstart") == a.audit_date
    assert found[event_uid(a, "latest")].decoded("dtstart") == result.latest


def test_uids_are_stable_and_differ_per_assessment():
    a = sample()
    first = plan_calendar(PACK, a, score(PACK, a), "nl", now=NOW)
    later = plan_calendar(PACK, a, score(PACK, a), "nl", now=datetime(2027, 1, 1, tzinfo=UTC))
    assert set(events(first)) == set(events(later))
    other = sample(assessment_date="2027-11-21", audit_date=None)
    assert not set(events(first)) & set(events(plan_calendar(PACK, other, score(PACK, other))))


def test_at_risk_and_overdue_points_are_marked():
    a = sample(audit_date="2026-12-01")  # the latest day is before every proposed deadline
    # judged on the assessment date, nothing is overdue yet: every point is only at risk
    result = score(PACK, a, today=a.assessment_date)
    assert all(p.at_risk and not p.overdue for p in result.improvement_points)
    found = events(plan_calendar(PACK, a, result, "nl", now=NOW))
    for p in result.improvement_points:
        assert str(found[event_uid(a, p.criterion)]["summary"]).startswith("[RISICO]")
        # a proposed deadline is moved back to the latest date: it is not "after" it
        description = str(found[event_uid(a, p.criterion)]["description"])
        assert "Risico: dit punt is niet af op de uiterste datum (" in description
    # a month later a point is overdue too: the method says so, the calendar shows it
    later = score(PACK, a, today=date(2027, 1, 1))
    late = next(p for p in later.improvement_points if p.overdue)
    found = events(plan_calendar(PACK, a, later, "en", today=date(2027, 1, 1), now=NOW))
    event = found[event_uid(a, late.criterion)]
    assert str(event["summary"]).startswith("[OVERDUE, AT RISK]")
    assert "The deadline has passed (2027-01-01)" in str(event["description"])


def test_csv_is_the_plan_table_and_formula_safe():
    data = method_data()
    data["actions"]["B-1"]["owner"] = '=HYPERLINK("http://evil")'
    a = parse_assessment(data, "m.json")
    result = score(PACK, a)
    rows = list(csv.reader(io.StringIO(plan_csv(plan_rows(PACK, a, result, "en"), "en"))))
    assert rows[0][:3] == ["Priority", "Criterion", "Title"]
    assert [r[1] for r in rows[1:]] == [p.criterion for p in result.improvement_points]
    owner = next(r[7] for r in rows[1:] if r[1] == "B-1")
    assert owner == '\'=HYPERLINK("http://evil")'
    dutch = plan_csv_bytes(plan_rows(PACK, a, result, "nl"), "nl")
    assert dutch.startswith(b"\xef\xbb\xbfPrioriteit;Criterium;")


def test_safe_cell():
    assert [safe_cell(x) for x in ["=1", "+1", "-1", "@a", "\tx", "ok", ""]] == [
        "'=1",
        "'+1",
        "'-1",
        "'@a",
        "'\tx",
        "ok",
        "",
    ]
