"""The tables, and a small versioned migration scheme of our own.

Why not Alembic: the schema is six tables, migrations must run by themselves when the app or
``ikm`` opens a database (no ``alembic upgrade`` step for users, no ``alembic.ini`` or
``env.py`` to ship in the wheel), and the store must work the same on SQLite and PostgreSQL.
The scheme: table ``ikm_schema`` holds one row with the schema version. A new database gets
the current tables from :data:`metadata` and is stamped :data:`SCHEMA_VERSION`; an older one
runs each step of :data:`MIGRATIONS` from its version up, each step in the same transaction
as its new stamp. Opening is serialised (``BEGIN IMMEDIATE`` on SQLite, an advisory lock on
PostgreSQL) so two processes starting at once do not both migrate. A database stamped with a
newer version than this code knows is refused rather than damaged.

To change the schema: change the tables below, add a step to :data:`MIGRATIONS` that brings
a database of the previous version to the new one (plain DDL, not ``metadata``), and raise
:data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Column,
    Connection,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    select,
    text,
)

from .errors import StoreError


class UtcDateTime(TypeDecorator):
    """A point in time, stored as naive UTC and read back as an aware UTC datetime."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def utc_now() -> datetime:
    """The current time in UTC."""
    return datetime.now(UTC)


metadata = MetaData()

schema_table = Table(
    "ikm_schema",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version", Integer, nullable=False),
)

organisations = Table(
    "organisations",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(500), nullable=False),
    Column("name_key", String(500), nullable=False, index=True),  # casefolded, for look-up
    Column("sector", String(200)),
    Column("created_at", UtcDateTime, nullable=False),
)

assessments = Table(
    "assessments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "organisation_id",
        Integer,
        ForeignKey("organisations.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("pack_id", String(200), nullable=False),
    Column("pack_version", String(200)),
    Column("pack_sha256", String(64)),
    Column("assessment_date", Date, nullable=False),
    Column("audit_date", Date),
    Column("version", Integer, nullable=False),
    Column("readiness", Float),  # overall readiness of the current version, when scored
    Column("verdict", String(20)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("updated_at", UtcDateTime, nullable=False),
    Column("updated_by", String(200)),
    # The current version, SPEC section 2 JSON. Last, so that SQLite reads the columns of
    # a list without walking this (large) value's overflow pages.
    Column("document", Text, nullable=False),
)

versions = Table(
    "assessment_versions",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("version", Integer, primary_key=True),
    Column("document_z", LargeBinary, nullable=False),  # zlib-compressed JSON
    Column("author", String(200)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("changes", Text, nullable=False),  # JSON list of change records
    Column("restored_from", Integer),
)

# Which file hashes the current version of each assessment refers to (kept on every save).
assessment_files = Table(
    "assessment_files",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("sha256", String(64), primary_key=True),
    Index("ix_assessment_files_sha256", "sha256"),
)

files = Table(
    "files",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("media_type", String(200), nullable=False),
    Column("name", String(500), nullable=False),  # the name it was first stored under
    Column("content", LargeBinary),  # NULL once erased
    Column("created_at", UtcDateTime, nullable=False),
    Column("erased_at", UtcDateTime),
    Column("erased_by", String(200)),
)

packs = Table(
    "packs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("pack_id", String(200), nullable=False, index=True),
    Column("version", String(200), nullable=False),
    Column("name", String(500), nullable=False),
    Column("text", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
)

# Small facts about the store itself, e.g. which assessment is the demo.
settings = Table(
    "settings",
    metadata,
    Column("key", String(100), primary_key=True),
    Column("value", Text, nullable=False),
)

SCHEMA_VERSION = 2


def _add_workshops(conn: Connection) -> None:
    from .workshops import add_workshop_tables

    add_workshop_tables(conn)


# MIGRATIONS[n] brings a database of schema version n to version n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _add_workshops}  # 2: workshop tables

_PG_LOCK_KEY = 0x696B6D  # "ikm": advisory lock held while a database is set up


def ensure_schema(conn: Connection) -> int:
    """Create or migrate the schema inside the caller's write transaction; return its version."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    if not conn.dialect.has_table(conn, schema_table.name):
        metadata.create_all(conn)
        conn.execute(schema_table.insert().values(id=1, version=SCHEMA_VERSION))
        return SCHEMA_VERSION
    current = conn.execute(select(schema_table.c.version).where(schema_table.c.id == 1)).scalar()
    if current is None:
        raise StoreError("the database has an ikm_schema table without a version; is it ours?")
    if current > SCHEMA_VERSION:
        raise StoreError(
            f"the database has schema version {current}, newer than this ikm-readiness "
            f"understands ({SCHEMA_VERSION}); upgrade ikm-readiness"
        )
    while current < SCHEMA_VERSION:
        MIGRATIONS[current](conn)
        current += 1
        conn.execute(schema_table.update().where(schema_table.c.id == 1).values(version=current))
    return current


from . import workshops as _workshops  # noqa: E402, F401  (its tables join `metadata`)
