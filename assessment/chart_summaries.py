"""The data of each chart in words: the alternative text of a chart image (the PDF's Figure
``/Alt``), so that a screen reader, or an auditor copying text out of the PDF, gets the
figures the picture shows and not only its title.

Each summary reads the same rows the chart is drawn from (:mod:`assessment.charts`), so the
words and the picture cannot differ.
"""

from __future__ import annotations

from datetime import date

from .assessments import Assessment
from .charts import chart_label, readiness_rows, timeline_rows
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


def timeline_summary(
    result: Result, assessment: Assessment, lang: str, *, limit: int | None = None
) -> str:
    """``1. HANDLE-02: deadline 18 mrt 2027; 2. OPEN-04: deadline 2 mei 2027, na de uiterste
    datum; …``: each point the timeline draws. Only a late deadline is named as such: the
    chart's "on time" says nothing of an owner or a plan, so the words do not claim it."""
    rows = timeline_rows(result, assessment, lang)
    shown = rows if limit is None else rows[:limit]
    word, late = chart_label("deadline", lang).lower(), chart_label("late", lang)
    return "; ".join(
        f"{row['point']}: {word} {short_date(date.fromisoformat(row['deadline']), lang)}"
        + (f", {late.lower()}" if row["state"] == late else "")
        for row in shown
    )
