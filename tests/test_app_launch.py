"""The app's server entry point (ui/launch.py): ``streamlit run app.py`` with the first run's
work (the app's imports, the store's migrations and the demo) done before the server answers."""

from __future__ import annotations

import logging
import sys

import pytest

from tests.helpers import ROOT
from ui import launch, nav


def test_every_page_and_the_router_are_imported_beforehand():
    names = launch.modules()
    assert {f"ui.{key}" for key in (*nav.PAGES, *nav.SIGNED_IN_PAGES)} <= set(names)
    assert "ui.participate" in names and "ui.layout" in names
    for name in names:  # each is a module of the app (a typo would fail only at start)
        assert (ROOT / (name.replace(".", "/") + ".py")).is_file(), name
    # what app.py's router imports is among them
    router = (ROOT / "app.py").read_text(encoding="utf-8")
    assert "from ui import auth, layout, nav, state, style, warmup" in router
    assert {"ui.auth", "ui.layout", "ui.nav", "ui.state", "ui.style", "ui.warmup"} <= set(names)


def test_prepare_sets_up_the_store_and_the_demo(tmp_path, monkeypatch):
    from assessment.store import open_store

    url = f"sqlite:///{tmp_path / 'ikm.sqlite3'}"
    monkeypatch.setenv("IKM_DATABASE_URL", url)
    monkeypatch.setenv("IKM_DATA_DIR", str(tmp_path))
    assert launch.prepare() > 0
    assert all(name in sys.modules for name in launch.modules())
    with open_store(url) as store:
        organisations = store.list_organisations()
    assert [o.name for o in organisations] == ["Gemeente Voorbeeldstad"]  # the demo, ready


def test_a_store_that_cannot_be_opened_is_left_for_the_first_page_to_explain(
    tmp_path, monkeypatch, caplog
):
    monkeypatch.setenv("IKM_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/none")
    with caplog.at_level(logging.WARNING, logger="ikm.launch"):
        launch.prepare()  # no exception: the server still starts
    assert "store not prepared" in caplog.text


def test_main_hands_every_option_to_streamlit_run_app(monkeypatch):
    from streamlit.web import cli

    seen: list[list[str]] = []
    monkeypatch.setattr(launch, "prepare", lambda: 0.0)
    monkeypatch.setattr(cli, "main", lambda: seen.append(list(sys.argv)))
    monkeypatch.setattr(sys, "argv", ["launch"])
    launch.main(["--server.port", "8600", "--server.headless", "true"])
    options = ["--server.port", "8600", "--server.headless", "true"]
    assert seen == [["streamlit", "run", str(ROOT / "app.py"), *options]]


@pytest.mark.parametrize("path", ["Makefile", "deploy/entrypoint.sh"])
def test_make_run_and_the_container_start_the_app_through_it(path):
    text = (ROOT / path).read_text(encoding="utf-8")
    assert "ui/launch.py" in text and "streamlit run" not in text


def test_it_runs_as_a_file_from_any_folder(tmp_path):
    import os
    import subprocess

    env = {**os.environ, "IKM_DATA_DIR": str(tmp_path), "PYTHONPATH": ""}
    env["IKM_DATABASE_URL"] = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    done = subprocess.run(
        [sys.executable, str(ROOT / "ui" / "launch.py"), "--help"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "streamlit run" in done.stdout  # Streamlit's own `run --help`, reached
    assert (tmp_path / "x.sqlite3").is_file()  # prepared first


def test_the_tests_and_benchmarks_start_the_server_through_it_from_any_folder():
    made = launch.command(8600, "--server.address", "127.0.0.1")
    assert made[:2] == [sys.executable, str(ROOT / "ui" / "launch.py")]
    options = ["--server.port", "8600", "--server.headless", "true"]
    assert made[2:] == [*options, "--server.address", "127.0.0.1"]
