"""A level that asks for a file-review conformity (the pack's ``conformity``).

A pack says it on the scale, for every criterion that has ``file_checks``::

    scale:
      - level: 3
        label: {...}
        requires: ["record|interview|observation"]
        conformity: 90          # level 3 needs >= 90 % conformity in the file review

or per criterion, replacing the scale's figure for that level (like ``requires``)::

    conformity: {3: 90, 4: 95}

Rule: conformity requirements are cumulative like ``requires``: level L needs, for each
level 1..L that asks one, a file-review conformity (passes / (passes + fails) over all the
criterion's checks, the point estimate, unrounded) of at least that figure. Without a
review answer (no pass or fail) such a level is not met. A criterion without
``file_checks`` has no conformity requirement.
"""

from __future__ import annotations

from ..assessments import Assessment
from ..packs import Criterion, Pack
from .filereview import criterion_review


def conformity_needed(pack: Pack, criterion: Criterion, level: int) -> float | None:
    """The conformity (percent) level ``level`` alone asks of ``criterion``; None for none."""
    if not criterion.file_checks:
        return None
    if level in criterion.conformity:
        return criterion.conformity[level]
    return next((s.conformity for s in pack.scale if s.level == level), None)


def conformity_met(pack: Pack, criterion: Criterion, level: int, rate: float | None) -> bool:
    """Whether ``rate`` (percent, None without answers) meets levels 1..``level``."""
    for lvl in range(1, level + 1):
        needed = conformity_needed(pack, criterion, lvl)
        if needed is not None and (rate is None or rate < needed):
            return False
    return True


def cap_by_conformity(pack: Pack, assessment: Assessment, criterion: Criterion, level: int) -> int:
    """The highest level <= ``level`` whose conformity requirements the file review meets.

    ``level`` is the level the evidence kinds back (method.evidenced_level); a criterion
    without a conformity requirement keeps it unchanged.
    """
    if not criterion.file_checks or level <= 0:
        return level
    if not any(conformity_needed(pack, criterion, lvl) for lvl in range(1, level + 1)):
        return level
    rate = criterion_review(assessment, criterion).total.rate
    for candidate in range(level, 0, -1):
        if conformity_met(pack, criterion, candidate, rate):
            return candidate
    return 0
