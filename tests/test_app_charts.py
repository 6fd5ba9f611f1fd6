"""The app's charts: Vega-Lite specs of ``assessment.charts`` shown by ``st.vega_lite_chart``."""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

from assessment import charts
from assessment.catalog import load_catalog
from assessment.formats import vega_locale
from tests.apptest_support import app, ok
from ui import layout


def shown_specs(aid: int, page: str) -> list[tuple[dict[str, Any], Any]]:
    """Each Vega-Lite chart on ``page`` of the open demo: its spec and its proto."""
    at = ok(app(a=str(aid)).switch_page(f"ui/{page}.py").run())
    return [(json.loads(e.proto.spec), e.proto) for e in at.get("vega_lite_chart")]


def test_results_page_shows_the_readiness_tag_and_level_charts(db):
    shown = shown_specs(db.ensure_demo(), "results")
    # readiness, development elements, and one levels chart per pillar (in tabs)
    pillars = load_catalog().get("ikm-readiness").pillars
    assert len(shown) == 2 + len(pillars)
    readiness, proto = shown[0]
    assert proto.theme == ""  # theme=None: the chart's own colours and fonts, not Streamlit's
    # the app's own font (the report's Open Sans is not in the browser), the rest as given
    assert readiness["config"]["font"] == layout.APP_CHART_FONT and readiness["width"] == 460
    assert readiness["config"]["axis"]["gridColor"] == charts.GRID
    groups = {v["group"] for v in readiness["layer"][0]["data"]["values"]}
    assert "Totaal" in groups
    moments = readiness["layer"][0]["encoding"]["yOffset"]["sort"]  # the demo has an audit date
    assert moments == ["Nu", "Op de auditdag (gepland)"]
    for spec, _ in shown[2:]:
        assert spec["width"] == 760 and spec["layer"][1]["mark"]["type"] == "tick"


def test_plan_page_shows_the_timeline(db):
    shown = shown_specs(db.ensure_demo(), "plan")
    assert len(shown) == 1
    timeline, _ = shown[0]
    assert timeline["width"] == 900
    points = [v["point"] for v in timeline["layer"][0]["data"]["values"]]
    assert points[0].startswith("1. ") and timeline["height"] == 16 * len(points)


def test_chart_gives_the_plot_room_for_axis_and_legend(monkeypatch):
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(st, "vega_lite_chart", lambda **kw: calls.append(kw))
    monkeypatch.setattr(layout.state, "lang", lambda: "en")
    spec = {"mark": "bar", "height": 104, "width": 460, "config": {"background": "white"}}
    layout.chart(spec, room=60)
    layout.chart({"mark": "bar"})
    font, en = layout.APP_CHART_FONT, vega_locale("en")
    assert calls == [
        {
            "spec": {**spec, "config": {"background": "white", "font": font, "locale": en}},
            "theme": None,
            "height": 164,
        },
        {"spec": {"mark": "bar", "config": {"font": font, "locale": en}}, "theme": None},
    ]
    assert spec["config"] == {"background": "white"}  # the caller's spec is not changed


def test_dutch_charts_get_dutch_months_and_the_decimal_comma(monkeypatch):
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(st, "vega_lite_chart", lambda **kw: calls.append(kw))
    monkeypatch.setattr(layout.state, "lang", lambda: "nl")
    layout.chart({"mark": "bar"})
    locale = calls[0]["spec"]["config"]["locale"]
    assert locale["time"]["shortMonths"][2] == "mrt"
    assert locale["number"]["decimal"] == ","
