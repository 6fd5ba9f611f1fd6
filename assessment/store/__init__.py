"""Persistence: organisations, assessments with history, evidence files and packs.

SQLite by default (a file in the data folder), PostgreSQL when ``IKM_DATABASE_URL`` names
one. Open it with :func:`open_store`; everything else is a method of :class:`Store`.
Importing this package imports SQLAlchemy and Alembic: import it inside commands, not at
module level of the command line.
"""

from .access import AccessStore, Principal
from .errors import (
    AccessDenied,
    ArchiveError,
    FileRejected,
    JoinRefused,
    NoAccess,
    NotFoundError,
    RenameRefused,
    StaleVersionError,
    StoreError,
    VoteRefused,
)
from .files import accepted_extensions, max_upload_bytes
from .history import describe, summarise
from .merging import FieldConflict, MergeConflict
from .records import (
    AssessmentSummary,
    OrganisationSummary,
    ParticipantScreen,
    Participation,
    StoredFile,
    StoredPack,
    VersionInfo,
    WorkshopInfo,
)
from .repository import Store, open_store
from .workshops import Workshops

__all__ = [
    "AccessDenied",
    "AccessStore",
    "ArchiveError",
    "AssessmentSummary",
    "FieldConflict",
    "FileRejected",
    "JoinRefused",
    "MergeConflict",
    "NoAccess",
    "NotFoundError",
    "OrganisationSummary",
    "ParticipantScreen",
    "Participation",
    "Principal",
    "RenameRefused",
    "StaleVersionError",
    "Store",
    "StoreError",
    "StoredFile",
    "StoredPack",
    "VersionInfo",
    "VoteRefused",
    "WorkshopInfo",
    "Workshops",
    "accepted_extensions",
    "describe",
    "max_upload_bytes",
    "open_store",
    "summarise",
]
