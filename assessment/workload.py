"""Plan realism: the work of the open improvement points against the working days left.

A point's work is ``effort x gap`` working days (the same figure that makes its proposed
deadline). Per owner, the work of the owner's open points (status not ``done``) is set
against the working days after ``today`` up to the latest day before the audit (or, without
an audit date, up to the owner's last deadline); an owner with more work than days is
overloaded. Per month, the open points due in that month and their work show where the
deadlines pile up (no month is called overloaded: several owners work side by side).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .method import ImprovementPoint
from .planning import working_days_between


@dataclass(frozen=True)
class OwnerLoad:
    """The open work of one owner (``owner`` None: the points nobody owns)."""

    owner: str | None
    points: tuple[str, ...]  # criteria, in priority order
    work_days: int
    days_left: int | None  # working days after today up to the horizon; None for no owner
    horizon: date | None

    @property
    def overloaded(self) -> bool:
        """More days of work than working days left (never for unowned points)."""
        return self.days_left is not None and self.work_days > self.days_left


@dataclass(frozen=True)
class MonthLoad:
    """The open work falling due in one calendar month."""

    month: date  # the first day of the month
    points: tuple[str, ...]
    work_days: int


def _open(points: Iterable[ImprovementPoint]) -> list[ImprovementPoint]:
    return [p for p in points if p.status != "done"]


def owner_loads(
    points: Iterable[ImprovementPoint], today: date, latest: date | None
) -> tuple[OwnerLoad, ...]:
    """The open work per owner, owners in order of first appearance, unowned points last."""
    by_owner: dict[str | None, list[ImprovementPoint]] = {}
    for point in _open(points):
        by_owner.setdefault(point.owner, []).append(point)
    loads = []
    for owner, own in by_owner.items():
        work = sum(p.work_days for p in own)
        if owner is None:
            loads.append(OwnerLoad(None, tuple(p.criterion for p in own), work, None, None))
            continue
        horizon = latest if latest is not None else max(p.deadline for p in own)
        left = max(0, working_days_between(today, horizon))
        loads.append(OwnerLoad(owner, tuple(p.criterion for p in own), work, left, horizon))
    loads.sort(key=lambda load: load.owner is None)
    return tuple(loads)


def month_loads(points: Iterable[ImprovementPoint]) -> tuple[MonthLoad, ...]:
    """The open work per month of the deadlines, in calendar order."""
    by_month: dict[date, list[ImprovementPoint]] = {}
    for point in _open(points):
        by_month.setdefault(point.deadline.replace(day=1), []).append(point)
    out = []
    for month in sorted(by_month):
        own = by_month[month]
        out.append(MonthLoad(month, tuple(p.criterion for p in own), sum(p.work_days for p in own)))
    return tuple(out)
