"""Altair charts of a result, shared by the app (interactive) and the PDF report (SVG).

Every builder takes the method's :class:`~assessment.method.Result`, the pack and a
language and returns an Altair chart; :func:`to_svg` renders one to SVG text with
vl-convert for the report. No chart draws anything by hand: all are Vega-Lite specs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import altair as alt

from .assessments import Assessment
from .i18n import localise
from .messages import pct, threshold
from .method import Result
from .packs import Pack

Chart = alt.Chart | alt.LayerChart | alt.VConcatChart | alt.HConcatChart

FONT = "Open Sans"
INK = "#1d2733"
MUTED = "#5b6675"
GRID = "#e3e7ec"
NAVY = "#1f3a5f"
NAVY_LIGHT = "#6f8fb8"  # >= 3:1 against white and against NAVY (WCAG 1.4.11)
ACCENT = "#b3261e"  # thresholds and at-risk marks; contrast >= 4.5:1 on white
AMBER = "#8a5a00"
GREEN = "#2e6b34"
VERDICT_COLOURS = {"ready": GREEN, "conditional": AMBER, "not_ready": ACCENT}

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        "readiness": "Gereedheid (%)",
        "overall": "Totaal",
        "group": "Onderdeel",
        "now": "Nu",
        "audit_day": "Op de auditdag",
        "moment": "Moment",
        "threshold": "Drempel",
        "tag": "Ontwikkelelement",
        "point": "Verbeterpunt",
        "start": "Start",
        "deadline": "Deadline",
        "at_risk": "Risico",
        "on_time": "Op tijd",
        "late": "Na de uiterste datum",
        "plan": "Planning",
        "latest": "Uiterlijk gereed",
        "audit": "Audit",
        "today": "Beoordeling",
        "level": "Niveau",
        "claimed": "Geclaimd",
        "evidenced": "Aangetoond",
        "target": "Doel",
        "criterion": "Criterium",
        "kind": "Soort",
    },
    "en": {
        "readiness": "Readiness (%)",
        "overall": "Overall",
        "group": "Part",
        "now": "Now",
        "audit_day": "On the audit day",
        "moment": "Moment",
        "threshold": "Threshold",
        "tag": "Development element",
        "point": "Improvement point",
        "start": "Start",
        "deadline": "Deadline",
        "at_risk": "At risk",
        "on_time": "On time",
        "late": "After the latest date",
        "plan": "Planning",
        "latest": "Latest finish",
        "audit": "Audit",
        "today": "Assessment",
        "level": "Level",
        "claimed": "Claimed",
        "evidenced": "Evidenced",
        "target": "Target",
        "criterion": "Criterion",
        "kind": "Kind",
    },
}


def chart_label(key: str, lang: str) -> str:
    """A chart's own wording (axis titles, legends) in ``lang``."""
    return _LABELS["en" if lang == "en" else "nl"][key]


def _config(chart: Any, width: int) -> Any:
    return (
        chart.properties(width=width)
        .configure(font=FONT, background="white")
        .configure_view(stroke=None)
        .configure_axis(
            labelColor=INK,
            titleColor=MUTED,
            labelFontSize=11,
            titleFontSize=11,
            titleFontWeight="normal",
            gridColor=GRID,
            domainColor="#9aa3ad",
            tickColor="#9aa3ad",
            labelLimit=260,
        )
        .configure_legend(
            labelColor=INK,
            titleColor=MUTED,
            labelFontSize=11,
            titleFontSize=11,
            titleFontWeight="normal",
            orient="bottom",
        )
    )


# ---- readiness per pillar ----------------------------------------------------------------


def readiness_rows(
    result: Result, pack: Pack, lang: str, forecast: Result | None = None
) -> list[dict[str, Any]]:
    """One row per pillar and one for the whole pack (and per moment with a forecast)."""
    moments = [("now", result)] + ([("audit_day", forecast)] if forecast is not None else [])
    rows: list[dict[str, Any]] = []
    for moment, res in moments:
        groups = [(localise(p.title, lang), res.pillar(p.id)) for p in pack.pillars]
        groups.append((chart_label("overall", lang), res.overall))
        for order, (name, score) in enumerate(groups):
            rows.append(
                {
                    "group": name,
                    "order": order,
                    "readiness": None if score.readiness is None else round(score.readiness, 1),
                    "label": pct(score.readiness, lang),
                    "moment": chart_label(moment, lang),
                    "overall": order == len(groups) - 1,
                }
            )
    return rows


def readiness_chart(
    result: Result,
    pack: Pack,
    lang: str = "nl",
    forecast: Result | None = None,
    *,
    width: int = 440,
) -> Chart:
    """Horizontal bars: readiness per pillar and overall, with the pack's thresholds.

    With ``forecast`` (see :func:`assessment.method.forecast`) each group gets a second,
    lighter bar for the audit day.
    """
    rows = readiness_rows(result, pack, lang, forecast)
    order = [r["group"] for r in rows if r["moment"] == chart_label("now", lang)]
    moments = [chart_label("now", lang)] + (
        [chart_label("audit_day", lang)] if forecast is not None else []
    )
    y = alt.Y("group:N", sort=order, title=None, axis=alt.Axis(labelFontWeight="normal"))
    x = alt.X(
        "readiness:Q",
        scale=alt.Scale(domain=[0, 100]),
        title=chart_label("readiness", lang),
        axis=alt.Axis(values=[0, 20, 40, 60, 80, 100]),
    )
    colour = alt.Color(
        "moment:N",
        scale=alt.Scale(domain=moments, range=[NAVY, NAVY_LIGHT][: len(moments)]),
        legend=alt.Legend(title=None) if forecast is not None else None,
    )
    base = alt.Chart(alt.Data(values=rows))
    offset = {"yOffset": alt.YOffset("moment:N", sort=moments)} if forecast is not None else {}
    bars = base.mark_bar(height={"band": 0.8} if forecast is not None else 14).encode(
        y=y,
        x=x,
        color=colour,
        tooltip=[
            alt.Tooltip("group:N", title=chart_label("group", lang)),
            alt.Tooltip("moment:N", title=chart_label("moment", lang)),
            alt.Tooltip("label:N", title=chart_label("readiness", lang)),
        ],
        **offset,
    )
    text = base.mark_text(align="left", dx=4, fontSize=10, color=INK).encode(
        y=y, x=x, text="label:N", **offset
    )
    thresholds = [
        {
            "value": pack.readiness.ready_pillar,
            "label": chart_label("threshold", lang)
            + " "
            + threshold(pack.readiness.ready_pillar, lang),
        },
    ]
    rule = (
        alt.Chart(alt.Data(values=thresholds))
        .mark_rule(color=ACCENT, strokeDash=[4, 3], strokeWidth=1.2)
        .encode(x="value:Q")
    )
    rule_label = (
        alt.Chart(alt.Data(values=thresholds))
        .mark_text(align="left", baseline="top", dx=3, dy=-12, fontSize=9, color=ACCENT)
        .encode(
            x="value:Q",
            y=alt.value(0),
            text=alt.Text("label:N"),
        )
    )
    step = 22 if forecast is None else 26
    chart = alt.layer(bars, text, rule, rule_label).properties(height=step * len(order))
    return _config(chart, width)


# ---- readiness per tag (development element) ----------------------------------------------


def tag_chart(result: Result, pack: Pack, lang: str = "nl", *, width: int = 440) -> Chart:
    """Horizontal bars: readiness per tag of the pack (e.g. development elements)."""
    rows = [
        {
            "tag": localise(pack.tags[t.id], lang),
            "readiness": None if t.readiness is None else round(t.readiness, 1),
            "label": pct(t.readiness, lang),
        }
        for t in result.tags
    ]
    order = [r["tag"] for r in rows]
    y = alt.Y("tag:N", sort=order, title=None)
    x = alt.X(
        "readiness:Q",
        scale=alt.Scale(domain=[0, 100]),
        title=chart_label("readiness", lang),
        axis=alt.Axis(values=[0, 20, 40, 60, 80, 100]),
    )
    base = alt.Chart(alt.Data(values=rows))
    bars = base.mark_bar(height=14, color=NAVY).encode(
        y=y,
        x=x,
        tooltip=[
            alt.Tooltip("tag:N", title=chart_label("tag", lang)),
            alt.Tooltip("label:N", title=chart_label("readiness", lang)),
        ],
    )
    text = base.mark_text(align="left", dx=4, fontSize=10, color=INK).encode(
        y=y, x=x, text="label:N"
    )
    chart = alt.layer(bars, text).properties(height=22 * max(1, len(rows)))
    return _config(chart, width)


# ---- improvement plan timeline -------------------------------------------------------------


def timeline_rows(result: Result, assessment: Assessment, lang: str) -> list[dict[str, Any]]:
    """One row per improvement point: from the assessment date to its deadline."""
    return [
        {
            "point": f"{p.priority}. {p.criterion}",
            "start": assessment.assessment_date.isoformat(),
            "deadline": p.deadline.isoformat(),
            "state": chart_label("late" if p.at_risk else "on_time", lang),
            "status": p.status,
        }
        for p in result.improvement_points
    ]


def timeline_chart(
    result: Result,
    assessment: Assessment,
    lang: str = "nl",
    *,
    limit: int | None = None,
    width: int = 440,
) -> Chart:
    """Bars from the assessment date to each point's deadline, with the latest finish day
    and the audit date as rules. ``limit`` keeps only the first points by priority."""
    rows = timeline_rows(result, assessment, lang)
    if limit is not None:
        rows = rows[:limit]
    order = [r["point"] for r in rows]
    states = [chart_label("on_time", lang), chart_label("late", lang)]
    y = alt.Y("point:N", sort=order, title=None)
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(height=10, cornerRadius=1)
        .encode(
            y=y,
            x=alt.X(
                "start:T",
                title=None,
                axis=alt.Axis(format="%b %Y", labelAngle=0, tickCount="month"),
            ),
            x2="deadline:T",
            color=alt.Color(
                "state:N",
                scale=alt.Scale(domain=states, range=[NAVY, ACCENT]),
                legend=alt.Legend(title=None),
            ),
            tooltip=[
                alt.Tooltip("point:N", title=chart_label("point", lang)),
                alt.Tooltip("deadline:T", title=chart_label("deadline", lang), format="%Y-%m-%d"),
            ],
        )
    )
    layers: list[Any] = [bars]
    marks = [{"day": assessment.assessment_date.isoformat(), "name": chart_label("today", lang)}]
    if result.latest is not None:
        marks.append({"day": result.latest.isoformat(), "name": chart_label("latest", lang)})
    if assessment.audit_date is not None:
        marks.append({"day": assessment.audit_date.isoformat(), "name": chart_label("audit", lang)})
    marks_data = alt.Data(values=marks)
    layers.append(alt.Chart(marks_data).mark_rule(color=MUTED, strokeDash=[3, 3]).encode(x="day:T"))
    for mark, align, dx in zip(marks, ("left", "right", "left"), (2, -3, 3), strict=False):
        layers.append(
            alt.Chart(alt.Data(values=[mark]))
            .mark_text(align=align, baseline="bottom", dx=dx, dy=-2, fontSize=9, color=MUTED)
            .encode(x="day:T", y=alt.value(0), text="name:N")
        )
    chart = alt.layer(*layers).properties(height=max(1, len(rows)) * 16)
    return _config(chart, width)


# ---- claimed, evidenced and target per criterion -------------------------------------------


def levels_chart(
    result: Result, pack: Pack, pillar_id: str, lang: str = "nl", *, width: int = 440
) -> Chart:
    """Per criterion of a pillar: the claimed and evidenced level against the target."""
    rows = []
    for c in result.criteria:
        if c.pillar != pillar_id or not c.applicable:
            continue
        for key, value in (("claimed", c.claimed or 0), ("evidenced", c.evidenced or 0)):
            rows.append({"criterion": c.id, "what": chart_label(key, lang), "level": value})
    targets = [
        {"criterion": c.id, "level": c.target}
        for c in result.criteria
        if c.pillar == pillar_id and c.applicable
    ]
    order = [t["criterion"] for t in targets]
    what = [chart_label("claimed", lang), chart_label("evidenced", lang)]
    y = alt.Y("criterion:N", sort=order, title=None)
    x = alt.X(
        "level:Q",
        scale=alt.Scale(domain=[0, pack.top_level]),
        axis=alt.Axis(values=list(range(pack.top_level + 1)), format="d"),
        title=chart_label("level", lang),
    )
    bars = (
        alt.Chart(alt.Data(values=rows))
        .mark_bar(height={"band": 0.8})
        .encode(
            y=y,
            x=x,
            yOffset=alt.YOffset("what:N", sort=what),
            color=alt.Color(
                "what:N",
                scale=alt.Scale(domain=what, range=[NAVY_LIGHT, NAVY]),
                legend=alt.Legend(title=None),
            ),
        )
    )
    ticks = (
        alt.Chart(alt.Data(values=targets))
        .mark_tick(color=ACCENT, thickness=2, size=18)
        .encode(y=y, x="level:Q")
    )
    chart = alt.layer(bars, ticks).properties(height=max(1, len(order)) * 24)
    return _config(chart, width)


def verdict_colour(verdict: str) -> str:
    """The colour that marks a verdict (also used by the report and the app)."""
    return VERDICT_COLOURS.get(verdict, INK)


# ---- SVG for the report ----------------------------------------------------------------------

_fonts_registered = False


def register_fonts(folder: Path | None = None) -> None:
    """Let vl-convert measure text with the report's own fonts (once per process)."""
    global _fonts_registered
    if _fonts_registered:
        return
    import vl_convert as vlc

    from .resources import templates_dir

    folder = folder or templates_dir() / "assets" / "fonts"
    if folder.is_dir():
        vlc.register_font_directory(str(folder))
    _fonts_registered = True


def to_svg(chart: Chart) -> str:
    """The chart as SVG text (vector), rendered by vl-convert without any network access."""
    import vl_convert as vlc

    register_fonts()
    spec = chart.to_dict()
    return vlc.vegalite_to_svg(spec, allowed_base_urls=[])  # no external data, ever
