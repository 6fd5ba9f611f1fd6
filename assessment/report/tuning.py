"""Speed fixes for the libraries under WeasyPrint (pydyf, cffi) and for CPython.

Nothing here happens as a side effect of an import. The fixes that change the whole
process are applied only by the entry points that own their process: the ``ikm report``
command, which renders one report and ends, and the app's report worker process
(:mod:`assessment.report.pool`), which does nothing but render. The app's server never
applies them: it never imports WeasyPrint at all.

Each fix is narrow, measured (``bench/bench_report.py``) and covered by tests:

- :func:`import_weasyprint` (process-wide while it runs, once per process): on Linux,
  WeasyPrint tries several names for each C library and cffi asks
  ``ctypes.util.find_library`` about every name that does not load at once, which runs
  ``ldconfig`` and ``gcc`` in subprocesses: about 0.25 s per process, although the
  shared-object name further down the list loads directly. The import skips that lookup
  (``find_library`` and ``sys.stdout`` are replaced for all threads while it runs), and
  falls back to the normal import when a library cannot be found that way.
- :func:`apply` (process-wide): pydyf's ``PDF.page_references`` builds the tuple of all
  page references anew on every call, and WeasyPrint's tagged-PDF code calls it once per
  tagged element: quadratic in the page count (1.5 s of a 164-page report). It is memoised
  per page count. Checked against the pydyf versions pinned in ``pyproject.toml``.
- :func:`collector_paused` (process-wide): WeasyPrint builds hundreds of thousands of small
  objects per report; the collector's full passes over them took a quarter of the render
  time. Only for processes that do nothing else at the same time.
- :func:`call_with_roomy_stack` (this thread only): CPython keeps a thread's Python frames
  in chunks of 16 KiB and, up to the fix of python/cpython#142183, frees a chunk as soon as
  its last frame returns. WeasyPrint's layout recurses up and down across such a boundary
  tens of thousands of times, and every crossing maps and unmaps a chunk: 580,000 page
  faults and 4 s of system time in a 164-page report on 3.11. The render is called from a
  frame so large that CPython gives it a chunk of 1 MiB, in whose free half WeasyPrint's
  frames stay. (A traceback through that frame keeps its 0.5 MiB alive until the traceback
  is freed.) The fix, which keeps one spare chunk per thread (python/cpython#145789), was
  merged for 3.15 on 2026-03-11 and backported to 3.13 (python/cpython#146123, merged
  2026-03-18); 3.11 and 3.12 take only security fixes and keep the problem. Which 3.13 and
  3.14 patch releases first carry it was not checked, so :func:`needs_roomy_stack` keeps
  the trick on for CPython below 3.15 and off elsewhere.

The fake ``pydyf.zlib`` module of earlier versions (compression level 6 instead of
pydyf's 9, for every caller of pydyf in the process) is gone: pydyf has no option for the
level, and a change of a library's behaviour for the whole process is not ours to make.
"""

from __future__ import annotations

import contextlib
import ctypes.util
import gc
import importlib
import io
import sys
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

T = TypeVar("T")


@contextlib.contextmanager
def _no_library_search() -> Iterator[None]:
    original = ctypes.util.find_library
    ctypes.util.find_library = lambda name: None
    try:
        yield
    finally:
        ctypes.util.find_library = original


def import_weasyprint() -> None:
    """Import WeasyPrint (and its C libraries) without the slow library search on Linux."""
    if "weasyprint.text.ffi" not in sys.modules and sys.platform.startswith("linux"):
        try:
            # WeasyPrint prints advice before it gives up on a library: not for this try
            with _no_library_search(), contextlib.redirect_stdout(io.StringIO()):
                importlib.import_module("weasyprint")
            return
        except OSError:
            pass  # a library only the search finds: the normal import below
    importlib.import_module("weasyprint")


def _memoised_page_references(original: Any) -> property:
    def page_references(pdf: Any) -> tuple[bytes, ...]:
        kids = pdf.pages["Kids"]
        key = (id(kids), len(kids))
        cached = pdf.__dict__.get("_ikm_page_references")
        if cached is None or cached[0] != key:
            cached = (key, original.fget(pdf))
            pdf.__dict__["_ikm_page_references"] = cached
        return cached[1]

    page_references.__doc__ = original.__doc__
    page_references.__wrapped__ = original  # type: ignore[attr-defined]
    return property(page_references)


ROOMY_SLOTS = 65_000  # frame slots: with CPython's overhead, a chunk of 1 MiB
_roomy_caller: Callable[[Callable[[], T]], T] | None = None


def _make_roomy_caller() -> Callable[[Callable[[], T]], T]:
    def call(func: Callable[[], T]) -> T:
        return func()

    code = call.__code__
    names = code.co_varnames + tuple(f"_room{i}" for i in range(ROOMY_SLOTS))
    # unused local variables: only their room in the frame counts (another Python that
    # refuses them gets the plain call)
    with contextlib.suppress(TypeError, ValueError):
        call.__code__ = code.replace(co_varnames=names, co_nlocals=len(names))
    return call


def needs_roomy_stack(
    implementation: str = sys.implementation.name, version: tuple[int, ...] = sys.version_info
) -> bool:
    """Whether this Python frees a frame-stack chunk as soon as it empties (see above)."""
    return implementation == "cpython" and tuple(version[:2]) < (3, 15)


def call_with_roomy_stack(func: Callable[[], T]) -> T:
    """``func()``, called from a frame that leaves about 0.5 MiB of frame stack free (on
    the Pythons that need it; elsewhere a plain call)."""
    global _roomy_caller
    if not needs_roomy_stack():
        return func()
    if _roomy_caller is None:
        _roomy_caller = _make_roomy_caller()
    return _roomy_caller(func)


def prepare() -> None:
    """Import WeasyPrint and apply the pydyf fix (idempotent). Only for an entry point that
    owns its process (see above)."""
    import_weasyprint()
    apply()


def apply() -> None:
    """Apply the pydyf fix (once; later calls do nothing)."""
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if isinstance(original, property) and not hasattr(original.fget, "__wrapped__"):
        pydyf.PDF.page_references = _memoised_page_references(original)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector, for the whole process, and restore it.

    Only for a process that does nothing else meanwhile. Reference counting still frees
    almost everything at once; the few cycles are collected after the render.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
