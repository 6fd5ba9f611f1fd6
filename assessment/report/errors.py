"""The report's errors (light: the app's server imports them without WeasyPrint)."""

from __future__ import annotations

from ..errors import IkmError


class ReportError(IkmError):
    """The report could not be rendered (time limit, broken template)."""


class ReportTimeout(ReportError):
    """The render took longer than its time limit and was stopped."""


class ReportCancelled(ReportError):
    """The render was cancelled while it ran: nobody wanted the report any more."""
