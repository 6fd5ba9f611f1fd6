"""Stand-ins for a render that the report pool's tests send to a worker process.

They live in a module of their own that imports nothing heavy: the worker imports the
module of a task before it runs it, and that import must not count as the task's time (a
test module importing WeasyPrint took about a second, longer than the tests' time limits)."""

from __future__ import annotations

import time


def slow_task(pack, assessment, lang, timeout, workshop, created, previous=None) -> bytes:
    """Stands in for a render: ``lang`` seconds of work (runs in the worker process)."""
    time.sleep(float(lang))
    return b"%PDF-" + lang.encode()


def stamped_task(pack, assessment, lang, timeout, workshop, created, previous=None) -> bytes:
    """Stands in for a render: 0.3 s of work, then a PDF that says which render made it."""
    time.sleep(0.3)
    return b"%PDF-" + f"{lang}:{time.time_ns()}".encode()


def cancellable_task(pack, assessment, lang, timeout, workshop, created, previous=None) -> bytes:
    """Stands in for a long render that stops at its next "page" (every 20 ms) once its job
    is cancelled, as a real render does (see assessment.report.pool.cancelled)."""
    from assessment.report.errors import ReportCancelled
    from assessment.report.pool import cancelled

    for _ in range(150):  # 3 s in all
        if cancelled():
            raise ReportCancelled("the report was cancelled while it was rendered")
        time.sleep(0.02)
    return b"%PDF-" + f"{lang}:{time.time_ns()}".encode()
