"""Shared fixtures: stores on SQLite (always) and PostgreSQL (when IKM_TEST_DATABASE_URL is set).

A PostgreSQL URL from ``pg_url`` is a schema of its own per test (``search_path`` in the
URL), dropped afterwards. The ``store`` fixture is cheaper: its schema (and its SQLite file)
is migrated once per session and emptied (copied) for each test, so tests never see each
other's rows and only the migration tests pay for migrating.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "IKM_TEST_DATABASE_URL"


def _pg_base() -> str:
    """The PostgreSQL server to test against; the test is skipped when there is none."""
    base = os.environ.get(PG_ENV)
    if not base:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
    return base


def sqlite_copy(request: pytest.FixtureRequest, folder: Path) -> str:
    """The URL of a copy, in ``folder``, of the session's SQLite database at the schema's
    head (what a fresh migration gives)."""
    target = folder / "store.sqlite3"
    shutil.copyfile(request.getfixturevalue("_migrated_sqlite"), target)
    return f"sqlite:///{target}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a fresh SQLite database file in tmp_path."""
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a fresh PostgreSQL schema; skipped when IKM_TEST_DATABASE_URL is unset."""
    base = _pg_base()
    from sqlalchemy import create_engine

    from assessment.store.engine import resolve_url

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(resolve_url(base))
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {name}")
    separator = "&" if "?" in base else "?"
    try:
        yield f"{base}{separator}options=-csearch_path%3D{name}"
    finally:
        with admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {name} CASCADE")
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest) -> str:
    """A fresh database URL, once for SQLite and once for PostgreSQL."""
    name = "sqlite_url" if request.param == "sqlite" else "pg_url"
    return request.getfixturevalue(name)


# Tables the migrations keep their bookkeeping in: never emptied between tests.
_BOOKKEEPING = ("ikm_schema", "ikm_alembic_version")


@pytest.fixture(scope="session")
def _migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to the head once per session; each test gets a copy."""
    from assessment.store import open_store

    path = tmp_path_factory.mktemp("migrated") / "template.sqlite3"
    open_store(f"sqlite:///{path}").close()
    return path


_SHAPE = """
SELECT 'table ' || tablename FROM pg_tables WHERE schemaname = %(s)s
UNION ALL SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type
  FROM information_schema.columns WHERE table_schema = %(s)s
UNION ALL SELECT 'trigger ' || t.tgname FROM pg_trigger t
  JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = %(s)s AND NOT t.tgisinternal
UNION ALL SELECT 'function ' || p.proname FROM pg_proc p
  JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = %(s)s
UNION ALL SELECT 'index ' || indexname FROM pg_indexes WHERE schemaname = %(s)s
"""


class _MigratedSchema:
    """One PostgreSQL schema migrated once per session and emptied before each test; made
    again when a test changed its shape (a trigger, a column)."""

    def __init__(self, base: str):
        from sqlalchemy import create_engine

        from assessment.store.engine import resolve_url

        self.name = f"s_{uuid.uuid4().hex[:12]}"
        separator = "&" if "?" in base else "?"
        self.url = f"{base}{separator}options=-csearch_path%3D{self.name}"
        self.admin = create_engine(resolve_url(base))
        self.shape = self._make()

    def _current_shape(self) -> frozenset[str]:
        with self.admin.begin() as conn:
            rows = conn.exec_driver_sql(_SHAPE, {"s": self.name})
            return frozenset(row[0] for row in rows)

    def _make(self) -> frozenset[str]:
        from assessment.store import open_store

        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")
            conn.exec_driver_sql(f"CREATE SCHEMA {self.name}")
        open_store(self.url).close()
        return self._current_shape()

    def fresh(self) -> str:
        """The URL of the schema, as a fresh migration leaves it."""
        if self._current_shape() != self.shape:
            self.shape = self._make()
        tables = [
            f"{self.name}.{entry.split(' ', 1)[1]}"
            for entry in self.shape
            if entry.startswith("table ") and entry.split(" ", 1)[1] not in _BOOKKEEPING
        ]
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"TRUNCATE {', '.join(sorted(tables))} RESTART IDENTITY CASCADE")
        return self.url

    def drop(self) -> None:
        with self.admin.begin() as conn:
            conn.exec_driver_sql(f"DROP SCHEMA IF EXISTS {self.name} CASCADE")
        self.admin.dispose()


@pytest.fixture(scope="session")
def _migrated_pg() -> Iterator[_MigratedSchema]:
    schema = _MigratedSchema(_pg_base())
    try:
        yield schema
    finally:
        schema.drop()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def migrated_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The URL of an empty database at the schema's head, once for SQLite and once for
    PostgreSQL: migrated once per session, then copied (SQLite) or emptied (PostgreSQL,
    sequences restarted; made again if a test changed the schema's shape) for each test,
    which is what a fresh migration gives."""
    if request.param == "sqlite":
        return sqlite_copy(request, tmp_path)
    return request.getfixturevalue("_migrated_pg").fresh()


@pytest.fixture
def store(migrated_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An open, empty store on each backend (tests that migrate themselves use store_url)."""
    from assessment.store import open_store

    monkeypatch.delenv("IKM_MAX_UPLOAD_MB", raising=False)
    opened = open_store(migrated_url)
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture
def sqlite_store(sqlite_url: str) -> Iterator[Any]:
    """An open, empty store on SQLite only."""
    from assessment.store import open_store

    opened = open_store(sqlite_url)
    try:
        yield opened
    finally:
        opened.close()


def build_assessment(name: str = "Gemeente Test", **fields: Any) -> Any:
    """A valid assessment of the built-in pack named ``name``, with ``fields`` set."""
    from assessment.assessments import parse_assessment

    data: dict[str, Any] = {
        "schema_version": 1,
        "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
        "organisation": {"name": name},
        "assessment_date": "2026-11-23",
    }
    data.update(fields)
    return parse_assessment(data, "test")


@pytest.fixture
def new_assessment() -> Callable[..., Any]:
    """Build a valid assessment of the built-in pack: ``new_assessment(name="X", **fields)``."""
    return build_assessment


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The store the app uses (IKM_DATABASE_URL), fresh for each test; app caches cleared."""
    import streamlit as st

    from assessment.store import open_store

    url = f"sqlite:///{tmp_path / 'app.sqlite3'}"
    monkeypatch.setenv("IKM_DATABASE_URL", url)
    monkeypatch.setenv("IKM_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("IKM_WORKSHOP_LAN", raising=False)
    monkeypatch.delenv("IKM_FACILITATOR_TOKEN", raising=False)
    monkeypatch.delenv("IKM_MAX_UPLOAD_MB", raising=False)
    # caches are cleared for every test: the warm-up would start a report worker each time
    monkeypatch.setenv("IKM_WARM_UP", "0")
    st.cache_resource.clear()
    st.cache_data.clear()
    store = open_store(url)
    yield store
    store.close()
    st.cache_resource.clear()
    st.cache_data.clear()


SAMPLE_CREATED = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def sample_render() -> Callable[[str], Any]:
    """The sample report (tests/report_sample.py) rendered once per language per session,
    created at ``SAMPLE_CREATED``, shared by the report tests: ``sample_render(lang)``."""
    from report_sample import sample_assessment

    from assessment.report import render

    made: dict[str, Any] = {}

    def rendered(lang: str) -> Any:
        if lang not in made:
            pack, assessment = sample_assessment()
            made[lang] = render(pack, assessment, lang, created=SAMPLE_CREATED, timeout=None)
        return made[lang]

    return rendered


# Modules that start app servers and browsers: with pytest-xdist they run one after another on
# one worker (--dist loadgroup), so that two of them never compete for the machine (their
# waits are timed) while the other workers run the rest.
_SERVER_MODULES = {
    "test_auth_browser",
    "test_browser",
    "test_browser_a11y",
    "test_browser_app",
    "test_security_server",
    "test_two_servers",
    "test_workshop_browser",
}


# Modules whose tests share a costly render (a session or module fixture): kept on one worker,
# so that the render is made once in the run, not once on each worker that gets one of them.
_SHARED_RENDERS = {
    "test_chartsvg": "sample-report",  # sample_render
    "test_report": "sample-report",
    "test_report_honesty": "demo-report",  # its module's render of the demo
}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        name = item.module.__name__.split(".")[-1] if item.module is not None else ""
        if name in _SERVER_MODULES:
            item.add_marker(pytest.mark.xdist_group("servers"))
        elif name in _SHARED_RENDERS:
            item.add_marker(pytest.mark.xdist_group(_SHARED_RENDERS[name]))


def pytest_configure(config: pytest.Config) -> None:
    # each xdist worker gets a data folder of its own (IKM_DATA_DIR is one folder for the run)
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    base = os.environ.get("IKM_DATA_DIR")
    if worker and base:
        folder = Path(base) / worker
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["IKM_DATA_DIR"] = str(folder)
