"""The :class:`Store`: organisations, assessments with their full history, evidence files,
uploaded criteria packs, and import/export, on SQLite or PostgreSQL.

Every write runs in one transaction: a save, an import or an erasure is either all there or
not there at all. Each assessment row carries a ``version`` number; :meth:`Store.save` only
succeeds when the caller's ``expected_version`` is still the current one, so two people
editing the same assessment never silently overwrite each other's work.
"""

from __future__ import annotations

import json
import logging
import threading
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError

from ..assessments import (
    MAX_ASSESSMENT_BYTES,
    Assessment,
    CriteriaSetRef,
    EvidenceFile,
    check_against_pack,
    load_assessment_text,
    parse_assessment,
    parse_json_text,
)
from ..catalog import Catalog, load_catalog
from ..errors import AssessmentError, IkmError, PackNotFound, Problem
from ..packs import Pack, parse_pack
from ..yamlsource import decode_text
from . import archive as ikmz
from . import schema as t
from .engine import WRITE, display_url, make_engine, resolve_url
from .errors import FileRejected, NotFoundError, StaleVersionError, StoreError
from .files import check_file, max_upload_bytes, sha256_hex
from .history import Change, diff, summarise

log = logging.getLogger(__name__)
F = TypeVar("F", bound=Callable[..., Any])
DEMO_KEY = "demo_assessment_id"
MAX_AUTHOR = 200


# ---- what the store returns -------------------------------------------------------------------


@dataclass(frozen=True)
class AssessmentSummary:
    """One assessment in a list: enough to show it without loading the document."""

    id: int
    organisation_id: int
    organisation_name: str
    assessment_date: date
    audit_date: date | None
    pack_id: str
    pack_version: str | None
    readiness: float | None  # overall readiness 0-100 of the current version; None if unscored
    verdict: str | None  # "ready" | "conditional" | "not_ready"; None if unscored
    version: int
    created_at: datetime
    updated_at: datetime  # the last change (UTC)
    updated_by: str | None


@dataclass(frozen=True)
class OrganisationSummary:
    """An organisation with its assessments, newest assessment date first."""

    id: int
    name: str
    sector: str | None
    created_at: datetime
    assessments: tuple[AssessmentSummary, ...]

    @property
    def last_change(self) -> datetime:
        """The latest change to any of its assessments (or its creation)."""
        return max([self.created_at, *(a.updated_at for a in self.assessments)])


@dataclass(frozen=True)
class VersionInfo:
    """One entry of an assessment's history."""

    version: int
    author: str | None
    created_at: datetime  # UTC
    changes: tuple[Change, ...]  # records, see ``assessment.store.history``
    restored_from: int | None

    def summary(self, lang: str = "nl") -> str:
        """What changed, in a short sentence in ``lang``."""
        return summarise(list(self.changes), lang)


@dataclass(frozen=True)
class StoredFile:
    """What the store knows of an evidence file (the content itself: :meth:`Store.get_file`)."""

    sha256: str
    name: str
    size: int
    media_type: str
    created_at: datetime
    erased_at: datetime | None
    erased_by: str | None

    @property
    def erased(self) -> bool:
        return self.erased_at is not None


@dataclass(frozen=True)
class StoredPack:
    """A criteria pack uploaded by a user and kept as text in the database."""

    sha256: str
    pack_id: str
    version: str
    name: str
    created_at: datetime


# ---- helpers ---------------------------------------------------------------------------------


def _database_errors(method: F) -> F:
    """Turn driver errors (server gone, disk full, lock timeout) into a :class:`StoreError`."""

    @wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except IkmError:
            raise
        except DBAPIError as exc:
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
            raise StoreError(f"database {self.url}: {detail}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"database {self.url}: {exc}") from exc

    return wrapper  # type: ignore[return-value]


def _author(author: str | None) -> str | None:
    cleaned = (author or "").strip()
    return cleaned[:MAX_AUTHOR] or None


def _compress(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), 6)


def _decompress(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")


def _parse_stored(text: str, where: str) -> Assessment:
    return parse_assessment(parse_json_text(text, where), where)


# ---- the store -------------------------------------------------------------------------------


class Store:
    """Persistent storage of the app and of ``ikm store``; open it with :func:`open_store`.

    Safe to share between threads (one per process is enough, e.g. ``st.cache_resource``).
    Ids are integers. Times are timezone-aware UTC datetimes. Every method raises
    :class:`~assessment.store.errors.StoreError` (an ``IkmError``) when the database fails.
    """

    def __init__(self, url: URL, *, max_upload_mb: float | None = None):
        self._url = url
        self.url = display_url(url)
        self.max_file_bytes = max_upload_bytes(max_upload_mb)
        self._engine = make_engine(url)
        self._lock = threading.Lock()
        self._builtin: Catalog | None = None
        self._parsed_packs: dict[str, Pack] = {}
        try:
            with self._write() as conn:
                t.ensure_schema(conn)
        except IkmError:
            self._engine.dispose()
            raise
        except SQLAlchemyError as exc:
            self._engine.dispose()
            detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
            raise StoreError(f"cannot open database {self.url}: {detail}") from None

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self._engine.dialect.name

    def close(self) -> None:
        """Release all connections."""
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self._engine.connect() as conn:
            yield conn

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

        One query; fast for thousands of assessments.
        """
        o = t.organisations
        with self._read() as conn:
            orgs = conn.execute(select(o.c.id, o.c.name, o.c.sector, o.c.created_at)).all()
            rows = conn.execute(self._summary_query()).all()
        by_org: dict[int, list[AssessmentSummary]] = {}
        for row in rows:
            by_org.setdefault(row.organisation_id, []).append(self._summary(row))
        out = [
            OrganisationSummary(
                id=org.id,
                name=org.name,
                sector=org.sector,
                created_at=org.created_at,
                assessments=tuple(
                    sorted(
                        by_org.get(org.id, []),
                        key=lambda s: (s.assessment_date, s.id),
                        reverse=True,
                    )
                ),
            )
            for org in orgs
        ]
        return sorted(out, key=lambda org: (org.name.casefold(), org.id))

    @_database_errors
    def get_organisation(self, organisation_id: int) -> OrganisationSummary:
        """One organisation with its assessments; :class:`NotFoundError` when there is none."""
        for org in self.list_organisations():
            if org.id == organisation_id:
                return org
        raise NotFoundError(f"organisation {organisation_id} does not exist")

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
        return AssessmentSummary(**row._asdict())

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
        The assessment is validated against its pack first
        (:class:`~assessment.errors.AssessmentError` lists the problems).
        """
        pack = self._pack_of(assessment_id, assessment.criteria_set)
        self._validate(assessment, pack)
        with self._write() as conn:
            return self._save(conn, assessment_id, assessment, expected_version, author, pack)

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
        if changes is None:
            old = _parse_stored(row.document, f"assessment {assessment_id}")
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
            )

    # ---- evidence files ---------------------------------------------------------------------

    @_database_errors
    def add_file(self, data: bytes, name: str) -> EvidenceFile:
        """Store an evidence file and describe it for ``Evidence.file``.

        Checks the size limit (``IKM_MAX_UPLOAD_MB``, default 25) and that the content is the
        type its name says (:class:`FileRejected` explains a refusal). Files are kept once per
        sha256; storing the same content again costs nothing. Adding a file that was erased
        brings its content back (a deliberate upload).
        """
        described = check_file(data, name, self.max_file_bytes)
        with self._write() as conn:
            self._store_blob(conn, described, data, revive=True)
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
        f = t.files
        now = t.utc_now()
        affected: list[int] = []
        with self._write() as conn:
            ids = (
                conn.execute(
                    select(t.assessment_files.c.assessment_id)
                    .where(t.assessment_files.c.sha256 == sha256)
                    .order_by(t.assessment_files.c.assessment_id)
                )
                .scalars()
                .all()
            )
            exists = conn.execute(select(f.c.sha256).where(f.c.sha256 == sha256)).first()
            if not exists and not ids:
                raise NotFoundError(f"no file with sha256 {sha256} is in the store")
            name, size = None, 0
            for assessment_id in ids:
                row = conn.execute(
                    select(t.assessments.c.document, t.assessments.c.version).where(
                        t.assessments.c.id == assessment_id
                    )
                ).one()
                doc = _parse_stored(row.document, f"assessment {assessment_id}")
                items = [e for e in doc.evidence if e.file and e.file.sha256 == sha256]
                if not items:
                    continue
                name, size = items[0].file.name, items[0].file.size  # type: ignore[union-attr]
                if all(e.file.erased for e in items):  # type: ignore[union-attr]
                    continue
                if exists is None:
                    self._insert_erased(conn, sha256, name, size, now, author)
                    exists = True
                else:
                    self._mark_blob_erased(conn, sha256, now, author)
                pack = self._pack_for_stored(conn, assessment_id, doc.criteria_set)
                self._save(
                    conn,
                    assessment_id,
                    doc,
                    row.version,
                    author,
                    pack,
                    changes=[{"kind": "erased_file", "name": name, "sha256": sha256}],
                )
                affected.append(assessment_id)
            if exists is None:
                self._insert_erased(conn, sha256, name or sha256, size, now, author)
            else:
                self._mark_blob_erased(conn, sha256, now, author)
        if self.dialect == "sqlite":
            with self._engine.connect() as conn:  # drop old pages of the content from the WAL
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
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

    # ---- criteria packs ---------------------------------------------------------------------

    def _builtin_catalog(self) -> Catalog:
        with self._lock:
            if self._builtin is None:
                self._builtin = load_catalog()
            return self._builtin

    @_database_errors
    def save_pack_text(self, text: str, name: str) -> Pack:
        """Validate an uploaded pack and keep its text, so assessments on it survive a restart.

        Raises :class:`~assessment.errors.PackError` with every problem when invalid.
        Storing the same text twice keeps one copy.
        """
        pack = parse_pack(text, name)
        with self._write() as conn:
            self._store_pack(conn, pack, text, name)
        return pack

    def _store_pack(self, conn: Connection, pack: Pack, text: str, name: str) -> None:
        if conn.execute(select(t.packs.c.sha256).where(t.packs.c.sha256 == pack.sha256)).first():
            return
        conn.execute(
            insert(t.packs).values(
                sha256=pack.sha256,
                pack_id=pack.id,
                version=pack.version,
                name=Path(name).name[:500],
                text=text,
                created_at=t.utc_now(),
            )
        )
        with self._lock:
            self._parsed_packs[pack.sha256] = pack

    @_database_errors
    def stored_packs(self) -> list[StoredPack]:
        """The packs users uploaded, oldest first."""
        p = t.packs
        with self._read() as conn:
            rows = conn.execute(
                select(p.c.sha256, p.c.pack_id, p.c.version, p.c.name, p.c.created_at).order_by(
                    p.c.created_at, p.c.sha256
                )
            ).all()
        return [StoredPack(**row._asdict()) for row in rows]

    def _stored_pack(self, conn: Connection, sha256: str) -> Pack | None:
        with self._lock:
            cached = self._parsed_packs.get(sha256)
        if cached is not None:
            return cached
        row = conn.execute(
            select(t.packs.c.text, t.packs.c.name).where(t.packs.c.sha256 == sha256)
        ).first()
        if row is None:
            return None
        pack = parse_pack(row.text, row.name)
        with self._lock:
            self._parsed_packs[sha256] = pack
        return pack

    @_database_errors
    def catalog(self) -> Catalog:
        """The built-in packs plus the stored ones (a stored pack replaces a built-in one of
        the same id; of two stored versions the newest wins)."""
        catalog = Catalog(self._builtin_catalog())
        with self._read() as conn:
            for stored in conn.execute(
                select(t.packs.c.sha256).order_by(t.packs.c.created_at, t.packs.c.sha256)
            ).scalars():
                pack = self._stored_pack(conn, stored)
                if pack is not None:
                    catalog.add(pack)
        return catalog

    def _find_pack(
        self, ref: CriteriaSetRef, sha256: str | None = None, conn: Connection | None = None
    ) -> Pack | None:
        """The exact pack by sha256 when known, else the pack with the id; None if neither."""
        if sha256:
            for pack in self._builtin_catalog():
                if pack.sha256 == sha256:
                    return pack
            if conn is not None:
                found = self._stored_pack(conn, sha256)
            else:
                with self._read() as c:
                    found = self._stored_pack(c, sha256)
            if found is not None and found.id == ref.id:
                return found
        try:
            return self.catalog().pack_for(ref)
        except PackNotFound:
            return None

    def _pack_for_stored(
        self, conn: Connection, assessment_id: int, ref: CriteriaSetRef
    ) -> Pack | None:
        sha = conn.execute(
            select(t.assessments.c.pack_sha256).where(t.assessments.c.id == assessment_id)
        ).scalar()
        return self._find_pack(ref, sha, conn)

    def _pack_of(self, assessment_id: int, ref: CriteriaSetRef) -> Pack | None:
        with self._read() as conn:
            return self._pack_for_stored(conn, assessment_id, ref)

    @_database_errors
    def pack_for(self, assessment_id: int) -> Pack:
        """The criteria pack an assessment was saved with (the exact text when still known),
        else the loaded pack with its id; :class:`~assessment.errors.PackNotFound` if none."""
        with self._read() as conn:
            row = conn.execute(
                select(t.assessments.c.pack_id, t.assessments.c.pack_sha256).where(
                    t.assessments.c.id == assessment_id
                )
            ).first()
            if row is None:
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            pack = self._find_pack(CriteriaSetRef(id=row.pack_id), row.pack_sha256, conn)
        if pack is None:
            raise PackNotFound(
                f"criteria pack '{row.pack_id}' of assessment {assessment_id} is not loaded; "
                "upload it again"
            )
        return pack

    def _remember_pack(self, conn: Connection, pack: Pack) -> None:
        """Keep the text of a pack that came from a file outside the built-in set."""
        if any(p.sha256 == pack.sha256 for p in self._builtin_catalog()):
            return
        source = Path(pack.source) if pack.source else None
        try:
            if source is None or not source.is_file():
                return
            text = source.read_text(encoding="utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return
        if sha256_hex(text.encode("utf-8")) == pack.sha256:
            self._store_pack(conn, pack, text, source.name)

    # ---- validation and scoring -------------------------------------------------------------

    @staticmethod
    def _validate(assessment: Assessment, pack: Pack | None) -> None:
        if pack is None:
            return
        errors = [
            p for p in check_against_pack(assessment, pack, "assessment") if p.severity == "error"
        ]
        if errors:
            raise AssessmentError(errors)

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

    # ---- exchange ---------------------------------------------------------------------------

    @_database_errors
    def export_json(self, assessment_id: int) -> str:
        """The current version as portable JSON (SPEC section 2)."""
        assessment, _version = self.get_assessment(assessment_id)
        return assessment.to_json()

    @_database_errors
    def export_ikmz(self, assessment_id: int, include_personal_data: bool = True) -> bytes:
        """An ``.ikmz`` archive: ``assessment.json`` and ``evidence/<sha256>`` for each file
        whose content is in the store.

        With ``include_personal_data=False`` files of evidence items marked as holding
        personal data are left out (their name, size and hash stay in the JSON).
        """
        assessment, _version = self.get_assessment(assessment_id)
        personal = {
            e.file.sha256 for e in assessment.evidence if e.file is not None and e.personal_data
        }
        wanted = [
            sha
            for sha in ikmz.evidence_files(assessment)
            if include_personal_data or sha not in personal
        ]
        blobs: dict[str, bytes] = {}
        with self._read() as conn:
            for sha in wanted:
                content = conn.execute(
                    select(t.files.c.content).where(t.files.c.sha256 == sha)
                ).scalar()
                if content is not None:
                    blobs[sha] = content
        return ikmz.write_archive(assessment.to_json(), blobs)

    @_database_errors
    def import_file(
        self,
        data: bytes,
        name: str,
        catalog: Catalog | None = None,
        *,
        author: str | None = None,
        warnings: list[Problem] | None = None,
    ) -> int:
        """Import an assessment from ``.json`` or ``.ikmz`` bytes; return the new id.

        The assessment is validated against its pack from ``catalog`` (else the store's
        :meth:`catalog`); an archive is checked entry by entry (see ``archive``) and each
        file like an upload. Any problem raises an ``IkmError`` naming ``name``, and then
        nothing is imported. Warnings (e.g. another pack version) are appended to
        ``warnings``. A pack that came from a file outside the built-in set is kept too.
        """
        blobs: dict[str, bytes] = {}
        if ikmz.is_archive(data):
            content = ikmz.read_archive(data, name, self.max_file_bytes)
            text, blobs = content.text, content.blobs
            where = f"{name}!{ikmz.ASSESSMENT_ENTRY}"
        else:
            text = decode_text(data, name, max_bytes=MAX_ASSESSMENT_BYTES)
            if not text.strip():
                raise StoreError(f"{name}: file is empty")
            where = name
        catalog = catalog or self.catalog()
        assessment, pack, found = load_assessment_text(text, where, catalog.pack_for)
        described = self._check_blobs(assessment, blobs, name)
        if warnings is not None:
            warnings.extend(found)
        with self._write() as conn:
            self._remember_pack(conn, pack)
            for sha, info in described.items():
                self._store_blob(conn, info, blobs[sha], revive=False)
            assessment = self._mark_erased(assessment, self._erased_hashes(conn, assessment))
            org = self._organisation_for(conn, assessment)
            return self._insert_assessment(
                conn,
                assessment,
                pack,
                org,
                author,
                [{"kind": "imported", "name": Path(name).name}],
            )

    def _check_blobs(
        self, assessment: Assessment, blobs: dict[str, bytes], name: str
    ) -> dict[str, EvidenceFile]:
        """Each archived file must be referred to, have the recorded size and the right type."""
        referred: dict[str, EvidenceFile] = {}
        for item in assessment.evidence:
            if item.file is not None:
                referred.setdefault(item.file.sha256, item.file)
        described: dict[str, EvidenceFile] = {}
        for sha, body in blobs.items():
            meta = referred.get(sha)
            if meta is None:
                raise StoreError(
                    f"{name}: evidence/{sha} is not referred to by any evidence item; "
                    "nothing was imported"
                )
            if meta.size != len(body):
                raise StoreError(
                    f"{name}: evidence/{sha} has {len(body)} bytes but the assessment says "
                    f"{meta.size}; nothing was imported"
                )
            try:
                described[sha] = check_file(body, meta.name, self.max_file_bytes)
            except FileRejected as exc:
                raise StoreError(f"{name}: evidence/{sha}: {exc}; nothing was imported") from None
        return described

    @_database_errors
    def ensure_demo(self, catalog: Catalog | None = None) -> int | None:
        """Import the demo assessment the first time the store is used; return its id.

        Later calls return the same id; None once the user deleted the demo (it is not
        brought back).
        """
        with self._read() as conn:
            value = conn.execute(
                select(t.settings.c.value).where(t.settings.c.key == DEMO_KEY)
            ).scalar()
        if value is None:
            from ..demo import demo_assessment

            demo = demo_assessment()
            pack = (catalog or self.catalog()).pack_for(demo.criteria_set)
            try:
                with self._write() as conn:
                    if (
                        conn.execute(
                            select(t.settings.c.value).where(t.settings.c.key == DEMO_KEY)
                        ).scalar()
                        is None
                    ):
                        org = self._organisation_for(conn, demo)
                        new_id = self._insert_assessment(
                            conn, demo, pack, org, "demo", [{"kind": "created"}]
                        )
                        conn.execute(insert(t.settings).values(key=DEMO_KEY, value=str(new_id)))
            except IntegrityError:  # another process set the demo up at the same moment
                pass
            with self._read() as conn:
                value = conn.execute(
                    select(t.settings.c.value).where(t.settings.c.key == DEMO_KEY)
                ).scalar()
        demo_id = int(value)
        with self._read() as conn:
            exists = conn.execute(
                select(func.count()).select_from(t.assessments).where(t.assessments.c.id == demo_id)
            ).scalar()
        return demo_id if exists else None


def open_store(url: str | None = None, *, max_upload_mb: float | None = None) -> Store:
    """Open (and create or migrate) the store.

    ``url``: a SQLAlchemy URL (``sqlite:///FILE``, ``postgresql://USER@HOST/DB``) or a SQLite
    file path; else ``IKM_DATABASE_URL``; else ``ikm.sqlite3`` in ``IKM_DATA_DIR`` (default
    ``~/.local/share/ikm-readiness``). ``max_upload_mb`` overrides ``IKM_MAX_UPLOAD_MB``.
    Raises :class:`StoreError` with a clear message when the database cannot be used.
    """
    return Store(resolve_url(url), max_upload_mb=max_upload_mb)
