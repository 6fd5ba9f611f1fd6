"""A pool of warmed-up worker processes that can be stopped hard.

Work that is heavy to start (WeasyPrint's imports and fonts, vl-convert's JavaScript engine)
or that changes its process (the report's speed fixes, see :mod:`assessment.report.tuning`)
runs in these workers: they start once, run ``initializer`` once, and then serve many
calls. :meth:`WarmPool.kill` ends the workers at once (a call stuck in C code cannot be
stopped any other way); the next call starts fresh ones.

Imports nothing heavy, so that the command line and the app can use it at load time.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


def _ready() -> bool:
    return True


def _orphan_watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)  # the process that started this worker is gone: so is the work


def _start_worker(parent: int, initializer: Callable[[], None] | None) -> None:
    """A worker's start: end with the parent (a killed parent leaves its workers blocked
    on a queue they hold both ends of), then warm up."""
    threading.Thread(target=_orphan_watch, args=(parent,), daemon=True).start()
    if initializer is not None:
        initializer()


class PoolClosed(RuntimeError):
    """The pool was closed for good (:meth:`WarmPool.close`)."""


class WarmPool:
    """``workers`` processes (started with *spawn*: safe beside threads) that each run
    ``initializer`` once; thread-safe."""

    def __init__(
        self, workers: int = 1, initializer: Callable[[], None] | None = None, name: str = ""
    ):
        self.workers = workers
        self.initializer = initializer
        self.name = name
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._ready: Future[bool] | None = None
        self._closed = False  # see close(): no worker starts again
        # At exit the workers are ended, not waited for: they hold nothing to save, and
        # concurrent.futures would otherwise join them (and their own workers) before the
        # atexit handlers run (its hook for that is private), and multiprocessing joins
        # them in its atexit handler (registered before this one, so run after it; also
        # when ``ikm report`` ends early, see cli._end_process).
        threading_atexit = getattr(threading, "_register_atexit", None)
        if threading_atexit is not None:
            threading_atexit(self.kill)
        atexit.register(self.kill)

    def _current(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._closed:
                raise PoolClosed(f"the {self.name or 'worker'} pool is closed")
            if self._executor is None:
                self._ready = None
                self._executor = ProcessPoolExecutor(
                    self.workers,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_start_worker,
                    initargs=(os.getpid(), self.initializer),
                )
            return self._executor

    def start(self) -> Future[bool]:
        """Start the workers now (they warm up in the background); the future is done when
        they are ready."""
        executor = self._current()
        with self._lock:
            if self._ready is None or self._executor is not executor:
                futures = [executor.submit(_ready) for _ in range(self.workers)]
                self._ready = futures[-1]
            return self._ready

    def ready(self, timeout: float | None = None) -> None:
        """Start the workers if need be and wait until they are warmed up."""
        self.start().result(timeout)

    def warm(self) -> bool:
        """Whether the workers are started and warmed up (without starting them)."""
        with self._lock:
            ready = self._ready if self._executor is not None else None
        return ready is not None and ready.done() and ready.exception() is None

    def submit(self, func: Callable[..., T], *args: Any) -> Future[T]:
        """Run ``func(*args)`` in a worker (``func`` and ``args`` must pickle)."""
        try:
            return self._current().submit(func, *args)
        except PoolClosed:
            raise
        except RuntimeError:  # broken (a worker died) or shut down: start afresh once
            self.kill()
            return self._current().submit(func, *args)

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called: no worker starts again."""
        return self._closed

    def close(self) -> None:
        """End the workers for good: calls still open fail, and every later call raises
        :class:`PoolClosed` instead of starting a worker (checked under the same lock that
        starts one, so no call can slip in between)."""
        with self._lock:
            self._closed = True
        self.kill()

    def kill(self) -> None:
        """End the workers at once; calls still open fail, the next call starts new ones."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is None:
            return
        # the executor has no public way to stop a worker in the middle of a call
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(Exception):
                process.kill()
