"""Where the database is and how it is set up (migrations: test_store_migrations.py)."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from assessment.store import StoreError, open_store
from assessment.store.engine import resolve_url


def test_default_is_sqlite_in_the_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("IKM_DATABASE_URL", raising=False)
    monkeypatch.setenv("IKM_DATA_DIR", str(tmp_path / "data"))
    url = resolve_url(None)
    assert url.drivername == "sqlite"
    assert url.database == str(tmp_path / "data" / "ikm.sqlite3")
    assert (tmp_path / "data").is_dir()
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_url_sources_and_normalising(tmp_path, monkeypatch):
    monkeypatch.setenv("IKM_DATABASE_URL", "postgres://ikm@db.example/ikm")
    assert resolve_url(None).drivername == "postgresql+psycopg"
    assert resolve_url("postgresql://u@h/d").drivername == "postgresql+psycopg"
    assert resolve_url(str(tmp_path / "x.db")).database == str(tmp_path / "x.db")
    with pytest.raises(StoreError, match="in-memory database would lose all work"):
        resolve_url("sqlite://")
    with pytest.raises(StoreError, match=r"folder .* does not exist"):
        resolve_url(str(tmp_path / "missing" / "x.db"))
    with pytest.raises(StoreError, match=r"oracle://scott:\*\*\*@h/d: unsupported database"):
        resolve_url("oracle://scott:tiger@h/d")


def test_unreachable_server_is_a_clear_error():
    with pytest.raises(StoreError) as caught:
        open_store("postgresql://ikm:secret@127.0.0.1:1/ikm")
    message = str(caught.value)
    assert message.startswith("cannot open database postgresql+psycopg://ikm:***@127.0.0.1:1/ikm")
    assert "secret" not in message


def test_many_processes_opening_a_new_database_at_once(store_url):
    errors: list[BaseException] = []

    def work() -> None:
        try:
            open_store(store_url).close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert errors == []
    with open_store(store_url) as store, store._engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM ikm_schema")).scalar() == 1
        assert conn.execute(text("SELECT count(*) FROM ikm_alembic_version")).scalar() == 1
