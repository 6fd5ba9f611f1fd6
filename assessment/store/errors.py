"""Errors raised by the store; each message is fit for the user (see ``assessment.errors``)."""

from __future__ import annotations

from ..errors import IkmError


class StoreError(IkmError):
    """The database cannot be opened or used (bad URL, server down, newer schema)."""


class NotFoundError(StoreError):
    """An organisation, assessment, version or pack asked for does not exist."""


class StaleVersionError(StoreError):
    """A save was based on a version that is no longer the current one.

    Raised by :meth:`Store.save` so that nobody silently overwrites another person's
    work. ``current_version`` and ``current_author`` say who saved in between.
    """

    def __init__(self, assessment_id: int, expected: int, current: int, author: str | None):
        self.assessment_id = assessment_id
        self.expected_version = expected
        self.current_version = current
        self.current_author = author
        who = f" by {author}" if author else ""
        super().__init__(
            f"assessment {assessment_id} was changed{who} after you opened it "
            f"(you had version {expected}, the current version is {current}); "
            "reload it, then make your change again"
        )


class FileRejected(StoreError):
    """An evidence file was refused: too large, empty, or its content does not match its name."""


class ArchiveError(StoreError):
    """An ``.ikmz`` archive is unsafe or inconsistent; nothing of it was imported."""


class JoinRefused(StoreError):
    """A workshop join code or participant token was not accepted; ``reason`` is one of
    ``name``, ``format``, ``unknown``, ``ended``, ``full``, ``throttled``, ``token`` (for a
    translated message)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class VoteRefused(StoreError):
    """A workshop vote was not accepted; ``reason`` is one of ``level``, ``ended``, ``closed``,
    ``moved`` (another criterion is on screen)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class NoAccess(NotFoundError):
    """The object does not exist, or belongs to an organisation the person is not a member
    of: the same answer, so that a guessed id tells nothing."""


class AccessDenied(StoreError):
    """The person's role does not allow this (a reviewer changing, an editor managing
    members, anyone but an admin creating an organisation)."""


class RenameRefused(AccessDenied):
    """Renaming an organisation in an assessment would move it into an organisation the
    person does not own (``reason`` ``other``) or into a new one (``new``: admins only)."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


__all__ = [
    "AccessDenied",
    "ArchiveError",
    "FileRejected",
    "JoinRefused",
    "NoAccess",
    "NotFoundError",
    "RenameRefused",
    "StaleVersionError",
    "StoreError",
    "VoteRefused",
]
