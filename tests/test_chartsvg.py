"""The chart worker process: same SVG as in-process, and the report never depends on it."""

from __future__ import annotations

import time
from concurrent.futures.process import BrokenProcessPool
from datetime import UTC, datetime

import pytest
from report_sample import sample_assessment

from assessment import charts, chartsvg
from assessment.method import score
from assessment.report import render
from assessment.warmpool import WarmPool

CREATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def sample():
    return sample_assessment()


def test_the_worker_converts_exactly_as_this_process_does(sample):
    pack, assessment = sample
    spec = charts.tag_chart(score(pack, assessment), pack, "nl")
    helper = chartsvg.ChartWorker()
    try:
        assert helper.submit(spec).result(timeout=60) == charts.to_svg(spec)
        # it keeps running and answers the next request too, and refuses external data
        other = charts.readiness_chart(score(pack, assessment), pack, "en")
        assert helper.submit(other).result(timeout=60) == charts.to_svg(other)
        future = helper.submit({"data": {"url": "https://example.org/x.csv"}, "mark": "bar"})
        with pytest.raises(Exception, match="not allowed"):
            future.result(timeout=60)
    finally:
        helper.stop()


def test_a_stuck_worker_is_ended_and_replaced():
    pool = WarmPool(1)
    try:
        stuck = pool.submit(time.sleep, 60)
        with pytest.raises(TimeoutError):
            stuck.result(timeout=0.5)
        pool.kill()
        with pytest.raises(BrokenProcessPool):
            stuck.result(timeout=10)
        assert pool.submit(sum, [1, 2]).result(timeout=30) == 3  # a fresh worker
    finally:
        pool.kill()


class _NoPool(WarmPool):
    def submit(self, func, *args):
        raise OSError("no processes here")


def test_the_report_converts_its_charts_in_the_worker_and_is_the_same_without(sample, monkeypatch):
    pack, assessment = sample
    assert chartsvg.worker().start()
    real_to_svg = charts.to_svg

    def in_process(spec):
        raise AssertionError("a chart was converted in the report's own process")

    with monkeypatch.context() as patched:
        patched.setattr(charts, "to_svg", in_process)
        with_worker = render(pack, assessment, "nl", created=CREATED, timeout=None)
    for name in ("readiness", "tags", "timeline"):
        assert any(url.endswith(f"/_charts/{name}.svg") for url in with_worker.fetcher.served)

    # without a worker the charts convert here, into the same file
    assert charts.to_svg is real_to_svg
    monkeypatch.setattr(chartsvg, "_WORKER", chartsvg.ChartWorker(_NoPool()))
    without = render(pack, assessment, "nl", created=CREATED, timeout=None)
    assert without.pdf == with_worker.pdf
    assert any(url.endswith("/_charts/readiness.svg") for url in without.fetcher.served)
