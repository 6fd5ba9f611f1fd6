"""The :class:`Store`: organisations, assessments with their full history, evidence files,
uploaded criteria packs, and import/export, on SQLite or PostgreSQL.

Every write runs in one transaction: a save, an import or an erasure is either all there or
not there at all. Each assessment row carries a ``version`` number; :meth:`Store.save` only
succeeds when the caller's ``expected_version`` is still the current one, so two people
editing the same assessment never silently overwrite each other's work.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.engine import URL

from ..assessments import Assessment, check_against_pack
from ..errors import AssessmentError, Problem
from ..packs import Pack
from . import archive as ikmz
from . import tables as t
from .base import StoreBase, _author, _compress, _database_errors, _parse_stored, log
from .engine import resolve_url
from .errors import NotFoundError, StaleVersionError
from .evidence import EvidenceMixin
from .exchange import ExchangeMixin
from .history import Change, diff
from .housekeeping import HousekeepingMixin
from .members import MembersMixin
from .merging import MergeMixin
from .organisations import OrganisationMixin
from .packstore import PackMixin
from .presence import PresenceMixin
from .records import AssessmentSummary
from .versions import VersionsMixin
from .workshops import Workshops


class Store(
    OrganisationMixin,
    VersionsMixin,
    MergeMixin,
    PresenceMixin,
    ExchangeMixin,
    EvidenceMixin,
    PackMixin,
    MembersMixin,
    HousekeepingMixin,
    StoreBase,
):
    """Persistent storage of the app and of ``ikm store``; open it with :func:`open_store`.

    Safe to share between threads (one per process is enough, e.g. ``st.cache_resource``).
    Ids are integers. Times are timezone-aware UTC datetimes. Every method raises
    :class:`~assessment.store.errors.StoreError` (an ``IkmError``) when the database fails.
    Organisations: :class:`OrganisationMixin`; history: :class:`VersionsMixin`; evidence
    files: :class:`EvidenceMixin`; packs: :class:`PackMixin`; import and export:
    :class:`ExchangeMixin`; workshops: :attr:`workshops`; members, admins and the audit log:
    :class:`MembersMixin`, and the access-checked view of one person: :meth:`as_principal`.
    """

    def __init__(self, url: URL, *, max_upload_mb: float | None = None):
        super().__init__(url, max_upload_mb=max_upload_mb)
        self.workshops = Workshops(self)
        """The workshops on this store's assessments (see ``assessment.store.workshops``)."""

    # ---- assessments ----------------------------------------------------------------------

    def _summary_query(self):  # type: ignore[no-untyped-def]
        a, o = t.assessments, t.organisations
        return select(
            a.c.id,
            a.c.organisation_id,
            o.c.name.label("organisation_name"),
            a.c.assessment_date,
            a.c.audit_date,
            a.c.pack_id,
            a.c.pack_version,
            a.c.readiness,
            a.c.verdict,
            a.c.version,
            a.c.created_at,
            a.c.updated_at,
            a.c.updated_by,
        ).join(o, o.c.id == a.c.organisation_id)

    @staticmethod
    def _summary(row: Any) -> AssessmentSummary:
        return AssessmentSummary(*row)  # the columns are in the order of the fields

    @_database_errors
    def create_assessment(
        self,
        assessment: Assessment,
        pack: Pack | None = None,
        *,
        organisation_id: int | None = None,
        author: str | None = None,
    ) -> int:
        """Store a new assessment (version 1) and return its id.

        ``pack``: the assessment's criteria pack (else found by ``criteria_set.id`` among the
        built-in and stored packs). The assessment is validated against it
        (:class:`~assessment.errors.AssessmentError` lists the problems). Without
        ``organisation_id`` it joins the organisation of the same name, created when new.
        """
        pack = pack or self._find_pack(assessment.criteria_set)
        self._validate(assessment, pack)
        assessment = self._normalise(assessment)
        with self._write() as conn:
            org = (
                organisation_id
                if organisation_id is not None
                else self._organisation_for(conn, assessment)
            )
            if (
                organisation_id is not None
                and not conn.execute(
                    select(t.organisations.c.id).where(t.organisations.c.id == organisation_id)
                ).first()
            ):
                raise NotFoundError(f"organisation {organisation_id} does not exist")
            return self._insert_assessment(
                conn, assessment, pack, org, author, [{"kind": "created"}]
            )

    def _insert_assessment(
        self,
        conn: Connection,
        assessment: Assessment,
        pack: Pack | None,
        organisation_id: int,
        author: str | None,
        changes: list[Change],
    ) -> int:
        now = t.utc_now()
        document = assessment.to_json()
        readiness, verdict = self._score(pack, assessment)
        new_id = conn.execute(
            insert(t.assessments)
            .values(
                organisation_id=organisation_id,
                pack_id=assessment.criteria_set.id,
                pack_version=pack.version if pack else assessment.criteria_set.version,
                pack_sha256=pack.sha256 if pack else None,
                assessment_date=assessment.assessment_date,
                audit_date=assessment.audit_date,
                version=1,
                document=document,
                readiness=readiness,
                verdict=verdict,
                created_at=now,
                updated_at=now,
                updated_by=_author(author),
            )
            .returning(t.assessments.c.id)
        ).scalar_one()
        self._insert_version(conn, new_id, 1, document, author, now, changes, None)
        self._link_files(conn, new_id, assessment)
        return new_id

    def _insert_version(
        self,
        conn: Connection,
        assessment_id: int,
        version: int,
        document: str,
        author: str | None,
        when: datetime,
        changes: list[Change],
        restored_from: int | None,
    ) -> None:
        conn.execute(
            insert(t.versions).values(
                assessment_id=assessment_id,
                version=version,
                document_z=_compress(document),
                author=_author(author),
                created_at=when,
                changes=json.dumps(changes, ensure_ascii=False),
                restored_from=restored_from,
            )
        )

    def _link_files(self, conn: Connection, assessment_id: int, assessment: Assessment) -> None:
        """Record the file hashes this assessment refers to (in any version, never removed)."""
        hashes = set(ikmz.evidence_files(assessment))
        if not hashes:
            return
        known = set(
            conn.execute(
                select(t.assessment_files.c.sha256).where(
                    t.assessment_files.c.assessment_id == assessment_id
                )
            ).scalars()
        )
        new = sorted(hashes - known)
        if new:
            conn.execute(
                insert(t.assessment_files),
                [{"assessment_id": assessment_id, "sha256": sha} for sha in new],
            )

    @_database_errors
    def get_assessment(self, assessment_id: int) -> tuple[Assessment, int]:
        """The current version of an assessment and its version number (pass it to :meth:`save`)."""
        with self._read() as conn:
            row = conn.execute(
                select(t.assessments.c.document, t.assessments.c.version).where(
                    t.assessments.c.id == assessment_id
                )
            ).first()
            if row is None:
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            erased = self._erased_hashes(conn, row.document)
        assessment = _parse_stored(row.document, f"assessment {assessment_id}")
        return self._mark_erased(assessment, erased), row.version

    @_database_errors
    def get_summary(self, assessment_id: int) -> AssessmentSummary:
        """The list entry of one assessment (readiness, verdict, version, last change)."""
        with self._read() as conn:
            row = conn.execute(
                self._summary_query().where(t.assessments.c.id == assessment_id)
            ).first()
        if row is None:
            raise NotFoundError(f"assessment {assessment_id} does not exist")
        return self._summary(row)

    @_database_errors
    def save(
        self, assessment_id: int, assessment: Assessment, expected_version: int, author: str | None
    ) -> int:
        """Save a changed assessment as a new version and return the new version number.

        ``expected_version`` is the version the change was based on (from
        :meth:`get_assessment` or the previous save). When somebody else saved in between,
        nothing is written and :class:`StaleVersionError` says who; reload and redo the change.
        When nothing changed, nothing is written and ``expected_version`` is returned.
        The assessment is validated against its pack: a save that brings in a problem
        (an unknown criterion, a level outside the scale, ...) is refused with
        :class:`~assessment.errors.AssessmentError` listing them. Problems the stored version
        already had (say, after a pack update removed a criterion) do not block saving.
        """
        pack = self._pack_of(assessment_id, assessment.criteria_set)
        with self._write() as conn:
            return self._save(
                conn, assessment_id, assessment, expected_version, author, pack, check=True
            )

    def _save(
        self,
        conn: Connection,
        assessment_id: int,
        assessment: Assessment,
        expected_version: int,
        author: str | None,
        pack: Pack | None,
        *,
        changes: list[Change] | None = None,
        restored_from: int | None = None,
        check: bool = False,
    ) -> int:
        a = t.assessments
        row = conn.execute(
            select(a.c.version, a.c.document, a.c.updated_by).where(a.c.id == assessment_id)
        ).first()
        if row is None:
            raise NotFoundError(f"assessment {assessment_id} does not exist")
        if row.version != expected_version:
            raise StaleVersionError(assessment_id, expected_version, row.version, row.updated_by)
        assessment = self._mark_erased(assessment, self._erased_hashes(conn, assessment))
        document = assessment.to_json()
        if document == row.document:
            return expected_version
        if changes is None or check:
            old = _parse_stored(row.document, f"assessment {assessment_id}")
            if check:
                self._validate(assessment, pack, before=old)
            if changes is None:
                changes = diff(old, assessment)
        readiness, verdict = self._score(pack, assessment)
        now = t.utc_now()
        new_version = expected_version + 1
        done = conn.execute(
            update(a)
            .where(a.c.id == assessment_id, a.c.version == expected_version)
            .values(
                version=new_version,
                document=document,
                pack_id=assessment.criteria_set.id,
                pack_version=pack.version if pack else assessment.criteria_set.version,
                pack_sha256=pack.sha256 if pack else None,
                assessment_date=assessment.assessment_date,
                audit_date=assessment.audit_date,
                readiness=readiness,
                verdict=verdict,
                updated_at=now,
                updated_by=_author(author),
            )
        ).rowcount
        if done != 1:  # another transaction saved first (PostgreSQL read committed)
            current = conn.execute(
                select(a.c.version, a.c.updated_by).where(a.c.id == assessment_id)
            ).first()
            if current is None:
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            raise StaleVersionError(
                assessment_id, expected_version, current.version, current.updated_by
            )
        self._insert_version(
            conn, assessment_id, new_version, document, author, now, changes, restored_from
        )
        self._link_files(conn, assessment_id, assessment)
        return new_version

    @_database_errors
    def delete_assessment(self, assessment_id: int) -> None:
        """Delete an assessment with its history; files no other assessment uses go too."""
        with self._write() as conn:
            if not self._delete_assessment(conn, assessment_id):
                raise NotFoundError(f"assessment {assessment_id} does not exist")

    def _delete_assessment(self, conn: Connection, assessment_id: int) -> bool:
        af = t.assessment_files
        hashes = set(
            conn.execute(select(af.c.sha256).where(af.c.assessment_id == assessment_id)).scalars()
        )
        conn.execute(delete(t.versions).where(t.versions.c.assessment_id == assessment_id))
        conn.execute(delete(af).where(af.c.assessment_id == assessment_id))
        done = conn.execute(
            delete(t.assessments).where(t.assessments.c.id == assessment_id)
        ).rowcount
        if hashes:
            still_used = set(
                conn.execute(select(af.c.sha256).where(af.c.sha256.in_(hashes))).scalars()
            )
            unused = hashes - still_used
            if unused:
                conn.execute(delete(t.files).where(t.files.c.sha256.in_(unused)))
        return bool(done)

    # ---- validation and scoring -------------------------------------------------------------

    @staticmethod
    def _validate(
        assessment: Assessment, pack: Pack | None, before: Assessment | None = None
    ) -> None:
        """Raise :class:`AssessmentError` for the errors against ``pack`` that ``before``
        (the stored version) did not have already."""
        if pack is None:
            return

        def errors(doc: Assessment) -> list[Problem]:
            found = check_against_pack(doc, pack, "assessment")
            return [p for p in found if p.severity == "error"]

        new = errors(assessment)
        if new and before is not None:
            known = {(p.path, p.message) for p in errors(before)}
            new = [p for p in new if (p.path, p.message) not in known]
        if new:
            raise AssessmentError(new)

    @staticmethod
    def _score(pack: Pack | None, assessment: Assessment) -> tuple[float | None, str | None]:
        if pack is None:
            return None, None
        from ..method import score

        try:
            result = score(pack, assessment)
        except Exception:  # never lose a save because the summary could not be computed
            log.exception("scoring assessment for the list failed")
            return None, None
        return result.overall.readiness, result.verdict

    def _normalise(self, assessment: Assessment) -> Assessment:
        with self._read() as conn:
            return self._mark_erased(assessment, self._erased_hashes(conn, assessment))


def open_store(url: str | None = None, *, max_upload_mb: float | None = None) -> Store:
    """Open (and create or migrate) the store.

    ``url``: a SQLAlchemy URL (``sqlite:///FILE``, ``postgresql://USER@HOST/DB``) or a SQLite
    file path; else ``IKM_DATABASE_URL``; else ``ikm.sqlite3`` in ``IKM_DATA_DIR`` (default
    ``~/.local/share/ikm-readiness``). ``max_upload_mb`` overrides ``IKM_MAX_UPLOAD_MB``.
    Raises :class:`StoreError` with a clear message when the database cannot be used.
    """
    return Store(resolve_url(url), max_upload_mb=max_upload_mb)
