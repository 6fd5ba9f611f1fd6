"""Where the database is and how to connect: URL resolution and the SQLAlchemy engine.

The URL comes from the caller, else ``IKM_DATABASE_URL``, else an embedded SQLite file
``ikm.sqlite3`` in the data folder (``IKM_DATA_DIR``, default ``~/.local/share/ikm-readiness``).
SQLite runs in WAL mode with foreign keys on, ``synchronous=FULL`` (a committed save survives
a crash of the process or the machine) and write transactions that start with
``BEGIN IMMEDIATE`` (two writers queue instead of failing on a lock upgrade).
PostgreSQL URLs are driven by psycopg 3 (``postgresql+psycopg://``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from .errors import StoreError

DEFAULT_DATA_DIR = "~/.local/share/ikm-readiness"
DATABASE_FILE = "ikm.sqlite3"
SQLITE_BUSY_TIMEOUT_S = 30
WRITE = "ikm_write"  # execution option: this connection will write (SQLite: BEGIN IMMEDIATE)


def data_dir() -> Path:
    """The data folder: ``IKM_DATA_DIR``, else ``~/.local/share/ikm-readiness``."""
    return Path(os.environ.get("IKM_DATA_DIR") or DEFAULT_DATA_DIR).expanduser()


def resolve_url(url: str | None = None) -> URL:
    """The database URL to use, normalised.

    ``url`` (else ``IKM_DATABASE_URL``, else the embedded SQLite file). A value without
    ``://`` is taken as the path of a SQLite file; ``postgres://`` and ``postgresql://`` are
    driven by psycopg 3.
    """
    given = url or os.environ.get("IKM_DATABASE_URL") or ""
    if not given.strip():
        folder = data_dir()
        _make_private_dir(folder)
        return URL.create("sqlite", database=str(folder / DATABASE_FILE))
    given = given.strip()
    if "://" not in given:
        path = Path(given).expanduser()
        if not path.parent.is_dir():
            raise StoreError(f"{given}: folder {path.parent} does not exist")
        return URL.create("sqlite", database=str(path))
    try:
        parsed = make_url(given)
    except ArgumentError:
        raise StoreError(f"{_mask(given)}: not a database URL") from None
    backend = parsed.get_backend_name()
    if backend in ("postgres", "postgresql"):
        return parsed.set(drivername="postgresql+psycopg")
    if backend == "sqlite":
        if parsed.database in (None, "", ":memory:"):
            raise StoreError(
                f"{given}: an in-memory database would lose all work; name a file, "
                "e.g. sqlite:////path/to/ikm.sqlite3"
            )
        return parsed.set(drivername="sqlite")
    raise StoreError(
        f"{_mask(given)}: unsupported database '{backend}' (use sqlite:///FILE or "
        "postgresql://USER@HOST/DB)"
    )


def display_url(url: URL) -> str:
    """The URL without its password, for messages."""
    return url.render_as_string(hide_password=True)


def _mask(text: str) -> str:
    """Hide a password in a URL we could not parse."""
    scheme, sep, rest = text.partition("://")
    if sep and "@" in rest:
        creds, _, host = rest.rpartition("@")
        user = creds.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return text


def _make_private_dir(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise StoreError(f"{folder}: cannot create the data folder ({exc.strerror})") from None


def make_engine(url: URL) -> Engine:
    """A SQLAlchemy engine for ``url`` with the connection settings described above."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": SQLITE_BUSY_TIMEOUT_S, "check_same_thread": False},
        )
        _configure_sqlite(engine)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy's "begin" event below decide how transactions start.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA secure_delete=ON")  # erased evidence is overwritten on disk
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_S * 1000}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        mode = "IMMEDIATE" if connection.get_execution_options().get(WRITE) else "DEFERRED"
        connection.exec_driver_sql(f"BEGIN {mode}")
