"""What the app caches for every session is safe to share: one session can never change
another session's assessment, pack or result through a cached object."""

from __future__ import annotations

import ast
import time
from pathlib import Path

from tests.helpers import ROOT

# Functions whose result every session shares as the same object, and why that is safe.
SHARED_AS_IS = {
    ("ui/store_access.py", "shared_store"): "the store: thread-safe, holds no session's data",
    ("ui/pdf.py", "_pdf_cache"): "finished PDFs (bytes) and renders under way, under a lock",
    ("ui/pdf.py", "report_pool"): "the report worker pool, thread-safe by design",
    ("ui/warmup.py", "_started"): "the warm-up thread, started once; it holds no data",
}


def _cached_functions(kind: str) -> set[tuple[str, str]]:
    found = set()
    for path in sorted((ROOT / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.FunctionDef):
                continue
            for decorator in node.decorator_list:
                target = decorator.func if isinstance(decorator, ast.Call) else decorator
                if ast.unparse(target) == f"st.{kind}":
                    found.add((str(path.relative_to(ROOT)), node.name))
    return found


def test_only_immutable_or_thread_safe_objects_are_shared_as_they_are():
    # st.cache_resource hands every session the same object: each use must be listed above
    # with its reason; data goes through st.cache_data, which hands out copies
    assert _cached_functions("cache_resource") == set(SHARED_AS_IS)
    assert ("ui/store_access.py", "_opened_on") in _cached_functions("cache_data")


def test_an_open_assessment_is_scored_anew_on_a_new_day(db):
    # the result says which points are overdue: yesterday's cached result would be stale
    from datetime import date

    from ui import store_access

    aid = db.ensure_demo()
    _, version = db.get_assessment(aid)
    before = store_access._opened_on(aid, version, date(2026, 12, 3)).result
    after = store_access._opened_on(aid, version, date(2027, 3, 1)).result
    assert (before.today, after.today) == (date(2026, 12, 3), date(2027, 3, 1))
    late = {p.criterion for p in after.improvement_points if p.overdue}
    assert late > {p.criterion for p in before.improvement_points if p.overdue}
    assert store_access._opened(aid, version).result.today == date.today()


def test_a_session_changing_its_assessment_changes_nobody_elses(db):
    from ui import services

    aid = db.ensure_demo()
    _assessment, version = db.get_assessment(aid)
    mine = services._opened(aid, version)
    theirs = services._opened(aid, version)
    assert mine is not None and theirs is not None
    assert mine.assessment is not theirs.assessment
    answered = len(theirs.assessment.responses)
    pillars = len(theirs.pack.pillars)
    mine.assessment.responses.clear()  # a page changing the objects it was given, in place
    mine.assessment.evidence.append(mine.assessment.evidence[0])
    mine.pack.pillars.clear()
    again = services._opened(aid, version)
    for other in (theirs, again):
        assert len(other.assessment.responses) == answered > 0
        assert len(other.assessment.evidence) == len(_assessment.evidence)
        assert len(other.pack.pillars) == pillars > 0


def test_an_uploaded_pack_is_not_shared_between_sessions(db):
    from ui import services

    raw = (ROOT / "tests" / "data" / "mini.yaml").read_bytes()
    mine = services.check_pack_upload("mini.yaml", raw)
    theirs = services.check_pack_upload("mini.yaml", raw)
    assert mine.pack is not None and theirs.pack is not None
    mine.pack.pillars.clear()
    assert theirs.pack.pillars and services.check_pack_upload("mini.yaml", raw).pack.pillars


def test_letting_go_of_the_report_pool_ends_its_worker(db):
    # st.cache_resource.clear() (each AppTest's fixture does it) used to leave the worker
    # behind, still rendering for a pool nobody could reach: 17 of them by the end of the
    # app's tests, slowing the rest of the run until a report timed out
    import streamlit as st

    from ui import pdf

    pool = pdf.report_pool()
    pool.start()
    pids = [p.pid for p in pool.pool._executor._processes.values()]
    assert pids and all(_running(pid) for pid in pids)
    st.cache_resource.clear()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not any(_running(pid) for pid in pids)
    assert pdf.report_pool() is not pool  # the next page gets a new one


def _running(pid: int) -> bool:
    """Whether process ``pid`` exists and is not a zombie (ended, not yet reaped: which
    thread reaps it, the pool's or the test's, is a race, so the process's own
    ``is_alive`` cannot tell)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] not in ("Z", "X")
