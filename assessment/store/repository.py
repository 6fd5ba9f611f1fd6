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
from .base import StoreBase, _author, _compress, _database_errors, _decompress, _parse_stored, log
from .engine import resolve_url
from .errors import NotFoundError, StaleVersionError, StoreError
from .evidence import EvidenceMixin
from .exchange import ExchangeMixin
from .history import Change, diff
from .packstore import PackMixin
from .records import AssessmentSummary, OrganisationSummary, VersionInfo
from .workshops import Workshops


class Store(ExchangeMixin, EvidenceMixin, PackMixin, StoreBase):
    """Persistent storage of the app and of ``ikm store``; open it with :func:`open_store`.

    Safe to share between threads (one per process is enough, e.g. ``st.cache_resource``).
    Ids are integers. Times are timezone-aware UTC datetimes. Every method raises
    :class:`~assessment.store.errors.StoreError` (an ``IkmError``) when the database fails.
    Evidence files: :class:`EvidenceMixin`; packs: :class:`PackMixin`; import and export:
    :class:`ExchangeMixin`; workshops: :attr:`workshops`.
    """

    def __init__(self, url: URL, *, max_upload_mb: float | None = None):
        super().__init__(url, max_upload_mb=max_upload_mb)
        self.workshops = Workshops(self)
        """The workshops on this store's assessments (see ``assessment.store.workshops``)."""

    # ---- organisations ------------------------------------------------------------------

    @_database_errors
    def create_organisation(self, name: str, sector: str | None = None) -> int:
        """Add an organisation and return its id (names need not be unique)."""
        cleaned = (name or "").strip()
        if not cleaned:
            raise StoreError("an organisation needs a name")
        with self._write() as conn:
            return self._insert_organisation(conn, cleaned, sector)

    def _insert_organisation(self, conn: Connection, name: str, sector: str | None) -> int:
        return conn.execute(
            insert(t.organisations)
            .values(name=name, name_key=name.casefold(), sector=sector, created_at=t.utc_now())
            .returning(t.organisations.c.id)
        ).scalar_one()

    def _organisation_for(self, conn: Connection, assessment: Assessment) -> int:
        """The organisation with the assessment's organisation name, created when new."""
        name = assessment.organisation.name.strip()
        found = conn.execute(
            select(t.organisations.c.id)
            .where(t.organisations.c.name_key == name.casefold())
            .order_by(t.organisations.c.id)
            .limit(1)
        ).scalar()
        if found is not None:
            return found
        return self._insert_organisation(conn, name, assessment.organisation.sector)

    @_database_errors
    def list_organisations(self) -> list[OrganisationSummary]:
        """Every organisation with its assessments (no documents loaded), sorted by name.

        Two queries; fast for thousands of assessments.
        """
        return self._organisations(None)

    @_database_errors
    def get_organisation(self, organisation_id: int) -> OrganisationSummary:
        """One organisation with its assessments; :class:`NotFoundError` when there is none."""
        found = self._organisations(organisation_id)
        if not found:
            raise NotFoundError(f"organisation {organisation_id} does not exist")
        return found[0]

    def _organisations(self, only: int | None) -> list[OrganisationSummary]:
        o, a = t.organisations, t.assessments
        orgs_query = select(o.c.id, o.c.name, o.c.sector, o.c.created_at)
        rows_query = self._summary_query()
        if only is not None:
            orgs_query = orgs_query.where(o.c.id == only)
            rows_query = rows_query.where(a.c.organisation_id == only)
        with self._read() as conn:
            orgs = conn.execute(orgs_query).all()
            rows = conn.execute(rows_query).all()
        by_org: dict[int, list[AssessmentSummary]] = {}
        for row in rows:
            by_org.setdefault(row.organisation_id, []).append(self._summary(row))
        newest_first = {"key": lambda s: (s.assessment_date, s.id), "reverse": True}
        out = [
            OrganisationSummary(
                id=org.id,
                name=org.name,
                sector=org.sector,
                created_at=org.created_at,
                assessments=tuple(sorted(by_org.get(org.id, []), **newest_first)),
            )
            for org in orgs
        ]
        return sorted(out, key=lambda org: (org.name.casefold(), org.id))

    @_database_errors
    def rename_organisation(
        self, organisation_id: int, name: str, sector: str | None = None
    ) -> None:
        """Change an organisation's name (and sector)."""
        cleaned = (name or "").strip()
        if not cleaned:
            raise StoreError("an organisation needs a name")
        with self._write() as conn:
            done = conn.execute(
                update(t.organisations)
                .where(t.organisations.c.id == organisation_id)
                .values(name=cleaned, name_key=cleaned.casefold(), sector=sector)
            ).rowcount
        if not done:
            raise NotFoundError(f"organisation {organisation_id} does not exist")

    @_database_errors
    def delete_organisation(self, organisation_id: int) -> None:
        """Delete an organisation with all its assessments and their history."""
        with self._write() as conn:
            ids = (
                conn.execute(
                    select(t.assessments.c.id).where(
                        t.assessments.c.organisation_id == organisation_id
                    )
                )
                .scalars()
                .all()
            )
            for assessment_id in ids:
                self._delete_assessment(conn, assessment_id)
            done = conn.execute(
                delete(t.organisations).where(t.organisations.c.id == organisation_id)
            ).rowcount
        if not done:
            raise NotFoundError(f"organisation {organisation_id} does not exist")

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

    # ---- history ----------------------------------------------------------------------------

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
            blob = conn.execute(
                select(t.versions.c.document_z).where(
                    t.versions.c.assessment_id == assessment_id, t.versions.c.version == version
                )
            ).scalar()
            if blob is None:
                raise NotFoundError(f"assessment {assessment_id} has no version {version}")
            text = _decompress(blob)
            erased = self._erased_hashes(conn, text)
        assessment = _parse_stored(text, f"assessment {assessment_id} version {version}")
        return self._mark_erased(assessment, erased)

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
