"""Organisations in the store: create, list with their assessments, rename, delete."""

from __future__ import annotations

from sqlalchemy import Connection, delete, insert, select, update

from ..assessments import Assessment
from . import tables as t
from .base import StoreBase, _database_errors
from .errors import NotFoundError, StoreError
from .records import AssessmentSummary, OrganisationSummary


class OrganisationMixin(StoreBase):
    """Methods of :class:`~assessment.store.Store` for organisations (the assessments' own
    helpers, ``_summary_query`` and ``_delete_assessment``, are the store's)."""

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
