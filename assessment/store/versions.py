"""The history of an assessment in the store: every version, reading one, restoring one."""

from __future__ import annotations

import json

from sqlalchemy import Connection, select

from ..assessments import Assessment
from . import tables as t
from .base import StoreBase, _database_errors, _decompress, _parse_stored
from .errors import NotFoundError
from .records import VersionInfo


class VersionsMixin(StoreBase):
    """Methods of :class:`~assessment.store.Store` for an assessment's history."""

    @_database_errors
    def history(self, assessment_id: int) -> list[VersionInfo]:
        """Every version of an assessment, newest first, with author, time and what changed."""
        v = t.versions
        with self._read() as conn:
            if not conn.execute(
                select(t.assessments.c.id).where(t.assessments.c.id == assessment_id)
            ).first():
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            rows = conn.execute(
                select(v.c.version, v.c.author, v.c.created_at, v.c.changes, v.c.restored_from)
                .where(v.c.assessment_id == assessment_id)
                .order_by(v.c.version.desc())
            ).all()
        return [
            VersionInfo(
                version=row.version,
                author=row.author,
                created_at=row.created_at,
                changes=tuple(json.loads(row.changes)),
                restored_from=row.restored_from,
            )
            for row in rows
        ]

    @_database_errors
    def get_version(self, assessment_id: int, version: int) -> Assessment:
        """An earlier (or the current) version of an assessment, as it was saved.

        Files erased since are shown as erased.
        """
        with self._read() as conn:
            return self._version_in(conn, assessment_id, version)

    def _version_in(self, conn: Connection, assessment_id: int, version: int) -> Assessment:
        """:meth:`get_version` on an open connection (a transaction's own reads)."""
        blob = conn.execute(
            select(t.versions.c.document_z).where(
                t.versions.c.assessment_id == assessment_id, t.versions.c.version == version
            )
        ).scalar()
        if blob is None:
            raise NotFoundError(f"assessment {assessment_id} has no version {version}")
        text = _decompress(blob)
        assessment = _parse_stored(text, f"assessment {assessment_id} version {version}")
        return self._mark_erased(assessment, self._erased_hashes(conn, text))

    @_database_errors
    def restore_version(
        self,
        assessment_id: int,
        version: int,
        author: str | None,
        expected_version: int | None = None,
    ) -> int:
        """Make an earlier version the current one again, as a new version; return its number.

        Nothing is lost: the versions in between stay in the history. With
        ``expected_version`` the restore is refused (:class:`StaleVersionError`) when the
        assessment changed since the caller looked.
        """
        old = self.get_version(assessment_id, version)
        pack = self._pack_of(assessment_id, old.criteria_set)
        with self._write() as conn:
            current = conn.execute(
                select(t.assessments.c.version).where(t.assessments.c.id == assessment_id)
            ).scalar()
            if current is None:
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            base = current if expected_version is None else expected_version
            return self._save(
                conn,
                assessment_id,
                old,
                base,
                author,
                pack,
                changes=[{"kind": "restored", "version": version}],
                restored_from=version,
                check=True,
            )
