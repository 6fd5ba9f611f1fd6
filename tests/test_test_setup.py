"""The test suite's own set-up: the modules that start app servers or browsers run one after
another on one pytest-xdist worker (tests/conftest.py), so each must be listed there."""

from __future__ import annotations

from tests.conftest import _SERVER_MODULES, _SHARED_RENDERS
from tests.helpers import ROOT

STARTS_A_SERVER = ("running_server(", "app_server(", "sync_playwright")


def test_every_module_that_starts_a_server_or_a_browser_runs_in_the_servers_group():
    found = {
        path.stem
        for path in (ROOT / "tests").glob("test_*.py")
        if any(word in path.read_text(encoding="utf-8") for word in STARTS_A_SERVER)
        and path.stem != "test_test_setup"
    }
    assert found == _SERVER_MODULES


def test_make_test_runs_the_suite_on_workers_with_the_groups_kept_together():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "-n $(TEST_WORKERS) --dist loadgroup" in makefile
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"pytest-xdist' in pyproject


def test_the_modules_that_share_a_render_each_run_on_one_worker():
    uses = {
        path.stem
        for path in (ROOT / "tests").glob("test_*.py")
        if "sample_render" in path.read_text(encoding="utf-8") and path.stem != "test_test_setup"
    }
    assert {m for m, group in _SHARED_RENDERS.items() if group == "sample-report"} == uses
    assert not set(_SHARED_RENDERS) & _SERVER_MODULES
