"""Workshops, the consultant's side: start one, put a criterion on screen, open and close
the vote, run the timer, record the agreed level, and end the workshop."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Connection, func, insert, select, update

from ..edits import set_response
from ..workshop import VoteSummary, clean_name, new_join_code
from .base import _author, _is_conflict, _parse_stored
from .errors import NotFoundError, StaleVersionError, StoreError
from .records import WorkshopInfo
from .tables import assessments, rounds, utc_now, workshops
from .workshop_base import WorkshopBase, round_row, row_info

MIN_TIMER_S, MAX_TIMER_S = 10, 60 * 60
MAX_GROUPS, MAX_GROUP_NAME = 8, 40


def clean_groups(groups: Sequence[str] | None) -> list[str]:
    """Participant groups as offered on joining: names cleaned like a participant's (at most
    :data:`MAX_GROUP_NAME` characters), empty ones and repeats (any case) left out, at most
    :data:`MAX_GROUPS`."""
    kept: list[str] = []
    for group in groups or ():
        name = clean_name((group or "")[:MAX_GROUP_NAME])
        if name and name.casefold() not in {k.casefold() for k in kept}:
            kept.append(name)
    return kept[:MAX_GROUPS]


class ConsultantMixin(WorkshopBase):
    """Methods of :class:`~assessment.store.workshops.Workshops` for the consultant."""

    def start(
        self,
        assessment_id: int,
        consultant: str | None = None,
        groups: Sequence[str] | None = None,
    ) -> WorkshopInfo:
        """Open a workshop on an assessment with a fresh join code; participants choose one of
        ``groups`` (e.g. front line, management; see :func:`clean_groups`) on joining.

        An assessment has at most one open workshop: when there is one, it is returned.
        """
        offered = clean_groups(groups)
        self._store.get_summary(assessment_id)  # NotFoundError when there is none
        current = self.open_for(assessment_id)
        if current is not None:
            return current
        for _attempt in range(5):
            try:
                with self._store._write() as conn:
                    new_id = conn.execute(
                        insert(workshops)
                        .values(
                            assessment_id=assessment_id,
                            code=new_join_code(),
                            state="open",
                            voting="closed",
                            consultant=_author(consultant),
                            created_at=utc_now(),
                            groups=json.dumps(offered, ensure_ascii=False) if offered else None,
                        )
                        .returning(workshops.c.id)
                    ).scalar_one()
                return self.get(new_id)
            except StoreError as exc:
                if not _is_conflict(exc):  # the code was taken meanwhile: draw another
                    raise
        raise StoreError("could not find a free join code; try again")

    def open_for(self, assessment_id: int) -> WorkshopInfo | None:
        """The open workshop on an assessment whose code still works, or None."""
        with self._store._read() as conn:
            rows = conn.execute(
                select(workshops)
                .where(workshops.c.assessment_id == assessment_id, workshops.c.state == "open")
                .order_by(workshops.c.id.desc())
            ).all()
            now = utc_now()
            for row in rows:
                if row_info(row).code_valid(now):
                    return row_info(row, round_row(conn, row))
        return None

    def list_for(self, assessment_id: int) -> list[WorkshopInfo]:
        """Every workshop on an assessment, newest first."""
        with self._store._read() as conn:
            rows = conn.execute(
                select(workshops)
                .where(workshops.c.assessment_id == assessment_id)
                .order_by(workshops.c.id.desc())
            ).all()
        return [row_info(row) for row in rows]

    def show(self, workshop_id: int, criterion_id: str) -> WorkshopInfo:
        """Put a criterion on screen (voting on the previous one closes first).

        The round on screen becomes that criterion's latest round, if it had one.
        """
        pack = self._pack(workshop_id)
        if criterion_id not in pack.criteria_by_id:
            raise NotFoundError(f"criterion {criterion_id} is not in pack {pack.id}")
        with self._store._write() as conn:
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

    def open_voting(
        self, workshop_id: int, timer_seconds: int | None = None, anonymous: bool = False
    ) -> WorkshopInfo:
        """Start a new round of voting on the criterion on screen (and the timer, if given).

        Its votes stay hidden from the screen until :meth:`reveal`. In an ``anonymous`` round
        no name leaves the store: the screen, the report and the CSV show levels only.
        """
        with self._store._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            self._must_be_open(row)
            if row.criterion_id is None:
                raise StoreError("show a criterion before opening the vote")
            if row.voting == "open":
                return row_info(row)
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
                    anonymous=bool(anonymous),
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
        with self._store._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            if row.voting == "open":
                self._close_round(conn, row)
                conn.execute(
                    update(workshops)
                    .where(workshops.c.id == workshop_id)
                    .values(voting="closed", timer_started_at=None)
                )
        return self.summary(workshop_id)

    def reveal(self, workshop_id: int) -> VoteSummary:
        """Show the votes of the round on screen (closing the vote first if it is open);
        return its spread. Participants whose vote stands out are then asked why."""
        with self._store._write() as conn:
            row = self._locked_workshop(conn, workshop_id)
            if row.criterion_id is None or row.round is None:
                raise StoreError("open the vote before revealing it")
            if row.voting == "open":
                self._close_round(conn, row)
                conn.execute(
                    update(workshops)
                    .where(workshops.c.id == workshop_id)
                    .values(voting="closed", timer_started_at=None)
                )
            conn.execute(
                update(rounds)
                .where(
                    rounds.c.workshop_id == workshop_id,
                    rounds.c.criterion_id == row.criterion_id,
                    rounds.c.round == row.round,
                    rounds.c.revealed_at.is_(None),
                )
                .values(revealed_at=utc_now())
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
        with self._store._write() as conn:
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
        with self._store._write() as conn:
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

    def agree(
        self, workshop_id: int, level: int, author: str | None = None, *, attempts: int = 3
    ) -> int:
        """Record the level the group agreed on the criterion on screen; return the
        assessment's new version.

        One transaction: the level becomes the criterion's response (a normal change, checked
        against the pack like any save, with the author in the history; the note is kept) and
        is kept with the round, or neither happens. When somebody saved the assessment in
        between, the change is made again on their version.
        """
        info = self.get(workshop_id)
        if info.criterion_id is None:
            raise StoreError("show a criterion before recording a level")
        cid, aid = info.criterion_id, info.assessment_id
        pack = self._pack_of_assessment(aid)  # outside the write lock
        if level not in {s.level for s in pack.scale}:
            raise StoreError(f"level {level} is not on the scale 0-{pack.top_level}")
        who = author or info.consultant

        def record(conn: Connection) -> int:
            row = self._locked_workshop(conn, workshop_id)
            if (row.criterion_id, row.round) != (cid, info.round):
                raise StoreError("another criterion or round is on screen now; record it again")
            current = conn.execute(
                select(assessments.c.document, assessments.c.version).where(assessments.c.id == aid)
            ).first()
            if current is None:
                raise NotFoundError(f"assessment {aid} does not exist")
            changed = set_response(
                _parse_stored(current.document, f"assessment {aid}"),
                cid,
                level=level,
                not_applicable=False,
            )
            version = self._store._save(conn, aid, changed, current.version, who, pack, check=True)
            if info.round is not None:
                conn.execute(
                    update(rounds)
                    .where(
                        rounds.c.workshop_id == workshop_id,
                        rounds.c.criterion_id == cid,
                        rounds.c.round == info.round,
                    )
                    .values(agreed_level=level, agreed_at=utc_now(), agreed_by=_author(who))
                )
            return version

        for attempt in range(attempts):
            try:
                return self._store._in_write(record)
            except StaleVersionError:  # saved by somebody else between read and write
                if attempt == attempts - 1:
                    raise
        raise AssertionError("unreachable")


def _timer(seconds: int | None) -> int | None:
    if not seconds:
        return None
    return max(MIN_TIMER_S, min(MAX_TIMER_S, int(seconds)))
