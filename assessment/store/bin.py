"""The bin: a deleted assessment is kept, hidden from the lists, for :data:`KEEP_DAYS` days.

Moving an assessment to the bin writes one row in the store's ``settings`` table
(``bin:<id>`` -> when and by whom); the assessment, its history and its files stay as they
are, so taking it out of the bin brings everything back. :func:`purge` deletes for good what
has been in the bin longer than :data:`KEEP_DAYS` days. No schema change: the bin lives in
the store's one schema.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select

from . import tables as t
from .base import _author
from .errors import NotFoundError
from .repository import Store

KEEP_DAYS = 30
_PREFIX = "bin:"


@dataclass(frozen=True)
class Binned:
    """An assessment in the bin: when it was deleted, by whom, and until when it is kept."""

    assessment_id: int
    deleted_at: datetime  # UTC
    deleted_by: str | None

    @property
    def kept_until(self) -> datetime:
        return self.deleted_at + timedelta(days=KEEP_DAYS)


def move_to_bin(store: Store, assessment_id: int, author: str | None = None) -> None:
    """Hide an assessment from the lists; it can be taken out again for :data:`KEEP_DAYS` days."""
    store.get_summary(assessment_id)  # NotFoundError when there is no such assessment
    value = json.dumps({"at": t.utc_now().isoformat(), "by": _author(author)})
    key = f"{_PREFIX}{assessment_id}"
    with store._write() as conn:
        conn.execute(delete(t.settings).where(t.settings.c.key == key))
        conn.execute(insert(t.settings).values(key=key, value=value))


def take_out(store: Store, assessment_id: int) -> None:
    """Take an assessment out of the bin; :class:`NotFoundError` when it is not in it."""
    with store._write() as conn:
        done = conn.execute(
            delete(t.settings).where(t.settings.c.key == f"{_PREFIX}{assessment_id}")
        ).rowcount
    if not done:
        raise NotFoundError(f"assessment {assessment_id} is not in the bin")


def binned(store: Store) -> dict[int, Binned]:
    """The assessments in the bin, by id (an entry whose assessment is gone is left out)."""
    with store._read() as conn:
        rows = conn.execute(
            select(t.settings.c.key, t.settings.c.value).where(t.settings.c.key.like(f"{_PREFIX}%"))
        ).all()
        existing = set(conn.execute(select(t.assessments.c.id)).scalars())
    out: dict[int, Binned] = {}
    for row in rows:
        raw_id = row.key[len(_PREFIX) :]
        if not raw_id.isdigit() or int(raw_id) not in existing:
            continue
        try:
            data = json.loads(row.value)
            when = datetime.fromisoformat(data["at"])
        except (ValueError, KeyError, TypeError):
            continue
        out[int(raw_id)] = Binned(int(raw_id), when, data.get("by"))
    return out


def purge(store: Store, now: datetime | None = None) -> list[int]:
    """Delete for good every assessment that has been in the bin longer than
    :data:`KEEP_DAYS` days; return their ids."""
    now = now or t.utc_now()
    gone = [aid for aid, entry in binned(store).items() if entry.kept_until <= now]
    for aid in gone:
        with contextlib.suppress(NotFoundError):
            store.delete_assessment(aid)
        with store._write() as conn:
            conn.execute(delete(t.settings).where(t.settings.c.key == f"{_PREFIX}{aid}"))
    return gone
