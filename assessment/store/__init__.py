"""Persistence: organisations, assessments with history, evidence files and packs.

SQLite by default (a file in the data folder), PostgreSQL when ``IKM_DATABASE_URL`` names
one. Open it with :func:`open_store`; everything else is a method of :class:`Store`.
Importing this package imports SQLAlchemy: import it inside commands, not at module level
of the command line.
"""

from .errors import (
    ArchiveError,
    FileRejected,
    NotFoundError,
    StaleVersionError,
    StoreError,
)
from .files import accepted_extensions, max_upload_bytes
from .history import describe, summarise
from .records import (
    AssessmentSummary,
    OrganisationSummary,
    StoredFile,
    StoredPack,
    VersionInfo,
)
from .repository import Store, open_store

__all__ = [
    "ArchiveError",
    "AssessmentSummary",
    "FileRejected",
    "NotFoundError",
    "OrganisationSummary",
    "StaleVersionError",
    "Store",
    "StoreError",
    "StoredFile",
    "StoredPack",
    "VersionInfo",
    "accepted_extensions",
    "describe",
    "max_upload_bytes",
    "open_store",
    "summarise",
]
