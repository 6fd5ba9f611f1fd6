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


def fake(code: str) -> chartsvg.SvgWorker:
    """A worker whose helper is a small Python program (no vl-convert: fast)."""
    return chartsvg.SvgWorker([sys.executable, "-c", code])


ECHO = """
import json, sys
for line in sys.stdin:
    request = json.loads(line)
    sys.stdout.write(json.dumps({"id": request["id"], "svg": "x" * 200_000}) + "\\n")
    sys.stdout.flush()
"""


def test_a_helper_that_cannot_start_or_dies_fails_fast():
    missing = chartsvg.SvgWorker(["/nonexistent/python"])
    with pytest.raises(RuntimeError, match="cannot start"):
        missing.submit({"mark": "bar"}).result(timeout=5)
    quitter = fake("import sys; sys.stdin.readline()")
    for _ in range(chartsvg.SvgWorker.MAX_FAILURES):
        with pytest.raises(RuntimeError, match="stopped"):
            quitter.submit({"mark": "bar"}).result(timeout=30)
    # helpers that keep ending without an answer are not started again
    with pytest.raises(RuntimeError, match="cannot start"):
        quitter.submit({"mark": "bar"}).result(timeout=1)


def test_large_requests_and_answers_never_deadlock():
    # answers and requests far larger than a pipe's buffer, sent before any is read
    worker = fake(ECHO)
    try:
        big = {"values": "y" * 200_000}
        futures = [worker.submit(big) for _ in range(6)]
        assert all(len(f.result(timeout=20)) == 200_000 for f in futures)
    finally:
        worker.stop()


def test_stray_output_is_skipped_and_a_stuck_helper_is_given_up():
    noisy = fake("import sys; sys.stdout.buffer.write(b'\\xff\\n'); sys.stdout.flush()\n" + ECHO)
    try:
        assert len(noisy.submit({"mark": "bar"}).result(timeout=20)) == 200_000
    finally:
        noisy.stop()
    stuck = fake("import time; time.sleep(60)")
    future = stuck.submit({"mark": "bar"})
    with pytest.raises(TimeoutError):
        future.result(timeout=0.5)
    stuck.restart()
    with pytest.raises(RuntimeError, match="stopped"):
        future.result(timeout=10)


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


def test_the_report_converts_its_charts_in_the_helper(sample, monkeypatch):
    pack, assessment = sample
    assert chartsvg.worker().start()

    def in_process(spec):
        raise AssertionError("a chart was converted in the report's own process")

    monkeypatch.setattr(charts, "to_svg", in_process)
    out = render(pack, assessment, "nl", created=CREATED, timeout=None)
    for name in ("readiness", "tags", "timeline"):
        assert any(url.endswith(f"/_charts/{name}.svg") for url in out.fetcher.served)


def test_the_report_is_the_same_without_the_helper(sample, monkeypatch):
    pack, assessment = sample
    with_helper = render(pack, assessment, "nl", created=CREATED, timeout=None)
    monkeypatch.setattr(chartsvg, "_WORKER", chartsvg.SvgWorker(["/nonexistent/python"]))
    without = render(pack, assessment, "nl", created=CREATED, timeout=None)
    assert without.pdf == with_helper.pdf
    assert any(url.endswith("/_charts/readiness.svg") for url in without.fetcher.served)
