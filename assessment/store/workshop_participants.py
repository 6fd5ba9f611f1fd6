"""Workshops, the participants' side: join with the code, see the criterion on screen, vote.

Security: a join code works only for its own workshop, only while the workshop is open and
for at most :data:`~assessment.workshop.CODE_LIFETIME`; a participant's token can only read
the criterion on screen and vote on it while voting is open. Failed join attempts are
throttled per store (:data:`JOIN_FAILURES_PER_MINUTE`), so codes cannot be guessed.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections import deque
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, insert, select

from ..workshop import Vote, clean_comment, clean_name, normalise_code
from ..workshop_groupthink import is_outlier
from .errors import JoinRefused, VoteRefused
from .records import ParticipantScreen, Participation
from .tables import participants, reasons, utc_now, votes, workshops
from .workshop_base import (
    WorkshopBase,
    round_row,
    round_summary,
    row_groups,
    row_info,
    token_hash,
)

if TYPE_CHECKING:
    from .repository import Store

JOIN_FAILURES_PER_MINUTE = 30  # failed joins (all clients together) before joining pauses
MAX_PARTICIPANTS = 200  # per workshop: a room, not a crowd


class ParticipantMixin(WorkshopBase):
    """Methods of :class:`~assessment.store.workshops.Workshops` for participants."""

    def __init__(self, store: Store):
        super().__init__(store)
        self._failures: deque[float] = deque()
        self._failures_lock = threading.Lock()

    def groups_for(self, code: str) -> tuple[str, ...]:
        """The participant groups the open workshop with this code offers (may be none).

        :class:`JoinRefused` like :meth:`join` for a code that does not work (a wrong code
        counts towards the throttle)."""
        self._check_throttle()
        wanted = normalise_code(code)
        if wanted is None:
            self._failed()
            raise JoinRefused("that is not a join code: it has 6 letters and digits", "format")
        with self._store._read() as conn:
            row = conn.execute(select(workshops).where(workshops.c.code == wanted)).first()
        if row is None:
            self._failed()
            raise JoinRefused(
                "no workshop has this join code; check the code on the screen", "unknown"
            )
        if not row_info(row).code_valid():
            raise JoinRefused("this workshop has ended; its join code no longer works", "ended")
        return row_groups(row)

    def join(self, code: str, name: str, group: str | None = None) -> Participation:
        """Join the open workshop with this code under ``name`` (and ``group``, one of the
        workshop's groups when it offers any); keep the returned token.

        :class:`JoinRefused` when the code is not a workshop's, the workshop ended or its
        code expired, too many wrong codes were tried in the last minute, or the group is
        missing or not one of the workshop's.
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
        with self._store._write() as conn:
            row = conn.execute(
                select(workshops).where(workshops.c.code == wanted).with_for_update()
            ).first()
            if row is None:
                self._failed()
                raise JoinRefused(
                    "no workshop has this join code; check the code on the screen", "unknown"
                )
            info = row_info(row)
            if not info.code_valid():
                raise JoinRefused("this workshop has ended; its join code no longer works", "ended")
            joined = conn.execute(
                select(func.count())
                .select_from(participants)
                .where(participants.c.workshop_id == row.id)
            ).scalar_one()
            if joined >= MAX_PARTICIPANTS:
                raise JoinRefused("this workshop is full", "full")
            offered = row_groups(row)
            chosen = next((g for g in offered if g == (group or "").strip()), None)
            if offered and chosen is None:
                raise JoinRefused("choose your group: " + ", ".join(offered), "group")
            pid = conn.execute(
                insert(participants)
                .values(
                    workshop_id=row.id,
                    name=cleaned,
                    token_sha256=token_hash(token),
                    joined_at=utc_now(),
                    group_name=chosen,
                )
                .returning(participants.c.id)
            ).scalar_one()
        return Participation(token=token, participant_id=pid, workshop_id=row.id, name=cleaned)

    def _check_throttle(self) -> None:
        now = time.monotonic()
        with self._failures_lock:
            while self._failures and now - self._failures[0] > 60:
                self._failures.popleft()
            if len(self._failures) >= JOIN_FAILURES_PER_MINUTE:
                raise JoinRefused(
                    "too many wrong join codes were tried; wait a minute", "throttled"
                )

    def _failed(self) -> None:
        with self._failures_lock:
            self._failures.append(time.monotonic())

    def _participant(self, conn: Connection, token: str) -> Any:
        row = conn.execute(
            select(
                participants.c.id,
                participants.c.workshop_id,
                participants.c.name,
                participants.c.group_name,
            ).where(participants.c.token_sha256 == token_hash(token or ""))
        ).first()
        if row is None:
            raise JoinRefused("you are not in this workshop (any more); join again", "token")
        return row

    def screen(self, token: str) -> ParticipantScreen:
        """What the participant with ``token`` may see right now."""
        with self._store._read() as conn:
            who = self._participant(conn, token)
            row = conn.execute(select(workshops).where(workshops.c.id == who.workshop_id)).one()
            info = row_info(row, round_row(conn, row))
            mine, ask = None, False
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
                    mine = Vote(who.name, last.level, last.comment, who.group_name)
                ask = mine is not None and self._asked_why(conn, who, info, mine.level)
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
            anonymous=info.anonymous,
            revealed=info.revealed,
            ask_reason=workshop_open and ask,
            group=who.group_name,
        )

    def _asked_why(self, conn: Connection, who: Any, info: Any, level: int) -> bool:
        """Whether this participant is asked for a reason now: the round on screen is closed
        and revealed, their vote stands out, and they gave no reason yet."""
        if info.voting_open or not info.revealed:
            return False
        given = conn.execute(
            select(reasons.c.id).where(
                reasons.c.participant_id == who.id,
                reasons.c.criterion_id == info.criterion_id,
                reasons.c.round == info.round,
            )
        ).first()
        if given is not None:
            return False
        summary = round_summary(conn, info.id, info.criterion_id, info.round)
        return is_outlier(level, summary)

    def give_reason(self, token: str, criterion_id: str, reason: str) -> None:
        """Keep why the participant with ``token`` voted as they did in the revealed round on
        screen; :class:`VoteRefused` (``not_asked``) unless their vote stood out there."""
        cleaned = clean_comment(reason)
        if cleaned is None:
            raise VoteRefused("write a reason first", "empty")
        with self._store._write() as conn:
            who = self._participant(conn, token)
            row = conn.execute(
                select(workshops).where(workshops.c.id == who.workshop_id).with_for_update()
            ).one()
            info = row_info(row, round_row(conn, row))
            if not info.code_valid():
                raise VoteRefused("this workshop has ended", "ended")
            if criterion_id != info.criterion_id:
                raise VoteRefused("this criterion is no longer on the screen", "moved")
            mine = conn.execute(
                select(votes.c.level)
                .where(
                    votes.c.participant_id == who.id,
                    votes.c.criterion_id == info.criterion_id,
                    votes.c.round == info.round,
                )
                .order_by(votes.c.id.desc())
                .limit(1)
            ).scalar()
            if mine is None or not self._asked_why(conn, who, info, mine):
                raise VoteRefused("no reason is asked of you now", "not_asked")
            conn.execute(
                insert(reasons).values(
                    workshop_id=info.id,
                    criterion_id=criterion_id,
                    round=info.round,
                    participant_id=who.id,
                    reason=cleaned,
                    created_at=utc_now(),
                )
            )

    def vote(self, token: str, criterion_id: str, level: int, comment: str | None = None) -> Vote:
        """Cast (or change) the vote of the participant with ``token`` on the criterion on
        screen. :class:`VoteRefused` says why a vote does not count."""
        if isinstance(level, bool) or not isinstance(level, int):
            raise VoteRefused("a vote is a whole level", "level")
        with self._store._read() as conn:
            who = self._participant(conn, token)
            assessment_id = conn.execute(
                select(workshops.c.assessment_id).where(workshops.c.id == who.workshop_id)
            ).scalar_one()
        top = self._pack_of_assessment(assessment_id).top_level  # outside the write lock
        with self._store._write() as conn:
            who = self._participant(conn, token)
            row = conn.execute(
                select(workshops).where(workshops.c.id == who.workshop_id).with_for_update()
            ).one()
            info = row_info(row)
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
        return Vote(who.name, level, cleaned, who.group_name)
