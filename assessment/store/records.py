"""What the store returns: plain, frozen records (no database objects)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from .history import Change, summarise

# ---- -------------------------------------------------------------------


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
