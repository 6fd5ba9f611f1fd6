"""Workshops, the results: who voted what per round, every vote on record, the agreed
levels, and the findings and appendix for the report."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from ..errors import IkmError
from ..i18n import localise
from ..workshop import (
    RoundRecord,
    VoteSummary,
    WorkshopAppendix,
    WorkshopFindings,
    WorkshopSession,
    findings,
    summarise_votes,
    workshop_appendix,
)
from .tables import participants, rounds, votes, workshops
from .workshop_base import WorkshopBase, round_summary, round_votes


class ResultsMixin(WorkshopBase):
    """Methods of :class:`~assessment.store.workshops.Workshops` for results."""

    def participant_names(self, workshop_id: int) -> list[str]:
        """Who joined, in the order they joined."""
        with self._store._read() as conn:
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
        with self._store._read() as conn:
            return round_summary(conn, workshop_id, cid, round_no)

    def rounds_of(self, workshop_id: int, criterion_id: str) -> list[tuple[int, VoteSummary, bool]]:
        """Every round on a criterion in this workshop, oldest first: its number, who voted
        what, and whether it was revealed."""
        with self._store._read() as conn:
            rows = conn.execute(
                select(rounds.c.round, rounds.c.revealed_at)
                .where(rounds.c.workshop_id == workshop_id, rounds.c.criterion_id == criterion_id)
                .order_by(rounds.c.round)
            ).all()
            return [
                (
                    row.round,
                    round_summary(conn, workshop_id, criterion_id, row.round),
                    row.revealed_at is not None,
                )
                for row in rows
            ]

    def _last_round(self, workshop_id: int, criterion_id: str) -> int | None:
        with self._store._read() as conn:
            return conn.execute(
                select(func.max(rounds.c.round)).where(
                    rounds.c.workshop_id == workshop_id, rounds.c.criterion_id == criterion_id
                )
            ).scalar()

    def vote_count(self, workshop_id: int) -> int:
        """How many participants voted in the round on screen."""
        return self.summary(workshop_id).count

    def all_votes(self, workshop_id: int) -> list[dict[str, Any]]:
        """Every vote ever cast in a workshop, changed ones included, oldest first (the name
        is "" in an anonymous round)."""
        with self._store._read() as conn:
            rows = conn.execute(
                select(
                    votes.c.criterion_id,
                    votes.c.round,
                    participants.c.name,
                    participants.c.group_name,
                    votes.c.level,
                    votes.c.comment,
                    votes.c.created_at,
                    rounds.c.anonymous,
                )
                .join(participants, participants.c.id == votes.c.participant_id)
                .join(
                    rounds,
                    (rounds.c.workshop_id == votes.c.workshop_id)
                    & (rounds.c.criterion_id == votes.c.criterion_id)
                    & (rounds.c.round == votes.c.round),
                )
                .where(votes.c.workshop_id == workshop_id)
                .order_by(votes.c.id)
            ).all()
        return [{**row._asdict(), "name": "" if row.anonymous else row.name} for row in rows]

    def agreed(self, workshop_id: int, criterion_id: str) -> int | None:
        """The level last agreed on a criterion in this workshop, or None."""
        with self._store._read() as conn:
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
        with self._store._read() as conn:
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
                            round_votes(
                                conn, row.workshop_id, row.criterion_id, row.round, row.anonymous
                            )
                        ),
                        agreed=row.agreed_level,
                        started_at=row.opened_at,
                        anonymous=bool(row.anonymous),
                    )
                )
            voters = conn.execute(
                select(func.count(func.distinct(votes.c.participant_id)))
                .join(workshops, workshops.c.id == votes.c.workshop_id)
                .where(workshops.c.assessment_id == assessment_id)
            ).scalar_one()
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
            voters,
        )

    def vote_total(self, assessment_id: int) -> int:
        """How many votes were ever cast on an assessment (changes with every vote; a cheap
        key for caching its report)."""
        with self._store._read() as conn:
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
