"""Shared fixtures: stores on SQLite (always) and PostgreSQL (when IKM_TEST_DATABASE_URL is set).

A PostgreSQL store lives in a schema of its own per test (``search_path`` in the URL),
dropped afterwards, so tests never see each other's rows.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "IKM_TEST_DATABASE_URL"


def _pg_base() -> str | None:
    return os.environ.get(PG_ENV) or None


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a fresh SQLite database file in tmp_path."""
    return f"sqlite:///{tmp_path / 'store.sqlite3'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    """The URL of a fresh PostgreSQL schema; skipped when IKM_TEST_DATABASE_URL is unset."""
    base = _pg_base()
    if base is None:
        pytest.skip(f"{PG_ENV} is not set: no PostgreSQL server to test against")
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


@pytest.fixture
def store(store_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """An open, empty store on each backend."""
    from assessment.store import open_store

    monkeypatch.delenv("IKM_MAX_UPLOAD_MB", raising=False)
    opened = open_store(store_url)
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


@pytest.fixture
def new_assessment() -> Callable[..., Any]:
    """Build a valid assessment of the built-in pack: ``new_assessment(name="X", **fields)``."""
    from assessment.assessments import parse_assessment

    def build(name: str = "Gemeente Test", **fields: Any) -> Any:
        data: dict[str, Any] = {
            "schema_version": 1,
            "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
            "organisation": {"name": name},
            "assessment_date": "2026-11-23",
        }
        data.update(fields)
        return parse_assessment(data, "test")

    return build


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
