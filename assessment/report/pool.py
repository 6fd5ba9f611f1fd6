"""Reports rendered in a warmed worker process, for a server with many users (the app).

Nothing a render does touches the caller's interpreter: WeasyPrint, its fonts, the speed
fixes of :mod:`.tuning` (the collector paused, pydyf patched) and the environment variable
of the font timestamps all live in the worker, which starts once, warms up (imports,
fonts, the chart worker) and then renders one report after another.

Renders queue first, in order of arrival, and only then does their time limit start: a
user behind other renders waits in the queue (:attr:`RenderJob.state` is ``"queued"``,
with :attr:`RenderJob.ahead` renders before it) and is never blamed for their time. The
time limit is kept inside the worker (WeasyPrint stops at its next page, see
:func:`.render.run_with_timeout`); a worker that does not answer ``GRACE`` seconds after
its limit (stuck in C code) is ended and replaced.

A job nobody wants any more is cancelled (:meth:`RenderJob.cancel`): taken out of the queue,
or, while it renders, stopped at the worker's next page through a small table of job
numbers the pool shares with its workers; the worker stays warm for the next render.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import CancelledError
from concurrent.futures import TimeoutError as FutureTimeout
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import TYPE_CHECKING, Any

from ..warmpool import PoolClosed, WarmPool
from .errors import ReportCancelled, ReportError, ReportTimeout

if TYPE_CHECKING:
    from ..assessments import Assessment
    from ..packs import Pack
    from ..workshop import WorkshopAppendix

GRACE = 10.0  # seconds past its time limit before a silent worker is ended
WARM_UP_LIMIT = 120.0  # seconds a new worker may take to start and warm up


# ---- in the worker process -------------------------------------------------------------------


NICENESS = 10  # a report worker yields the processor to the server and the browser
SLOTS = 256  # job numbers that can be cancelled at once (a job n is cancelled in slot n % SLOTS)

# In a worker process: the pool's table of cancelled job numbers, and the job it runs now.
_cancels: Any = None
_job_number = 0


def _start(cancels: Any, initializer: Callable[[], None] | None) -> None:
    """A worker's start: keep the pool's table of cancelled jobs, then warm up."""
    global _cancels
    _cancels = cancels
    if initializer is not None:
        initializer()


def _run_task(task: Callable[..., bytes], number: int, *args: Any) -> bytes:
    """Run ``task(*args)`` as job ``number`` (see :func:`cancelled`)."""
    global _job_number
    _job_number = number
    try:
        return task(*args)
    finally:
        _job_number = 0


def cancelled() -> bool:
    """In a worker: whether the job it runs now has been cancelled."""
    number = _job_number
    return bool(number) and _cancels is not None and _cancels[number % SLOTS] == number


def warm_up() -> None:
    """A report worker's initializer: a lower priority, imports, speed fixes, fonts and the
    chart worker.

    The lower priority is this worker process's own: it renders in the background (ahead of
    a click, see ui/pdf.py) while the user goes on working, and a page switch or a save must
    not wait for it; on an idle machine it renders as fast as before."""
    from .. import chartsvg
    from . import tuning

    lower_priority()
    chartsvg.start_early()
    tuning.prepare()  # this process only renders (see tuning)
    from .rendering import warm_up as warm_render

    warm_render()


def lower_priority() -> None:
    """Lower this process's priority by :data:`NICENESS` (where the system has priorities)."""
    with contextlib.suppress(AttributeError, OSError):  # no os.nice (Windows), or refused
        os.nice(NICENESS)


def render_in_worker(
    pack: Pack,
    assessment: Assessment,
    lang: str,
    timeout: float | None,
    workshop: WorkshopAppendix | None,
    created: datetime | None,
    previous: tuple[Pack, Assessment] | None = None,
) -> bytes:
    """The PDF, rendered in this (worker) process with the collector paused."""
    from . import tuning
    from .rendering import render

    with tuning.collector_paused():  # the worker does nothing else meanwhile
        out = render(
            pack,
            assessment,
            lang,
            timeout=timeout,
            created=created,
            workshop=workshop,
            previous=previous,
            cancelled=cancelled,
        )
    return out.pdf


# ---- in the caller's process -----------------------------------------------------------------


class RenderJob:
    """One report in the pool: queued, rendering, then done (with the PDF or an error)."""

    def __init__(self, pool: ReportPool, number: int):
        self._pool = pool
        self.number = number  # the pool's count of jobs, from 1
        self.state = "queued"  # "queued", "rendering" or "done"
        self._done = threading.Event()
        self._pdf: bytes | None = None
        self._error: BaseException | None = None

    @property
    def ahead(self) -> int:
        """How many renders run or wait before this one (0 once it renders)."""
        return self._pool._ahead(self)

    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the job is done or ``timeout`` passes; whether it is done."""
        return self._done.wait(timeout)

    def result(self, timeout: float | None = None) -> bytes:
        """The PDF; raises the render's error (e.g. :class:`.render.ReportTimeout`)."""
        if not self._done.wait(timeout):
            raise TimeoutError("the report is not ready yet")
        if self._error is not None:
            raise self._error
        assert self._pdf is not None
        return self._pdf

    def cancel(self) -> bool:
        """Cancel the job: out of the queue if it waits there (it fails at once with
        :class:`ReportCancelled`), or, if it renders, stopped at the render's next checkpoint
        (a page laid out, an asset fetched); then it fails with :class:`ReportCancelled` once
        the worker has stopped, or still ends with its PDF if it was past its last checkpoint
        (writing the PDF). Whether it was still to be cancelled (not done)."""
        return self._pool._cancel(self)

    def _finish(self, pdf: bytes | None = None, error: BaseException | None = None) -> None:
        self._pdf, self._error, self.state = pdf, error, "done"
        self._done.set()


class ReportPool:
    """Renders reports in ``workers`` warmed worker processes; thread-safe."""

    def __init__(
        self,
        workers: int = 1,
        timeout: float = 60,
        *,
        grace: float = GRACE,
        task: Callable[..., bytes] | None = None,
        initializer: Callable[[], None] | None = warm_up,
    ):
        self.workers = workers
        self.timeout = timeout
        self.grace = grace
        self.task = task or render_in_worker  # what a worker runs (a test may swap it)
        # shared with the workers when they start (shared memory is handed down, not sent)
        self._cancels = multiprocessing.get_context("spawn").RawArray("q", SLOTS)
        self._numbers = itertools.count(1)
        self.pool = WarmPool(
            workers, functools.partial(_start, self._cancels, initializer), "ikm-report"
        )
        self._turn = threading.Condition()
        self._queue: deque[RenderJob] = deque()
        self._running = 0
        self._started = False

    def start(self) -> None:
        """Start and warm up the workers now, in the background (once; never once closed)."""
        with self._turn:
            if self._started or self.pool.closed:
                return
            self._started = True
        with contextlib.suppress(PoolClosed):  # closed in between: nothing to start
            self.pool.start()

    def submit(
        self,
        pack: Pack,
        assessment: Assessment,
        lang: str = "nl",
        *,
        workshop: WorkshopAppendix | None = None,
        created: datetime | None = None,
        previous: tuple[Pack, Assessment] | None = None,
    ) -> RenderJob:
        """Queue a report; the job tells its state and gives the PDF when done."""
        with self._turn:
            job = RenderJob(self, next(self._numbers))
            self._queue.append(job)
        args = (pack, assessment, lang, self.timeout, workshop, created, previous)
        threading.Thread(
            target=self._run, args=(job, args), name="ikm-report-job", daemon=True
        ).start()
        return job

    def idle(self) -> bool:
        """Whether the workers are warmed up and no render runs or waits."""
        with self._turn:
            free = not self._queue and not self._running
        return free and self.pool.warm()

    def _ahead(self, job: RenderJob) -> int:
        with self._turn:
            if job not in self._queue:
                return 0
            return self._queue.index(job) + self._running

    def _cancel(self, job: RenderJob) -> bool:
        with self._turn:
            if job.state == "rendering":  # the worker stops at its next page
                self._cancels[job.number % SLOTS] = job.number
                return True
            if job not in self._queue:
                return False  # done
            self._queue.remove(job)
            self._turn.notify_all()
        job._finish(error=ReportCancelled("the report was cancelled before it started"))
        return True

    def _run(self, job: RenderJob, args: tuple[object, ...]) -> None:
        with self._turn:  # first in the queue and a worker free (or closed): this job's turn
            while (
                job in self._queue
                and not self.pool.closed
                and (self._queue[0] is not job or self._running >= self.workers)
            ):
                self._turn.wait()
            if job not in self._queue:
                return  # cancelled
            closed = self.pool.closed
            self._queue.remove(job)
            if not closed:
                self._running += 1
                job.state = "rendering"
            self._turn.notify_all()
        if closed:  # let go of while it waited: no worker starts for it
            job._finish(error=ReportCancelled("the report worker was closed before its turn"))
            return
        pdf, error = None, None
        try:
            pdf = self._render(job.number, args)
        except BaseException as exc:  # handed to whoever waits for the job
            error = exc
        finally:
            with self._turn:  # the worker is free before anyone learns that the job is done
                self._running -= 1
                self._turn.notify_all()
        job._finish(pdf, error)

    def _render(self, number: int, args: tuple[object, ...]) -> bytes:
        closed = ReportCancelled("the report worker was closed")
        try:  # a worker that is still starting up: its warm-up is not the render's time
            self.pool.ready(WARM_UP_LIMIT)
            future = self.pool.submit(_run_task, self.task, number, *args)
        except PoolClosed:  # closed for good (close()): it starts no worker
            raise closed from None
        except Exception:
            if self.pool.closed:  # ended by close() while it started
                raise closed from None
            self.pool.kill()
            raise ReportError("the report worker process could not start") from None
        # the worker keeps the time limit; this is for a worker that stopped answering
        try:
            return future.result(timeout=self.timeout + self.grace)
        except FutureTimeout:
            self.pool.kill()
            raise ReportTimeout(
                f"the report took longer than {self.timeout:g} seconds and was stopped; "
                "the assessment may be too large"
            ) from None
        except (BrokenProcessPool, CancelledError):
            if self.pool.closed:  # ended by close(), not by a fault
                raise closed from None
            self.pool.kill()  # the next render starts a fresh worker
            raise ReportError("the report worker process stopped unexpectedly") from None

    def close(self) -> None:
        """End the workers now, for good: renders under way and queued ones are cancelled,
        and no worker starts again (a pool that was let go of must leave nothing behind)."""
        self.pool.close()
        with self._turn:  # wake the queued renders: each sees the pool closed and gives up
            self._turn.notify_all()


def wait_for(job: RenderJob, on_wait: object = None, poll: float = 0.25) -> bytes:
    """The job's PDF; ``on_wait(job)`` is called every ``poll`` seconds until it is done."""
    while not job.wait(poll):
        if callable(on_wait):
            on_wait(job)
    return job.result()
