"""Workshops on an assessment: join codes, participants, rounds of voting and every vote.

Tables (on :data:`assessment.store.schema.metadata`, created with the others; databases of
schema version 1 get them from migration step 1 -> 2):

- ``workshops``: one per session of a consultant with a team, on one assessment: its join
  code, ``state`` (``open``/``closed``), the criterion on screen, the round of voting on
  screen and whether voting is open, the timer, who led it, when it started and closed.
- ``workshop_participants``: who joined (the name they gave) and the SHA-256 of their
  secret token; the token itself lives only in the participant's browser session.
- ``workshop_rounds``: each time the consultant opens voting on a criterion a new round
  starts (1, 2, ... per workshop and criterion), so a vote again after discussion does not
  overwrite the first; it also keeps the level the group agreed.
- ``workshop_votes``: append-only. A participant may change their vote while the round is
  open; each change is a new row, and the latest row per participant and round counts. So
  one vote per participant per criterion per round counts, and every vote stays on record.

Security: a join code works only for its own workshop, only while the workshop is open and
for at most :data:`~assessment.workshop.CODE_LIFETIME`; a participant's token can only read
the criterion on screen and vote on it while voting is open. Failed join attempts are
throttled per process (:data:`JOIN_FAILURES_PER_MINUTE`), so codes cannot be guessed.
"""

from __future__ import annotations

import hashlib
import secrets
import threading
import time
import weakref
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Column,
    Connection,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from ..errors import IkmError
from ..i18n import localise
from ..packs import Criterion, Pack
from ..workshop import (
    RoundRecord,
    Vote,
    VoteSummary,
    WorkshopAppendix,
    WorkshopFindings,
    WorkshopSession,
    clean_comment,
    clean_name,
    code_expires_at,
    code_is_valid,
    findings,
    new_join_code,
    normalise_code,
    summarise_votes,
    workshop_appendix,
)
from .engine import WRITE
from .errors import NotFoundError, StaleVersionError, StoreError
from .schema import UtcDateTime, metadata, utc_now

if TYPE_CHECKING:
    from .repository import Store

JOIN_FAILURES_PER_MINUTE = 30  # failed joins (all clients together) before joining pauses
MAX_PARTICIPANTS = 200  # per workshop: a room, not a crowd
MIN_TIMER_S, MAX_TIMER_S = 10, 60 * 60

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

TABLES = (workshops, participants, rounds, votes)

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


# ---- errors and what the store returns ---------------------------------------------------------


class JoinRefused(StoreError):
    """A join code was not accepted; ``reason`` is one of ``name``, ``format``, ``unknown``,
    ``ended``, ``full``, ``throttled``, ``token`` (for a translated message)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class VoteRefused(StoreError):
    """A vote was not accepted; ``reason`` is one of ``level``, ``ended``, ``closed``,
    ``moved`` (another criterion is on screen)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class WorkshopInfo:
    """One workshop as the consultant's screen needs it."""

    id: int
    assessment_id: int
    code: str
    state: str  # open | closed
    criterion_id: str | None
    round: int | None
    voting_open: bool
    timer_started_at: datetime | None
    timer_seconds: int | None
    consultant: str | None
    created_at: datetime
    closed_at: datetime | None

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    @property
    def expires_at(self) -> datetime:
        """When the join code stops working."""
        return code_expires_at(self.created_at, self.closed_at)

    def code_valid(self, now: datetime | None = None) -> bool:
        return code_is_valid(self.created_at, self.closed_at, now or utc_now())

    def seconds_left(self, now: datetime | None = None) -> int | None:
        """Seconds left on the timer (0 when it ran out); None when no timer runs."""
        if self.timer_started_at is None or not self.timer_seconds:
            return None
        elapsed = ((now or utc_now()) - self.timer_started_at).total_seconds()
        return max(0, int(self.timer_seconds - elapsed + 0.999))


@dataclass(frozen=True)
class Participation:
    """A participant who joined: keep ``token`` secret in their session; it is their key."""

    token: str
    participant_id: int
    workshop_id: int
    name: str


@dataclass(frozen=True)
class ParticipantScreen:
    """Everything a participant may see: the criterion on screen, the scale, and their vote.

    No assessment data: no responses, no evidence, no other criteria.
    """

    name: str
    workshop_open: bool
    voting_open: bool
    criterion: Criterion | None  # None before the consultant shows a criterion
    round: int | None
    scale: tuple[tuple[int, Any], ...]  # (level, label) of the pack's scale
    my_vote: Vote | None  # this participant's vote in the round on screen


# ---- the store ----------------------------------------------------------------------------------


_SHARED: weakref.WeakKeyDictionary[Any, WorkshopStore] = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def _row_info(row: Any) -> WorkshopInfo:
    return WorkshopInfo(
        id=row.id,
        assessment_id=row.assessment_id,
        code=row.code,
        state=row.state,
        criterion_id=row.criterion_id,
        round=row.round,
        voting_open=row.voting == "open",
        timer_started_at=row.timer_started_at,
        timer_seconds=row.timer_seconds,
        consultant=row.consultant,
        created_at=row.created_at,
        closed_at=row.closed_at,
    )


class WorkshopStore:
    """Workshops kept in the same database as a :class:`~assessment.store.Store`.

    Thread-safe; one per process is enough. Every method raises ``StoreError`` (an
    ``IkmError`` with a message fit for the user) when it cannot do what was asked.
    """

    def __init__(self, store: Store):
        self.store = store
        self._store = store
        self._engine = store._engine
        self._failures: deque[float] = deque()
        self._lock = threading.Lock()

    @classmethod
    def of(cls, store: Store) -> WorkshopStore:
        """The one WorkshopStore of ``store`` (so all pages share its join throttle)."""
        with _SHARED_LOCK:
            found = _SHARED.get(store)
            if found is None:
                found = _SHARED[store] = cls(store)
            return found

    # ---- transactions -----------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._errors(), self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except IkmError:
            raise
        except DBAPIError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise StoreError(f"database {self._store.url}: {detail}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"database {self._store.url}: {exc}") from exc

    def _locked_workshop(self, conn: Connection, workshop_id: int) -> Any:
        """The workshop row, locked against concurrent changes until the transaction ends."""
        row = conn.execute(
            select(workshops).where(workshops.c.id == workshop_id).with_for_update()
        ).first()
        if row is None:
            raise NotFoundError(f"workshop {workshop_id} does not exist")
        return row

    # ---- the consultant ---------------------------------------------------------------------

    def start(self, assessment_id: int, consultant: str | None = None) -> WorkshopInfo:
        """Open a workshop on an assessment with a fresh join code.

        An assessment has at most one open workshop: when there is one, it is returned.
        """
        self._store.get_summary(assessment_id)  # NotFoundError when there is none
        current = self.open_for(assessment_id)
        if current is not None:
            return current
        for _attempt in range(5):
            try:
                with self._write() as conn:
                    new_id = conn.execute(
                        insert(workshops)
                        .values(
                            assessment_id=assessment_id,
                            code=new_join_code(),
                            state="open",
                            voting="closed",
                            consultant=(consultant or "").strip()[:200] or None,
                            created_at=utc_now(),
                        )
                        .returning(workshops.c.id)
                    ).scalar_one()
                return self.get(new_id)
            except StoreError as exc:
                if not isinstance(exc.__cause__, IntegrityError):
                    raise
        raise StoreError("could not find a free join code; try again")

    def get(self, workshop_id: int) -> WorkshopInfo:
        with self._read() as conn:
            row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
        if row is None:
            raise NotFoundError(f"workshop {workshop_id} does not exist")
        return _row_info(row)

    def open_for(self, assessment_id: int) -> WorkshopInfo | None:
        """The open workshop on an assessment whose code still works, or None."""
        with self._read() as conn:
            rows = conn.execute(
                select(workshops)
                .where(workshops.c.assessment_id == assessment_id, workshops.c.state == "open")
                .order_by(workshops.c.id.desc())
            ).all()
        now = utc_now()
        for row in rows:
            info = _row_info(row)
            if info.code_valid(now):
                return info
        return None

    def list_for(self, assessment_id: int) -> list[WorkshopInfo]:
        """Every workshop on an assessment, newest first."""
        with self._read() as conn:
            rows = conn.execute(
                select(workshops)
                .where(workshops.c.assessment_id == assessment_id)
                .order_by(workshops.c.id.desc())
            ).all()
        return [_row_info(row) for row in rows]

    def show(self, workshop_id: int, criterion_id: str) -> WorkshopInfo:
        """Put a criterion on screen (voting on the previous one closes first).

        The round on screen becomes that criterion's latest round, if it had one.
        """
        pack = self._pack(workshop_id)
        if criterion_id not in pack.criteria_by_id:
            raise NotFoundError(f"criterion {criterion_id} is not in pack {pack.id}")
        with self._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            self._must_be_open(row)
            if row.voting == "open":
                self._close_round(conn, row)
            latest = conn.execute(
                select(func.max(rounds.c.round)).where(
                    rounds.c.workshop_id == workshop_id, rounds.c.criterion_id == criterion_id
                )
            ).scalar()
            conn.execute(
                update(workshops)
                .where(workshops.c.id == workshop_id)
                .values(
                    criterion_id=criterion_id,
                    round=latest,
                    voting="closed",
                    timer_started_at=None,
                )
            )
        return self.get(workshop_id)

    def open_voting(self, workshop_id: int, timer_seconds: int | None = None) -> WorkshopInfo:
        """Start a new round of voting on the criterion on screen (and the timer, if given)."""
        with self._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            self._must_be_open(row)
            if row.criterion_id is None:
                raise StoreError("show a criterion before opening the vote")
            if row.voting == "open":
                return _row_info(row)
            latest = conn.execute(
                select(func.max(rounds.c.round)).where(
                    rounds.c.workshop_id == workshop_id,
                    rounds.c.criterion_id == row.criterion_id,
                )
            ).scalar()
            new_round = (latest or 0) + 1
            now = utc_now()
            conn.execute(
                insert(rounds).values(
                    workshop_id=workshop_id,
                    criterion_id=row.criterion_id,
                    round=new_round,
                    opened_at=now,
                )
            )
            seconds = _timer(timer_seconds)
            conn.execute(
                update(workshops)
                .where(workshops.c.id == workshop_id)
                .values(
                    round=new_round,
                    voting="open",
                    timer_started_at=now if seconds else None,
                    timer_seconds=seconds or row.timer_seconds,
                )
            )
        return self.get(workshop_id)

    def close_voting(self, workshop_id: int) -> VoteSummary:
        """Close the round on screen and return its spread."""
        with self._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            if row.voting == "open":
                self._close_round(conn, row)
                conn.execute(
                    update(workshops)
                    .where(workshops.c.id == workshop_id)
                    .values(voting="closed", timer_started_at=None)
                )
        return self.summary(workshop_id)

    def _close_round(self, conn: Connection, row: Any) -> None:
        conn.execute(
            update(rounds)
            .where(
                rounds.c.workshop_id == row.id,
                rounds.c.criterion_id == row.criterion_id,
                rounds.c.round == row.round,
                rounds.c.closed_at.is_(None),
            )
            .values(closed_at=utc_now())
        )

    def start_timer(self, workshop_id: int, seconds: int) -> WorkshopInfo:
        """(Re)start the timer with ``seconds`` on the clock."""
        with self._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            self._must_be_open(row)
            conn.execute(
                update(workshops)
                .where(workshops.c.id == workshop_id)
                .values(timer_started_at=utc_now(), timer_seconds=_timer(seconds))
            )
        return self.get(workshop_id)

    def close(self, workshop_id: int) -> WorkshopInfo:
        """End the workshop: voting closes and the join code stops working for good."""
        with self._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            if row.state == "open":
                if row.voting == "open":
                    self._close_round(conn, row)
                conn.execute(
                    update(workshops)
                    .where(workshops.c.id == workshop_id)
                    .values(
                        state="closed", voting="closed", timer_started_at=None, closed_at=utc_now()
                    )
                )
        return self.get(workshop_id)

    @staticmethod
    def _must_be_open(row: Any) -> None:
        if row.state != "open":
            raise StoreError("this workshop has been closed; start a new one")

    # ---- results ----------------------------------------------------------------------------

    def participant_names(self, workshop_id: int) -> list[str]:
        """Who joined, in the order they joined."""
        with self._read() as conn:
            return list(
                conn.execute(
                    select(participants.c.name)
                    .where(participants.c.workshop_id == workshop_id)
                    .order_by(participants.c.id)
                ).scalars()
            )

    def summary(
        self, workshop_id: int, criterion_id: str | None = None, round_no: int | None = None
    ) -> VoteSummary:
        """Who voted what in a round (default: the round on screen), with min/median/max."""
        info = self.get(workshop_id)
        cid = criterion_id or info.criterion_id
        if cid is None:
            return summarise_votes("", [])
        if round_no is None:
            round_no = info.round if cid == info.criterion_id else self._last_round(info.id, cid)
        if round_no is None:
            return summarise_votes(cid, [])
        with self._read() as conn:
            return summarise_votes(cid, self._round_votes(conn, workshop_id, cid, round_no))

    def _last_round(self, workshop_id: int, criterion_id: str) -> int | None:
        with self._read() as conn:
            return conn.execute(
                select(func.max(rounds.c.round)).where(
                    rounds.c.workshop_id == workshop_id, rounds.c.criterion_id == criterion_id
                )
            ).scalar()

    @staticmethod
    def _round_votes(
        conn: Connection, workshop_id: int, criterion_id: str, round_no: int
    ) -> list[Vote]:
        """The latest vote of each participant in one round."""
        latest = (
            select(func.max(votes.c.id))
            .where(
                votes.c.workshop_id == workshop_id,
                votes.c.criterion_id == criterion_id,
                votes.c.round == round_no,
            )
            .group_by(votes.c.participant_id)
        )
        rows = conn.execute(
            select(participants.c.name, votes.c.level, votes.c.comment)
            .join(participants, participants.c.id == votes.c.participant_id)
            .where(votes.c.id.in_(latest))
        ).all()
        return [Vote(row.name, row.level, row.comment) for row in rows]

    def vote_count(self, workshop_id: int) -> int:
        """How many participants voted in the round on screen."""
        return self.summary(workshop_id).count

    def all_votes(self, workshop_id: int) -> list[dict[str, Any]]:
        """Every vote ever cast in a workshop, changed ones included, oldest first."""
        with self._read() as conn:
            rows = conn.execute(
                select(
                    votes.c.criterion_id,
                    votes.c.round,
                    participants.c.name,
                    votes.c.level,
                    votes.c.comment,
                    votes.c.created_at,
                )
                .join(participants, participants.c.id == votes.c.participant_id)
                .where(votes.c.workshop_id == workshop_id)
                .order_by(votes.c.id)
            ).all()
        return [row._asdict() for row in rows]

    def agree(
        self, workshop_id: int, level: int, author: str | None = None, *, attempts: int = 3
    ) -> int:
        """Record the level the group agreed on the criterion on screen.

        The level becomes the criterion's response in the assessment through
        :meth:`Store.save` (a normal change, with the author in the history; the note is
        kept) and is kept with the round. Returns the assessment's new version. When
        somebody saved in between, the change is made again on their version.
        """
        info = self.get(workshop_id)
        if info.criterion_id is None:
            raise StoreError("show a criterion before recording a level")
        cid = info.criterion_id
        pack = self._pack(workshop_id)
        if not 0 <= level <= pack.top_level:
            raise StoreError(f"level {level} is not on the scale 0-{pack.top_level}")
        from ..edits import set_response

        for attempt in range(attempts):
            assessment, version = self._store.get_assessment(info.assessment_id)
            try:
                new_version = self._store.save(
                    info.assessment_id,
                    set_response(assessment, cid, level=level, not_applicable=False),
                    version,
                    author or info.consultant,
                )
                break
            except StaleVersionError:
                if attempt == attempts - 1:
                    raise
        if info.round is not None:
            with self._write() as conn:
                conn.execute(
                    update(rounds)
                    .where(
                        rounds.c.workshop_id == workshop_id,
                        rounds.c.criterion_id == cid,
                        rounds.c.round == info.round,
                    )
                    .values(
                        agreed_level=level,
                        agreed_at=utc_now(),
                        agreed_by=(author or info.consultant or "")[:200] or None,
                    )
                )
        return new_version

    def agreed(self, workshop_id: int, criterion_id: str) -> int | None:
        """The level last agreed on a criterion in this workshop, or None."""
        with self._read() as conn:
            return conn.execute(
                select(rounds.c.agreed_level)
                .where(
                    rounds.c.workshop_id == workshop_id,
                    rounds.c.criterion_id == criterion_id,
                    rounds.c.agreed_level.is_not(None),
                )
                .order_by(rounds.c.round.desc())
                .limit(1)
            ).scalar()

    def findings(self, assessment_id: int) -> WorkshopFindings:
        """Consensus and spread per criterion over every workshop on an assessment (for the
        report's appendix); empty (falsy) when nobody voted."""
        with self._read() as conn:
            sessions = conn.execute(
                select(workshops).where(workshops.c.assessment_id == assessment_id)
            ).all()
            records = []
            for row in conn.execute(
                select(rounds)
                .join(workshops, workshops.c.id == rounds.c.workshop_id)
                .where(workshops.c.assessment_id == assessment_id)
            ).all():
                records.append(
                    RoundRecord(
                        criterion=row.criterion_id,
                        round=row.round,
                        votes=tuple(
                            self._round_votes(conn, row.workshop_id, row.criterion_id, row.round)
                        ),
                        agreed=row.agreed_level,
                        started_at=row.opened_at,
                    )
                )
        if not records:
            return findings([], [])
        try:
            order = [c.id for _, c in self._store.pack_for(assessment_id).criteria()]
        except IkmError:
            order = []
        return findings(
            records,
            order,
            [WorkshopSession(s.created_at, s.closed_at, s.consultant) for s in sessions],
        )

    def vote_total(self, assessment_id: int) -> int:
        """How many votes were ever cast on an assessment (changes with every vote; a cheap
        key for caching its report)."""
        with self._read() as conn:
            return conn.execute(
                select(func.count())
                .select_from(votes)
                .join(workshops, workshops.c.id == votes.c.workshop_id)
                .where(workshops.c.assessment_id == assessment_id)
            ).scalar_one()

    def appendix(self, assessment_id: int, lang: str = "nl") -> WorkshopAppendix | None:
        """The report's workshop appendix in ``lang`` (pass it to ``render_pdf(...,
        workshop=...)``); None when nobody voted on the assessment."""
        found = self.findings(assessment_id)
        if not found:
            return None
        try:
            pack = self._store.pack_for(assessment_id)
            titles = {c.id: localise(c.title, lang) for _, c in pack.criteria()}
        except IkmError:
            titles = {}
        return workshop_appendix(found, titles, lang)

    # ---- participants -----------------------------------------------------------------------

    def join(self, code: str, name: str) -> Participation:
        """Join the open workshop with this code under ``name``; keep the returned token.

        :class:`JoinRefused` when the code is not a workshop's, the workshop ended or its
        code expired, or too many wrong codes were tried in the last minute.
        """
        self._check_throttle()
        wanted = normalise_code(code)
        cleaned = clean_name(name)
        if cleaned is None:
            raise JoinRefused("give your name to join", "name")
        if wanted is None:
            self._failed()
            raise JoinRefused("that is not a join code: it has 6 letters and digits", "format")
        token = secrets.token_urlsafe(32)
        with self._write() as conn:
            row = conn.execute(
                select(workshops).where(workshops.c.code == wanted).with_for_update()
            ).first()
            if row is None:
                self._failed()
                raise JoinRefused(
                    "no workshop has this join code; check the code on the screen", "unknown"
                )
            info = _row_info(row)
            if not info.code_valid():
                raise JoinRefused("this workshop has ended; its join code no longer works", "ended")
            joined = conn.execute(
                select(func.count())
                .select_from(participants)
                .where(participants.c.workshop_id == row.id)
            ).scalar_one()
            if joined >= MAX_PARTICIPANTS:
                raise JoinRefused("this workshop is full", "full")
            pid = conn.execute(
                insert(participants)
                .values(
                    workshop_id=row.id,
                    name=cleaned,
                    token_sha256=_token_hash(token),
                    joined_at=utc_now(),
                )
                .returning(participants.c.id)
            ).scalar_one()
        return Participation(token=token, participant_id=pid, workshop_id=row.id, name=cleaned)

    def _check_throttle(self) -> None:
        now = time.monotonic()
        with self._lock:
            while self._failures and now - self._failures[0] > 60:
                self._failures.popleft()
            if len(self._failures) >= JOIN_FAILURES_PER_MINUTE:
                raise JoinRefused(
                    "too many wrong join codes were tried; wait a minute", "throttled"
                )

    def _failed(self) -> None:
        with self._lock:
            self._failures.append(time.monotonic())

    def _participant(self, conn: Connection, token: str) -> Any:
        row = conn.execute(
            select(participants.c.id, participants.c.workshop_id, participants.c.name).where(
                participants.c.token_sha256 == _token_hash(token or "")
            )
        ).first()
        if row is None:
            raise JoinRefused("you are not in this workshop (any more); join again", "token")
        return row

    def screen(self, token: str) -> ParticipantScreen:
        """What the participant with ``token`` may see right now."""
        with self._read() as conn:
            who = self._participant(conn, token)
            row = conn.execute(select(workshops).where(workshops.c.id == who.workshop_id)).one()
            info = _row_info(row)
            mine = None
            if info.criterion_id is not None and info.round is not None:
                last = conn.execute(
                    select(votes.c.level, votes.c.comment)
                    .where(
                        votes.c.participant_id == who.id,
                        votes.c.criterion_id == info.criterion_id,
                        votes.c.round == info.round,
                    )
                    .order_by(votes.c.id.desc())
                    .limit(1)
                ).first()
                if last is not None:
                    mine = Vote(who.name, last.level, last.comment)
        workshop_open = info.code_valid()
        pack = self._store.pack_for(info.assessment_id)
        criterion = pack.criteria_by_id.get(info.criterion_id) if workshop_open else None
        return ParticipantScreen(
            name=who.name,
            workshop_open=workshop_open,
            voting_open=workshop_open and info.voting_open,
            criterion=criterion,
            round=info.round if workshop_open else None,
            scale=tuple((s.level, s.label) for s in pack.scale),
            my_vote=mine if workshop_open else None,
        )

    def vote(self, token: str, criterion_id: str, level: int, comment: str | None = None) -> Vote:
        """Cast (or change) the vote of the participant with ``token`` on the criterion on
        screen. :class:`VoteRefused` says why a vote does not count."""
        if isinstance(level, bool) or not isinstance(level, int):
            raise VoteRefused("a vote is a whole level", "level")
        with self._read() as conn:
            who = self._participant(conn, token)
            assessment_id = conn.execute(
                select(workshops.c.assessment_id).where(workshops.c.id == who.workshop_id)
            ).scalar_one()
        top = self._pack_of_assessment(assessment_id).top_level  # outside the write lock
        with self._write() as conn:
            who = self._participant(conn, token)
            row = conn.execute(
                select(workshops).where(workshops.c.id == who.workshop_id).with_for_update()
            ).one()
            info = _row_info(row)
            if not info.code_valid():
                raise VoteRefused("this workshop has ended", "ended")
            if not info.voting_open:
                raise VoteRefused("voting is closed", "closed")
            if criterion_id != info.criterion_id:
                raise VoteRefused("this criterion is no longer on the screen", "moved")
            if not 0 <= level <= top:
                raise VoteRefused(f"level {level} is not on the scale 0-{top}", "level")
            cleaned = clean_comment(comment)
            conn.execute(
                insert(votes).values(
                    workshop_id=info.id,
                    criterion_id=criterion_id,
                    round=info.round,
                    participant_id=who.id,
                    level=level,
                    comment=cleaned,
                    created_at=utc_now(),
                )
            )
        return Vote(who.name, level, cleaned)

    # ---- packs ---------------------------------------------------------------------------------

    def _pack(self, workshop_id: int) -> Pack:
        return self._pack_of_assessment(self.get(workshop_id).assessment_id)

    def _pack_of_assessment(self, assessment_id: int) -> Pack:
        return self._store.pack_for(assessment_id)


def _timer(seconds: int | None) -> int | None:
    if not seconds:
        return None
    return max(MIN_TIMER_S, min(MAX_TIMER_S, int(seconds)))
