"""The scoring and planning method (SPEC section 3), as pure functions.

:func:`score` takes a pack and an assessment and returns a :class:`Result`: per criterion
the claimed and evidenced level and the gap, readiness and maturity per pillar, per tag
and overall, the verdict with its reasons, and the improvement points with priorities and
working-day deadlines.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from .assessments import Assessment, Evidence
from .packs import Criterion, Pack, Requirement
from .planning import add_working_days, subtract_working_days

Verdict = Literal["ready", "conditional", "not_ready"]


@dataclass(frozen=True)
class CriterionResult:
    """The method applied to one criterion."""

    id: str
    pillar: str
    tags: tuple[str, ...]
    mandatory: bool
    weight: float
    target: int
    applicable: bool
    answered: bool
    claimed: int | None  # the response's level; None when unanswered or not applicable
    evidenced: int | None  # None when not applicable
    kinds: frozenset[str]  # kinds of the evidence linked to the criterion
    evidence_ids: tuple[str, ...]
    missing: tuple[Requirement, ...]  # unmet entries needed to evidence the target

    @property
    def gap(self) -> int | None:
        """max(0, target - evidenced); None when not applicable."""
        if self.evidenced is None:
            return None
        return max(0, self.target - self.evidenced)

    @property
    def attainment(self) -> float | None:
        """min(evidenced, target) / target; None when not applicable."""
        if self.evidenced is None:
            return None
        return min(self.evidenced, self.target) / self.target

    @property
    def unbacked(self) -> bool:
        """The claimed level is higher than the evidence backs."""
        return (self.claimed or 0) > (self.evidenced or 0)

    @property
    def state(self) -> Literal["na", "open", "unbacked", "answered"]:
        """Where the criterion stands: not applicable, unanswered, evidence missing, answered."""
        if not self.applicable:
            return "na"
        if not self.answered:
            return "open"
        return "unbacked" if self.unbacked else "answered"


@dataclass(frozen=True)
class GroupScore:
    """Readiness (0-100) and maturity of a pillar, a tag or the whole pack."""

    id: str
    readiness: float | None  # None when the group has no applicable criterion
    maturity: float | None
    applicable: int
    total: int


@dataclass(frozen=True)
class Reason:
    """Why a verdict is not better: a code and its parameters (rendered by ``messages``)."""

    code: Literal["overall_below", "pillar_below", "mandatory_gap", "all_met"]
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ImprovementPoint:
    """One improvement point: a criterion with a gap, its priority and its deadline."""

    criterion: str
    pillar: str
    priority: int
    mandatory: bool
    weight: float
    from_level: int
    to_level: int
    effort_days: int
    proposed: date  # effort x gap working days after the assessment date
    deadline: date  # the user's own, else proposed but never after latest
    user_deadline: date | None
    at_risk: bool
    owner: str | None
    status: str  # open, in_progress or done
    note: str | None

    @property
    def gap(self) -> int:
        return self.to_level - self.from_level


@dataclass(frozen=True)
class Result:
    """Everything the method derives from one assessment."""

    pack_id: str
    pack_version: str
    verdict: Verdict
    reasons: tuple[Reason, ...]
    overall: GroupScore
    pillars: tuple[GroupScore, ...]
    tags: tuple[GroupScore, ...]
    criteria: tuple[CriterionResult, ...]
    improvement_points: tuple[ImprovementPoint, ...]
    latest: date | None  # buffer_days working days before the audit date

    def criterion(self, criterion_id: str) -> CriterionResult:
        return next(c for c in self.criteria if c.id == criterion_id)

    def pillar(self, pillar_id: str) -> GroupScore:
        return next(p for p in self.pillars if p.id == pillar_id)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``ikm score --json`` (SPEC section 4), numbers unrounded."""

        def group(g: GroupScore) -> dict[str, Any]:
            return {"id": g.id, "readiness": g.readiness, "maturity": g.maturity}

        return {
            "criteria_set": {"id": self.pack_id, "version": self.pack_version},
            "verdict": self.verdict,
            "overall": {"readiness": self.overall.readiness, "maturity": self.overall.maturity},
            "pillars": [group(p) for p in self.pillars],
            "tags": [group(t) for t in self.tags],
            "criteria": [
                {
                    "id": c.id,
                    "claimed": c.claimed,
                    "evidenced": c.evidenced,
                    "target": c.target,
                    "gap": c.gap,
                    "applicable": c.applicable,
                    "answered": c.answered,
                    "mandatory": c.mandatory,
                    "weight": c.weight,
                    "pillar": c.pillar,
                    "evidence": list(c.evidence_ids),
                }
                for c in self.criteria
            ],
            "improvement_points": [
                {
                    "criterion": p.criterion,
                    "priority": p.priority,
                    "from_level": p.from_level,
                    "to_level": p.to_level,
                    "deadline": p.deadline.isoformat(),
                    "at_risk": p.at_risk,
                    "owner": p.owner,
                    "status": p.status,
                    "proposed": p.proposed.isoformat(),
                    "mandatory": p.mandatory,
                }
                for p in self.improvement_points
            ],
            "reasons": [{"code": r.code, **r.params} for r in self.reasons],
            "latest": self.latest.isoformat() if self.latest else None,
        }


# ---- per criterion ---------------------------------------------------------------------


def requirements_met(requirements: Iterable[Requirement], kinds: Iterable[str]) -> bool:
    """Whether every entry is met by one of ``kinds``."""
    kinds = frozenset(kinds)
    return all(r.met_by(kinds) for r in requirements)


def evidenced_level(pack: Pack, criterion: Criterion, claimed: int, kinds: Iterable[str]) -> int:
    """The highest level L <= claimed whose cumulative requirements (1..L) ``kinds`` meet."""
    kinds = frozenset(kinds)
    level = 0
    for candidate in range(1, claimed + 1):
        if not all(r.met_by(kinds) for r in pack.level_requirements(criterion, candidate)):
            break  # requirements are cumulative: no higher level can be met either
        level = candidate
    return level


def missing_requirements(
    pack: Pack, criterion: Criterion, level: int, kinds: Iterable[str]
) -> tuple[Requirement, ...]:
    """The entries of levels 1..``level`` that ``kinds`` do not meet, without repeats."""
    kinds = frozenset(kinds)
    out: list[Requirement] = []
    for requirement in pack.cumulative_requirements(criterion, level):
        if not requirement.met_by(kinds) and requirement not in out:
            out.append(requirement)
    return tuple(out)


def score_criterion(
    pack: Pack,
    assessment: Assessment,
    criterion: Criterion,
    items: list[Evidence] | None = None,
) -> CriterionResult:
    """Apply the method to one criterion; ``items`` is its evidence when already looked up."""
    response = assessment.responses.get(criterion.id)
    if items is None:
        items = assessment.evidence_for(criterion.id)
    kinds = frozenset(e.kind for e in items)
    applicable = not (response is not None and response.not_applicable)
    claimed = response.level if response is not None and applicable else None
    target = pack.target(criterion)
    evidenced = evidenced_level(pack, criterion, claimed or 0, kinds) if applicable else None
    return CriterionResult(
        id=criterion.id,
        pillar=pack.pillar_of[criterion.id],
        tags=tuple(criterion.tags),
        mandatory=criterion.mandatory,
        weight=pack.weight(criterion),
        target=target,
        applicable=applicable,
        answered=response is not None and response.answered,
        claimed=claimed,
        evidenced=evidenced,
        kinds=kinds,
        evidence_ids=tuple(e.id for e in items),
        missing=missing_requirements(pack, criterion, target, kinds) if applicable else (),
    )


# ---- groups and verdict ----------------------------------------------------------------


def group_score(group_id: str, results: Iterable[CriterionResult]) -> GroupScore:
    """Weighted readiness and maturity over the applicable criteria of ``results``."""
    results = list(results)
    applicable = [r for r in results if r.applicable]
    total_weight = sum(r.weight for r in applicable)
    if not applicable or total_weight == 0:
        return GroupScore(group_id, None, None, 0, len(results))
    readiness = 100 * sum(r.weight * (r.attainment or 0.0) for r in applicable) / total_weight
    maturity = sum(r.weight * (r.evidenced or 0) for r in applicable) / total_weight
    return GroupScore(group_id, readiness, maturity, len(applicable), len(results))


def decide(
    pack: Pack,
    overall: GroupScore,
    pillars: Iterable[GroupScore],
    criteria: Iterable[CriterionResult],
) -> tuple[Verdict, tuple[Reason, ...]]:
    """The verdict with the thresholds of ``readiness``, and the reasons it is not better."""
    t = pack.readiness
    value = overall.readiness if overall.readiness is not None else 0.0
    low_pillars = [p for p in pillars if p.readiness is not None and p.readiness < t.ready_pillar]
    mandatory_gaps = [c for c in criteria if c.mandatory and c.applicable and (c.gap or 0) > 0]
    largest = max((c.gap or 0 for c in mandatory_gaps), default=0)

    reasons: list[Reason] = []
    if value < t.ready_overall:
        reasons.append(Reason("overall_below", {"value": value, "threshold": t.ready_overall}))
    reasons.extend(
        Reason("pillar_below", {"pillar": p.id, "value": p.readiness, "threshold": t.ready_pillar})
        for p in low_pillars
    )
    if mandatory_gaps:
        reasons.append(
            Reason(
                "mandatory_gap",
                {"criteria": [c.id for c in mandatory_gaps], "largest": largest},
            )
        )
    if not reasons:
        return "ready", (Reason("all_met", {"value": value, "threshold": t.ready_overall}),)
    conditional = value >= t.conditional_overall and largest <= t.conditional_mandatory_gap
    if conditional:
        return "conditional", tuple(reasons)
    blocking: list[Reason] = []
    if value < t.conditional_overall:
        blocking.append(
            Reason("overall_below", {"value": value, "threshold": t.conditional_overall})
        )
    if largest > t.conditional_mandatory_gap:
        blocking.append(
            Reason(
                "mandatory_gap",
                {
                    "criteria": [
                        c.id for c in mandatory_gaps if (c.gap or 0) > t.conditional_mandatory_gap
                    ],
                    "largest": largest,
                    "allowed": t.conditional_mandatory_gap,
                },
            )
        )
    return "not_ready", tuple(blocking)


# ---- improvement points ----------------------------------------------------------------


def latest_day(pack: Pack, audit_date: date | None) -> date | None:
    """``buffer_days`` working days before the audit date, or None without an audit date."""
    if audit_date is None:
        return None
    return subtract_working_days(audit_date, pack.planning.buffer_days)


def improvement_points(
    pack: Pack, assessment: Assessment, criteria: Iterable[CriterionResult]
) -> tuple[ImprovementPoint, ...]:
    """One point per applicable criterion with a gap, in priority order, with deadlines."""
    latest = latest_day(pack, assessment.audit_date)
    order = {c.id: i for i, (_, c) in enumerate(pack.criteria())}
    gaps = [c for c in criteria if c.applicable and (c.gap or 0) > 0]
    gaps.sort(key=lambda c: (not c.mandatory, -(c.weight * (c.gap or 0)), order[c.id]))
    points = []
    for priority, c in enumerate(gaps, start=1):
        criterion = pack.criteria_by_id[c.id]
        effort = pack.effort_days(criterion)
        gap = c.gap or 0
        proposed = add_working_days(assessment.assessment_date, effort * gap)
        action = assessment.actions.get(c.id)
        user_deadline = action.deadline if action else None
        if user_deadline is not None:
            deadline = user_deadline
        elif latest is not None and proposed > latest:
            deadline = latest
        else:
            deadline = proposed
        compared = user_deadline if user_deadline is not None else proposed
        points.append(
            ImprovementPoint(
                criterion=c.id,
                pillar=c.pillar,
                priority=priority,
                mandatory=c.mandatory,
                weight=c.weight,
                from_level=c.evidenced or 0,
                to_level=c.target,
                effort_days=effort,
                proposed=proposed,
                deadline=deadline,
                user_deadline=user_deadline,
                at_risk=latest is not None and compared > latest,
                owner=action.owner if action and action.owner else None,
                status=action.status if action and action.status else "open",
                note=action.note if action else None,
            )
        )
    return tuple(points)


# ---- the whole method ------------------------------------------------------------------


def score(pack: Pack, assessment: Assessment) -> Result:
    """Apply the method of SPEC section 3 to ``assessment`` with ``pack``."""
    by_criterion = assessment.evidence_by_criterion()
    criteria = tuple(
        score_criterion(pack, assessment, c, by_criterion.get(c.id, [])) for _, c in pack.criteria()
    )
    return _assemble(pack, assessment, criteria)


def _assemble(pack: Pack, assessment: Assessment, criteria: tuple[CriterionResult, ...]) -> Result:
    overall = group_score("overall", criteria)
    pillars = tuple(
        group_score(p.id, (c for c in criteria if c.pillar == p.id)) for p in pack.pillars
    )
    tags = tuple(group_score(tag, (c for c in criteria if tag in c.tags)) for tag in pack.tags)
    verdict, reasons = decide(pack, overall, pillars, criteria)
    return Result(
        pack_id=pack.id,
        pack_version=pack.version,
        verdict=verdict,
        reasons=reasons,
        overall=overall,
        pillars=pillars,
        tags=tags,
        criteria=criteria,
        improvement_points=improvement_points(pack, assessment, criteria),
        latest=latest_day(pack, assessment.audit_date),
    )


def forecast(pack: Pack, assessment: Assessment, result: Result | None = None) -> Result | None:
    """The result on the audit day if every improvement point due before it is done.

    None without an audit date. A point is due before the audit when its deadline is
    before the audit date; its criterion then counts as evidenced at its target.
    """
    if assessment.audit_date is None:
        return None
    result = result or score(pack, assessment)
    done = {p.criterion for p in result.improvement_points if p.deadline < assessment.audit_date}
    criteria = tuple(_at_target(c) if c.id in done else c for c in result.criteria)
    return _assemble(pack, assessment, criteria)


def _at_target(c: CriterionResult) -> CriterionResult:
    from dataclasses import replace

    return replace(c, evidenced=c.target, claimed=max(c.claimed or 0, c.target), missing=())
