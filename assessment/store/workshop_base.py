"""What every part of :class:`~assessment.store.workshops.Workshops` shares: the store it
belongs to, reading one workshop, and the workshop's criteria pack.

The workshops are a part of the store, not a store of their own: they read and write through
the store's one transaction helper (``Store._read``, ``Store._write``, ``Store._in_write``),
in the same database and with the same error handling as everything else.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from ..packs import Pack
from .errors import NotFoundError, StoreError
from .records import WorkshopInfo
from .tables import workshops

if TYPE_CHECKING:
    from .repository import Store


def token_hash(token: str) -> str:
    """The SHA-256 of a participant's token: what the database keeps instead of the token."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def row_info(row: Any) -> WorkshopInfo:
    """A row of ``workshops`` as a record."""
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
        return row_info(row)

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
