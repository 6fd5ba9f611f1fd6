"""The data of each chart in words: the alternative text of a chart image (the PDF's Figure
``/Alt``), so that a screen reader, or an auditor copying text out of the PDF, gets the
figures the picture shows and not only its title.

Each summary reads the same rows the chart is drawn from (:mod:`assessment.charts`), so the
words and the picture cannot differ.
"""

from __future__ import annotations

from datetime import date

from .assessments import Assessment
from .charts import chart_label, readiness_rows, timeline_rows, trend_rows
from .formats import short_date
from .i18n import localise
from .messages import pct, threshold
from .method import Forecast, Result
from .packs import Pack


def readiness_summary(
    result: Result, pack: Pack, lang: str, forecast: Forecast | None = None
) -> str:
    """``Openheid: nu 62 %, op de auditdag (gepland) 80 %, drempel 70 %; …; Totaal: …``."""
    parts: dict[str, list[str]] = {}
    limits: dict[str, float] = {}
    for row in readiness_rows(result, pack, lang, forecast):
        value = row["label"] if forecast is None else f"{row['moment'].lower()} {row['label']}"
        parts.setdefault(row["group"], []).append(value)
        limits[row["group"]] = row["threshold"]
    word = chart_label("threshold", lang).lower()
    return "; ".join(
        f"{group}: {', '.join(values)}, {word} {threshold(limits[group], lang)}"
        for group, values in parts.items()
    )


def tag_summary(result: Result, pack: Pack, lang: str) -> str:
    """``Klantgerichtheid 55 %; Leren 40 %; …``: readiness per tag."""
    return "; ".join(
        f"{localise(pack.tags[t.id], lang)} {pct(t.readiness, lang)}" for t in result.tags
    )


def levels_summary(result: Result, pillar_id: str, lang: str) -> str:
    """``OPEN-01: geclaimd 3, aangetoond 2, doel 3; OPEN-02: niet beantwoord, doel 2; …``: each
    applicable criterion of a pillar as the levels chart draws it (an unanswered criterion is
    drawn as 0 and named as unanswered)."""
    claimed, evidenced, target = (
        chart_label(key, lang).lower() for key in ("claimed", "evidenced", "target")
    )
    parts = []
    for c in result.criteria:
        if c.pillar != pillar_id or not c.applicable:
            continue
        if c.claimed is None:
            levels = chart_label("not_answered", lang)
        else:
            levels = f"{claimed} {c.claimed}, {evidenced} {c.evidenced or 0}"
        parts.append(f"{c.id}: {levels}, {target} {c.target}")
    return "; ".join(parts)


def trend_summary(results: list[tuple[date, Result]], pack: Pack, lang: str) -> str:
    """``Openheid: 12 mrt 2026 55,0 %, 23 nov 2026 67,5 %; …; Totaal: …``: each line of the
    trend chart with its points, oldest first."""
    lines: dict[str, list[str]] = {}
    for row in trend_rows(results, pack, lang):
        day = short_date(date.fromisoformat(row["date"]), lang)
        lines.setdefault(row["group"], []).append(f"{day} {row['label']}")
    return "; ".join(f"{group}: {', '.join(points)}" for group, points in lines.items())


def timeline_summary(
    result: Result, assessment: Assessment, lang: str, *, limit: int | None = None
) -> str:
    """``1. HANDLE-02: deadline 18 mrt 2027; 2. OPEN-04: deadline 2 mei 2027, niet af op de
    uiterste datum; …``: each point the timeline draws. Only a done point and an overdue or
    late deadline are named as such: the chart's "on time" says nothing of an owner or a
    plan, so the words do not claim it."""
    rows = timeline_rows(result, assessment, lang)
    shown = rows if limit is None else rows[:limit]
    word = chart_label("deadline", lang).lower()
    named = {chart_label(state, lang) for state in ("overdue", "late", "done")}
    return "; ".join(
        f"{row['point']}: {word} {short_date(date.fromisoformat(row['deadline']), lang)}"
        + (f", {row['state'].lower()}" if row["state"] in named else "")
        for row in shown
    )
