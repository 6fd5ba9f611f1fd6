"""The charts' data in words (assessment/chart_summaries.py): the alternative text of each
chart image in the report says the figures the picture draws."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from assessment.chart_summaries import (
    levels_summary,
    readiness_summary,
    tag_summary,
    timeline_summary,
    trend_summary,
)
from assessment.i18n import localise
from assessment.messages import pct
from assessment.method import score
from assessment.report.context import TIMELINE_LIMIT, build_context
from assessment.report.rendering import chart_names, render_html
from tests.report_sample import sample_assessment

TODAY = date(2026, 12, 3)


def _scored():
    pack, assessment = sample_assessment()
    return pack, assessment, score(pack, assessment, today=TODAY)


def test_readiness_summary_names_every_pillar_with_its_figures_and_threshold() -> None:
    pack, _, result = _scored()
    text = readiness_summary(result, pack, "nl")
    for pillar in pack.pillars:
        figure = pct(result.pillar(pillar.id).readiness, "nl")
        assert f"{localise(pillar.title, 'nl')}: {figure}" in text
    assert f"Totaal: {pct(result.overall.readiness, 'nl')}" in text
    assert text.count("drempel") == len(pack.pillars) + 1


def test_readiness_summary_with_a_forecast_gives_both_moments() -> None:
    pack, _, result = _scored()
    forecast = result.forecast
    assert forecast is not None
    text = readiness_summary(result, pack, "en", forecast)
    overall = f"Overall: now {pct(result.overall.readiness, 'en')}, on the audit day (planned) "
    assert overall + pct(forecast.overall.readiness, "en") in text


def test_tag_and_timeline_summaries_read_the_chart_rows() -> None:
    pack, assessment, result = _scored()
    tags = tag_summary(result, pack, "nl")
    assert tags.count(";") == len(result.tags) - 1
    first = result.improvement_points[0]
    line = timeline_summary(result, assessment, "nl", limit=3)
    assert line.startswith(f"1. {first.criterion}: deadline ")
    assert line.count(";") == min(3, len(result.improvement_points)) - 1
    assert re.search(r"\d{1,2} [a-z]{3}\.? \d{4}", line)  # a Dutch short date through Babel
    # a late deadline is named; "on time" is never claimed (it says nothing of a plan)
    assert "op tijd" not in timeline_summary(result, assessment, "nl")
    assert any(p.at_risk for p in result.improvement_points)  # the sample has late points
    assert "niet af op de uiterste datum" in timeline_summary(result, assessment, "nl")
    # an overdue deadline is named too, judged on the day the result was scored against
    later = score(pack, assessment, today=result.improvement_points[0].deadline + timedelta(1))
    assert later.improvement_points[0].overdue
    assert timeline_summary(later, assessment, "nl", limit=1).endswith(", verlopen")


def test_levels_summary_gives_each_criterion_of_the_pillar_as_drawn() -> None:
    pack, assessment, _ = _scored()
    pillar = pack.pillars[0].id
    first = pack.pillars[0].criteria[0].id
    responses = {k: v for k, v in assessment.responses.items() if k != first}
    result = score(pack, assessment.model_copy(update={"responses": responses}), today=TODAY)
    text = levels_summary(result, pillar, "nl")
    shown = [c for c in result.criteria if c.pillar == pillar and c.applicable]
    assert [part.split(":")[0] for part in text.split("; ")] == [c.id for c in shown]
    for c in shown:
        if c.claimed is None:  # drawn as 0, said as unanswered (not "claimed 0")
            assert f"{c.id}: niet beantwoord, doel {c.target}" in text
        else:
            assert f"{c.id}: geclaimd {c.claimed}, aangetoond {c.evidenced or 0}, doel " in text
    assert any(c.claimed is None for c in result.criteria)  # the sample has an open one
    assert "not answered" in " ".join(levels_summary(result, p.id, "en") for p in pack.pillars)


def test_trend_summary_gives_each_line_with_its_dated_points_oldest_first() -> None:
    pack, _, result = _scored()
    text = trend_summary([(date(2027, 3, 1), result), (date(2026, 3, 1), result)], pack, "nl")
    overall = pct(result.overall.readiness, "nl")
    assert f"Totaal: 1 mrt 2026 {overall}, 1 mrt 2027 {overall}" in text
    assert text.count(";") == len(pack.pillars)  # every pillar and the overall line


def test_every_chart_image_in_the_report_carries_its_data_as_alternative_text() -> None:
    pack, assessment, result = _scored()
    ctx = build_context(pack, assessment, "nl", result=result, today=TODAY)
    names = chart_names(ctx)
    html = render_html(ctx, {name: "data:," for name in names}, datetime(2026, 12, 3, tzinfo=UTC))
    alts = re.findall(r'<img src="data:," alt="([^"]*)"', html)
    assert len(alts) == len(names)
    readiness = next(a for a in alts if a.startswith("Gereedheid per pijler"))
    assert pct(result.overall.readiness, "nl") in readiness
    timeline = next(a for a in alts if a.startswith(ctx.t["timeline"]))
    assert timeline.count(";") == min(TIMELINE_LIMIT, len(result.improvement_points)) - 1
