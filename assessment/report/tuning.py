"""Speed fixes for the libraries under WeasyPrint (pydyf, cffi), applied before a render.

Each fix is narrow, measured (``bench/bench_report.py``) and covered by tests (the pydyf
fixes against the library's own result, byte for byte):

- :func:`import_weasyprint`: on Linux, WeasyPrint tries several names for each C library
  and cffi asks ``ctypes.util.find_library`` about every name that does not load at once,
  which runs ``ldconfig`` and ``gcc`` in subprocesses: about 0.25 s per process, although
  the shared-object name further down the list loads directly. The import skips that
  lookup, and falls back to the normal import when a library cannot be found that way.
  (For the optional HarfBuzz libraries, which WeasyPrint may go without, the search would
  only return the same shared-object name that is tried directly.) While this import runs,
  once per process, ``find_library`` and ``sys.stdout`` are replaced for all threads.
- pydyf's ``PDF.page_references`` builds the tuple of all page references anew on every
  call, and WeasyPrint's tagged-PDF code calls it once per tagged element: quadratic in
  the page count (1.5 s of a 164-page report). :func:`apply` memoises it per page count.
- pydyf compresses every stream at zlib level 9; level 6 (zlib's default) makes the file
  about 4 % larger and the compression about twice as fast.
- :func:`call_with_roomy_stack`: CPython 3.11 keeps a thread's Python frames in chunks of
  16 KiB and frees a chunk as soon as its last frame returns (python/cpython#142183,
  fixed in 3.13 by keeping one spare chunk). WeasyPrint's layout recurses up and down
  across such a boundary tens of thousands of times, and every crossing maps and unmaps a
  chunk: 580,000 page faults and 4 s of system time in a 164-page report. The render is
  called from a frame so large that CPython gives it a chunk of 1 MiB, in whose free half
  WeasyPrint's frames stay. (A traceback through that frame keeps its 0.5 MiB alive until
  the traceback is freed.)
"""

from __future__ import annotations

import contextlib
import ctypes.util
import importlib
import io
import sys
import zlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

COMPRESSION_LEVEL = 6
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


class _Zlib:
    """zlib as pydyf sees it: ``compressobj`` at :data:`COMPRESSION_LEVEL`."""

    def __getattr__(self, name: str) -> Any:
        return getattr(zlib, name)

    @staticmethod
    def compressobj(level: int = -1, *args: Any, **kwargs: Any) -> Any:
        return zlib.compressobj(COMPRESSION_LEVEL, *args, **kwargs)


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


def call_with_roomy_stack(func: Callable[[], T]) -> T:
    """``func()``, called from a frame that leaves about 0.5 MiB of frame stack free."""
    global _roomy_caller
    if _roomy_caller is None:
        _roomy_caller = _make_roomy_caller()
    return _roomy_caller(func)


def prepare() -> None:
    """Import WeasyPrint and apply the fixes (idempotent)."""
    import_weasyprint()
    apply()


def apply() -> None:
    """Apply the pydyf fixes (once; later calls do nothing)."""
    import pydyf

    original = pydyf.PDF.__dict__.get("page_references")
    if isinstance(original, property) and not hasattr(original.fget, "__wrapped__"):
        pydyf.PDF.page_references = _memoised_page_references(original)
    if getattr(pydyf, "zlib", None) is zlib:
        pydyf.zlib = _Zlib()
