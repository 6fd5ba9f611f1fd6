"""Evidence files in the database: stored once per sha256, erased for good on request."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, insert, select, update

from ..assessments import Assessment, EvidenceFile
from . import archive as ikmz
from . import tables as t
from .base import StoreBase, _author, _database_errors, _parse_stored
from .errors import NotFoundError, StaleVersionError
from .files import check_file
from .records import StoredFile


class EvidenceMixin(StoreBase):
    """Methods of :class:`Store` for evidence files."""

    @_database_errors
    def add_file(self, data: bytes, name: str) -> EvidenceFile:
        """Store an evidence file and describe it for ``Evidence.file``.

        Checks the size limit (``IKM_MAX_UPLOAD_MB``, default 25) and that the content is the
        type its name says (:class:`FileRejected` explains a refusal). Files are kept once per
        sha256; storing the same content again costs nothing. Adding a file that was erased
        brings its content back (a deliberate upload).
        """
        described = check_file(data, name, self.max_file_bytes)
        self._in_write(lambda conn: self._store_blob(conn, described, data, revive=True))
        return described

    def _store_blob(
        self, conn: Connection, info: EvidenceFile, data: bytes, *, revive: bool
    ) -> None:
        f = t.files
        row = conn.execute(
            select(f.c.erased_at, f.c.content.is_(None).label("empty")).where(
                f.c.sha256 == info.sha256
            )
        ).first()
        if row is None:
            conn.execute(
                insert(f).values(
                    sha256=info.sha256,
                    size=len(data),
                    media_type=info.media_type or "application/octet-stream",
                    name=info.name,
                    content=data,
                    created_at=t.utc_now(),
                )
            )
        elif row.empty and (revive or row.erased_at is None):
            conn.execute(
                update(f)
                .where(f.c.sha256 == info.sha256)
                .values(content=data, erased_at=None, erased_by=None)
            )

    @_database_errors
    def get_file(self, sha256: str) -> bytes | None:
        """The content of a file, or None when it is not in the store or was erased."""
        with self._read() as conn:
            return conn.execute(
                select(t.files.c.content).where(t.files.c.sha256 == sha256)
            ).scalar()

    @_database_errors
    def file_info(self, sha256: str) -> StoredFile | None:
        """What the store knows of a file (name, size, type, erasure), or None."""
        f = t.files
        with self._read() as conn:
            row = conn.execute(
                select(
                    f.c.sha256,
                    f.c.name,
                    f.c.size,
                    f.c.media_type,
                    f.c.created_at,
                    f.c.erased_at,
                    f.c.erased_by,
                ).where(f.c.sha256 == sha256)
            ).first()
        return None if row is None else StoredFile(**row._asdict())

    @_database_errors
    def erase_file(self, sha256: str, author: str | None = None) -> list[int]:
        """Erase a file's content for good; return the ids of the assessments that used it.

        Its hash, name and size stay on record. Every assessment whose current version refers
        to it gets a new version with ``file.erased: true`` on those evidence items, and every
        version read later shows it erased. Exports no longer contain it.
        """
        for attempt in range(3):
            try:
                affected = self._in_write(lambda conn: self._erase(conn, sha256, author))
                break
            except StaleVersionError:  # an assessment was saved meanwhile: erase again
                if attempt == 2:
                    raise
        if self.dialect == "sqlite":
            with self._engine.connect() as conn:  # drop old pages of the content from the WAL
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        return affected

    def _erase(self, conn: Connection, sha256: str, author: str | None) -> list[int]:
        a, af, f = t.assessments, t.assessment_files, t.files
        now = t.utc_now()
        ids = conn.execute(
            select(af.c.assessment_id).where(af.c.sha256 == sha256).order_by(af.c.assessment_id)
        ).scalars()
        users = []
        for assessment_id in list(ids):
            row = conn.execute(
                select(a.c.document, a.c.version).where(a.c.id == assessment_id)
            ).one()
            doc = _parse_stored(row.document, f"assessment {assessment_id}")
            items = [e.file for e in doc.evidence if e.file and e.file.sha256 == sha256]
            if items:
                users.append((assessment_id, row.version, doc, items))
        exists = conn.execute(select(f.c.sha256).where(f.c.sha256 == sha256)).first()
        if exists is None and not users:
            raise NotFoundError(f"no file with sha256 {sha256} is in the store")
        if exists is None:
            name, size = users[0][3][0].name, users[0][3][0].size
            self._insert_erased(conn, sha256, name, size, now, author)
        else:
            self._mark_blob_erased(conn, sha256, now, author)
        affected: list[int] = []
        for assessment_id, version, doc, items in users:
            if all(item.erased for item in items):
                continue
            pack = self._pack_for_stored(conn, assessment_id, doc.criteria_set)
            change = {"kind": "erased_file", "name": items[0].name, "sha256": sha256}
            self._save(conn, assessment_id, doc, version, author, pack, changes=[change])
            affected.append(assessment_id)
        return affected

    def _insert_erased(
        self, conn: Connection, sha256: str, name: str, size: int, now: datetime, author: str | None
    ) -> None:
        conn.execute(
            insert(t.files).values(
                sha256=sha256,
                size=size,
                media_type="application/octet-stream",
                name=name,
                content=None,
                created_at=now,
                erased_at=now,
                erased_by=_author(author),
            )
        )

    def _mark_blob_erased(
        self, conn: Connection, sha256: str, now: datetime, author: str | None
    ) -> None:
        f = t.files
        conn.execute(
            update(f)
            .where(f.c.sha256 == sha256, f.c.erased_at.is_(None))
            .values(content=None, erased_at=now, erased_by=_author(author))
        )

    def _erased_hashes(self, conn: Connection, assessment: Assessment | str) -> set[str]:
        """The hashes among those the assessment uses whose content was erased."""
        if isinstance(assessment, str):
            if '"sha256"' not in assessment:
                return set()
            assessment = _parse_stored(assessment, "assessment")
        hashes = set(ikmz.evidence_files(assessment))
        if not hashes:
            return set()
        return set(
            conn.execute(
                select(t.files.c.sha256).where(
                    t.files.c.sha256.in_(hashes), t.files.c.erased_at.is_not(None)
                )
            ).scalars()
        )

    @staticmethod
    def _mark_erased(assessment: Assessment, erased: set[str]) -> Assessment:
        if not erased:
            return assessment
        evidence = [
            e.model_copy(update={"file": e.file.model_copy(update={"erased": True})})
            if e.file is not None and e.file.sha256 in erased and not e.file.erased
            else e
            for e in assessment.evidence
        ]
        return assessment.model_copy(update={"evidence": evidence})
