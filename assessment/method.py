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
from .fieldwork.levels import cap_by_conformity
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
    kinds: frozenset[str]  # kinds of the checkable evidence linked to the criterion
    evidence_ids: tuple[str, ...]  # every linked item, checkable or not
    unchecked_ids: tuple[str, ...]  # linked items that are not checkable (back no level)
    missing: tuple[Requirement, ...]  # unmet entries needed to evidence the target
    to_confirm: bool = False  # carried over from the last cycle and not yet re-confirmed

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

    code: Literal["overall_below", "pillar_below", "mandatory_gap", "incomplete", "all_met"]
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
    status: str  # one of vocabulary.ACTION_STATUSES
    note: str | None
    overdue: bool = False  # not done and the deadline is before today

    @property
    def gap(self) -> int:
        return self.to_level - self.from_level

    @property
    def work_days(self) -> int:
        """effort x gap: the working days of work the point takes (the proposed deadline's)."""
        return self.effort_days * self.gap

    @property
    def planned(self) -> bool:
        """Done, or owned and not at risk: only planned points count in the forecast."""
        return self.status == "done" or (self.owner is not None and not self.at_risk)

    @property
    def unplanned_because(self) -> tuple[str, ...]:
        """Why the point is not planned: ``no_owner`` and/or ``at_risk``; empty when planned."""
        if self.planned:
            return ()
        return tuple(
            why
            for why, applies in (("no_owner", self.owner is None), ("at_risk", self.at_risk))
            if applies
        )


@dataclass(frozen=True)
class Completeness:
    """How many applicable criteria have a level (SPEC section 3, completeness)."""

    answered: int
    applicable: int
    to_confirm: int = 0  # carried-over responses not yet re-confirmed (not applicable ones too)

    @property
    def complete(self) -> bool:
        """Every applicable criterion answered and nothing left to re-confirm."""
        return self.answered == self.applicable and not self.to_confirm

    @property
    def share(self) -> float:
        """answered / applicable as a fraction (1.0 when nothing is applicable)."""
        return self.answered / self.applicable if self.applicable else 1.0


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
    completeness: Completeness
    today: date  # the day ``overdue`` is judged against
    forecast: Forecast | None = None  # None without an audit date

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
                    "planned": p.planned,
                    "overdue": p.overdue,
                    "proposed": p.proposed.isoformat(),
                    "user_deadline": p.user_deadline.isoformat() if p.user_deadline else None,
                    "effort_days": p.effort_days,
                    "work_days": p.work_days,
                    "mandatory": p.mandatory,
                }
                for p in self.improvement_points
            ],
            "completeness": {
                "answered": self.completeness.answered,
                "applicable": self.completeness.applicable,
                "to_confirm": self.completeness.to_confirm,
            },
            "forecast": self.forecast.to_json() if self.forecast else None,
            "reasons": [{"code": r.code, **r.params} for r in self.reasons],
            "latest": self.latest.isoformat() if self.latest else None,
            "today": self.today.isoformat(),
        }


@dataclass(frozen=True)
class Forecast:
    """The audit-day outlook: the method as if every planned point reached its target."""

    verdict: Verdict
    reasons: tuple[Reason, ...]
    overall: GroupScore
    pillars: tuple[GroupScore, ...]
    tags: tuple[GroupScore, ...]
    planned: tuple[str, ...]  # criteria whose points are planned, in priority order
    unplanned: tuple[str, ...]  # criteria whose points are not planned, in priority order

    def pillar(self, pillar_id: str) -> GroupScore:
        return next(p for p in self.pillars if p.id == pillar_id)

    def to_json(self) -> dict[str, Any]:
        """The ``forecast`` object of ``ikm score --json``."""
        return {
            "verdict": self.verdict,
            "overall": {"readiness": self.overall.readiness, "maturity": self.overall.maturity},
            "pillars": [
                {"id": g.id, "readiness": g.readiness, "maturity": g.maturity} for g in self.pillars
            ],
            "planned": list(self.planned),
            "unplanned": list(self.unplanned),
            "reasons": [{"code": r.code, **r.params} for r in self.reasons],
        }


# ---- per criterion ---------------------------------------------------------------------


def checkable_kinds(items: Iterable[Evidence]) -> frozenset[str]:
    """kinds(c): the kinds of the checkable items among ``items``; others back no level."""
    return frozenset(e.kind for e in items if e.checkable)


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
    kinds = checkable_kinds(items)
    applicable = not (response is not None and response.not_applicable)
    claimed = response.level if response is not None and applicable else None
    target = pack.target(criterion)
    evidenced = evidenced_level(pack, criterion, claimed or 0, kinds) if applicable else None
    if evidenced is not None:  # a level that asks a file-review conformity needs it too
        evidenced = cap_by_conformity(pack, assessment, criterion, evidenced)
    return CriterionResult(
        id=criterion.id,
        pillar=pack.pillar_of[criterion.id],
        tags=tuple(criterion.tags),
        mandatory=criterion.mandatory,
        weight=pack.weight(criterion),
        target=target,
        applicable=applicable,
        answered=response is not None and response.answered,
        to_confirm=response is not None and response.to_confirm,
        claimed=claimed,
        evidenced=evidenced,
        kinds=kinds,
        evidence_ids=tuple(e.id for e in items),
        unchecked_ids=tuple(e.id for e in items if not e.checkable),
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


def completeness(criteria: Iterable[CriterionResult]) -> Completeness:
    """answered = the applicable criteria with a level (and not waiting to be re-confirmed),
    out of all applicable criteria; ``to_confirm`` counts every carried-over response still
    to re-confirm, a not-applicable mark included."""
    criteria = list(criteria)
    applicable = [c for c in criteria if c.applicable]
    return Completeness(
        sum(1 for c in applicable if c.answered),
        len(applicable),
        sum(1 for c in criteria if c.to_confirm),
    )


def decide(
    pack: Pack,
    overall: GroupScore,
    pillars: Iterable[GroupScore],
    criteria: Iterable[CriterionResult],
) -> tuple[Verdict, tuple[Reason, ...]]:
    """The verdict with the thresholds of ``readiness``, and the reasons it is not better.

    An incomplete assessment is never ``ready``: every threshold met but criteria still
    unanswered gives ``conditional`` with the reason ``incomplete``.
    """
    criteria = list(criteria)
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
    done = completeness(criteria)
    if not done.complete:
        params = {"answered": done.answered, "applicable": done.applicable}
        if done.to_confirm:
            params["to_confirm"] = done.to_confirm
        reasons.append(Reason("incomplete", params))
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
    pack: Pack,
    assessment: Assessment,
    criteria: Iterable[CriterionResult],
    today: date | None = None,
) -> tuple[ImprovementPoint, ...]:
    """One point per applicable criterion with a gap, in priority order, with deadlines.

    A point is overdue when it is not done and its deadline is before ``today`` (default:
    the system date).
    """
    today = today or date.today()
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
            # capped at the latest day, but never before the assessment date (an audit so
            # close that the latest day has passed leaves the point at risk from day one)
            deadline = max(latest, assessment.assessment_date)
        else:
            deadline = proposed
        compared = user_deadline if user_deadline is not None else proposed
        status = action.status if action and action.status else "open"
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
                owner=action.owner.strip()
                if action and action.owner and action.owner.strip()
                else None,
                status=status,
                note=action.note if action else None,
                overdue=status != "done" and deadline < today,
            )
        )
    return tuple(points)


# ---- the whole method ------------------------------------------------------------------


def score(pack: Pack, assessment: Assessment, today: date | None = None) -> Result:
    """Apply the method of SPEC section 3 to ``assessment`` with ``pack``.

    ``today`` (default: the system date) decides which points are overdue.
    """
    today = today or date.today()
    by_criterion = assessment.evidence_by_criterion()
    criteria = tuple(
        score_criterion(pack, assessment, c, by_criterion.get(c.id, [])) for _, c in pack.criteria()
    )
    overall, pillars, tags, verdict, reasons = _groups(pack, criteria)
    points = improvement_points(pack, assessment, criteria, today)
    return Result(
        pack_id=pack.id,
        pack_version=pack.version,
        verdict=verdict,
        reasons=reasons,
        overall=overall,
        pillars=pillars,
        tags=tags,
        criteria=criteria,
        improvement_points=points,
        latest=latest_day(pack, assessment.audit_date),
        completeness=completeness(criteria),
        today=today,
        forecast=_forecast(pack, assessment, criteria, points),
    )


def _groups(pack: Pack, criteria: tuple[CriterionResult, ...]) -> tuple[Any, ...]:
    overall = group_score("overall", criteria)
    pillars = tuple(
        group_score(p.id, (c for c in criteria if c.pillar == p.id)) for p in pack.pillars
    )
    tags = tuple(group_score(tag, (c for c in criteria if tag in c.tags)) for tag in pack.tags)
    verdict, reasons = decide(pack, overall, pillars, criteria)
    return overall, pillars, tags, verdict, reasons


def _forecast(
    pack: Pack,
    assessment: Assessment,
    criteria: tuple[CriterionResult, ...],
    points: tuple[ImprovementPoint, ...],
) -> Forecast | None:
    """The forecast on the audit day (None without an audit date).

    Each criterion whose improvement point is planned counts as evidenced at its target;
    every other criterion stays at its evidenced level. Completeness stays as it is, so an
    incomplete assessment is not forecast ready either.
    """
    if assessment.audit_date is None:
        return None
    planned = tuple(p.criterion for p in points if p.planned)
    unplanned = tuple(p.criterion for p in points if not p.planned)
    raised = set(planned)
    future = tuple(_at_target(c) if c.id in raised else c for c in criteria)
    overall, pillars, tags, verdict, reasons = _groups(pack, future)
    return Forecast(verdict, reasons, overall, pillars, tags, planned, unplanned)


def _at_target(c: CriterionResult) -> CriterionResult:
    from dataclasses import replace

    return replace(c, evidenced=c.target, missing=())
