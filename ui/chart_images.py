"""The app's charts as pictures drawn on the server, by the report's own renderer (vl-convert,
in the warmed worker process of :mod:`assessment.chartsvg`).

The browser then shows a finished picture: no Vega-Lite bundle to load and no chart to lay out
in the page (drawing the Results page's seven charts in the browser took 2-3 s per visit), and
the app's charts are the PDF's charts, in the PDF's fonts. They are PNG images at twice their
size (sharp on a projector and a high-density screen; a wide chart a little less, see
:func:`scale`): an SVG image would be drawn in whatever
fonts the viewer's machine has, and its labels, measured in the report's font, could be cut off.
Streamlit serves each image at an address made from its content, so the browser keeps a chart
that did not change.

Conversions are kept by the spec's content, so a page visited again, or a chart that did not
change, costs nothing; a page asks for all its charts first (:func:`prepare`) so that they
convert while the page is still being built. Without the report's extras (no vl-convert) or
when the worker fails, :func:`png` answers None and the caller draws the chart in the browser.
"""

from __future__ import annotations

import hashlib
import json
import logging
import threading
from collections import OrderedDict
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from importlib.util import find_spec
from typing import Any

log = logging.getLogger(__name__)

KEEP = 128  # conversions kept (a chart is 40-150 kB)
SCALE = 2.0  # pixels per CSS pixel, where the image stays within Streamlit's largest image
# Streamlit scales an image wider than this down, and encodes it again, on every run
# (MAXIMUM_CONTENT_WIDTH in streamlit/elements/lib/image_utils.py)
MAX_PIXELS = 1460
# CSS pixels a chart takes beside its plot's width (labels, legend): 64-163 for the demo's
LABEL_ROOM = 200
WAIT = 15.0  # seconds a page waits for one chart before drawing it in the browser instead

_lock = threading.Lock()
_kept: OrderedDict[str, Future[bytes]] = OrderedDict()


def available() -> bool:
    """Whether charts can be drawn on the server (vl-convert is installed)."""
    return find_spec("vl_convert") is not None


def _key(spec: dict[str, Any]) -> str:
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _future(spec: dict[str, Any]) -> Future[bytes]:
    from assessment import chartsvg

    key = _key(spec)
    with _lock:
        future = _kept.get(key)
        failed = future is not None and future.done() and future.exception() is not None
        if future is None or failed:
            future = chartsvg.worker().submit_png(spec, scale(spec))
            _kept[key] = future
        _kept.move_to_end(key)
        while len(_kept) > KEEP:
            _kept.popitem(last=False)
    return future


def start() -> None:
    """Start the chart worker now (it warms up in its own process), if charts are drawn here."""
    if available():
        from assessment import chartsvg

        chartsvg.start_early()


def prepare(specs: list[dict[str, Any]]) -> None:
    """Start converting ``specs`` now (the page fetches each with :func:`png` when it draws)."""
    if available():
        for spec in specs:
            _future(spec)


def png(spec: dict[str, Any], wait: float = WAIT) -> bytes | None:
    """``spec`` as a PNG image at :func:`scale`, or None when it cannot be drawn on the server
    in time."""
    if not available():
        return None
    future = _future(spec)
    try:
        return future.result(timeout=wait)
    except FutureTimeout:
        log.warning("chart not converted within %.0f s; drawn in the browser", wait)
    except Exception:
        log.warning("chart conversion failed; drawn in the browser", exc_info=True)
    return None


def scale(spec: dict[str, Any]) -> float:
    """The pixels per CSS pixel of ``spec``'s image: :data:`SCALE`, or less for a wide chart."""
    width = spec.get("width")
    if not isinstance(width, int | float):
        return SCALE
    return min(SCALE, MAX_PIXELS / (width + LABEL_ROOM))


def css_width(image: bytes, spec: dict[str, Any]) -> int:
    """The width in CSS pixels of ``spec``'s PNG image (its pixel width / its scale)."""
    pixels = int.from_bytes(image[16:20], "big")  # the IHDR chunk, right after the signature
    return max(1, round(pixels / scale(spec)))


def forget() -> None:
    """Drop every kept conversion (tests)."""
    with _lock:
        _kept.clear()
