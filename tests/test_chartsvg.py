"""The chart worker process: same SVG as in-process, and the report never depends on it."""

from __future__ import annotations

import time
from concurrent.futures.process import BrokenProcessPool

import pytest
from report_sample import MINI_PACK, mini_assessment, sample_assessment

from assessment import charts, chartsvg
from assessment.method import score
from assessment.packs import parse_pack
from assessment.report import render
from assessment.warmpool import WarmPool
from tests.conftest import SAMPLE_CREATED


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


def test_the_report_converts_its_charts_in_the_worker_and_is_the_same_without(
    sample_render, monkeypatch
):
    with_worker = sample_render("nl")  # the session's sample, rendered with the worker
    assert with_worker.charts_here == 0
    for name in ("readiness", "tags", "timeline"):
        assert any(url.endswith(f"/_charts/{name}.svg") for url in with_worker.fetcher.served)

    # with and without a worker, the same file: on a one-criterion pack that still has all
    # three charts (a tag, and an improvement point for the timeline), quick to render twice
    pack = parse_pack(
        MINI_PACK.replace("target: 2}", "target: 2, tags: [kanalen]}")
        + "tags: {kanalen: {nl: Kanalen, en: Channels}}\n",
        "mini-pack.yaml",
    )
    _, assessment = mini_assessment()
    worker = render(pack, assessment, "nl", created=SAMPLE_CREATED, timeout=None)
    assert worker.charts_here == 0
    # without a worker the charts convert here, into the same file
    monkeypatch.setattr(chartsvg, "_WORKER", chartsvg.ChartWorker(_NoPool()))
    without = render(pack, assessment, "nl", created=SAMPLE_CREATED, timeout=None)
    assert without.charts_here == 3
    assert without.pdf == worker.pdf
