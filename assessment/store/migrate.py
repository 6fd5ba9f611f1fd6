"""Creating and upgrading the schema with Alembic, from code, when the store opens.

Users never run ``alembic``: :func:`ensure_schema` runs inside the write transaction in which
the store opens a database, and does what is needed.

- A new database gets the tables of :mod:`~assessment.store.tables` as they are and is
  stamped with the newest revision (``migrations/versions``).
- A database of an older revision is upgraded, every step in that one transaction: all of
  it is done, or nothing.
- A database from before Alembic (table ``ikm_schema`` with the home-made version 1 or 2)
  is stamped with the revision that matches its version, then upgraded.
- A database whose revision this code does not know (made by a newer ikm-readiness) is
  refused with a message, never changed.

One process migrates while others wait: the transaction holds SQLite's file lock from its
start (``BEGIN IMMEDIATE``), and on PostgreSQL an advisory lock. ``ikm_schema`` stays, with
version :data:`GUARD_VERSION`, so that an ikm-readiness from before Alembic refuses the
database instead of damaging it.

To change the schema: change :mod:`~assessment.store.tables`, then add a revision to
``migrations/versions`` (``alembic_config()`` gives ``alembic.command.revision`` what it
needs; see docs/storage.md) that brings the previous revision there.
``tests/test_store_migrations.py`` checks that the revisions end at the tables.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select, text

from .errors import StoreError
from .tables import metadata, schema_table

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported where it is used, when a store opens: importing the store package (as
# every page of the app does before it draws anything) does not pay for it.

SCRIPTS = Path(__file__).with_name("migrations")
LEGACY_REVISIONS = {1: "0001", 2: "0002"}  # home-made schema version -> its revision
GUARD_VERSION = 1000  # what ikm_schema says from now on: "newer" for the code before Alembic
VERSION_TABLE = "ikm_alembic_version"  # not "alembic_version": a shared PostgreSQL schema may
# hold another application's Alembic table, which must never be taken for ours
_PG_LOCK_KEY = 0x696B6D  # "ikm": advisory lock held while a database is set up


def alembic_config(connection: Connection | None = None, scripts: Path | None = None) -> Config:
    """An Alembic configuration without a file: the scripts in the package, and the
    connection to migrate on (for ``alembic.command``)."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts or SCRIPTS))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@lru_cache(maxsize=4)
def _scripts(location: str) -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config(scripts=Path(location)))


def head_revision() -> str:
    """The newest revision this code knows."""
    head = _scripts(str(SCRIPTS)).get_current_head()
    assert head is not None
    return head


def ensure_schema(conn: Connection) -> str:
    """Create or upgrade the schema inside the caller's write transaction; return the
    revision the database is at afterwards. :class:`StoreError` for a database this code
    cannot use (a newer one, or one that is not ours)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK_KEY})
    scripts = _scripts(str(SCRIPTS))
    head = scripts.get_current_head()
    current = MigrationContext.configure(
        conn, opts={"version_table": VERSION_TABLE}
    ).get_current_revision()
    if current is None:
        if not conn.dialect.has_table(conn, schema_table.name):  # a new database
            metadata.create_all(conn)
            conn.execute(schema_table.insert().values(id=1, version=GUARD_VERSION))
            command.stamp(alembic_config(conn), "head")
            return str(head)
        current = _adopt(conn)
    known = {script.revision for script in scripts.walk_revisions()}
    if current not in known:
        raise StoreError(
            f"the database has schema revision {current}, newer than this ikm-readiness "
            f"understands (up to {head}); upgrade ikm-readiness"
        )
    if current != head:
        command.upgrade(alembic_config(conn), "head")
    return str(head)


def _adopt(conn: Connection) -> str:
    """Stamp a database of the home-made scheme with its revision; return that revision."""
    from alembic import command

    version = conn.execute(select(schema_table.c.version).where(schema_table.c.id == 1)).scalar()
    if version is None:
        raise StoreError("the database has an ikm_schema table without a version; is it ours?")
    if version not in LEGACY_REVISIONS:
        newest = max(LEGACY_REVISIONS)
        raise StoreError(
            f"the database has schema version {version}, newer than this ikm-readiness "
            f"understands ({newest}); upgrade ikm-readiness"
        )
    revision = LEGACY_REVISIONS[version]
    command.stamp(alembic_config(conn), revision)
    conn.execute(schema_table.update().where(schema_table.c.id == 1).values(version=GUARD_VERSION))
    return revision
