"""Vega-Lite specs to SVG in a helper process, in parallel with the report's layout.

vl-convert holds Python's global interpreter lock while it starts (about a second) and
while it converts (a tenth of a second or more per chart), so in the report's own process
the charts only add to WeasyPrint's time. A helper process, ``python -m
assessment.chartsvg``, does the same conversion on the machine's other core: the report
sends it the specs first and fetches the SVGs when WeasyPrint asks for the images.

The protocol is one JSON object per line: ``{"id": 1, "spec": {...}}`` in,
``{"id": 1, "svg": "<svg ..."}`` or ``{"id": 1, "error": "..."}`` out. The helper
converts exactly as :func:`assessment.charts.to_svg` does (no external data, the report's
own fonts) and exits when its input closes. When it cannot start or dies, callers fall
back to converting in their own process: the helper only ever saves time.
"""

from __future__ import annotations

import atexit
import json
import subprocess
import sys
import threading
from concurrent.futures import Future
from typing import IO, Any


class SvgWorker:
    """A helper process that converts Vega-Lite specs to SVG; thread-safe."""

    def __init__(self, command: list[str] | None = None):
        self.command = command or [sys.executable, "-m", "assessment.chartsvg"]
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._pending: dict[int, tuple[Future[str], subprocess.Popen[str]]] = {}
        self._next_id = 0
        self._broken = False

    def start(self) -> bool:
        """Start the helper if it is not running; False when it cannot run."""
        with self._lock:
            return self._start_locked()

    def _start_locked(self) -> bool:
        if self._process is not None and self._process.poll() is None:
            return True
        if self._broken:
            return False
        try:
            self._process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
                encoding="utf-8",
                bufsize=1,
            )
        except OSError:
            self._broken = True
            return False
        reader = threading.Thread(
            target=self._read, args=(self._process,), name="ikm-chart-svg-reader", daemon=True
        )
        reader.start()
        return True

    def submit(self, spec: dict[str, Any]) -> Future[str]:
        """Send one spec; the future gets its SVG text, or an exception."""
        future: Future[str] = Future()
        with self._lock:
            if not self._start_locked():
                future.set_exception(RuntimeError("the chart helper process cannot start"))
                return future
            self._next_id += 1
            request_id = self._next_id
            process = self._process
            assert process is not None and process.stdin is not None
            self._pending[request_id] = (future, process)
            try:
                process.stdin.write(json.dumps({"id": request_id, "spec": spec}) + "\n")
                process.stdin.flush()
            except (OSError, ValueError) as exc:
                self._pending.pop(request_id, None)
                future.set_exception(RuntimeError(f"the chart helper process stopped: {exc}"))
        return future

    def _read(self, process: subprocess.Popen[str]) -> None:
        stdout: IO[str] | None = process.stdout
        assert stdout is not None
        for line in stdout:
            try:
                answer = json.loads(line)
                future = self._take(int(answer["id"]))
            except (ValueError, KeyError, TypeError):
                continue
            if future is None or future.done():  # given up on (see assessment.report.render)
                continue
            if "svg" in answer:
                future.set_result(str(answer["svg"]))
            else:
                future.set_exception(RuntimeError(str(answer.get("error", "no SVG"))))
        # the helper ended: fail what it still owed, so that callers fall back at once
        with self._lock:
            owed = [i for i, (_, p) in self._pending.items() if p is process]
            waiting = [self._pending.pop(i)[0] for i in owed]
            if self._process is process:
                self._process = None
        for future in waiting:
            if not future.done():
                future.set_exception(RuntimeError("the chart helper process stopped"))

    def _take(self, request_id: int) -> Future[str] | None:
        with self._lock:
            entry = self._pending.pop(request_id, None)
        return None if entry is None else entry[0]

    def stop(self, wait: bool = True) -> None:
        """Close the helper's input, which ends it; ``wait`` waits (briefly) until it has."""
        with self._lock:
            process, self._process = self._process, None
        if process is None:
            return
        try:
            if process.stdin is not None:
                process.stdin.close()
            if wait:
                process.wait(timeout=2)
        except (OSError, subprocess.TimeoutExpired):
            process.kill()


_WORKER: SvgWorker | None = None
_WORKER_LOCK = threading.Lock()


def worker() -> SvgWorker:
    """The process-wide helper (started on first use, stopped at exit)."""
    global _WORKER
    with _WORKER_LOCK:
        if _WORKER is None:
            _WORKER = SvgWorker()
            # at exit only close its input: the helper ends by itself, nobody waits for it
            atexit.register(_WORKER.stop, wait=False)
        return _WORKER


def start_early() -> None:
    """Start the helper now, so that its own start-up overlaps with the caller's imports."""
    worker().start()


# ---- the helper process ------------------------------------------------------------------


def serve(source: IO[str], sink: IO[str]) -> None:
    """Answer spec requests from ``source`` on ``sink`` until ``source`` closes."""
    from .charts import register_fonts, to_svg

    register_fonts()
    to_svg({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}})
    for line in source:
        try:
            request = json.loads(line)
            request_id = request["id"]
        except (ValueError, KeyError, TypeError):
            continue
        try:
            answer = {"id": request_id, "svg": to_svg(request["spec"])}
        except Exception as exc:  # reported to the caller, which converts it itself
            answer = {"id": request_id, "error": f"{type(exc).__name__}: {exc}"}
        sink.write(json.dumps(answer) + "\n")
        sink.flush()


if __name__ == "__main__":  # pragma: no cover - run as the helper process
    serve(sys.stdin, sys.stdout)
