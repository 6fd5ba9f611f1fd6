"""What the store returns: plain, frozen records (no database objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from ..packs import Criterion
from ..workshop import Vote, code_expires_at, code_is_valid
from .history import Change, summarise
from .tables import utc_now

# ---- assessments, files and packs ----------------------------------------------------------


@dataclass(frozen=True)
class AssessmentSummary:
    """One assessment in a list: enough to show it without loading the document."""

    id: int
    organisation_id: int
    organisation_name: str
    assessment_date: date
    audit_date: date | None
    pack_id: str
    pack_version: str | None
    readiness: float | None  # overall readiness 0-100 of the current version; None if unscored
    verdict: str | None  # "ready" | "conditional" | "not_ready"; None if unscored
    version: int
    created_at: datetime
    updated_at: datetime  # the last change (UTC)
    updated_by: str | None


@dataclass(frozen=True)
class OrganisationSummary:
    """An organisation with its assessments, newest assessment date first."""

    id: int
    name: str
    sector: str | None
    created_at: datetime
    assessments: tuple[AssessmentSummary, ...]

    @property
    def last_change(self) -> datetime:
        """The latest change to any of its assessments (or its creation)."""
        return max([self.created_at, *(a.updated_at for a in self.assessments)])


@dataclass(frozen=True)
class VersionInfo:
    """One entry of an assessment's history."""

    version: int
    author: str | None
    created_at: datetime  # UTC
    changes: tuple[Change, ...]  # records, see ``assessment.store.history``
    restored_from: int | None

    def summary(self, lang: str = "nl") -> str:
        """What changed, in a short sentence in ``lang``."""
        return summarise(list(self.changes), lang)


@dataclass(frozen=True)
class StoredFile:
    """What the store knows of an evidence file (the content itself: :meth:`Store.get_file`)."""

    sha256: str
    name: str
    size: int
    media_type: str
    created_at: datetime
    erased_at: datetime | None
    erased_by: str | None

    @property
    def erased(self) -> bool:
        return self.erased_at is not None


@dataclass(frozen=True)
class StoredPack:
    """A criteria pack uploaded by a user and kept as text in the database."""

    sha256: str
    pack_id: str
    version: str
    name: str
    created_at: datetime


# ---- workshops -------------------------------------------------------------------------------


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
    groups: tuple[str, ...] = ()  # participant groups to choose from on joining
    anonymous: bool = False  # the round on screen is anonymous
    revealed: bool = False  # the votes of the round on screen are shown

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
    anonymous: bool = False  # the round on screen is anonymous
    revealed: bool = False  # the facilitator showed the votes of the round on screen
    ask_reason: bool = False  # this participant's vote stood out: asked why (after reveal)
    group: str | None = None  # the group this participant chose
