"""Saving with a field-level merge: colleagues' changes to different fields both survive.

:meth:`MergeMixin.save_merged` takes the version the person opened and their edited copy of
it. When others saved in between, the three-way merge of :mod:`assessment.merge` combines
the changes; only a field both changed is a conflict (:class:`MergeConflict`, naming who
changed it and when), unless the person chose ``prefer="mine"`` or ``"theirs"``.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, select

from ..assessments import Assessment
from ..merge import Conflict, Path, Prefer, field_at, merge
from . import tables as t
from .base import StoreBase, _database_errors, _decompress, _parse_stored
from .errors import NotFoundError, StaleVersionError, StoreError

_ATTEMPTS = 5  # a merge retried when yet another save lands between reading and writing


@dataclass(frozen=True)
class FieldConflict:
    """A field both changed: the values, and the version of theirs that changed it last."""

    path: Path
    base: Any
    theirs: Any
    mine: Any
    author: str | None
    changed_at: datetime | None
    version: int | None


class MergeConflict(StoreError):
    """A save changed a field that somebody else changed since the version it was based on.

    Nothing is written. ``conflicts`` lists the fields with both values and who changed
    theirs; save again with ``prefer="mine"`` (mine on top of the newest version) or
    ``prefer="theirs"`` (keep theirs, the rest of mine still saved).
    """

    def __init__(self, assessment_id: int, current: int, conflicts: tuple[FieldConflict, ...]):
        self.assessment_id = assessment_id
        self.current_version = current
        self.conflicts = conflicts
        names = ", ".join("/".join(c.path) for c in conflicts)
        who = conflicts[0].author if conflicts else None
        super().__init__(
            f"assessment {assessment_id}: {names} was changed"
            f"{f' by {who}' if who else ''} after you opened it (now version {current}); "
            "keep theirs or use yours"
        )


class MergeMixin(StoreBase):
    """The merging save of :class:`~assessment.store.Store`."""

    @_database_errors
    def save_merged(
        self,
        assessment_id: int,
        assessment: Assessment,
        base_version: int,
        author: str | None,
        prefer: Prefer | None = None,
    ) -> int:
        """Save ``assessment`` (an edit of version ``base_version``) and return the new version.

        Changes others saved since ``base_version`` are kept: the result is the three-way
        merge of the base, the newest version and ``assessment``. A field both changed raises
        :class:`MergeConflict` unless ``prefer`` says whose value wins. Validation as
        :meth:`~assessment.store.Store.save`. Nothing changed: nothing written.
        """
        pack = self._pack_of(assessment_id, assessment.criteria_set)  # type: ignore[attr-defined]
        for attempt in range(_ATTEMPTS):
            try:
                with self._write() as conn:
                    return self._merge_and_save(
                        conn, assessment_id, base_version, assessment, author, pack, prefer
                    )
            except StaleVersionError:  # another save landed between our read and our write
                if attempt == _ATTEMPTS - 1:
                    raise
        raise AssertionError("unreachable")

    def _merge_and_save(
        self,
        conn: Connection,
        assessment_id: int,
        base_version: int,
        mine: Assessment,
        author: str | None,
        pack: Any,
        prefer: Prefer | None,
    ) -> int:
        a = t.assessments
        row = conn.execute(select(a.c.version, a.c.document).where(a.c.id == assessment_id)).first()
        if row is None:
            raise NotFoundError(f"assessment {assessment_id} does not exist")
        save = self._save  # type: ignore[attr-defined]
        if row.version == base_version:  # nobody saved since: no merge, no base to read
            return save(conn, assessment_id, mine, base_version, author, pack, check=True)
        base = self._version_in(conn, assessment_id, base_version)  # type: ignore[attr-defined]
        theirs = _parse_stored(row.document, f"assessment {assessment_id}")
        theirs = self._mark_erased(theirs, self._erased_hashes(conn, row.document))
        try:
            result = merge(base, theirs, mine, prefer)
        except ValidationError:  # the two edits do not fit together: redo on the newest
            raise StaleVersionError(assessment_id, base_version, row.version, None) from None
        if result.conflicts and prefer is None:
            found = self._who_changed(conn, assessment_id, base_version, result.conflicts)
            raise MergeConflict(assessment_id, row.version, found)
        return save(conn, assessment_id, result.merged, row.version, author, pack, check=True)

    def _who_changed(
        self,
        conn: Connection,
        assessment_id: int,
        base_version: int,
        conflicts: tuple[Conflict, ...],
    ) -> tuple[FieldConflict, ...]:
        """Each conflict with the newest version after ``base_version`` that changed it."""
        v = t.versions
        rows = conn.execute(
            select(v.c.version, v.c.document_z, v.c.author, v.c.created_at)
            .where(v.c.assessment_id == assessment_id, v.c.version >= base_version)
            .order_by(v.c.version.desc())
        ).all()
        docs = [
            (row, _parse_stored(_decompress(row.document_z), f"version {row.version}"))
            for row in rows
        ]
        out = []
        for conflict in conflicts:
            who: Any = None
            for (row, doc), (_older, before) in itertools.pairwise(docs):
                if field_at(doc, conflict.path) != field_at(before, conflict.path):
                    who = row
                    break
            out.append(
                FieldConflict(
                    conflict.path,
                    conflict.base,
                    conflict.theirs,
                    conflict.mine,
                    who.author if who else None,
                    who.created_at if who else None,
                    who.version if who else None,
                )
            )
        return tuple(out)
