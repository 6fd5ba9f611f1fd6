"""The app's report worker: renders queue first and only then start their clock, a stuck
worker is ended and replaced, a render can be cancelled in the queue or while it runs (the
worker stays), and the PDF is the one an in-process render makes."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from pool_tasks import slow_task
from report_sample import generated, mini_assessment

from assessment.report import ReportTimeout, render
from assessment.report.errors import ReportCancelled
from assessment.report.pool import ReportPool, wait_for

CREATED = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)


def test_the_pdf_is_the_one_an_in_process_render_makes():
    pack, assessment = mini_assessment()
    pool = ReportPool(1, timeout=120)
    try:
        pdf = wait_for(pool.submit(pack, assessment, "en", created=CREATED))
    finally:
        pool.close()
    assert pdf == render(pack, assessment, "en", created=CREATED, timeout=None).pdf


def test_renders_queue_first_and_only_then_start_their_clock():
    # each job may take 1 + 1 seconds; three of 1 s take 3 s together, and none is
    # blamed for the time it waited in the queue
    pool = ReportPool(1, timeout=1, grace=1, task=slow_task, initializer=None)
    pool.start()
    try:
        wait_for(pool.submit(None, None, "0"))  # the worker is up
        jobs = [pool.submit(None, None, "1") for _ in range(3)]
        time.sleep(0.3)
        assert [job.state for job in jobs] == ["rendering", "queued", "queued"]
        assert [job.ahead for job in jobs] == [0, 1, 2]
        seen = []  # what the page of the last one shows while it waits
        last = wait_for(jobs[-1], lambda j: seen.append((j.state, j.ahead)))
        assert [wait_for(job) for job in jobs[:-1]] + [last] == [b"%PDF-1"] * 3
        assert ("queued", 2) in seen and ("queued", 1) in seen and ("rendering", 0) in seen
    finally:
        pool.close()


def test_a_worker_past_its_limit_is_ended_and_the_next_render_goes_on():
    pool = ReportPool(1, timeout=0.5, grace=0.5, task=slow_task, initializer=None)
    try:
        wait_for(pool.submit(None, None, "0"))
        start = time.monotonic()
        with pytest.raises(ReportTimeout, match=r"0\.5 seconds"):
            wait_for(pool.submit(None, None, "30"))
        assert time.monotonic() - start < 10
        assert wait_for(pool.submit(None, None, "0")) == b"%PDF-0"  # a fresh worker
    finally:
        pool.close()


def test_a_queued_render_can_be_cancelled():
    pool = ReportPool(1, timeout=10, task=slow_task, initializer=None)
    try:
        first = pool.submit(None, None, "1")
        second = pool.submit(None, None, "0")
        assert second.cancel() and not second.cancel()  # once; it is done then
        with pytest.raises(ReportCancelled, match="before it started"):
            second.result(timeout=1)
        assert wait_for(first) == b"%PDF-1"  # a task that never looks is not stopped
        assert not first.cancel()  # done: nothing to cancel
    finally:
        pool.close()


def test_a_running_render_stops_at_its_next_page_and_the_worker_stays():
    pack, assessment = generated(100, 500)  # about 100 pages: several seconds of layout
    small_pack, small = mini_assessment()
    pool = ReportPool(1, timeout=120)
    try:
        pool.pool.ready(120)
        workers = set(pool.pool._current()._processes)
        job = pool.submit(pack, assessment, "nl")
        time.sleep(1.5)  # laying out pages (a 100-page render takes 9 s on a fast hour)
        assert job.state == "rendering" and not job.done()
        asked = time.monotonic()
        assert job.cancel()
        with pytest.raises(ReportCancelled, match="while it was rendered"):
            job.result(timeout=20)
        stopped = time.monotonic() - asked
        # the same worker, warm, renders the next report
        pdf = wait_for(pool.submit(small_pack, small, "en", created=CREATED))
        assert set(pool.pool._current()._processes) == workers
    finally:
        pool.close()
    # stopped, not finished (above); and soon: checkpoints are at most a second or so apart,
    # more on a loaded machine, where the worker (nice 10) gets little of the processor
    assert stopped < 10, f"the render went on for {stopped:.1f} s after it was cancelled"
    assert pdf == render(small_pack, small, "en", created=CREATED, timeout=None).pdf


def test_a_closed_pool_cancels_its_queue_and_starts_no_worker_again():
    # Streamlit's cache lets go of the app's pool with close(): a render still queued used
    # to start a fresh worker afterwards, which nothing ever ended
    pool = ReportPool(1, timeout=10, task=slow_task, initializer=None)
    running = pool.submit(None, None, "2")
    queued = pool.submit(None, None, "0")
    deadline = time.monotonic() + 30
    while running.state != "rendering" and time.monotonic() < deadline:
        time.sleep(0.05)
    pool.close()
    with pytest.raises(ReportCancelled, match="closed before its turn"):
        queued.result(timeout=10)
    with pytest.raises(ReportCancelled):  # the worker was ended under it, on purpose
        running.result(timeout=10)
    time.sleep(0.3)
    assert pool.pool._executor is None  # no worker started again
    late = pool.submit(None, None, "0")
    with pytest.raises(ReportCancelled):
        late.result(timeout=10)
    pool.start()
    assert pool.pool._executor is None


def test_a_render_that_reaches_a_closed_pool_starts_no_worker():
    # close() landing between a render's check and its submit started a fresh worker: the
    # pool now refuses under the lock that starts one
    pool = ReportPool(1, timeout=10, task=slow_task, initializer=None)
    pool.close()
    with pytest.raises(ReportCancelled, match="closed"):
        pool._render(1, (None, None, "0", 10, None, None, None))
    assert pool.pool._executor is None
    from assessment.warmpool import PoolClosed

    with pytest.raises(PoolClosed):
        pool.pool.submit(print)
    assert pool.pool._executor is None
