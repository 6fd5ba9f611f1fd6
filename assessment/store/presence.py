"""Presence: who else has an assessment open, from a heartbeat each open page sends every
few seconds. A session that stops sending (tab closed, server gone) drops out after
:data:`PRESENCE_SECONDS`; nothing else needs cleaning up."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import delete, insert, select, update

from . import tables as t
from .base import StoreBase, _author, _database_errors

PRESENCE_SECONDS = 30
MAX_SESSION_ID = 64


class PresenceMixin(StoreBase):
    """Methods of :class:`~assessment.store.Store` for presence on an assessment."""

    @_database_errors
    def heartbeat(self, assessment_id: int, session_id: str, name: str | None) -> None:
        """Record that session ``session_id`` (shown as ``name``) has the assessment open now;
        rows of sessions silent for longer than :data:`PRESENCE_SECONDS` are removed."""
        p = t.presence
        now = t.utc_now()
        key = (p.c.assessment_id == assessment_id, p.c.session_id == session_id[:MAX_SESSION_ID])
        with self._write() as conn:
            conn.execute(delete(p).where(p.c.seen_at < now - timedelta(seconds=PRESENCE_SECONDS)))
            done = conn.execute(update(p).where(*key).values(name=_author(name), seen_at=now))
            if done.rowcount == 0:
                conn.execute(
                    insert(p).values(
                        assessment_id=assessment_id,
                        session_id=session_id[:MAX_SESSION_ID],
                        name=_author(name),
                        seen_at=now,
                    )
                )

    @_database_errors
    def present(self, assessment_id: int, besides: str | None = None) -> list[str | None]:
        """The names of the sessions that have the assessment open (heartbeat within
        :data:`PRESENCE_SECONDS`), apart from session ``besides``; sorted, each name once,
        ``None`` for a session without a name."""
        p = t.presence
        since = t.utc_now() - timedelta(seconds=PRESENCE_SECONDS)
        query = select(p.c.name).where(p.c.assessment_id == assessment_id, p.c.seen_at >= since)
        if besides is not None:
            query = query.where(p.c.session_id != besides[:MAX_SESSION_ID])
        with self._read() as conn:
            names = set(conn.execute(query).scalars())
        return sorted(names, key=lambda n: (n is None, (n or "").casefold()))

    @_database_errors
    def leave(self, assessment_id: int, session_id: str) -> None:
        """Forget the session's presence on the assessment (it opened another one)."""
        p = t.presence
        with self._write() as conn:
            conn.execute(
                delete(p).where(
                    p.c.assessment_id == assessment_id,
                    p.c.session_id == session_id[:MAX_SESSION_ID],
                )
            )
