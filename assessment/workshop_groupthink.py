"""Workshop rules against groupthink: the proposed level snapped to the scale, who stands out
and is asked why, and how far apart participant groups are.

Pure functions of a :class:`~assessment.workshop.VoteSummary`; the store keeps the votes, the
pages show the outcome. The other mechanics (votes hidden until the facilitator reveals them,
anonymous rounds, a second round kept beside the first) are kept by the store.

Rules:

- :func:`snap_to_scale`: the agreed level is always a level of the scale. The median is
  proposed; a median between two levels (2.5) goes to the *lower* one, because the lower half
  of the room did not see the higher level, and a self-assessment for an audit claims only
  what it can show.
- :func:`outliers`: in a round that needs discussion (spread of
  :data:`~assessment.workshop.DISCUSSION_SPREAD` or more), those who voted the lowest or the
  highest level, when that level is not the median, are asked for their reason: the room hears
  the minority before it agrees.
- :func:`group_split`: with participant groups (e.g. front line and management), the median
  of each group; when two groups' medians are :data:`GROUP_GAP` levels or more apart, the
  groups see the organisation differently, a finding of its own.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass

from .workshop import GROUP_GAP, Vote, VoteSummary

__all__ = ["GROUP_GAP", "group_split", "is_outlier", "outliers", "proposal", "snap_to_scale"]


def snap_to_scale(value: float | None, levels: Iterable[int]) -> int | None:
    """The scale level nearest to ``value``; halfway between two levels, the lower one.
    None without a value or a scale."""
    scale = sorted(set(levels))
    if value is None or not scale:
        return None
    return min(scale, key=lambda level: (abs(level - value), level))


def proposal(summary: VoteSummary, levels: Iterable[int]) -> int | None:
    """The level to propose as agreed: the median snapped to the scale (see module doc)."""
    return snap_to_scale(summary.median, levels)


def is_outlier(level: int, summary: VoteSummary) -> bool:
    """Whether a vote of ``level`` stands out in ``summary``: the round needs discussion and
    the level is the lowest or the highest, and not the median."""
    if not summary.needs_discussion or summary.median is None:
        return False
    return level in (summary.low, summary.high) and level != summary.median


def outliers(summary: VoteSummary) -> tuple[Vote, ...]:
    """The votes that stand out (see :func:`is_outlier`), lowest first."""
    return tuple(v for v in summary.votes if is_outlier(v.level, summary))


@dataclass(frozen=True)
class GroupView:
    """How one participant group voted in a round."""

    group: str
    count: int
    median: float


@dataclass(frozen=True)
class GroupSplit:
    """The groups of a round, in the order given, and the largest gap between their medians."""

    groups: tuple[GroupView, ...]
    gap: float  # highest group median minus lowest

    @property
    def differ(self) -> bool:
        """Two groups are :data:`GROUP_GAP` levels or more apart."""
        return len(self.groups) > 1 and self.gap >= GROUP_GAP

    @property
    def lowest(self) -> GroupView:
        return min(self.groups, key=lambda g: g.median)

    @property
    def highest(self) -> GroupView:
        return max(self.groups, key=lambda g: g.median)


def group_split(summary: VoteSummary, order: Iterable[str] = ()) -> GroupSplit | None:
    """Per group the number of votes and their median (``order``: the workshop's groups,
    others after them by name); None unless at least two groups voted."""
    by_group: dict[str, list[int]] = {}
    for vote in summary.votes:
        if vote.group:
            by_group.setdefault(vote.group, []).append(vote.level)
    if len(by_group) < 2:
        return None
    position = {name: i for i, name in enumerate(order)}
    names = sorted(by_group, key=lambda g: (position.get(g, len(position)), g.casefold()))
    views = tuple(
        GroupView(g, len(by_group[g]), float(statistics.median(by_group[g]))) for g in names
    )
    medians = [v.median for v in views]
    return GroupSplit(views, max(medians) - min(medians))
