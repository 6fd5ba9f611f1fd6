"""The readable table of ``ikm score`` (rich)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .assessments import Assessment
from .i18n import localise
from .messages import one_decimal, pct, status_label, verdict_sentence
from .method import Result
from .packs import Pack
from .terminal import printable, rich_text

_HEAD = {
    "nl": {
        "pillar": "Pijler",
        "readiness": "Gereedheid",
        "maturity": "Volwassenheid",
        "criterion": "Criterium",
        "claimed": "Geclaimd",
        "evidenced": "Onderbouwd",
        "target": "Doel",
        "gap": "Tekort",
        "prio": "Prio",
        "deadline": "Deadline",
        "owner": "Eigenaar",
        "status": "Status",
        "points": "Verbeterpunten",
        "overall": "Totaal",
        "na": "n.v.t.",
        "risk": "RISICO",
        "tag": "Ontwikkelelement",
        "mandatory": "verplicht",
        "levels": "Van → naar",
    },
    "en": {
        "pillar": "Pillar",
        "readiness": "Readiness",
        "maturity": "Maturity",
        "criterion": "Criterion",
        "claimed": "Claimed",
        "evidenced": "Evidenced",
        "target": "Target",
        "gap": "Gap",
        "prio": "Prio",
        "deadline": "Deadline",
        "owner": "Owner",
        "status": "Status",
        "points": "Improvement points",
        "overall": "Overall",
        "na": "n/a",
        "risk": "AT RISK",
        "tag": "Development element",
        "mandatory": "mandatory",
        "levels": "From → to",
    },
}


def print_result(result: Result, pack: Pack, assessment: Assessment, lang: str) -> None:
    """Print verdict, readiness per pillar and tag, criteria and improvement points."""
    h = _HEAD["en" if lang == "en" else "nl"]
    console = Console(highlight=False, soft_wrap=False)
    # user text (names, titles, owners) is never markup: Text objects (see terminal)
    heading = rich_text(assessment.organisation.name, "bold")
    heading.append(printable(f" – {localise(pack.title, lang)} {pack.version}"))
    console.print(heading)
    console.print(rich_text(verdict_sentence(result, pack, lang)))

    groups = Table(title=None, show_lines=False)
    groups.add_column(h["pillar"])
    groups.add_column(h["readiness"], justify="right")
    groups.add_column(h["maturity"], justify="right")
    for pillar, score in zip(pack.pillars, result.pillars, strict=True):
        groups.add_row(
            rich_text(localise(pillar.title, lang)),
            pct(score.readiness, lang),
            one_decimal(score.maturity, lang),
        )
    groups.add_row(
        f"[bold]{h['overall']}[/bold]",
        pct(result.overall.readiness, lang),
        one_decimal(result.overall.maturity, lang),
    )
    console.print(groups)

    if result.tags:
        tags = Table()
        tags.add_column(h["tag"])
        tags.add_column(h["readiness"], justify="right")
        tags.add_column(h["maturity"], justify="right")
        for tag in result.tags:
            tags.add_row(
                rich_text(localise(pack.tags[tag.id], lang)),
                pct(tag.readiness, lang),
                one_decimal(tag.maturity, lang),
            )
        console.print(tags)

    crit = Table()
    for key in ("criterion", "claimed", "evidenced", "target", "gap"):
        crit.add_column(h[key], justify="left" if key == "criterion" else "right")
    for c in result.criteria:
        title = localise(pack.criteria_by_id[c.id].title, lang)
        label = f"{c.id} {title}" + (f" ({h['mandatory']})" if c.mandatory else "")
        if not c.applicable:
            crit.add_row(rich_text(label), h["na"], "", str(c.target), "")
            continue
        crit.add_row(
            rich_text(label),
            "–" if c.claimed is None else str(c.claimed),
            str(c.evidenced),
            str(c.target),
            str(c.gap),
        )
    console.print(crit)

    if result.improvement_points:
        plan = Table(title=h["points"])
        for key in ("prio", "criterion", "levels", "deadline", "owner", "status"):
            plan.add_column(h[key])
        for p in result.improvement_points:
            deadline = p.deadline.isoformat() + (f" {h['risk']}" if p.at_risk else "")
            plan.add_row(
                str(p.priority),
                rich_text(p.criterion),
                f"{p.from_level} → {p.to_level}",
                deadline,
                rich_text(p.owner or ""),
                status_label(p.status, lang),
            )
        console.print(plan)
