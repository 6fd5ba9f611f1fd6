"""Working days (SPEC section 3): Monday to Friday; the start day itself does not count."""

from datetime import date, timedelta

import pytest

from assessment.planning import (
    add_working_days,
    is_working_day,
    subtract_working_days,
    working_days_between,
)

FRI = date(2026, 11, 20)
SAT = date(2026, 11, 21)
SUN = date(2026, 11, 22)
MON = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (MON, 1, date(2026, 11, 24)),
        (FRI, 1, date(2026, 11, 23)),  # over the weekend
        (SAT, 1, MON),  # a Saturday start: Monday is the first working day after it
        (SUN, 1, MON),
        (SAT, 5, date(2026, 11, 27)),
        (SAT, 20, date(2026, 12, 18)),
        (MON, 5, date(2026, 11, 30)),
        (MON, 0, MON),
        (SAT, 0, SAT),  # zero days: the start day itself, even on a weekend
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


@pytest.mark.parametrize(
    ("end", "days", "expected"),
    [
        (date(2027, 1, 15), 10, date(2027, 1, 1)),
        (MON, 1, FRI),
        (SUN, 1, FRI),
        (SAT, 5, date(2026, 11, 16)),
        (MON, 0, MON),
    ],
)
def test_subtract_working_days(end, days, expected):
    assert subtract_working_days(end, days) == expected


def test_add_and_subtract_are_inverse_on_working_days():
    day = MON
    for n in range(0, 40):
        assert subtract_working_days(add_working_days(day, n), n) == day


def test_working_days_between_counts_like_adding():
    for n in range(0, 30):
        for start in (FRI, SAT, SUN, MON):
            end = add_working_days(start, n)
            assert working_days_between(start, end) == n
    assert working_days_between(MON, FRI) == -1


def test_is_working_day():
    assert [is_working_day(FRI + timedelta(days=i)) for i in range(7)] == [
        True, False, False, True, True, True, True,
    ]  # fmt: skip
