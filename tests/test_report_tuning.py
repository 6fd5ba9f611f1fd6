"""The speed fixes for WeasyPrint's libraries: same results as the libraries' own code, and
applied only by the entry points that own their process, never by an import."""

from __future__ import annotations

import ctypes.util
import importlib
import re
import resource
import subprocess
import sys
import threading
from collections.abc import Callable

import pydyf
import pytest
from weasyprint import HTML

from assessment.report import tuning

tuning.apply()  # as the entry points do (the next test checks an import alone does not)


def _original_page_references() -> property:
    return property(pydyf.PDF.__dict__["page_references"].fget.__wrapped__.fget)


def _in_a_fresh_process(script: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_importing_the_report_changes_nothing_in_the_process():
    out = _in_a_fresh_process(
        "import ctypes.util, gc, sys, zlib\n"
        "find, stdout = ctypes.util.find_library, sys.stdout\n"
        "import assessment.report\n"
        "from assessment.report import render, render_pdf, ReportError\n"
        "import pydyf\n"
        "assert ctypes.util.find_library is find and sys.stdout is stdout\n"
        "assert gc.isenabled() and pydyf.zlib is zlib\n"
        "assert not hasattr(pydyf.PDF.__dict__['page_references'].fget, '__wrapped__')\n"
        "assert callable(render) and callable(render_pdf)\n"
        "print('UNCHANGED')\n"
    )
    assert "UNCHANGED" in out


def test_the_report_package_imports_no_weasyprint_until_it_renders():
    out = _in_a_fresh_process(
        "import sys\n"
        "import assessment.report, assessment.report.pool, assessment.report.tuning\n"
        "from assessment.report import ReportError, ReportTimeout\n"
        "print('WEASYPRINT', 'weasyprint' in sys.modules)\n"
    )
    assert "WEASYPRINT False" in out


def test_fixes_are_applied_once():
    assert hasattr(pydyf.PDF.__dict__["page_references"].fget, "__wrapped__")
    before = pydyf.PDF.__dict__["page_references"]
    tuning.apply()  # idempotent: not wrapped twice
    assert pydyf.PDF.__dict__["page_references"] is before


def test_page_references_follow_pages_added_after_a_call():
    pdf = pydyf.PDF()
    original = _original_page_references()
    for count in range(1, 5):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
        assert pdf.page_references == original.fget(pdf)
        assert len(pdf.page_references) == count


def test_page_references_are_computed_once_per_page_count():
    pdf = pydyf.PDF()
    for _ in range(3):
        pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    first = pdf.page_references
    assert pdf.page_references is first  # the same tuple: not built again
    pdf.add_page(pydyf.Dictionary({"Type": "/Page"}))
    assert pdf.page_references is not first


def test_pydyf_compresses_at_its_own_level():
    # the fake pydyf.zlib of earlier versions is gone: pydyf's own level for every caller
    import zlib

    tuning.prepare()
    assert pydyf.zlib is zlib


def test_the_roomy_stack_is_used_only_on_the_pythons_that_need_it():
    assert tuning.needs_roomy_stack("cpython", (3, 11, 7))
    assert tuning.needs_roomy_stack("cpython", (3, 14, 0))
    assert not tuning.needs_roomy_stack("cpython", (3, 15, 0))
    assert not tuning.needs_roomy_stack("pypy", (3, 11, 0))


def test_the_collector_is_paused_and_restored():
    import gc

    assert gc.isenabled()
    with tuning.collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_tagged_pdf_is_byte_identical_with_the_original_page_references(monkeypatch):
    html = "".join(
        f"<h1>Deel {i}</h1><p>{'tekst ' * 300}</p><p><a href='#s{i}' id='s{i}'>link</a></p>"
        for i in range(6)
    )
    document = HTML(string=html).render(pdf_tags=True)
    assert len(document.pages) > 3
    tuned = document.write_pdf(pdf_tags=True, pdf_identifier=b"x")
    monkeypatch.setattr(pydyf.PDF, "page_references", _original_page_references())
    original = document.write_pdf(pdf_tags=True, pdf_identifier=b"x")

    def without_dates(pdf: bytes) -> bytes:
        return re.sub(rb"D:\d{14}", b"D:0", pdf)

    assert without_dates(tuned) == without_dates(original)


def _import_on(monkeypatch, platform: str, import_module: Callable[[str], object]) -> None:
    """``tuning.import_weasyprint()`` as on ``platform``, with ``import_module`` in place of
    importlib's (WeasyPrint itself stays loaded: only the control flow is under test)."""
    monkeypatch.delitem(sys.modules, "weasyprint.text.ffi")
    monkeypatch.setattr(importlib, "import_module", import_module)
    monkeypatch.setattr(tuning.sys, "platform", platform)
    tuning.import_weasyprint()


def test_import_skips_the_library_search_and_restores_it(monkeypatch):
    seen = []
    real_import = importlib.import_module
    original = ctypes.util.find_library
    _import_on(
        monkeypatch,
        "linux",
        lambda name: seen.append(ctypes.util.find_library("c")) or real_import(name),
    )
    assert seen == [None]  # the quick attempt: no search
    assert ctypes.util.find_library is original


def test_import_falls_back_to_the_normal_search(monkeypatch, capsys):
    attempts = []
    real_import = importlib.import_module

    def flaky(name: str):
        searching = ctypes.util.find_library("c") is not None
        attempts.append(searching)
        if not searching:
            print("WeasyPrint could not import some external libraries")
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name)

    _import_on(monkeypatch, "linux", flaky)
    assert attempts == [False, True]
    assert capsys.readouterr().out == ""  # the quick attempt's advice is not shown


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_other_platforms_import_normally(monkeypatch, platform):
    seen = []
    real_import = importlib.import_module
    _import_on(
        monkeypatch,
        platform,
        lambda name: seen.append(ctypes.util.find_library("c")) or real_import(name),
    )
    assert seen and seen[0] is not None


def test_roomy_stack_returns_the_result_and_raises_the_error():
    assert tuning.call_with_roomy_stack(lambda: 42) == 42
    with pytest.raises(ZeroDivisionError):
        tuning.call_with_roomy_stack(lambda: 1 / 0)


def _faults_of_recursion_in_a_thread(run: Callable[[Callable[[], None]], None]) -> int:
    """Minor page faults of a thread whose recursion goes up and down at every depth."""

    def down(depth: int) -> None:
        if depth:
            down(depth - 1)

    def work() -> None:
        for _ in range(30):
            for depth in range(1, 400):
                down(depth)

    box = {}

    def target() -> None:
        run(work)  # warm: the first pass may fault in fresh memory anyway
        before = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt
        run(work)
        box["faults"] = resource.getrusage(resource.RUSAGE_THREAD).ru_minflt - before

    thread = threading.Thread(target=target)
    thread.start()
    thread.join()
    return box["faults"]


@pytest.mark.skipif(
    not hasattr(resource, "RUSAGE_THREAD") or sys.implementation.name != "cpython",
    reason="per-thread page faults are counted on Linux, frame chunks are CPython's",
)
def test_roomy_stack_stops_the_frame_chunk_churn():
    tuning.call_with_roomy_stack(lambda: None)
    assert tuning._roomy_caller.__code__.co_nlocals > tuning.ROOMY_SLOTS
    plain = _faults_of_recursion_in_a_thread(lambda func: func())
    roomy = _faults_of_recursion_in_a_thread(tuning.call_with_roomy_stack)
    # the roomy frame itself is set up in fresh memory once per call: about 130 faults
    assert roomy < 400, (plain, roomy)
    if sys.version_info < (3, 13):  # CPython frees a chunk when its last frame returns
        assert plain > 10 * roomy, (plain, roomy)


def test_the_render_runs_on_the_roomy_stack(monkeypatch):
    from report_sample import mini_assessment

    from assessment.report import render

    calls = []
    real = tuning.call_with_roomy_stack

    def spy(func):
        calls.append(func)
        return real(func)

    monkeypatch.setattr(tuning, "call_with_roomy_stack", spy)
    pack, assessment = mini_assessment()
    assert render(pack, assessment, "nl", timeout=None).pages >= 1
    assert len(calls) == 1


def test_the_quick_import_runs_no_subprocess():
    # ctypes' find_library runs ldconfig and gcc; the quick import must not get there
    script = (
        "import sys\n"
        "spawned = []\n"
        "sys.addaudithook(lambda event, args: event == 'subprocess.Popen' and "
        "spawned.append(args[1]))\n"
        "from assessment.report import tuning\n"
        "tuning.prepare()\n"
        "import weasyprint.text.ffi as ffi\n"
        "assert ffi.pango is not None\n"
        "print('SPAWNED', spawned)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stderr
    assert "SPAWNED []" in proc.stdout
