"""What every part of :class:`~assessment.store.workshops.Workshops` shares: the store it
belongs to, reading one workshop, and the workshop's criteria pack.

The workshops are a part of the store, not a store of their own: they read and write through
the store's one transaction helper (``Store._read``, ``Store._write``, ``Store._in_write``),
in the same database and with the same error handling as everything else.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from ..packs import Pack
from ..workshop import Vote, VoteSummary, summarise_votes
from .errors import NotFoundError, StoreError
from .records import WorkshopInfo
from .tables import participants, reasons, rounds, votes, workshops

if TYPE_CHECKING:
    from .repository import Store


def token_hash(token: str) -> str:
    """The SHA-256 of a participant's token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def row_groups(row: Any) -> tuple[str, ...]:
    """The participant groups of a ``workshops`` row."""
    try:
        groups = json.loads(row.groups) if row.groups else []
    except ValueError:
        return ()
    return tuple(g for g in groups if isinstance(g, str))


def row_info(row: Any, round_row: Any = None) -> WorkshopInfo:
    """A row of ``workshops`` as a record (``round_row``: its round on screen, if any)."""
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
        groups=row_groups(row),
        anonymous=bool(round_row is not None and round_row.anonymous),
        revealed=round_row is not None and round_row.revealed_at is not None,
    )


def round_row(conn: Connection, row: Any) -> Any:
    """The round on screen of a ``workshops`` row (None before the first vote)."""
    if row.criterion_id is None or row.round is None:
        return None
    return conn.execute(
        select(rounds.c.anonymous, rounds.c.revealed_at).where(
            rounds.c.workshop_id == row.id,
            rounds.c.criterion_id == row.criterion_id,
            rounds.c.round == row.round,
        )
    ).first()


def round_votes(
    conn: Connection, workshop_id: int, criterion_id: str, round_no: int, anonymous: bool
) -> list[Vote]:
    """The latest vote of each participant in one round, with their group and reason; no
    names in an ``anonymous`` round."""
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
        select(
            votes.c.participant_id,
            participants.c.name,
            participants.c.group_name,
            votes.c.level,
            votes.c.comment,
        )
        .join(participants, participants.c.id == votes.c.participant_id)
        .where(votes.c.id.in_(latest))
    ).all()
    given = {
        r.participant_id: r.reason
        for r in conn.execute(
            select(reasons.c.participant_id, reasons.c.reason)
            .where(
                reasons.c.workshop_id == workshop_id,
                reasons.c.criterion_id == criterion_id,
                reasons.c.round == round_no,
            )
            .order_by(reasons.c.id)
        )
    }
    return [
        Vote(
            "" if anonymous else row.name,
            row.level,
            row.comment,
            row.group_name,
            given.get(row.participant_id),
        )
        for row in rows
    ]


def round_summary(
    conn: Connection, workshop_id: int, criterion_id: str, round_no: int
) -> VoteSummary:
    """Who voted what in one round (no names when it is anonymous)."""
    anonymous = conn.execute(
        select(rounds.c.anonymous).where(
            rounds.c.workshop_id == workshop_id,
            rounds.c.criterion_id == criterion_id,
            rounds.c.round == round_no,
        )
    ).scalar()
    found = round_votes(conn, workshop_id, criterion_id, round_no, bool(anonymous))
    return summarise_votes(criterion_id, found, bool(anonymous))


class WorkshopBase:
    """The store a :class:`~assessment.store.workshops.Workshops` belongs to, and helpers."""

    def __init__(self, store: Store):
        self._store = store

    def get(self, workshop_id: int) -> WorkshopInfo:
        """One workshop; :class:`NotFoundError` when there is none."""
        with self._store._read() as conn:
            row = conn.execute(select(workshops).where(workshops.c.id == workshop_id)).first()
            if row is None:
                raise NotFoundError(f"workshop {workshop_id} does not exist")
            return row_info(row, round_row(conn, row))

    @staticmethod
    def _locked_workshop(conn: Connection, workshop_id: int) -> Any:
        """The workshop row, locked against concurrent changes until the transaction ends."""
        row = conn.execute(
            select(workshops).where(workshops.c.id == workshop_id).with_for_update()
        ).first()
        if row is None:
            raise NotFoundError(f"workshop {workshop_id} does not exist")
        return row

    @staticmethod
    def _must_be_open(row: Any) -> None:
        if row.state != "open":
            raise StoreError("this workshop has been closed; start a new one")

    def _pack(self, workshop_id: int) -> Pack:
        return self._pack_of_assessment(self.get(workshop_id).assessment_id)

    def _pack_of_assessment(self, assessment_id: int) -> Pack:
        return self._store.pack_for(assessment_id)
