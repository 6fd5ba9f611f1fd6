"""Vega-Lite specs to SVG (the report) or PNG (the app) in a worker process, in parallel with
the report's layout or the app's page.

vl-convert holds Python's global interpreter lock while it starts (about a second) and
while it converts (a tenth of a second or more per chart), so in the report's own process
the charts only add to WeasyPrint's time. A warmed worker process (:class:`WarmPool`, the
same pool the app renders its reports in) does the same conversion on the machine's other
core: the report submits the specs first and fetches the SVGs when WeasyPrint asks for the
images. When the worker cannot start or dies, callers convert in their own process: the
worker only ever saves time.
"""

from __future__ import annotations

import re
import threading
from concurrent.futures import Future
from typing import Any

from .warmpool import WarmPool

_C0 = re.compile("[\x00-\x08\x0b-\x1f]")


def without_controls(spec: Any) -> Any:
    """``spec`` with the control characters (but tab and newline) left out of every text.

    vl-convert aborts the whole process ("non-unwinding panic") on such a character in a
    label, and chart labels hold user text (titles, owners).
    """
    if isinstance(spec, str):
        return _C0.sub("", spec)
    if isinstance(spec, dict):
        return {key: without_controls(value) for key, value in spec.items()}
    if isinstance(spec, list):
        return [without_controls(value) for value in spec]
    return spec


def convert(spec: dict[str, Any]) -> str:
    """One spec as SVG text, in this process (see :func:`assessment.charts.to_svg`)."""
    from .charts import to_svg

    return to_svg(without_controls(spec))


def convert_png(spec: dict[str, Any], scale: float) -> bytes:
    """One spec as a PNG image, in this process (see :func:`assessment.charts.to_png`)."""
    from .charts import to_png

    return to_png(without_controls(spec), scale)


def warm_up() -> None:
    """Start vl-convert and load the report's fonts (a worker's initializer)."""
    from .charts import register_fonts

    register_fonts()
    convert({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}})


class ChartWorker:
    """Converts specs in a warmed worker process; thread-safe."""

    def __init__(self, pool: WarmPool | None = None):
        self.pool = pool or WarmPool(1, warm_up, "ikm-chart-svg")

    def start(self) -> bool:
        """Start the worker now (it warms up in the background); False when it cannot."""
        try:
            self.pool.start()
        except Exception:
            return False
        return True

    def submit(self, spec: dict[str, Any]) -> Future[str]:
        """Send one spec; the future gets its SVG text, or an exception."""
        return self._submit(convert, spec)

    def submit_png(self, spec: dict[str, Any], scale: float) -> Future[bytes]:
        """Send one spec; the future gets its PNG image (the app's charts), or an exception."""
        return self._submit(convert_png, spec, scale)

    def _submit(self, function: Any, *args: Any) -> Future[Any]:
        try:
            return self.pool.submit(function, *args)
        except Exception as exc:  # the pool cannot start a process at all
            future: Future[Any] = Future()
            future.set_exception(RuntimeError(f"the chart worker cannot start: {exc}"))
            return future

    def restart(self) -> None:
        """Give up on the running worker (slow or stuck): its open requests fail now."""
        self.pool.kill()

    def stop(self) -> None:
        self.pool.kill()


_WORKER: ChartWorker | None = None
_WORKER_LOCK = threading.Lock()


def worker() -> ChartWorker:
    """This process's chart worker (started on first use, ended at exit)."""
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is None:
            _WORKER = ChartWorker()
        return _WORKER


def start_early() -> None:
    """Start the worker now, so that its own start-up overlaps with the caller's imports."""
    worker().start()
