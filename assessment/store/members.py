"""Members, admins and the audit log, as the store keeps them (no access checks here).

These are the operator's methods of :class:`~assessment.store.Store`: whoever holds the store
object itself is the administrator of the database. Everybody else reaches the store through
:meth:`MembersMixin.as_principal`, whose view (``access.AccessStore``) checks every call
against the roles kept here. Every change to members or admins writes its audit-log row in
the same transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, select, update

from . import tables as t
from .base import StoreBase, _database_errors
from .errors import NotFoundError, StoreError

if TYPE_CHECKING:
    from .access import AccessStore, Principal

ROLES = ("owner", "editor", "reviewer")
"""The roles of a member of an organisation, from most to least rights."""
MAX_EMAIL = 320


@dataclass(frozen=True)
class Member:
    """One member of an organisation."""

    organisation_id: int
    email: str
    role: str
    added_at: datetime
    added_by: str | None


@dataclass(frozen=True)
class AuditEntry:
    """One row of the audit log."""

    id: int
    at: datetime
    actor: str | None
    action: str
    organisation_id: int | None
    subject: str | None
    detail: str | None


def normalise_email(email: str) -> str:
    """An e-mail address as kept: trimmed and lower-cased; :class:`StoreError` when it is
    not one."""
    cleaned = (email or "").strip().lower()
    if "@" not in cleaned or len(cleaned) > MAX_EMAIL or any(c.isspace() for c in cleaned):
        raise StoreError(f"not an e-mail address: {email!r}")
    return cleaned


def check_role(role: str) -> str:
    """``role`` when it is one of :data:`ROLES`; else :class:`StoreError`."""
    if role not in ROLES:
        raise StoreError(f"unknown role {role!r}; use one of {', '.join(ROLES)}")
    return role


def _short(text: str | None, size: int = 400) -> str | None:
    return None if text is None else text[:size]


class MembersMixin(StoreBase):
    """Methods of :class:`~assessment.store.Store` for members, admins and the audit log."""

    def as_principal(self, principal: Principal) -> AccessStore:
        """This store as ``principal`` may use it: every call checked in one place
        (``access.AccessStore``)."""
        from .access import AccessStore

        return AccessStore(self, principal)  # type: ignore[arg-type]

    # ---- members -------------------------------------------------------------------------

    @_database_errors
    def members(self, organisation_id: int) -> list[Member]:
        """The members of an organisation, owners first, then by e-mail address."""
        m = t.members
        with self._read() as conn:
            rows = conn.execute(select(m).where(m.c.organisation_id == organisation_id)).all()
        found = [Member(r.organisation_id, r.email, r.role, r.added_at, r.added_by) for r in rows]
        return sorted(found, key=lambda x: (ROLES.index(x.role), x.email))

    @_database_errors
    def set_member(self, organisation_id: int, email: str, role: str, actor: str | None) -> None:
        """Add ``email`` to the organisation with ``role``, or change its role."""
        email, role = normalise_email(email), check_role(role)
        m = t.members
        with self._write() as conn:
            self._organisation_exists(conn, organisation_id)
            before = conn.execute(
                select(m.c.role).where(m.c.organisation_id == organisation_id, m.c.email == email)
            ).scalar()
            if before == role:
                return
            if before is None:
                conn.execute(
                    insert(m).values(
                        organisation_id=organisation_id,
                        email=email,
                        role=role,
                        added_at=t.utc_now(),
                        added_by=_short(actor),
                    )
                )
            else:
                conn.execute(
                    update(m)
                    .where(m.c.organisation_id == organisation_id, m.c.email == email)
                    .values(role=role)
                )
            detail = role if before is None else f"{before} -> {role}"
            self._audit(conn, actor, "member_set", organisation_id, email, detail)

    @_database_errors
    def remove_member(self, organisation_id: int, email: str, actor: str | None) -> bool:
        """Take ``email`` off the organisation; False when it was not a member."""
        email = normalise_email(email)
        m = t.members
        with self._write() as conn:
            done = conn.execute(
                delete(m).where(m.c.organisation_id == organisation_id, m.c.email == email)
            ).rowcount
            if done:
                self._audit(conn, actor, "member_removed", organisation_id, email, None)
        return bool(done)

    @_database_errors
    def roles_of(self, email: str) -> dict[int, str]:
        """The organisations ``email`` is a member of, with the role in each."""
        m = t.members
        with self._read() as conn:
            rows = conn.execute(
                select(m.c.organisation_id, m.c.role).where(m.c.email == email.strip().lower())
            ).all()
        return {row.organisation_id: row.role for row in rows}

    def _organisation_exists(self, conn: Connection, organisation_id: int) -> None:
        o = t.organisations
        if conn.execute(select(o.c.id).where(o.c.id == organisation_id)).first() is None:
            raise NotFoundError(f"organisation {organisation_id} does not exist")

    # ---- admins --------------------------------------------------------------------------

    @_database_errors
    def admins(self) -> list[str]:
        """The e-mail addresses of the instance's admins, sorted."""
        with self._read() as conn:
            return sorted(conn.execute(select(t.admins.c.email)).scalars())

    @_database_errors
    def is_admin(self, email: str) -> bool:
        """Whether ``email`` is an admin of the instance."""
        with self._read() as conn:
            found = conn.execute(
                select(t.admins.c.email).where(t.admins.c.email == email.strip().lower())
            ).first()
        return found is not None

    @_database_errors
    def add_admin(self, email: str, actor: str | None) -> None:
        """Make ``email`` an admin of the instance (nothing happens when it is one)."""
        email = normalise_email(email)
        with self._write() as conn:
            known = conn.execute(select(t.admins.c.email).where(t.admins.c.email == email)).first()
            if known is None:
                conn.execute(
                    insert(t.admins).values(email=email, added_at=t.utc_now(), added_by=actor)
                )
                self._audit(conn, actor, "admin_added", None, email, None)

    @_database_errors
    def remove_admin(self, email: str, actor: str | None) -> bool:
        """Take ``email`` off the admins; False when it was not one."""
        email = normalise_email(email)
        with self._write() as conn:
            done = conn.execute(delete(t.admins).where(t.admins.c.email == email)).rowcount
            if done:
                self._audit(conn, actor, "admin_removed", None, email, None)
        return bool(done)

    # ---- audit log -----------------------------------------------------------------------

    @_database_errors
    def record_audit(
        self,
        actor: str | None,
        action: str,
        organisation_id: int | None = None,
        subject: str | None = None,
        detail: str | None = None,
    ) -> None:
        """Add one row to the audit log."""
        with self._write() as conn:
            self._audit(conn, actor, action, organisation_id, subject, detail)

    @staticmethod
    def _audit(
        conn: Connection,
        actor: str | None,
        action: str,
        organisation_id: int | None,
        subject: str | None,
        detail: str | None,
    ) -> None:
        conn.execute(
            insert(t.audit_log).values(
                at=t.utc_now(),
                actor=_short(actor),
                action=action[:40],
                organisation_id=organisation_id,
                subject=_short(subject),
                detail=detail,
            )
        )

    @_database_errors
    def audit_log(self, organisation_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        """The newest ``limit`` rows of the audit log, newest first: of one organisation, or
        (``None``) of the whole instance."""
        a = t.audit_log
        query = select(a).order_by(a.c.id.desc()).limit(limit)
        if organisation_id is not None:
            query = query.where(a.c.organisation_id == organisation_id)
        with self._read() as conn:
            rows = conn.execute(query).all()
        return [
            AuditEntry(r.id, r.at, r.actor, r.action, r.organisation_id, r.subject, r.detail)
            for r in rows
        ]
