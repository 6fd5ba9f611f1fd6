"""A small versioned migration scheme of our own (the tables themselves: ``tables``).

Table ``ikm_schema`` holds one row with the schema version. A new database gets the current
tables from :data:`~assessment.store.tables.metadata` and is stamped :data:`SCHEMA_VERSION`;
an older one runs each step of :data:`MIGRATIONS` from its version up, each step in the same
transaction as its new stamp. Opening is serialised (``BEGIN IMMEDIATE`` on SQLite, an
advisory lock on PostgreSQL) so two processes starting at once do not both migrate. A
database stamped with a newer version than this code knows is refused rather than damaged.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, select, text

from .errors import StoreError
from .tables import metadata, schema_table

SCHEMA_VERSION = 2

# Plain DDL of schema step 1 -> 2 (as metadata.create_all emits it for version 2), so that
# later changes to the tables above do not change what this step does.
_DDL_V2 = {
    "sqlite": [
        """CREATE TABLE workshops (
            id INTEGER NOT NULL, assessment_id INTEGER NOT NULL, code VARCHAR(12) NOT NULL,
            state VARCHAR(10) NOT NULL, criterion_id VARCHAR(200), round INTEGER,
            voting VARCHAR(10) NOT NULL, timer_started_at DATETIME, timer_seconds INTEGER,
            consultant VARCHAR(200), created_at DATETIME NOT NULL, closed_at DATETIME,
            PRIMARY KEY (id), UNIQUE (code),
            FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshops_assessment_id ON workshops (assessment_id)",
        """CREATE TABLE workshop_participants (
            id INTEGER NOT NULL, workshop_id INTEGER NOT NULL, name VARCHAR(200) NOT NULL,
            token_sha256 VARCHAR(64) NOT NULL, joined_at DATETIME NOT NULL,
            PRIMARY KEY (id), UNIQUE (token_sha256),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshop_participants_workshop_id ON workshop_participants (workshop_id)",
        """CREATE TABLE workshop_rounds (
            workshop_id INTEGER NOT NULL, criterion_id VARCHAR(200) NOT NULL,
            round INTEGER NOT NULL, opened_at DATETIME NOT NULL, closed_at DATETIME,
            agreed_level INTEGER, agreed_at DATETIME, agreed_by VARCHAR(200),
            PRIMARY KEY (workshop_id, criterion_id, round),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE)""",
        """CREATE TABLE workshop_votes (
            id INTEGER NOT NULL, workshop_id INTEGER NOT NULL,
            criterion_id VARCHAR(200) NOT NULL, round INTEGER NOT NULL,
            participant_id INTEGER NOT NULL, level INTEGER NOT NULL, comment TEXT,
            created_at DATETIME NOT NULL, PRIMARY KEY (id),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES workshop_participants (id)
                ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshop_votes_round ON workshop_votes (workshop_id, criterion_id, round)",
        "CREATE INDEX ix_workshop_votes_participant_id ON workshop_votes (participant_id)",
    ],
    "postgresql": [
        """CREATE TABLE workshops (
            id SERIAL NOT NULL, assessment_id INTEGER NOT NULL, code VARCHAR(12) NOT NULL,
            state VARCHAR(10) NOT NULL, criterion_id VARCHAR(200), round INTEGER,
            voting VARCHAR(10) NOT NULL, timer_started_at TIMESTAMP WITHOUT TIME ZONE,
            timer_seconds INTEGER, consultant VARCHAR(200),
            created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
            closed_at TIMESTAMP WITHOUT TIME ZONE,
            PRIMARY KEY (id), UNIQUE (code),
            FOREIGN KEY(assessment_id) REFERENCES assessments (id) ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshops_assessment_id ON workshops (assessment_id)",
        """CREATE TABLE workshop_participants (
            id SERIAL NOT NULL, workshop_id INTEGER NOT NULL, name VARCHAR(200) NOT NULL,
            token_sha256 VARCHAR(64) NOT NULL, joined_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
            PRIMARY KEY (id), UNIQUE (token_sha256),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshop_participants_workshop_id ON workshop_participants (workshop_id)",
        """CREATE TABLE workshop_rounds (
            workshop_id INTEGER NOT NULL, criterion_id VARCHAR(200) NOT NULL,
            round INTEGER NOT NULL, opened_at TIMESTAMP WITHOUT TIME ZONE NOT NULL,
            closed_at TIMESTAMP WITHOUT TIME ZONE, agreed_level INTEGER,
            agreed_at TIMESTAMP WITHOUT TIME ZONE, agreed_by VARCHAR(200),
            PRIMARY KEY (workshop_id, criterion_id, round),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE)""",
        """CREATE TABLE workshop_votes (
            id SERIAL NOT NULL, workshop_id INTEGER NOT NULL,
            criterion_id VARCHAR(200) NOT NULL, round INTEGER NOT NULL,
            participant_id INTEGER NOT NULL, level INTEGER NOT NULL, comment TEXT,
            created_at TIMESTAMP WITHOUT TIME ZONE NOT NULL, PRIMARY KEY (id),
            FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE,
            FOREIGN KEY(participant_id) REFERENCES workshop_participants (id)
                ON DELETE CASCADE)""",
        "CREATE INDEX ix_workshop_votes_round ON workshop_votes (workshop_id, criterion_id, round)",
        "CREATE INDEX ix_workshop_votes_participant_id ON workshop_votes (participant_id)",
    ],
}


def add_workshop_tables(conn: Connection) -> None:
    """Schema step 1 -> 2: create the workshop tables (plain DDL)."""
    for statement in _DDL_V2[conn.dialect.name]:
        conn.execute(text(statement))


def _add_workshop_tables(conn: Connection) -> None:
    """Schema step 1 -> 2: create the workshop tables (plain DDL)."""
    for statement in _DDL_V2[conn.dialect.name]:
        conn.execute(text(statement))


# MIGRATIONS[n] brings a database of schema version n to version n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _add_workshop_tables}

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
