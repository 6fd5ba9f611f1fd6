"""The base of the store: the engine, the one transaction helper, and helpers every part uses.

Every part of the store (assessments, evidence, packs, exchange, workshops) reads and writes
through :meth:`StoreBase._read`, :meth:`StoreBase._write` and :meth:`StoreBase._in_write`,
which also turn driver errors (server gone, disk full, lock timeout) into a
:class:`~assessment.store.errors.StoreError` naming the database.
"""

from __future__ import annotations

import logging
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import Any, TypeVar

from sqlalchemy import Connection
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from ..assessments import Assessment, parse_assessment, parse_json_text
from ..catalog import Catalog
from ..errors import IkmError
from ..packs import Pack
from .engine import WRITE, display_url, make_engine
from .errors import StoreError
from .files import max_upload_bytes
from .migrate import ensure_schema

log = logging.getLogger("assessment.store")
F = TypeVar("F", bound=Callable[..., Any])
R = TypeVar("R")
MAX_AUTHOR = 200

# ---- helpers ---------------------------------------------------------------------------------


def _database_errors(method: F) -> F:
    """Turn driver errors raised anywhere in a public method into a :class:`StoreError`."""

    @wraps(method)
    def wrapper(self: StoreBase, *args: Any, **kwargs: Any) -> Any:
        with self._translated():
            return method(self, *args, **kwargs)

    return wrapper  # type: ignore[return-value]


def _is_conflict(exc: BaseException) -> bool:
    """Whether a write failed because a concurrent writer inserted the same key first."""
    return isinstance(exc, IntegrityError) or isinstance(exc.__cause__, IntegrityError)


def _author(author: str | None) -> str | None:
    cleaned = (author or "").strip()
    return cleaned[:MAX_AUTHOR] or None


def _compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def _decompress(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def _parse_stored(text: str, where: str) -> Assessment:
    return parse_assessment(parse_json_text(text, where), where)


class StoreBase:
    """The connection to the database and the transactions of the store's parts."""

    def __init__(self, url: URL, *, max_upload_mb: float | None = None):
        self._url = url
        self.url = display_url(url)
        self.max_file_bytes = max_upload_bytes(max_upload_mb)
        self._engine = make_engine(url)
        self._lock = threading.Lock()
        self._builtin: Catalog | None = None
        self._parsed_packs: dict[str, Pack] = {}
        try:
            with self._engine.connect() as conn:
                conn.execution_options(**{WRITE: True})
                with conn.begin():
                    ensure_schema(conn)
        except IkmError:
            self._engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self._engine.dispose()
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"cannot open database {self.url}: {detail}") from None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    def __enter__(self) -> StoreBase:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _translated(self) -> Iterator[None]:
        """Driver errors inside become a :class:`StoreError` naming the database."""
        try:
            yield
        except IkmError:
            raise
        except DBAPIError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise StoreError(f"database {self.url}: {detail}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"database {self.url}: {exc}") from exc

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """One write transaction: committed when the block ends, rolled back on any error.

        On SQLite it starts with ``BEGIN IMMEDIATE``, so writers queue instead of failing.
        """
        with self._translated(), self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    def _in_write(self, work: Callable[[Connection], R], attempts: int = 3) -> R:
        """Run ``work`` in a write transaction, again when a concurrent writer inserted the
        same key first (PostgreSQL: two uploads of one file at the same moment)."""
        for attempt in range(attempts):
            try:
                with self._write() as conn:
                    return work(conn)
            except StoreError as exc:
                if attempt == attempts - 1 or not _is_conflict(exc):
                    raise
        raise AssertionError("unreachable")

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        """A connection for reading (SQLite: a deferred transaction, a consistent snapshot)."""
        with self._translated(), self._engine.connect() as conn:
            yield conn
