"""Everything the report template shows, as one typed object built from pack + assessment.

:func:`build_context` runs the method (:func:`~assessment.method.score` and
:func:`~assessment.method.forecast`) and turns its result into plain strings and numbers in
the report's language, so the templates only lay out what they are given. User text stays
plain text here: the templates escape it, and links carry an ``href`` only when they are
http(s).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePath
from typing import TYPE_CHECKING

from .. import messages
from ..assessments import Assessment, Evidence
from ..cycle import is_future, is_stale
from ..fieldwork.evidence import source_label
from ..fieldwork.levels import conformity_needed
from ..formats import long_date, month_name, number, short_date
from ..i18n import language, localise
from ..links import web_href
from ..method import (
    CriterionResult,
    GroupScore,
    ImprovementPoint,
    Result,
    score,
)
from ..method import (
    Forecast as ForecastResult,
)
from ..packs import Criterion, Pack, Requirement, parse_requirement
from ..workload import month_loads, owner_loads
from .comparison import ComparisonAppendix, comparison_appendix
from .fieldwork import FieldworkChapter, fieldwork_chapter
from .labels import CONFORMITY_RULE, CONFORMITY_SCALE_RULE, METHOD, METHOD_CONFORMITY, labels

if TYPE_CHECKING:
    from ..workshop import WorkshopAppendix

TOP_POINTS = 5
TIMELINE_LIMIT = 40


def format_date(day: date | None, lang: str) -> str:
    """``23 november 2026`` / ``23 November 2026``; '' for no date."""
    return long_date(day, lang)


@dataclass(frozen=True)
class Link:
    text: str
    href: str | None  # only for http(s)


@dataclass(frozen=True)
class ScoreView:
    readiness: str  # "71.4%" or "–"
    maturity: str  # "2.3" or "–"
    value: float  # readiness 0-100 for bars (0 when none)
    applicable: int
    total: int
    applicable_text: str


@dataclass(frozen=True)
class EvidenceRef:
    id: str
    anchor: str
    kind: str
    title: str
    not_checkable: str  # '' when checkable, else "niet controleerbaar: ..."


@dataclass(frozen=True)
class LevelRule:
    """What one level of a criterion asks (the scale's, or the criterion's own)."""

    level: int
    label: str
    requires: str
    own: bool


@dataclass(frozen=True)
class CriterionView:
    """One criterion: its row in the pillar table and its detail section."""

    id: str
    anchor: str
    title: str
    question: str
    mandatory: bool
    weight: str
    applicable: bool
    answered: bool
    to_confirm: bool  # carried over from the last cycle, counted, not yet re-confirmed
    claimed: str  # "3" / "–"
    claimed_label: str  # "3 · Werkend"
    evidenced: str
    evidenced_label: str
    target: str
    target_label: str
    gap: str
    gap_value: int
    unbacked: bool
    note: str
    justification: str
    evidence: tuple[EvidenceRef, ...]
    missing: str  # what evidence is still needed for the target, in words
    improvement: str
    point_priority: int | None
    point_deadline: str
    refs: str
    level_rules: tuple[LevelRule, ...] = ()
    effort: str = ""  # "10 werkdagen per niveau × tekort 2 = 20 werkdagen"
    deadline_how: str = ""  # how the deadline was made


@dataclass(frozen=True)
class Finding:
    criterion: str
    anchor: str
    title: str
    text: str
    mandatory: bool


@dataclass(frozen=True)
class PillarView:
    id: str
    anchor: str
    title: str
    description: str
    score: ScoreView
    criteria: tuple[CriterionView, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class PointView:
    priority: int
    criterion: str
    anchor: str
    title: str
    pillar: str
    mandatory: bool
    from_level: int
    to_level: int
    owner: str
    has_owner: bool
    deadline: str
    deadline_kind: str  # own deadline / proposed
    status: str
    status_code: str
    at_risk: bool
    improvement: str
    note: str
    overdue: bool = False
    work_days: int = 0
    deadline_how: str = ""


@dataclass(frozen=True)
class LoadRow:
    """One row of a workload table: an owner or a month."""

    label: str
    points: str
    work: int
    days: str
    overloaded: bool


@dataclass(frozen=True)
class TagView:
    id: str
    title: str
    score: ScoreView


@dataclass(frozen=True)
class EvidenceView:
    id: str
    anchor: str
    kind: str
    title: str
    source: str
    date: str
    link: Link | None
    file_name: str
    file_erased: bool
    sha256: str
    personal_data: bool
    supports: tuple[str, ...]
    not_checkable: str = ""  # '' when checkable
    support_anchors: tuple[tuple[str, str], ...] = ()  # (criterion id, its anchor)
    stale: str = ""  # said when dated more than a year before the assessment
    future: str = ""  # said when dated after the report date


@dataclass(frozen=True)
class ScaleRow:
    level: int
    label: str
    description: str
    requires: str


@dataclass(frozen=True)
class Signatory:
    name: str
    role: str


@dataclass(frozen=True)
class Verdict:
    code: str
    label: str
    sentence: str
    condition: str = ""  # what a conditional or not-ready verdict waits for


@dataclass(frozen=True)
class Forecast:
    text: str
    readiness: str
    verdict: Verdict | None
    counted: str = ""  # which points are counted
    unplanned: str = ""  # the points that are not, named
    late: str = ""  # the counted points already past their deadline, named


@dataclass(frozen=True)
class PackView:
    id: str
    version: str
    title: str
    description: str
    sha256: str
    source: str
    top: int


@dataclass(frozen=True)
class ReportContext:
    """All the report shows, in one language."""

    lang: str
    t: dict[str, str]  # the report's own wording (labels.py)
    organisation: str
    facts: tuple[tuple[str, str], ...]  # cover facts: (label, value)
    assessment_date: str
    audit_date: str
    assessors: tuple[str, ...]
    pack: PackView
    verdict: Verdict
    overall: ScoreView
    pillars: tuple[PillarView, ...]
    points: tuple[PointView, ...]
    top_points: tuple[PointView, ...]
    at_risk_count: int
    mandatory_gap_count: int
    unbacked_count: int
    forecast: Forecast | None
    forecast_note: str
    plan_intro: str
    timeline_note: str
    completeness: str  # "32 van 37 criteria beantwoord"
    complete: bool
    report_date: str
    unowned_count: int
    overdue_count: int
    unowned_knockouts: str
    owner_loads: tuple[LoadRow, ...]
    month_loads: tuple[LoadRow, ...]
    overrides: tuple[tuple[str, str, str, str], ...]  # (anchor, id, own rules, effort)
    tags: tuple[TagView, ...]
    evidence: tuple[EvidenceView, ...]
    method_paragraphs: tuple[str, ...]
    scale: tuple[ScaleRow, ...]
    thresholds: tuple[tuple[str, str], ...]
    planning: tuple[tuple[str, str], ...]
    signatories: tuple[Signatory, ...]
    signoff_intro: str
    # inputs kept for the charts and the attachment
    result: Result = field(repr=False, compare=False)
    forecast_result: ForecastResult | None = field(repr=False, compare=False)
    assessment: Assessment = field(repr=False, compare=False)
    pack_model: Pack = field(repr=False, compare=False)
    # the workshop appendix (assessment.workshop.workshop_appendix), when there were votes
    workshop: WorkshopAppendix | None = field(default=None, compare=False)
    # the fieldwork chapter (register figures, sample, file review), when there is fieldwork
    fieldwork: FieldworkChapter | None = field(default=None, compare=False)
    # the comparison with an earlier assessment (report/comparison.py), when one is given
    comparison: ComparisonAppendix | None = field(default=None, compare=False)

    @property
    def title(self) -> str:
        return f"{self.t['doc_title']} – {self.organisation}"

    @property
    def subject(self) -> str:
        return f"{self.t['doc_subtitle']} ({self.pack.id} {self.pack.version})"

    @property
    def author(self) -> str:
        return ", ".join(self.assessors) or self.t["generated_by"]


def anchor(prefix: str, ident: str) -> str:
    """A safe fragment id for ``ident`` (ids may hold letters, digits, '.', '_', '-')."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in ident)
    return f"{prefix}-{safe}"


def _score(g: GroupScore, lang: str) -> ScoreView:
    t = labels(lang)
    return ScoreView(
        readiness=messages.pct(g.readiness, lang),
        maturity=messages.one_decimal(g.maturity, lang),
        value=g.readiness or 0.0,
        applicable=g.applicable,
        total=g.total,
        applicable_text=t["criteria_applicable"].format(applicable=g.applicable, total=g.total),
    )


# A level's label is kept on one line up to this length; a longer one (a pack's own, possibly
# pages long) keeps its spaces: one unbreakable word of that length made WeasyPrint retry its
# line split pixel by pixel, re-shaping the whole word each time (minutes per report).
UNBROKEN_LABEL = 40


def _level(pack: Pack, level: int | None, lang: str) -> str:
    if level is None:
        return "–"
    label = localise(pack.scale_label(level), lang)
    if len(label) <= UNBROKEN_LABEL:
        label = label.replace(" ", "\u00a0")
    return f"{level}\u00a0·\u00a0{label}"


def _criterion_view(
    pack: Pack,
    assessment: Assessment,
    criterion: Criterion,
    res: CriterionResult,
    points: dict[str, PointView],
    evidence: dict[str, Evidence],
    lang: str,
) -> CriterionView:
    t = labels(lang)
    response = assessment.responses.get(criterion.id)
    point = points.get(criterion.id)
    if not res.applicable:
        missing = ""
    elif res.missing:
        missing = messages.level_needs(pack, criterion.id, res.target, res.kinds, lang)
        missing = missing[:1].upper() + missing[1:] + "."
    elif (res.evidenced or 0) < res.target:
        missing = t["evidence_there"].format(level=res.target)
    else:
        missing = t["nothing_missing"]
    if res.applicable and not res.answered:
        missing = f"{_unanswered(res, t).capitalize()}. {missing}"
    return CriterionView(
        id=criterion.id,
        anchor=anchor("c", criterion.id),
        title=localise(criterion.title, lang),
        question=localise(criterion.question, lang),
        mandatory=res.mandatory,
        weight=number(res.weight, lang),
        applicable=res.applicable,
        answered=res.answered,
        to_confirm=res.to_confirm,  # a carried-over not-applicable mark too
        claimed=(
            str(res.claimed)
            if res.claimed is not None
            else (t["not_applicable"] if not res.applicable else "–")
        ),
        claimed_label=(
            _level(pack, res.claimed, lang)
            if res.claimed is not None
            else (t["not_applicable"] if not res.applicable else t["not_answered"]).replace(
                " ", "\u00a0"
            )
        )
        + (f" ({t['to_confirm_mark']})" if res.to_confirm else ""),
        evidenced="–" if res.evidenced is None else str(res.evidenced),
        evidenced_label=_level(pack, res.evidenced, lang),
        target=str(res.target),
        target_label=_level(pack, res.target, lang),
        gap="–" if res.gap is None else str(res.gap),
        gap_value=res.gap or 0,
        unbacked=res.applicable and res.unbacked,
        note=(response.note or "") if response else "",
        justification=(response.justification or "") if response else "",
        evidence=tuple(
            EvidenceRef(
                e,
                anchor("e", e),
                messages.kind_label(evidence[e].kind, lang),
                evidence[e].title,
                _not_checkable(evidence[e], lang),
            )
            for e in res.evidence_ids
        ),
        missing=missing,
        improvement=localise(criterion.improvement, lang) if point else "",
        point_priority=point.priority if point else None,
        point_deadline=point.deadline if point else "",
        refs=", ".join(criterion.refs),
        level_rules=_level_rules(pack, criterion, lang),
        effort=(
            t["effort_line"].format(
                effort=pack.effort_days(criterion), gap=res.gap, work=point.work_days
            )
            if point
            else ""
        ),
        deadline_how=point.deadline_how if point else "",
    )


def _carried(res: CriterionResult) -> bool:
    """Whether ``res`` counts with a level carried over from the last cycle that nobody has
    re-confirmed yet (counted in the scores, not as answered)."""
    return res.applicable and res.to_confirm and res.claimed is not None


def _unanswered(res: CriterionResult, t: dict[str, str]) -> str:
    """Why an applicable criterion is not answered, and the level it counts with."""
    if _carried(res):
        return t["finding_to_confirm"].format(claimed=res.claimed)
    return t["finding_unanswered"]


def _not_checkable(item: Evidence, lang: str) -> str:
    """'' for a checkable item, else "niet controleerbaar: ..." with what would fix it."""
    return "" if item.checkable else messages.checkable_text(item, lang)


def _level_rules(pack: Pack, criterion: Criterion, lang: str) -> tuple[LevelRule, ...]:
    """Per level 1..N what it asks of this criterion, marking the criterion's own rules."""
    t = labels(lang)
    rules = []
    for level in pack.scale[1:]:
        entries = pack.level_requirements(criterion, level.level)
        rules.append(
            LevelRule(
                level=level.level,
                label=localise(level.label, lang),
                requires=_with_conformity(
                    messages.requirements_text(entries, lang) if entries else t["requires_nothing"],
                    _cumulative_conformity(pack, criterion, level.level),
                    lang,
                ),
                own=level.level in criterion.requires or level.level in criterion.conformity,
            )
        )
    return tuple(rules)


def _findings(
    pack: Pack, views: list[CriterionView], results: list[CriterionResult], lang: str
) -> tuple[Finding, ...]:
    t = labels(lang)
    out = []
    for view, res in zip(views, results, strict=True):
        if not res.applicable:
            continue
        parts: list[str] = []
        counted = res.answered or _carried(res)  # a level of its own is in the scores
        if not res.answered:
            parts.append(_unanswered(res, t))
        if counted and res.unbacked:
            parts.append(t["finding_unbacked"].format(claimed=res.claimed, evidenced=res.evidenced))
        if (res.gap or 0) > 0:
            key = "finding_gap_1" if res.gap == 1 else "finding_gap"
            parts.append(t[key].format(gap=res.gap, target=res.target))
            needs = messages.level_needs(pack, res.id, res.target, res.kinds, lang)
            if needs:
                parts.append(needs)
            elif counted:  # the evidence's kinds reach the target; the claim does not
                parts.append(t["finding_claim_low"].format(claimed=res.claimed))
        if not parts:
            continue
        text = "; ".join(parts)
        out.append(
            Finding(
                res.id, view.anchor, view.title, text[:1].upper() + text[1:] + ".", res.mandatory
            )
        )
    return tuple(out)


def deadline_how(p: ImprovementPoint, start: date, latest: date | None, lang: str) -> str:
    """How the deadline of ``p`` was made, so that a reader can recompute it."""
    t = labels(lang)
    proposed = t["deadline_proposed"].format(
        work=p.work_days, start=format_date(start, lang), proposed=format_date(p.proposed, lang)
    )
    if p.user_deadline is not None:
        return t["deadline_own"].format(
            deadline=format_date(p.user_deadline, lang), proposed=format_date(p.proposed, lang)
        )
    if latest is not None and p.proposed > latest:
        if p.deadline > latest:  # the latest date lay before the assessment date
            return proposed + t["deadline_capped_start"].format(
                latest=format_date(latest, lang), deadline=format_date(p.deadline, lang)
            )
        return proposed + t["deadline_capped"].format(latest=format_date(latest, lang))
    return proposed


def _point_views(
    pack: Pack, assessment: Assessment, result: Result, lang: str
) -> tuple[PointView, ...]:
    t = labels(lang)
    pillars = {p.id: localise(p.title, lang) for p in pack.pillars}
    out = []
    for p in result.improvement_points:
        criterion = pack.criteria_by_id[p.criterion]
        out.append(
            PointView(
                priority=p.priority,
                criterion=p.criterion,
                anchor=anchor("c", p.criterion),
                title=localise(criterion.title, lang),
                pillar=pillars[p.pillar],
                mandatory=p.mandatory,
                from_level=p.from_level,
                to_level=p.to_level,
                owner=p.owner or t["no_owner"],
                has_owner=bool(p.owner),
                deadline=format_date(p.deadline, lang),
                deadline_kind=t["own_deadline"] if p.user_deadline else t["proposed"],
                status=messages.status_label(p.status, lang),
                status_code=p.status,
                at_risk=p.at_risk,
                improvement=localise(criterion.improvement, lang),
                note=p.note or "",
                overdue=p.overdue,
                work_days=p.work_days,
                deadline_how=deadline_how(p, assessment.assessment_date, result.latest, lang),
            )
        )
    return tuple(out)


def _load_rows(result: Result, lang: str) -> tuple[tuple[LoadRow, ...], tuple[LoadRow, ...]]:
    """The workload tables: per owner (unowned last) and per month of the deadline."""
    t = labels(lang)
    owners = tuple(
        LoadRow(
            label=load.owner or t["unowned_row"],
            points=", ".join(load.points),
            work=load.work_days,
            days=(
                f"{load.days_left} ({t['until']} {format_date(load.horizon, lang)})"
                if load.days_left is not None
                else "–"
            ),
            overloaded=load.overloaded,
        )
        for load in owner_loads(result.improvement_points, result.today, result.latest)
    )
    months = tuple(
        LoadRow(
            label=month_name(load.month, lang),
            points=", ".join(load.points),
            work=load.work_days,
            days=str(len(load.points)),
            overloaded=False,
        )
        for load in month_loads(result.improvement_points)
    )
    return owners, months


def _overrides(pack: Pack, lang: str) -> tuple[tuple[str, str, str, str], ...]:
    """Criteria with their own rules or an effort other than the default: (anchor, id, rules,
    effort). A criterion that repeats the default effort does not differ, so is not listed
    (the chapter says these rows differ from the table above)."""
    t = labels(lang)
    rows = []
    default = pack.planning.default_effort_days
    for _, criterion in pack.criteria():
        own_effort = criterion.effort_days not in (None, default)
        if not criterion.requires and not own_effort:
            continue
        rules = "; ".join(
            f"{t['level']} {level}: "
            + (
                messages.requirements_text(pack.level_requirements(criterion, level), lang)
                or t["requires_nothing"]
            )
            for level in sorted(criterion.requires)
        )
        effort = t["working_days"].format(days=criterion.effort_days) if own_effort else ""
        rows.append((anchor("c", criterion.id), criterion.id, rules, effort))
    return tuple(rows)


def _evidence_views(assessment: Assessment, today: date, lang: str) -> tuple[EvidenceView, ...]:
    out = []
    for e in assessment.evidence:
        out.append(
            EvidenceView(
                id=e.id,
                anchor=anchor("e", e.id),
                kind=messages.kind_label(e.kind, lang),
                title=e.title,
                source=source_label(e.source, lang),
                date=short_date(e.date, lang),
                link=Link(e.link, web_href(e.link)) if e.link else None,
                file_name=e.file.name if e.file else "",
                file_erased=bool(e.file and e.file.erased),
                sha256=e.file.sha256 if e.file else "",
                personal_data=e.personal_data,
                supports=tuple(e.criteria),
                not_checkable=_not_checkable(e, lang),
                support_anchors=tuple((c, anchor("c", c)) for c in e.criteria),
                stale=messages.stale_label(lang) if is_stale(e, assessment.assessment_date) else "",
                future=messages.future_label(lang) if is_future(e, today) else "",
            )
        )
    return tuple(out)


def _method(pack: Pack, lang: str) -> tuple[tuple[str, ...], tuple[ScaleRow, ...]]:
    r, pl, d = pack.readiness, pack.planning, pack.defaults
    values = {
        "top": pack.top_level,
        "target": d.target,
        "weight": number(d.weight, lang),
        "ready_overall": number(r.ready_overall, lang),
        "ready_pillar": number(r.ready_pillar, lang),
        "conditional_overall": number(r.conditional_overall, lang),
        "conditional_gap": r.conditional_mandatory_gap,
        "effort": pl.default_effort_days,
        "buffer": pl.buffer_days,
    }
    paragraphs = tuple(p.format(**values) for p in METHOD[language(lang)])
    asks = _asks_conformity(pack)  # a scale figure counts for criteria with file checks only
    if asks:
        paragraphs += (localise(METHOD_CONFORMITY, lang),)
    t = labels(lang)
    rows = []
    reqs: list[Requirement] = []
    needed: float | None = None  # cumulative, like the kinds: the highest figure so far
    for level in pack.scale:
        if asks and level.conformity is not None:
            needed = max(needed or 0.0, level.conformity)
        for entry in level.requires:
            requirement = Requirement(kinds=parse_requirement(entry))
            if requirement not in reqs:
                reqs.append(requirement)
        rows.append(
            ScaleRow(
                level=level.level,
                label=localise(level.label, lang),
                description=localise(level.description, lang),
                requires=_with_conformity(
                    (
                        messages.requirements_text(reqs, lang)
                        if reqs and level.level
                        else t["requires_nothing"]
                    ),
                    needed if level.level else None,
                    lang,
                    CONFORMITY_SCALE_RULE,
                ),
            )
        )
    return paragraphs, tuple(rows)


def _asks_conformity(pack: Pack) -> bool:
    """Whether some level of some criterion asks a file-review conformity."""
    return any(
        conformity_needed(pack, criterion, level.level) is not None
        for _, criterion in pack.criteria()
        for level in pack.scale[1:]
    )


def _cumulative_conformity(pack: Pack, criterion: Criterion, level: int) -> float | None:
    """The file-review conformity level ``level`` of ``criterion`` needs with the levels
    below it (they all must be met: the highest figure of levels 1..``level``)."""
    figures = [conformity_needed(pack, criterion, lvl) for lvl in range(1, level + 1)]
    found = [f for f in figures if f is not None]
    return max(found) if found else None


def _with_conformity(
    text: str, conformity: float | None, lang: str, wording: dict[str, str] = CONFORMITY_RULE
) -> str:
    """A level's requirement with the file-review conformity it asks, if any."""
    if conformity is None:
        return text
    rule = localise(wording, lang).format(value=messages.threshold(conformity, lang))
    return f"{text}; {rule}"


def build_context(
    pack: Pack,
    assessment: Assessment,
    lang: str = "nl",
    result: Result | None = None,
    workshop: WorkshopAppendix | None = None,
    today: date | None = None,
    previous: tuple[Pack, Assessment] | None = None,
) -> ReportContext:
    """Score ``assessment`` with ``pack`` and gather what the report shows in ``lang``.

    ``today`` is the report date, against which overdue points are judged (default: the
    system date); ``workshop`` adds the workshop appendix (votes per criterion) when given;
    ``previous`` (an earlier assessment and its pack) the comparison appendix.
    """
    lang = language(lang)
    t = labels(lang)
    result = result or score(pack, assessment, today=today)
    outlook = result.forecast
    evidence = {e.id: e for e in assessment.evidence}
    points = _point_views(pack, assessment, result, lang)
    by_criterion = {p.criterion: p for p in points}

    pillars = []
    for pillar in pack.pillars:
        results = [result.criterion(c.id) for c in pillar.criteria]
        views = [
            _criterion_view(pack, assessment, c, r, by_criterion, evidence, lang)
            for c, r in zip(pillar.criteria, results, strict=True)
        ]
        pillars.append(
            PillarView(
                id=pillar.id,
                anchor=anchor("p", pillar.id),
                title=localise(pillar.title, lang),
                description=localise(pillar.description, lang),
                score=_score(result.pillar(pillar.id), lang),
                criteria=tuple(views),
                findings=_findings(pack, views, results, lang),
            )
        )

    verdict = Verdict(
        result.verdict,
        messages.verdict_label(result.verdict, lang),
        messages.verdict_sentence(result, pack, lang),
        messages.verdict_condition(result, pack, lang),
    )
    fc = None
    forecast_note = t["forecast_none"]
    if outlook is not None and assessment.audit_date is not None:
        fc_verdict = Verdict(
            outlook.verdict,
            messages.verdict_label(outlook.verdict, lang),
            messages.verdict_sentence(outlook, pack, lang),  # type: ignore[arg-type]
        )
        text = t["forecast_planned"].format(
            audit=format_date(assessment.audit_date, lang),
            readiness=messages.pct(outlook.overall.readiness, lang),
            verdict=fc_verdict.label.lower(),
        )
        counted = t["forecast_counted"].format(
            planned=len(outlook.planned),
            total=len(result.improvement_points),
            latest=format_date(result.latest, lang),
        )
        unplanned = messages.unplanned_text(result.improvement_points, lang)
        late = messages.late_planned_text(result.improvement_points, lang)
        fc = Forecast(
            text,
            messages.pct(outlook.overall.readiness, lang),
            fc_verdict,
            counted,
            unplanned,
            late,
        )
        forecast_note = " ".join(x for x in (text, counted, unplanned, late) if x)

    org = assessment.organisation
    facts: list[tuple[str, str]] = [(t["organisation"], org.name)]
    if org.sector:
        facts.append((t["sector"], org.sector))
    if org.size:
        facts.append((t["size"], org.size))
    if org.handling:
        facts.append((t["handling"], t[f"handling_{org.handling}"]))
    facts += [
        (t["assessment_date"], format_date(assessment.assessment_date, lang)),
        (t["audit_date"], format_date(assessment.audit_date, lang) or t["no_audit_date"]),
    ]
    if assessment.assessors:
        facts.append((t["assessors"], ", ".join(assessment.assessors)))
    facts.append((t["criteria_pack"], localise(pack.title, lang)))
    facts.append((t["pack_version_long"], f"{pack.id} {pack.version}"))

    if result.latest is not None:
        plan_intro = t["plan_intro"].format(
            latest=format_date(result.latest, lang), buffer=pack.planning.buffer_days
        )
        late_own = [
            f"{p.criterion} ({format_date(p.user_deadline, lang)})"
            for p in result.improvement_points
            if p.user_deadline is not None and p.user_deadline > result.latest
        ]
        if late_own:
            plan_intro += " " + t["plan_exceptions"].format(
                latest=format_date(result.latest, lang), items=", ".join(late_own)
            )
    else:
        plan_intro = t["plan_intro_no_audit"]
    plan_intro += " " + t["plan_intro_today"].format(today=format_date(result.today, lang))
    timeline_note = (
        t["timeline_limited"].format(count=TIMELINE_LIMIT) if len(points) > TIMELINE_LIMIT else ""
    )

    owners, months = _load_rows(result, lang)
    paragraphs, scale = _method(pack, lang)
    r, pl = pack.readiness, pack.planning
    numbers = {
        "ready_all": messages.threshold(r.ready_overall, lang),
        "ready_pillar": messages.threshold(r.ready_pillar, lang),
        "cond_all": messages.threshold(r.conditional_overall, lang),
        "cond_gap": r.conditional_mandatory_gap,
    }
    thresholds = tuple(
        (messages.verdict_label(code, lang), t[f"rule_{code}"].format(**numbers))
        for code in ("ready", "conditional", "not_ready")
    )
    planning = (
        (t["plan_effort"], t["effort"].format(days=pl.default_effort_days)),
        (t["plan_buffer"], t["working_days"].format(days=pl.buffer_days)),
    )

    signatories = [Signatory(name, t["role_assessor"]) for name in assessment.assessors]
    signatories += [Signatory("", t["role_coordinator"]), Signatory("", t["role_client"])]

    applicable = [c for c in result.criteria if c.applicable]
    return ReportContext(
        lang=lang,
        t=t,
        organisation=org.name,
        facts=tuple(facts),
        assessment_date=format_date(assessment.assessment_date, lang),
        audit_date=format_date(assessment.audit_date, lang),
        assessors=tuple(assessment.assessors),
        pack=PackView(
            id=pack.id,
            version=pack.version,
            title=localise(pack.title, lang),
            description=localise(pack.description, lang),
            sha256=pack.sha256,
            source=PurePath(pack.source).name if pack.source else "",
            top=pack.top_level,
        ),
        verdict=verdict,
        overall=_score(result.overall, lang),
        pillars=tuple(pillars),
        points=points,
        top_points=points[:TOP_POINTS],
        at_risk_count=sum(p.at_risk for p in points),
        mandatory_gap_count=sum(1 for c in applicable if c.mandatory and (c.gap or 0) > 0),
        unbacked_count=sum(1 for c in applicable if c.unbacked),
        forecast=fc,
        forecast_note=forecast_note,
        plan_intro=plan_intro,
        timeline_note=timeline_note,
        completeness=messages.completeness_text(
            result.completeness.answered,
            result.completeness.applicable,
            lang,
            result.completeness.to_confirm,
        ),
        complete=result.completeness.complete,
        report_date=format_date(result.today, lang),
        unowned_count=sum(1 for p in result.improvement_points if p.owner is None),
        overdue_count=sum(p.overdue for p in result.improvement_points),
        unowned_knockouts=messages.unowned_knockouts_text(result.improvement_points, lang),
        owner_loads=owners,
        month_loads=months,
        overrides=_overrides(pack, lang),
        tags=tuple(
            TagView(g.id, localise(pack.tags[g.id], lang), _score(g, lang)) for g in result.tags
        ),
        evidence=_evidence_views(assessment, result.today, lang),
        method_paragraphs=paragraphs,
        scale=scale,
        thresholds=thresholds,
        planning=planning,
        signatories=tuple(signatories),
        signoff_intro=t["signoff_intro"].format(date=format_date(assessment.assessment_date, lang)),
        result=result,
        forecast_result=outlook,
        assessment=assessment,
        pack_model=pack,
        workshop=workshop,
        fieldwork=fieldwork_chapter(pack, assessment, lang),
        comparison=(
            comparison_appendix(previous, (pack, assessment, result), lang) if previous else None
        ),
    )
