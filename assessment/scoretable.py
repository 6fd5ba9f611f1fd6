"""The readable table of ``ikm score`` (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from .assessments import Assessment
from .i18n import in_language, localise
from .messages import (
    completeness_text,
    forecast_label,
    late_planned_text,
    one_decimal,
    pct,
    status_label,
    unowned_knockouts_text,
    unplanned_text,
    verdict_condition,
    verdict_label,
    verdict_sentence,
)
from .method import Result
from .packs import Pack
from .terminal import printable, rich_text

_HEAD = {
    "pillar": {"nl": "Pijler", "en": "Pillar"},
    "readiness": {"nl": "Gereedheid", "en": "Readiness"},
    "maturity": {"nl": "Volwassenheid", "en": "Maturity"},
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "claimed": {"nl": "Geclaimd", "en": "Claimed"},
    "evidenced": {"nl": "Onderbouwd", "en": "Evidenced"},
    "target": {"nl": "Doel", "en": "Target"},
    "gap": {"nl": "Tekort", "en": "Gap"},
    "prio": {"nl": "Prio", "en": "Prio"},
    "deadline": {"nl": "Deadline", "en": "Deadline"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "status": {"nl": "Status", "en": "Status"},
    "points": {"nl": "Verbeterpunten", "en": "Improvement points"},
    "overall": {"nl": "Totaal", "en": "Overall"},
    "na": {"nl": "n.v.t.", "en": "n/a"},
    "risk": {"nl": "RISICO", "en": "AT RISK"},
    "overdue": {"nl": "VERLOPEN", "en": "OVERDUE"},
    "forecast": {"nl": "Op de auditdag", "en": "On the audit day"},
    "work": {"nl": "Werkdagen", "en": "Work days"},
    "tag": {"nl": "Ontwikkelelement", "en": "Development element"},
    "mandatory": {"nl": "verplicht", "en": "mandatory"},
    "levels": {"nl": "Van → naar", "en": "From → to"},
}


def _t(value: object, style: str = "") -> Text:
    """User or pack text as a plain cell: never read as Rich markup, control codes escaped
    (see :mod:`.terminal`)."""
    return rich_text(str(value), style)


def print_result(result: Result, pack: Pack, assessment: Assessment, lang: str) -> None:
    """Print verdict, completeness, readiness now and on the audit day, criteria and points.

    Every text from the assessment or the pack goes in as a ``Text`` object, so brackets in
    a name are printed as they are, never read as markup.
    """
    h = in_language(_HEAD, lang)
    console = Console(highlight=False, soft_wrap=False)
    title = rich_text(assessment.organisation.name, "bold")
    title.append(printable(f" – {localise(pack.title, lang)} {pack.version}"))
    console.print(title)
    console.print(_t(verdict_sentence(result, pack, lang)))
    condition = verdict_condition(result, pack, lang)
    if condition:
        console.print(_t(condition))
    done = result.completeness
    console.print(_t(completeness_text(done.answered, done.applicable, lang, done.to_confirm)))

    forecast = result.forecast
    groups = Table(title=None, show_lines=False)
    groups.add_column(h["pillar"])
    groups.add_column(h["readiness"], justify="right")
    groups.add_column(h["maturity"], justify="right")
    if forecast is not None:
        groups.add_column(f"{h['forecast']}*", justify="right")
    rows = [
        (localise(pillar.title, lang), score, forecast.pillar(pillar.id) if forecast else None)
        for pillar, score in zip(pack.pillars, result.pillars, strict=True)
    ]
    rows.append((h["overall"], result.overall, forecast.overall if forecast else None))
    for label, now, then in rows:
        cells = [
            _t(label, "bold" if now is result.overall else ""),
            _t(pct(now.readiness, lang)),
            _t(one_decimal(now.maturity, lang)),
        ]
        if forecast is not None:
            cells.append(_t(pct(then.readiness, lang)))
        groups.add_row(*cells)
    console.print(groups)
    if forecast is not None:
        outlook = f"* {forecast_label(lang)}: {verdict_label(forecast.verdict, lang)}."
        console.print(_t(outlook))
        for line in (
            unplanned_text(result.improvement_points, lang),
            late_planned_text(result.improvement_points, lang),
            unowned_knockouts_text(result.improvement_points, lang),
        ):
            if line:
                console.print(_t(line))

    if result.tags:
        tags = Table()
        tags.add_column(h["tag"])
        tags.add_column(h["readiness"], justify="right")
        tags.add_column(h["maturity"], justify="right")
        for tag in result.tags:
            tags.add_row(
                _t(localise(pack.tags[tag.id], lang)),
                _t(pct(tag.readiness, lang)),
                _t(one_decimal(tag.maturity, lang)),
            )
        console.print(tags)

    crit = Table()
    for key in ("criterion", "claimed", "evidenced", "target", "gap"):
        crit.add_column(h[key], justify="left" if key == "criterion" else "right")
    for c in result.criteria:
        title = localise(pack.criteria_by_id[c.id].title, lang)
        label = _t(f"{c.id} {title}" + (f" ({h['mandatory']})" if c.mandatory else ""))
        if not c.applicable:
            crit.add_row(label, _t(h["na"]), _t(""), _t(c.target), _t(""))
            continue
        crit.add_row(
            label,
            _t("–" if c.claimed is None else c.claimed),
            _t(c.evidenced),
            _t(c.target),
            _t(c.gap),
        )
    console.print(crit)

    if result.improvement_points:
        plan = Table(title=h["points"])
        for key in ("prio", "criterion", "levels", "work", "deadline", "owner", "status"):
            plan.add_column(h[key])
        for p in result.improvement_points:
            flags = [h["risk"]] * p.at_risk + [h["overdue"]] * p.overdue
            plan.add_row(
                _t(p.priority),
                _t(p.criterion),
                _t(f"{p.from_level} → {p.to_level}"),
                _t(f"{p.effort_days} × {p.gap} = {p.work_days}"),
                _t(" ".join([p.deadline.isoformat(), *flags])),
                _t(p.owner or ""),
                _t(status_label(p.status, lang)),
            )
        console.print(plan)
