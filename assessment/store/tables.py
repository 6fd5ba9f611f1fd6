"""The tables of the store, defined once: the current schema of every part.

A new database gets these tables as they are; an older one is brought up to them by the
Alembic revisions in ``migrations/versions`` (see ``migrate``). Everything is on
:data:`metadata`.

Workshop tables:

- ``workshops``: one per session of a consultant with a team, on one assessment: its join
  code, ``state`` (``open``/``closed``), the criterion on screen, the round of voting on
  screen and whether voting is open, the timer, who led it, when it started and closed.
- ``workshop_participants``: who joined (the name they gave) and the SHA-256 of their
  secret token; the token itself lives only in the participant's browser session.
- ``workshop_rounds``: each time the consultant opens voting on a criterion a new round
  starts (1, 2, ... per workshop and criterion), so a vote again after discussion does not
  overwrite the first; it also keeps the level the group agreed.
- ``workshop_votes``: append-only. A participant may change their vote while the round is
  open; each change is a new row, and the latest row per participant and round counts.
- ``workshop_reasons``: why a participant whose vote stood out (lowest or highest, away from
  the median, in a round that needs discussion) voted as they did, asked after the reveal.

A workshop may offer participant groups (``groups``, chosen on joining: ``group_name``); a
round may be anonymous (names never leave the store) and its votes stay hidden from the
screen until the facilitator reveals them (``revealed_at``).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
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
    false,
)


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

# The version of the home-made scheme before Alembic. Kept, saying ``GUARD_VERSION`` (see
# ``migrate``), so that an ikm-readiness from before Alembic refuses the database.
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

workshops = Table(
    "workshops",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("code", String(12), nullable=False, unique=True),
    Column("state", String(10), nullable=False),  # open | closed
    Column("criterion_id", String(200)),  # the criterion on screen
    Column("round", Integer),  # the round of that criterion on screen (None: none yet)
    Column("voting", String(10), nullable=False),  # open | closed
    Column("timer_started_at", UtcDateTime),
    Column("timer_seconds", Integer),
    Column("consultant", String(200)),
    Column("created_at", UtcDateTime, nullable=False),
    Column("closed_at", UtcDateTime),
    Column("groups", Text),  # the participant groups to choose from, JSON list (None: none)
)

participants = Table(
    "workshop_participants",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("name", String(200), nullable=False),
    Column("token_sha256", String(64), nullable=False, unique=True),
    Column("joined_at", UtcDateTime, nullable=False),
    Column("group_name", String(80)),  # the group chosen on joining (None: no groups)
)

rounds = Table(
    "workshop_rounds",
    metadata,
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("criterion_id", String(200), primary_key=True),
    Column("round", Integer, primary_key=True),
    Column("opened_at", UtcDateTime, nullable=False),
    Column("closed_at", UtcDateTime),
    Column("agreed_level", Integer),
    Column("agreed_at", UtcDateTime),
    Column("agreed_by", String(200)),
    Column("anonymous", Boolean, nullable=False, default=False, server_default=false()),
    Column("revealed_at", UtcDateTime),  # None: the votes are hidden from the screen
)

votes = Table(
    "workshop_votes",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("criterion_id", String(200), nullable=False),
    Column("round", Integer, nullable=False),
    Column(
        "participant_id",
        Integer,
        ForeignKey("workshop_participants.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("level", Integer, nullable=False),
    Column("comment", Text),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_workshop_votes_round", "workshop_id", "criterion_id", "round"),
)

reasons = Table(
    "workshop_reasons",
    metadata,
    Column("id", Integer, primary_key=True),
    Column(
        "workshop_id",
        Integer,
        ForeignKey("workshops.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("criterion_id", String(200), nullable=False),
    Column("round", Integer, nullable=False),
    Column(
        "participant_id",
        Integer,
        ForeignKey("workshop_participants.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("reason", Text, nullable=False),
    Column("created_at", UtcDateTime, nullable=False),
    Index("ix_workshop_reasons_round", "workshop_id", "criterion_id", "round"),
)

WORKSHOP_TABLES = (workshops, participants, rounds, votes, reasons)

# ---- access (revision 0003) -------------------------------------------------------------------
# Who may do what: the members of each organisation with their role, the instance's admins,
# and the audit log. E-mail addresses are kept lower-cased. The audit log has no foreign key:
# its rows outlive a deleted organisation (admins still read them).

members = Table(
    "organisation_members",
    metadata,
    Column(
        "organisation_id",
        Integer,
        ForeignKey("organisations.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("email", String(320), primary_key=True),
    Column("role", String(10), nullable=False),  # owner, editor, reviewer
    Column("added_at", UtcDateTime, nullable=False),
    Column("added_by", String(400)),
    Index("ix_organisation_members_email", "email"),
)

admins = Table(
    "instance_admins",
    metadata,
    Column("email", String(320), primary_key=True),
    Column("added_at", UtcDateTime, nullable=False),
    Column("added_by", String(400)),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", UtcDateTime, nullable=False),
    Column("actor", String(400)),
    Column("action", String(40), nullable=False),
    Column("organisation_id", Integer),
    Column("subject", String(400)),
    Column("detail", Text),
    Index("ix_audit_log_organisation_id", "organisation_id"),
)

ACCESS_TABLES = (members, admins, audit_log)

# Who has an assessment open: one row per browser session, its heartbeat renewed every few
# seconds by the open page; rows older than PRESENCE_SECONDS do not count and are removed.

presence = Table(
    "presence",
    metadata,
    Column(
        "assessment_id",
        Integer,
        ForeignKey("assessments.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("session_id", String(64), primary_key=True),
    Column("name", String(400)),
    Column("seen_at", UtcDateTime, nullable=False),
    Index("ix_presence_seen_at", "seen_at"),
)
