"""The shared Altair charts: data from the result, wording per language, SVG output."""

from __future__ import annotations

import pytest
from report_sample import sample_assessment

from assessment import charts
from assessment.i18n import localise
from assessment.method import forecast, score


@pytest.fixture(scope="module")
def scored():
    pack, assessment = sample_assessment()
    result = score(pack, assessment)
    return pack, assessment, result, forecast(pack, assessment, result)


def test_readiness_rows_follow_the_result(scored):
    pack, _, result, _ = scored
    rows = charts.readiness_rows(result, pack, "en")
    assert [r["group"] for r in rows] == [localise(p.title, "en") for p in pack.pillars] + [
        "Overall"
    ]
    assert rows[-1]["readiness"] == round(result.overall.readiness, 1)


def test_readiness_chart_with_forecast_has_two_moments(scored):
    pack, _, result, fc = scored
    spec = charts.readiness_chart(result, pack, "nl", fc).to_dict()
    values = spec["layer"][0]["data"]["values"]
    assert {v["moment"] for v in values} == {"Nu", "Op de auditdag"}
    assert any(v["readiness"] == round(fc.overall.readiness, 1) for v in values)


def test_charts_render_to_svg_with_their_labels(scored):
    pack, assessment, result, fc = scored
    svg = charts.to_svg(charts.readiness_chart(result, pack, "en", fc))
    assert svg.startswith("<svg") and "Overall" in svg and "Threshold 60%" in svg
    svg = charts.to_svg(charts.timeline_chart(result, assessment, "nl"))
    first = result.improvement_points[0]
    assert f"1. {first.criterion}" in svg and "Audit" in svg
    svg = charts.to_svg(charts.tag_chart(result, pack, "nl"))
    assert localise(next(iter(pack.tags.values())), "nl") in svg
    svg = charts.to_svg(charts.levels_chart(result, pack, pack.pillars[0].id, "en"))
    assert "Evidenced" in svg


def test_to_svg_never_loads_external_data():
    import altair as alt

    chart = alt.Chart(alt.Data(url="https://example.org/data.csv")).mark_bar()
    with pytest.raises(Exception, match="not allowed"):
        charts.to_svg(chart)
