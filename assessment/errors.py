"""Exceptions that carry a message fit for the user.

Every error raised for bad input derives from :class:`IkmError`; the command line and the
app show ``str(error)`` and never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One problem found in a file: where it is and what is wrong.

    ``line`` is 1-based and ``None`` where unknown (JSON files, whole-file problems).
    ``path`` is a dotted path into the document such as ``pillars[1].criteria[3].target``.
    """

    file: str
    line: int | None
    path: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        parts = [where]
        if self.path:
            parts.append(self.path)
        if self.severity != "error":
            parts.append(self.severity)
        parts.append(self.message)
        return ": ".join(parts)


class IkmError(Exception):
    """Base class: an error whose ``str()`` is the message a user sees."""


class InputFileError(IkmError):
    """A file cannot be read at all (missing, unreadable, too large, not UTF-8).

    Raised by the loaders before any parsing.
    """


class ValidationFailed(IkmError):
    """A file was read but has problems; ``problems`` lists all of them at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class PackError(ValidationFailed):
    """A criteria pack (SPEC section 1) is invalid. Raised by ``assessment.packs``."""


class AssessmentError(ValidationFailed):
    """An assessment file (SPEC section 2) is invalid. Raised by ``assessment.assessments``."""


class PackNotFound(IkmError):
    """An assessment names a criteria pack that is not loaded."""
