"""Where the database is, how it is set up, and how its schema is migrated."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import text

from assessment.store import StoreError, open_store
from assessment.store import schema as schema_module
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


def _stamp(store, version: int) -> None:
    with store._engine.begin() as conn:
        conn.execute(text("UPDATE ikm_schema SET version = :v"), {"v": version})


def test_newer_schema_is_refused(store_url):
    with open_store(store_url) as store:
        _stamp(store, schema_module.SCHEMA_VERSION + 1)
    with pytest.raises(StoreError, match="newer than this ikm-readiness understands"):
        open_store(store_url)


def test_older_schema_is_migrated_step_by_step(store_url, monkeypatch, new_assessment):
    with open_store(store_url) as store:
        kept = store.create_assessment(new_assessment())
    calls: list[int] = []

    def add_column(conn) -> None:
        calls.append(1)
        conn.execute(text("ALTER TABLE organisations ADD COLUMN note VARCHAR(50)"))

    latest = schema_module.SCHEMA_VERSION
    monkeypatch.setattr(schema_module, "SCHEMA_VERSION", latest + 1)
    monkeypatch.setitem(schema_module.MIGRATIONS, latest, add_column)
    with open_store(store_url) as store:
        assert calls == [1]
        with store._engine.connect() as conn:
            assert conn.execute(text("SELECT version FROM ikm_schema")).scalar() == latest + 1
            conn.execute(text("SELECT note FROM organisations"))
        assert store.get_assessment(kept)[1] == 1
    with open_store(store_url):
        assert calls == [1]  # already up to date


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
