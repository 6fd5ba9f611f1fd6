"""Vega-Lite charts of a result, shared by the app (interactive) and the PDF report (SVG).

Every builder takes the method's :class:`~assessment.method.Result`, the pack and a
language and returns a plain Vega-Lite spec (a JSON-serialisable ``dict``, see
:data:`Chart`); :func:`to_svg` renders one to SVG text with vl-convert for the report and
the app hands it to ``st.vega_lite_chart``. The specs are written out as dicts rather than
built with Altair: building and validating an Altair chart took about as long as rendering
it, and importing Altair cost more than half a second in every process that made a report.
No chart draws anything by hand: all are Vega-Lite specs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .assessments import Assessment
from .formats import rounded, vega_locale
from .i18n import localise, say
from .messages import pct, threshold
from .method import Forecast, Result
from .packs import Pack

Chart = dict[str, Any]
"""A Vega-Lite (v5/v6) spec: a JSON-serialisable dict."""

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
    "readiness": {"nl": "Gereedheid (%)", "en": "Readiness (%)"},
    "overall": {"nl": "Totaal", "en": "Overall"},
    "group": {"nl": "Onderdeel", "en": "Part"},
    "now": {"nl": "Nu", "en": "Now"},
    "audit_day": {"nl": "Op de auditdag (gepland)", "en": "On the audit day (planned)"},
    "moment": {"nl": "Moment", "en": "Moment"},
    "threshold": {"nl": "Drempel", "en": "Threshold"},
    "threshold_legend": {
        "nl": "Rood streepje = drempel voor ‘gereed’: {pillar} per pijler, {overall} totaal",
        "en": "Red mark = threshold for ‘ready’: {pillar} per pillar, {overall} overall",
    },
    "tag": {"nl": "Ontwikkelelement", "en": "Development element"},
    "point": {"nl": "Verbeterpunt", "en": "Improvement point"},
    "start": {"nl": "Start", "en": "Start"},
    "deadline": {"nl": "Deadline", "en": "Deadline"},
    "at_risk": {"nl": "Risico", "en": "At risk"},
    "on_time": {"nl": "Deadline op tijd", "en": "Deadline on time"},
    "pending": {"nl": "Deadline nog niet verstreken", "en": "Deadline not yet passed"},
    "done": {"nl": "Afgerond", "en": "Done"},
    "late": {"nl": "Niet af op de uiterste datum", "en": "Not done by the latest date"},
    "overdue": {"nl": "Verlopen", "en": "Overdue"},
    "plan": {"nl": "Planning", "en": "Planning"},
    "latest": {"nl": "Uiterlijk gereed", "en": "Latest finish"},
    "audit": {"nl": "Audit", "en": "Audit"},
    "today": {"nl": "Beoordeling", "en": "Assessment"},
    "level": {"nl": "Niveau", "en": "Level"},
    "claimed": {"nl": "Geclaimd", "en": "Claimed"},
    "evidenced": {"nl": "Aangetoond", "en": "Evidenced"},
    "target": {"nl": "Doel", "en": "Target"},
    "not_answered": {"nl": "niet beantwoord", "en": "not answered"},
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "kind": {"nl": "Soort", "en": "Kind"},
    "date": {"nl": "Datum", "en": "Date"},
}


def chart_label(key: str, lang: str) -> str:
    """A chart's own wording (axis titles, legends) in ``lang``."""
    return say(_LABELS, key, lang)


_AXIS_STYLE: dict[str, Any] = {
    "labelColor": INK,
    "titleColor": MUTED,
    "labelFontSize": 11,
    "titleFontSize": 11,
    "titleFontWeight": "normal",
}


def _config() -> dict[str, Any]:
    """The look every chart shares (fonts, colours, legend below the plot)."""
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None},
        "axis": {
            **_AXIS_STYLE,
            "gridColor": GRID,
            "domainColor": "#9aa3ad",
            "tickColor": "#9aa3ad",
            "labelLimit": 260,
        },
        "legend": {**_AXIS_STYLE, "orient": "bottom"},
    }


def _chart(
    layers: list[dict[str, Any]],
    *,
    width: int,
    height: int,
    values: list[dict[str, Any]] | None = None,
) -> Chart:
    """A layered spec of ``layers`` at ``width`` x ``height`` with the shared look;
    ``values`` is data the layers share (layers without data of their own use it)."""
    spec: Chart = {"config": _config(), "layer": layers, "height": height, "width": width}
    if values is not None:
        spec["data"] = {"values": values}
    return spec


def _layer(
    values: list[dict[str, Any]] | None, mark: dict[str, Any], **encoding: Any
) -> dict[str, Any]:
    """One layer: inline ``values`` (None: the chart's shared data), a ``mark`` and its
    ``encoding`` channels."""
    layer: dict[str, Any] = {"mark": mark, "encoding": encoding}
    if values is not None:
        layer["data"] = {"values": values}
    return layer


def _field(name: str, kind: str, **props: Any) -> dict[str, Any]:
    """An encoding of field ``name`` of type ``kind`` (nominal, quantitative, temporal)."""
    return {"field": name, "type": kind, **props}


def _tooltip(name: str, kind: str, title: str, **props: Any) -> dict[str, Any]:
    return _field(name, kind, title=title, **props)


def _percent_axis(lang: str) -> dict[str, Any]:
    """The x channel of a readiness chart: 0-100 % with a tick every 20."""
    return _field(
        "readiness",
        "quantitative",
        axis={"values": [0, 20, 40, 60, 80, 100]},
        scale={"domain": [0, 100]},
        title=chart_label("readiness", lang),
    )


def _value_labels(
    data: list[dict[str, Any]] | None, y: dict[str, Any], x: dict[str, Any], **channels: Any
) -> dict[str, Any]:
    """A text layer that writes each bar's ``label`` just right of the bar's end."""
    return _layer(
        data,
        {"type": "text", "align": "left", "dx": 4, "fontSize": 10, "color": INK},
        y=y,
        x=x,
        text=_field("label", "nominal"),
        **channels,
    )


# ---- readiness per pillar ----------------------------------------------------------------


def readiness_rows(
    result: Result, pack: Pack, lang: str, forecast: Forecast | None = None
) -> list[dict[str, Any]]:
    """One row per pillar and one for the whole pack (and per moment with a forecast), each
    with the threshold that applies to it: the pillar threshold, or the overall one."""
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
                    "readiness": None
                    if score.readiness is None
                    else float(rounded(score.readiness)),
                    "label": pct(score.readiness, lang),
                    "moment": chart_label(moment, lang),
                    "overall": order == len(groups) - 1,
                    "threshold": (
                        pack.readiness.ready_overall
                        if order == len(groups) - 1
                        else pack.readiness.ready_pillar
                    ),
                }
            )
    return rows


def readiness_chart(
    result: Result,
    pack: Pack,
    lang: str = "nl",
    forecast: Forecast | None = None,
    *,
    width: int = 440,
) -> Chart:
    """Horizontal bars: readiness per pillar and overall, each with its own threshold mark
    (the pillar threshold on pillar bars, the overall threshold on the total).

    With ``forecast`` (``Result.forecast``: only planned points counted) each group gets a
    second, lighter bar for the audit day.
    """
    rows = readiness_rows(result, pack, lang, forecast)
    order = [r["group"] for r in rows if r["moment"] == chart_label("now", lang)]
    moments = [chart_label("now", lang)] + (
        [chart_label("audit_day", lang)] if forecast is not None else []
    )
    y = _field("group", "nominal", sort=order, title=None, axis={"labelFontWeight": "normal"})
    x = _percent_axis(lang)
    offset = {"yOffset": _field("moment", "nominal", sort=moments)} if forecast is not None else {}
    colour = _field(
        "moment",
        "nominal",
        scale={"domain": moments, "range": [NAVY, NAVY_LIGHT][: len(moments)]},
        legend={"title": None} if forecast is not None else None,
    )
    bars = _layer(
        rows,
        {"type": "bar", "height": {"band": 0.8} if forecast is not None else 14},
        y=y,
        x=x,
        color=colour,
        tooltip=[
            _tooltip("group", "nominal", chart_label("group", lang)),
            _tooltip("moment", "nominal", chart_label("moment", lang)),
            _tooltip("label", "nominal", chart_label("readiness", lang)),
        ],
        **offset,
    )
    text = _value_labels(rows, y, x, **offset)
    marks = [r for r in rows if r["moment"] == chart_label("now", lang)]
    rule = _layer(
        marks,
        {"type": "tick", "color": ACCENT, "thickness": 2, "bandSize": 22 if forecast else 16},
        y=y,
        x=_field("threshold", "quantitative"),
        tooltip=[_tooltip("threshold", "quantitative", chart_label("threshold", lang))],
    )
    legend = chart_label("threshold_legend", lang).format(
        pillar=threshold(pack.readiness.ready_pillar, lang),
        overall=threshold(pack.readiness.ready_overall, lang),
    )
    step = 22 if forecast is None else 26
    # the value labels last: a label at a bar's end stays readable over a threshold mark
    spec = _chart([bars, rule, text], width=width, height=step * len(order))
    spec["title"] = {
        "text": legend,
        "anchor": "start",
        "fontSize": 10,
        "fontWeight": "normal",
        "color": ACCENT,
        "font": FONT,
    }
    return spec


# ---- readiness over the cycles of one organisation ---------------------------------------------


def trend_rows(results: list[tuple[Any, Result]], pack: Pack, lang: str) -> list[dict[str, Any]]:
    """One row per assessment (``(assessment date, result)``, oldest first) and per pillar of
    ``pack``, plus the overall readiness; a pillar an older pack lacks is left out there."""
    titles = {p.id: localise(p.title, lang) for p in pack.pillars}
    rows: list[dict[str, Any]] = []
    for day, result in sorted(results, key=lambda pair: pair[0]):
        groups = [(titles[g.id], g) for g in result.pillars if g.id in titles]
        groups.append((chart_label("overall", lang), result.overall))
        for name, score in groups:
            if score.readiness is None:
                continue
            rows.append(
                {
                    "date": day.isoformat(),
                    "group": name,
                    "readiness": float(rounded(score.readiness)),
                    "label": pct(score.readiness, lang),
                }
            )
    return rows


def trend_chart(
    results: list[tuple[Any, Result]], pack: Pack, lang: str = "nl", *, width: int = 700
) -> Chart:
    """Readiness per pillar and overall across the assessments of one organisation: a line
    per pillar over the assessment dates, the overall line thicker."""
    rows = trend_rows(results, pack, lang)
    order = [localise(p.title, lang) for p in pack.pillars] + [chart_label("overall", lang)]
    x = _field("date", "temporal", title=None, axis={"format": "%b %Y", "labelAngle": 0})
    y = _percent_axis(lang)
    colour = _field("group", "nominal", sort=order, legend={"title": None, "columns": 3})
    lines = _layer(
        None,
        {"type": "line", "point": True, "strokeWidth": 2},
        x=x,
        y=y,
        color=colour,
        tooltip=[
            _tooltip("group", "nominal", chart_label("group", lang)),
            _tooltip("date", "temporal", chart_label("date", lang), format="%Y-%m-%d"),
            _tooltip("label", "nominal", chart_label("readiness", lang)),
        ],
    )
    spec = _chart([lines], width=width, height=260, values=rows)
    spec["config"]["locale"] = vega_locale(lang)
    return spec


# ---- readiness per tag (development element) ----------------------------------------------


def tag_chart(result: Result, pack: Pack, lang: str = "nl", *, width: int = 440) -> Chart:
    """Horizontal bars: readiness per tag of the pack (e.g. development elements)."""
    rows = [
        {
            "tag": localise(pack.tags[t.id], lang),
            "readiness": None if t.readiness is None else float(rounded(t.readiness)),
            "label": pct(t.readiness, lang),
        }
        for t in result.tags
    ]
    order = [r["tag"] for r in rows]
    y = _field("tag", "nominal", sort=order, title=None)
    x = _percent_axis(lang)
    bars = _layer(
        None,
        {"type": "bar", "height": 14, "color": NAVY},
        y=y,
        x=x,
        tooltip=[
            _tooltip("tag", "nominal", chart_label("tag", lang)),
            _tooltip("label", "nominal", chart_label("readiness", lang)),
        ],
    )
    text = _value_labels(None, y, x)
    return _chart([bars, text], width=width, height=22 * max(1, len(rows)), values=rows)


# ---- improvement plan timeline -------------------------------------------------------------


# a point's state on the timeline, in the legend's order, with its colour
TIMELINE_STATES = {
    "done": GREEN,
    "on_time": NAVY,
    "pending": NAVY,
    "overdue": AMBER,
    "late": ACCENT,
}


def timeline_state(point: Any, latest: Any = None) -> str:
    """``done`` (its status; whatever its dates), ``overdue`` (not done, the deadline
    passed), ``late`` (at risk: not done by the latest finish day), ``on_time`` (neither;
    named "Deadline op tijd": it says nothing of an owner or of progress) or, without an
    audit date (no ``latest``), ``pending`` (the deadline has not passed: there is no latest
    day to be on time for)."""
    if point.status == "done":
        return "done"
    if point.overdue:
        return "overdue"
    if point.at_risk:
        return "late"
    return "on_time" if latest is not None else "pending"


def timeline_rows(result: Result, assessment: Assessment, lang: str) -> list[dict[str, Any]]:
    """One row per improvement point: from the assessment date to its deadline."""
    return [
        {
            "point": f"{p.priority}. {p.criterion}",
            "start": assessment.assessment_date.isoformat(),
            "deadline": p.deadline.isoformat(),
            "state": chart_label(timeline_state(p, result.latest), lang),
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
    shown = {r["state"] for r in rows}  # the legend names only the states the chart shows
    states = {chart_label(k, lang): c for k, c in TIMELINE_STATES.items()}
    states = {name: colour for name, colour in states.items() if name in shown}
    bars = _layer(
        rows,
        {"type": "bar", "height": 10, "cornerRadius": 1},
        y=_field("point", "nominal", sort=order, title=None),
        x=_field(
            "start",
            "temporal",
            title=None,
            axis={"format": "%b %Y", "labelAngle": 0, "tickCount": "month"},
        ),
        x2={"field": "deadline"},
        color=_field(
            "state",
            "nominal",
            scale={"domain": list(states), "range": list(states.values())},
            legend={"title": None},
        ),
        tooltip=[
            _tooltip("point", "nominal", chart_label("point", lang)),
            _tooltip("deadline", "temporal", chart_label("deadline", lang), format="%Y-%m-%d"),
        ],
    )
    marks = [{"day": assessment.assessment_date.isoformat(), "name": chart_label("today", lang)}]
    if result.latest is not None:
        marks.append({"day": result.latest.isoformat(), "name": chart_label("latest", lang)})
    if assessment.audit_date is not None:
        marks.append({"day": assessment.audit_date.isoformat(), "name": chart_label("audit", lang)})
    layers = [
        bars,
        _layer(
            marks,
            {"type": "rule", "color": MUTED, "strokeDash": [3, 3]},
            x=_field("day", "temporal"),
        ),
    ]
    for mark, align, dx in zip(marks, ("left", "right", "left"), (2, -3, 3), strict=False):
        text = {
            "type": "text",
            "align": align,
            "baseline": "bottom",
            "dx": dx,
            "dy": -2,
            "fontSize": 9,
            "color": MUTED,
        }
        layers.append(
            _layer(
                [mark],
                text,
                x=_field("day", "temporal"),
                y={"value": 0},
                text=_field("name", "nominal"),
            )
        )
    spec = _chart(layers, width=width, height=max(1, len(rows)) * 16)
    spec["config"]["locale"] = vega_locale(lang)  # Dutch month names on the axis
    return spec


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
    y = _field("criterion", "nominal", sort=order, title=None)
    bars = _layer(
        rows,
        {"type": "bar", "height": {"band": 0.8}},
        y=y,
        x=_field(
            "level",
            "quantitative",
            scale={"domain": [0, pack.top_level]},
            axis={"values": list(range(pack.top_level + 1)), "format": "d"},
            title=chart_label("level", lang),
        ),
        yOffset=_field("what", "nominal", sort=what),
        color=_field(
            "what",
            "nominal",
            scale={"domain": what, "range": [NAVY_LIGHT, NAVY]},
            legend={"title": None},
        ),
    )
    ticks = _layer(
        targets,
        {"type": "tick", "color": ACCENT, "thickness": 2, "size": 18},
        y=y,
        x=_field("level", "quantitative"),
    )
    return _chart([bars, ticks], width=width, height=max(1, len(order)) * 24)


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


def to_svg(spec: Chart) -> str:
    """The spec as SVG text (vector), rendered by vl-convert without any network access."""
    import vl_convert as vlc

    register_fonts()
    return vlc.vegalite_to_svg(spec, allowed_base_urls=[])  # no external data, ever


def to_png(spec: Chart, scale: float) -> bytes:
    """The spec as a PNG image at ``scale`` times its size, in the report's own fonts (for
    screens: an SVG image would be drawn in whatever fonts the viewer's machine has)."""
    import vl_convert as vlc

    register_fonts()
    return vlc.vegalite_to_png(spec, scale=scale, allowed_base_urls=[])
