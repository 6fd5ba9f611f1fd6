"""What the app does to be quick (bench/bench_browser.py measures it): heavy work off the path
to the first page, done once in the background afterwards, and never done by a worker."""

from __future__ import annotations

import base64
import subprocess
import sys

from tests.helpers import ROOT


def _run(code: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout.strip()


def test_a_worker_process_started_by_the_app_neither_draws_nor_imports_the_app():
    # Streamlit leaves app.py registered as __main__, so a spawned worker (the report worker)
    # runs it as __mp_main__ before its own work: that must not import the app or start
    # anything (a worker that ran the router started a worker of its own, and failed)
    said = _run(
        "import runpy, sys; runpy.run_path('app.py', run_name='__mp_main__'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('streamlit', 'ui')))"
    )
    assert said == "[]"


def test_the_store_package_imports_without_alembic_until_a_store_opens(tmp_path):
    said = _run(
        "import sys; import assessment.store as s; print('alembic' in sys.modules); "
        f"db = s.open_store('sqlite:///{tmp_path / 'x.sqlite3'}'); "
        "print('alembic' in sys.modules, db.list_organisations())"
    )
    assert said.splitlines() == ["False", "True []"]


def test_the_page_icon_is_the_apps_own_file_given_as_a_data_url():
    from ui import nav

    kind, data = nav.ICON_URL.split(",", 1)
    assert kind == "data:image/png;base64"
    assert base64.b64decode(data) == (ROOT / "ui" / "static" / "icon.png").read_bytes()


def test_the_warm_up_starts_the_report_worker_and_imports_the_table_libraries_once(
    monkeypatch,
):
    from ui import pdf, warmup

    started: list[bool] = []
    imported: list[str] = []

    class Pool:
        def start(self) -> None:
            started.append(True)

    monkeypatch.setattr(pdf, "report_pool", Pool)
    from ui import chart_images

    monkeypatch.setattr(chart_images, "start", lambda: started.append(False))
    monkeypatch.delenv(warmup.SWITCH, raising=False)
    monkeypatch.setattr(warmup, "DELAY", 0.0)
    monkeypatch.setattr(warmup.importlib, "import_module", imported.append)
    warmup._started.clear()
    try:
        warmup.start()
        warmup.start()
        warmup._started().join(timeout=10)
    finally:
        warmup._started.clear()
    assert started == [True, False]  # the report worker, then the chart worker
    assert imported == ["pandas", "pyarrow", "pyarrow.compute"]


def test_the_warm_up_can_be_left_out(monkeypatch):
    from ui import warmup

    calls: list[bool] = []
    monkeypatch.setattr(warmup, "_started", lambda: calls.append(True))
    monkeypatch.setenv(warmup.SWITCH, "0")
    warmup.start()
    assert calls == []
    monkeypatch.setenv(warmup.SWITCH, "1")
    warmup.start()
    assert calls == [True]


def test_no_full_garbage_collection_after_every_script_run():
    # Streamlit's default gc.collect(2) after each run took 0.2-0.3 s of every page switch
    # and save (the page counts as loaded only after it); Python's own collector still runs
    import tomllib

    from streamlit import config

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["runner"]["postScriptGC"] is False
    assert "runner.postScriptGC" in config._config_options_template  # the option still exists


def test_the_server_watches_no_files():
    # the app's files do not change under a running server; watching them cost CPU
    import tomllib

    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert settings["server"]["fileWatcherType"] == "none"


def test_a_report_worker_runs_at_a_lower_priority_than_the_server():
    # it renders in the background (ahead of a click) while the user works on
    said = _run(
        "import os; before = os.nice(0); from assessment.report.pool import lower_priority, "
        "NICENESS; lower_priority(); print(os.nice(0) - before == NICENESS or os.nice(0) == 19)"
    )
    assert said == "True"
    from assessment.report import pool

    source = (ROOT / "assessment" / "report" / "pool.py").read_text(encoding="utf-8")
    assert "lower_priority()" in source.split("def warm_up", 1)[1].split("def ", 1)[0]
    assert pool.NICENESS > 0
