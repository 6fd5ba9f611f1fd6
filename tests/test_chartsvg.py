"""The chart helper process: same SVG as in-process, and the report never depends on it."""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime

import pytest
from report_sample import sample_assessment

from assessment import charts, chartsvg
from assessment.method import score
from assessment.report import render

CREATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample():
    return sample_assessment()


def test_the_helper_converts_exactly_as_this_process_does(sample):
    pack, assessment = sample
    spec = charts.tag_chart(score(pack, assessment), pack, "nl")
    helper = chartsvg.SvgWorker()
    try:
        assert helper.submit(spec).result(timeout=60) == charts.to_svg(spec)
        # it keeps running and answers the next request too
        other = charts.readiness_chart(score(pack, assessment), pack, "en")
        assert helper.submit(other).result(timeout=60) == charts.to_svg(other)
    finally:
        helper.stop()


def test_the_helper_refuses_external_data():
    helper = chartsvg.SvgWorker()
    try:
        future = helper.submit({"data": {"url": "https://example.org/x.csv"}, "mark": "bar"})
        with pytest.raises(RuntimeError, match="not allowed"):
            future.result(timeout=60)
    finally:
        helper.stop()


def test_a_helper_that_cannot_start_or_dies_fails_fast():
    missing = chartsvg.SvgWorker(["/nonexistent/python"])
    with pytest.raises(RuntimeError, match="cannot start"):
        missing.submit({"mark": "bar"}).result(timeout=5)
    quitter = chartsvg.SvgWorker([sys.executable, "-c", "import sys; sys.stdin.readline()"])
    with pytest.raises(RuntimeError, match="stopped"):
        quitter.submit({"mark": "bar"}).result(timeout=30)


def test_serve_answers_each_line(sample):
    pack, assessment = sample
    spec = charts.tag_chart(score(pack, assessment), pack, "en")
    refused = {"data": {"url": "https://example.org/x.csv"}, "mark": "bar"}
    lines = [json.dumps({"id": 7, "spec": spec}), "not json"]
    lines.append(json.dumps({"id": 8, "spec": refused}))
    sink = io.StringIO()
    chartsvg.serve(io.StringIO("\n".join(lines) + "\n"), sink)
    answers = [json.loads(line) for line in sink.getvalue().splitlines()]
    assert [a["id"] for a in answers] == [7, 8]
    assert answers[0]["svg"] == charts.to_svg(spec)
    assert "not allowed" in answers[1]["error"]


def test_the_report_is_the_same_without_the_helper(sample, monkeypatch):
    pack, assessment = sample
    with_helper = render(pack, assessment, "nl", created=CREATED, timeout=None)
    monkeypatch.setattr(chartsvg, "_WORKER", chartsvg.SvgWorker(["/nonexistent/python"]))
    without = render(pack, assessment, "nl", created=CREATED, timeout=None)
    assert without.pdf == with_helper.pdf
    assert any(url.endswith("/_charts/readiness.svg") for url in without.fetcher.served)
