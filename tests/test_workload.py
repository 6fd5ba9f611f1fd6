"""Plan realism (assessment/workload.py) with hand-computed figures on the method fixture.

B-2: 5 effort days x gap 4 = 20 days of work, due Fri 18 Dec 2026; B-1: 3 x 1 = 3 days,
own deadline Fri 8 Jan 2027; latest day Fri 1 Jan 2027 (audit 15 Jan, buffer 10).
"""

from datetime import date

from assessment.method import score
from assessment.workload import month_loads, owner_loads
from tests.helpers import method_assessment, method_pack

PACK = method_pack()


def points(**changes):
    return score(PACK, method_assessment(**changes), today=date(2026, 12, 1))


def test_work_per_owner_against_the_days_left_before_the_latest_day():
    r = points(actions={"B-1": {"owner": "KCC"}, "B-2": {"owner": "KCC"}})
    (kcc,) = owner_loads(r.improvement_points, r.today, r.latest)
    # after Tue 1 Dec up to and including Fri 1 Jan: 23 working days; 20 + 3 = 23 of work
    assert (kcc.owner, kcc.points, kcc.work_days, kcc.days_left) == ("KCC", ("B-2", "B-1"), 23, 23)
    assert not kcc.overloaded
    both = {"B-1": {"owner": "KCC"}, "B-2": {"owner": "KCC"}}
    later = score(PACK, method_assessment(actions=both), today=date(2026, 12, 2))
    (kcc,) = owner_loads(later.improvement_points, later.today, later.latest)
    assert (kcc.work_days, kcc.days_left, kcc.overloaded) == (23, 22, True)


def test_unowned_points_are_listed_last_and_never_overloaded():
    r = points()  # B-1 owned by Team KCC, B-2 by nobody
    loads = owner_loads(r.improvement_points, r.today, r.latest)
    assert [(x.owner, x.work_days, x.days_left) for x in loads] == [
        ("Team KCC", 3, 23),
        (None, 20, None),
    ]
    assert not loads[1].overloaded


def test_done_points_are_no_work_and_without_audit_date_the_last_deadline_counts():
    r = points(
        audit_date=None,
        actions={"B-1": {"owner": "KCC", "status": "done"}, "B-2": {"owner": "KCC"}},
    )
    (kcc,) = owner_loads(r.improvement_points, r.today, r.latest)
    # only B-2 (20 days) until its deadline Fri 18 Dec: 13 working days after Tue 1 Dec
    assert (kcc.points, kcc.work_days, kcc.days_left, kcc.horizon) == (
        ("B-2",),
        20,
        13,
        date(2026, 12, 18),
    )
    assert kcc.overloaded


def test_work_per_month_of_the_deadlines():
    r = points()
    months = month_loads(r.improvement_points)
    assert [(m.month, m.points, m.work_days) for m in months] == [
        (date(2026, 12, 1), ("B-2",), 20),
        (date(2027, 1, 1), ("B-1",), 3),
    ]
    done = points(actions={"B-1": {"status": "done"}})
    assert [m.points for m in month_loads(done.improvement_points)] == [("B-2",)]
