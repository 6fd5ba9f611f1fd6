"""Working-day arithmetic for deadlines (SPEC section 3): Monday to Friday count."""

from __future__ import annotations

from datetime import date, timedelta

_DAY = timedelta(days=1)


def is_working_day(day: date) -> bool:
    """Monday to Friday."""
    return day.weekday() < 5


def add_working_days(start: date, days: int) -> date:
    """The day ``days`` working days after ``start``; ``start`` itself does not count.

    Zero days gives ``start`` unchanged; a negative number counts backwards.
    """
    step = _DAY if days >= 0 else -_DAY
    day, left = start, abs(days)
    while left:
        day += step
        if is_working_day(day):
            left -= 1
    return day


def subtract_working_days(end: date, days: int) -> date:
    """The day ``days`` working days before ``end``; ``end`` itself does not count."""
    return add_working_days(end, -days)


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end`` (negative when earlier)."""
    if end < start:
        return -working_days_between(end, start)
    full_weeks, extra = divmod((end - start).days, 7)
    count = full_weeks * 5
    day = start + timedelta(weeks=full_weeks)
    for _ in range(extra):
        day += _DAY
        if is_working_day(day):
            count += 1
    return count
