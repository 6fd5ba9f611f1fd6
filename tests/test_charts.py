"""The shared Vega-Lite charts: data from the result, wording per language, SVG output."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import vl_convert as vlc
from report_sample import sample_assessment

from assessment import charts
from assessment.i18n import localise
from assessment.method import score
from tests.helpers import ROOT


@pytest.fixture(scope="module")
def scored():
    pack, assessment = sample_assessment()
    result = score(pack, assessment)
    return pack, assessment, result, result.forecast


def test_readiness_rows_follow_the_result(scored):
    pack, _, result, _ = scored
    rows = charts.readiness_rows(result, pack, "en")
    assert [r["group"] for r in rows] == [localise(p.title, "en") for p in pack.pillars] + [
        "Overall"
    ]
    assert rows[-1]["readiness"] == round(result.overall.readiness, 1)


def test_readiness_chart_with_forecast_has_two_moments(scored):
    pack, _, result, fc = scored
    spec = charts.readiness_chart(result, pack, "nl", fc)
    values = spec["layer"][0]["data"]["values"]
    assert {v["moment"] for v in values} == {"Nu", "Op de auditdag (gepland)"}
    assert any(v["readiness"] == round(fc.overall.readiness, 1) for v in values)
    # the audit-day bar sits next to today's through yOffset, in a lighter navy
    bars = spec["layer"][0]["encoding"]
    assert bars["yOffset"]["sort"] == ["Nu", "Op de auditdag (gepland)"]
    assert bars["color"]["scale"]["range"] == [charts.NAVY, charts.NAVY_LIGHT]
    # one threshold mark per bar group: the pillar threshold on pillars, the overall one on
    # the total (not one line across every bar)
    rule = spec["layer"][1]  # under the value labels (layer 2), which stay readable
    assert spec["layer"][2]["mark"]["type"] == "text"
    assert rule["mark"]["type"] == "tick" and rule["mark"]["color"] == charts.ACCENT
    assert rule["encoding"]["x"]["field"] == "threshold"
    marks = [(v["group"], v["threshold"]) for v in rule["data"]["values"]]
    assert marks == [
        (localise(p.title, "nl"), pack.readiness.ready_pillar) for p in pack.pillars
    ] + [("Totaal", pack.readiness.ready_overall)]


def test_readiness_chart_without_forecast_has_one_bar_and_no_legend(scored):
    pack, _, result, _ = scored
    spec = charts.readiness_chart(result, pack, "en", width=300)
    bars = spec["layer"][0]["encoding"]
    assert "yOffset" not in bars and bars["color"]["legend"] is None
    assert spec["width"] == 300 and spec["height"] == 22 * (len(pack.pillars) + 1)
    assert spec["config"]["font"] == charts.FONT


def test_charts_render_to_svg_with_their_labels(scored):
    pack, assessment, result, fc = scored
    svg = charts.to_svg(charts.readiness_chart(result, pack, "en", fc))
    assert svg.startswith("<svg") and "Overall" in svg
    assert "threshold for ‘ready’: 60% per pillar, 75% overall" in svg
    svg = charts.to_svg(charts.timeline_chart(result, assessment, "nl"))
    first = result.improvement_points[0]
    assert f"1. {first.criterion}" in svg and "Audit" in svg
    # Dutch month names on the Dutch axis (Vega's locale from Babel), never "Mar"
    months = {"jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"}
    assert any(f">{m} 20" in svg for m in months)
    assert ">Mar 20" not in svg and ">Oct 20" not in svg
    svg = charts.to_svg(charts.tag_chart(result, pack, "nl"))
    assert localise(next(iter(pack.tags.values())), "nl") in svg
    svg = charts.to_svg(charts.levels_chart(result, pack, pack.pillars[0].id, "en"))
    assert "Evidenced" in svg


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_chart_is_plain_json_that_vega_lite_renders(scored, lang):
    pack, assessment, result, fc = scored
    specs = {
        "readiness": charts.readiness_chart(result, pack, lang, fc),
        "readiness_now": charts.readiness_chart(result, pack, lang),
        "tags": charts.tag_chart(result, pack, lang),
        "timeline": charts.timeline_chart(result, assessment, lang, limit=3),
        "levels": charts.levels_chart(result, pack, pack.pillars[0].id, lang),
    }
    for name, spec in specs.items():
        assert isinstance(spec, dict), name
        text = json.dumps(spec, allow_nan=False)  # only JSON types: no dates, tuples or NaN
        assert json.loads(text) == spec, name
        # vl-convert renders the spec as it travels (the app sends it as JSON)
        svg = vlc.vegalite_to_svg(json.loads(text), allowed_base_urls=[])
        assert svg.startswith("<svg") and "<text" in svg, name
    assert len(specs["timeline"]["layer"][0]["data"]["values"]) == min(
        3, len(result.improvement_points)
    )


def test_to_svg_never_loads_external_data():
    spec = {"data": {"url": "https://example.org/data.csv"}, "mark": "bar"}
    with pytest.raises(Exception, match="not allowed"):
        charts.to_svg(spec)


def test_report_and_cli_never_import_altair():
    """Building and rendering the report's charts loads neither Altair nor Streamlit."""
    code = (
        "import sys\n"
        "import assessment.cli, assessment.report\n"
        "from assessment import charts\n"
        "from assessment.catalog import load_catalog\n"
        "from assessment.demo import demo_assessment\n"
        "from assessment.method import score\n"
        "demo = demo_assessment('nl')\n"
        "pack = load_catalog().pack_for(demo.criteria_set)\n"
        "result = score(pack, demo)\n"
        "svg = charts.to_svg(charts.readiness_chart(result, pack, 'nl', result.forecast))\n"
        "charts.tag_chart(result, pack); charts.timeline_chart(result, demo)\n"
        "assert svg.startswith('<svg')\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'altair', 'streamlit', 'pandas', 'jsonschema'})\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout


def test_trend_rows_per_pillar_and_overall_oldest_first(scored):
    from datetime import date

    pack, _, result, _ = scored
    rows = charts.trend_rows([(date(2027, 11, 1), result), (date(2026, 11, 1), result)], pack, "nl")
    assert [r["date"] for r in rows][:1] == ["2026-11-01"]
    per_day = [r for r in rows if r["date"] == "2026-11-01"]
    assert [r["group"] for r in per_day][-1] == "Totaal"
    assert per_day[-1]["readiness"] == round(result.overall.readiness, 1)
    spec = charts.trend_chart([(date(2026, 11, 1), result)], pack, "nl")
    assert spec["layer"][0]["mark"]["type"] == "line"
    assert spec["config"]["locale"]["time"]["shortMonths"][2] == "mrt"


def test_the_timeline_shows_overdue_points_as_overdue_and_names_only_shown_states(scored):
    from datetime import timedelta

    pack, assessment, _, _ = scored
    # judged on a day after some deadlines: those points are overdue, not "on time"
    planned = score(pack, assessment, today=assessment.assessment_date)  # not the clock's day
    day = sorted(p.deadline for p in planned.improvement_points)[1] + timedelta(days=1)
    result = score(pack, assessment, today=day)
    overdue = [p for p in result.improvement_points if p.overdue]
    assert overdue and not any(p.status == "done" for p in overdue)
    spec = charts.timeline_chart(result, assessment, "nl")
    states = {v["point"]: v["state"] for v in spec["layer"][0]["data"]["values"]}
    for p in result.improvement_points:
        expected = (
            "Afgerond"
            if p.status == "done"
            else "Verlopen"
            if p.overdue
            else "Niet af op de uiterste datum"
            if p.at_risk
            else "Deadline op tijd"
        )
        assert states[f"{p.priority}. {p.criterion}"] == expected
    scale = spec["layer"][0]["encoding"]["color"]["scale"]
    assert dict(zip(scale["domain"], scale["range"], strict=True)) == {
        name: colour
        for name, colour in {
            "Afgerond": charts.GREEN,
            "Deadline op tijd": charts.NAVY,
            "Verlopen": charts.AMBER,
            "Niet af op de uiterste datum": charts.ACCENT,
        }.items()
        if name in states.values()
    }
    assert "Verlopen" in charts.to_svg(spec)  # in the legend
    # on the planning day nothing is overdue, and the legend does not name it
    spec = charts.timeline_chart(planned, assessment, "nl", limit=1)
    assert "Verlopen" not in spec["layer"][0]["encoding"]["color"]["scale"]["domain"]


def test_without_an_audit_date_no_point_is_called_on_time(scored):
    # there is no latest day to be on time for: a deadline still ahead is just that
    pack, assessment, _, _ = scored
    undated = assessment.model_copy(update={"audit_date": None})
    result = score(pack, undated, today=undated.assessment_date)
    spec = charts.timeline_chart(result, undated, "en")
    states = {v["state"] for v in spec["layer"][0]["data"]["values"]}
    assert states == {"Deadline not yet passed"}
    assert charts.timeline_state(result.improvement_points[0], result.latest) == "pending"


def test_a_done_point_is_drawn_as_done_whatever_its_dates(scored):
    # a done point past its deadline was "not yet passed", one after the latest date "not
    # done by the latest date"
    from assessment.chart_summaries import timeline_summary

    pack, assessment, _, _ = scored
    result = score(pack, assessment, today=assessment.assessment_date)
    late = next(p for p in result.improvement_points if p.at_risk)
    actions = dict(assessment.actions)
    old = actions.get(late.criterion)
    done = old.model_copy(update={"status": "done"}) if old else None
    if done is None:
        from assessment.assessments import Action

        done = Action(status="done")
    actions[late.criterion] = done
    finished = assessment.model_copy(update={"actions": actions})
    result = score(pack, finished, today=finished.assessment_date)
    spec = charts.timeline_chart(result, finished, "en")
    states = {v["point"]: v["state"] for v in spec["layer"][0]["data"]["values"]}
    point = next(p for p in result.improvement_points if p.criterion == late.criterion)
    assert states[f"{point.priority}. {point.criterion}"] == "Done"
    assert f"{point.criterion}: deadline " in timeline_summary(result, finished, "en")
    assert "done" in timeline_summary(result, finished, "en")
