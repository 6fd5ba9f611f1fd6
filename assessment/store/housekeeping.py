"""The bin and renames as methods of the store, so that the access-checked view can allow
them by its rules like any other method (the work itself is in :mod:`.bin` and
:mod:`.orgname`)."""

from __future__ import annotations

from typing import Any


class HousekeepingMixin:
    """Moving assessments to and from the bin, and following an organisation's rename."""

    def move_to_bin(self, assessment_id: int, author: str | None = None) -> None:
        """Hide an assessment in the bin for :data:`.bin.KEEP_DAYS` days (see :mod:`.bin`)."""
        from .bin import move_to_bin

        move_to_bin(self, assessment_id, author)  # type: ignore[arg-type]

    def take_out_of_bin(self, assessment_id: int) -> None:
        """Bring an assessment back from the bin."""
        from .bin import take_out

        take_out(self, assessment_id)  # type: ignore[arg-type]

    def binned_assessments(self) -> dict[int, Any]:
        """The assessments in the bin, by id (see :func:`.bin.binned`)."""
        from .bin import binned

        return binned(self)  # type: ignore[arg-type]

    def purge_bin(self) -> list[int]:
        """Delete for good what has been in the bin longer than its keeping time."""
        from .bin import purge

        return purge(self)  # type: ignore[arg-type]

    def follow_rename(
        self, assessment_id: int, name: str, sector: str | None, admit: Any = None
    ) -> None:
        """Keep the organisation list in step with a renamed organisation (see :mod:`.orgname`;
        ``admit`` may refuse a move into another or a new organisation)."""
        from .orgname import follow_rename

        follow_rename(self, assessment_id, name, sector, admit)  # type: ignore[arg-type]
