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
import contextlib
import json
import queue
import re
import subprocess
import sys
import threading
from concurrent.futures import Future, InvalidStateError
from typing import IO, Any

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


class SvgWorker:
    """A helper process that converts Vega-Lite specs to SVG; thread-safe.

    No caller ever blocks on the helper's pipes: a writer thread sends the requests and a
    reader thread resolves the futures, and the lock guards only the bookkeeping. A helper
    that ends, talks nonsense or is given up on (:meth:`restart`) fails its open requests
    at once; after ``MAX_FAILURES`` helpers in a row ended without one answer, the worker
    stops starting new ones and every request fails at once.
    """

    MAX_FAILURES = 3

    def __init__(self, command: list[str] | None = None):
        # -P: the folder the user runs ikm in is not on the helper's import path
        self.command = command or [sys.executable, "-P", "-m", "assessment.chartsvg"]
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._outbox: queue.SimpleQueue[bytes | None] | None = None
        self._pending: dict[int, tuple[Future[str], subprocess.Popen[bytes]]] = {}
        self._next_id = 0
        self._failures = 0  # helpers in a row that ended without answering anything
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
            process = subprocess.Popen(
                self.command,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._broken = True
            return False
        outbox: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._process, self._outbox = process, outbox
        for target, args, name in (
            (self._write, (process, outbox), "ikm-chart-svg-writer"),
            (self._read, (process,), "ikm-chart-svg-reader"),
        ):
            threading.Thread(target=target, args=args, name=name, daemon=True).start()
        return True

    def submit(self, spec: dict[str, Any]) -> Future[str]:
        """Send one spec; the future gets its SVG text, or an exception."""
        future: Future[str] = Future()
        with self._lock:
            if not self._start_locked():
                future.set_exception(RuntimeError("the chart helper process cannot start"))
                return future
            assert self._process is not None and self._outbox is not None
            self._next_id += 1
            self._pending[self._next_id] = (future, self._process)
            line = json.dumps({"id": self._next_id, "spec": spec}) + "\n"
            self._outbox.put(line.encode())
        return future

    def restart(self) -> None:
        """Give up on the running helper (slow or stuck): its open requests fail now."""
        with self._lock:
            process = self._process
        if process is not None:
            process.kill()  # the reader sees the end of its output and cleans up

    def _write(
        self, process: subprocess.Popen[bytes], outbox: queue.SimpleQueue[bytes | None]
    ) -> None:
        stdin = process.stdin
        assert stdin is not None
        try:
            while (line := outbox.get()) is not None:
                stdin.write(line)
                stdin.flush()
        except (OSError, ValueError):
            process.kill()  # cannot reach it: the reader fails what is open
        finally:
            with contextlib.suppress(OSError):
                stdin.close()

    def _read(self, process: subprocess.Popen[bytes]) -> None:
        stdout = process.stdout
        assert stdout is not None
        answered = False
        try:
            for raw in stdout:
                try:
                    answer = json.loads(raw.decode("utf-8"))
                    future = self._take(int(answer["id"]))
                except (ValueError, KeyError, TypeError):
                    continue  # not an answer (a stray line); the request still waits
                answered = True
                if future is None:
                    continue
                with contextlib.suppress(InvalidStateError):  # the caller gave up on it
                    if "svg" in answer:
                        future.set_result(str(answer["svg"]))
                    else:
                        future.set_exception(RuntimeError(str(answer.get("error", "no SVG"))))
        finally:
            self._ended(process, answered)

    def _ended(self, process: subprocess.Popen[bytes], answered: bool) -> None:
        """The helper's output ended: fail what it still owed, reap it, count failures."""
        with self._lock:
            owed = [i for i, (_, p) in self._pending.items() if p is process]
            waiting = [self._pending.pop(i)[0] for i in owed]
            if self._process is process:
                self._process = None
                if self._outbox is not None:
                    self._outbox.put(None)  # ends the writer
                self._outbox = None
            self._failures = 0 if answered else self._failures + 1
            self._broken = self._broken or self._failures >= self.MAX_FAILURES
        for future in waiting:
            with contextlib.suppress(InvalidStateError):
                future.set_exception(RuntimeError("the chart helper process stopped"))
        process.kill()
        with contextlib.suppress(OSError, subprocess.TimeoutExpired):
            process.wait(timeout=5)

    def _take(self, request_id: int) -> Future[str] | None:
        with self._lock:
            entry = self._pending.pop(request_id, None)
        return None if entry is None else entry[0]

    def stop(self, wait: bool = True) -> None:
        """End the helper (it exits when its input closes); ``wait`` waits briefly for it."""
        with self._lock:
            process, outbox = self._process, self._outbox
            self._process = self._outbox = None
        if process is None:
            return
        if outbox is not None:
            outbox.put(None)  # the writer closes the helper's input after what is queued
        if wait:
            try:
                process.wait(timeout=2)
            except subprocess.TimeoutExpired:
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
    from .charts import register_fonts

    register_fonts()
    convert({"data": {"values": [{"x": 1}]}, "mark": "point", "encoding": {"x": {"field": "x"}}})
    for line in source:
        try:
            request = json.loads(line)
            request_id = request["id"]
        except (ValueError, KeyError, TypeError):
            continue
        try:
            answer = {"id": request_id, "svg": convert(request["spec"])}
        except Exception as exc:  # reported to the caller, which converts it itself
            answer = {"id": request_id, "error": f"{type(exc).__name__}: {exc}"}
        sink.write(json.dumps(answer) + "\n")
        sink.flush()


if __name__ == "__main__":  # pragma: no cover - run as the helper process
    serve(sys.stdin, sys.stdout)
