"""Who may do what in the store: the one place every read and write of a person is checked.

A :class:`Principal` is who acts: a signed-in identity (e-mail and name), the single user of
the app on their own computer (``local``), the operator's command line (``operator``), or
nobody (``anonymous``: a workshop participant, who reaches the vote with a code or token).
``store.as_principal(p)`` returns an :class:`AccessStore`: the same methods as the store,
each checked against :data:`RULES` before it runs. A method without a rule is refused (the
view fails closed).

The organisation is the boundary. In each organisation a member has one role:

- ``reviewer`` reads everything and downloads the report, exports and evidence files;
- ``editor`` also changes assessments, evidence, the plan and workshops, uploads files and
  packs;
- ``owner`` also manages the members and reads the organisation's audit log.

An instance admin may do everything; ``local`` and ``operator`` act as admins. A first
sign-in has no role anywhere: it sees an empty list and is refused everything else. Objects
of an organisation the principal is not a member of are refused as if they did not exist
(:class:`NoAccess`, a ``NotFoundError``), so a guessed id tells nothing; a member whose role
is too low gets :class:`AccessDenied`. The author of every change made by an identity is
that identity, whatever author the caller passed.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import tables as t
from .downloads import DownloadsMixin
from .errors import AccessDenied, NoAccess, RenameRefused, StoreError
from .levels import ADMIN, EDIT, MANAGE, READ
from .members import ROLES, AuditEntry, Member, normalise_email

if TYPE_CHECKING:
    from .records import OrganisationSummary
    from .repository import Store

LEVEL_OF_ROLE = {"reviewer": READ, "editor": EDIT, "owner": MANAGE}
_NEEDS = {READ: "read", EDIT: "change", MANAGE: "manage", ADMIN: "administer"}


@dataclass(frozen=True)
class Principal:
    """Who acts on the store. Build one with :meth:`identity`, :meth:`local`,
    :meth:`operator` or :meth:`anonymous`."""

    kind: str
    email: str | None = None
    name: str | None = None

    @classmethod
    def identity(cls, email: str, name: str | None = None) -> Principal:
        """A signed-in person (e-mail from the identity provider, lower-cased)."""
        cleaned = (name or "").strip()[:200] or None
        return cls("identity", normalise_email(email), cleaned)

    @classmethod
    def local(cls, name: str | None = None) -> Principal:
        """The single user of the app without sign-in (``name``: what they typed)."""
        return cls("local", None, (name or "").strip()[:200] or None)

    @classmethod
    def operator(cls, name: str | None = None) -> Principal:
        """The ``ikm store`` command line: the administrator of the database it is given."""
        return cls("operator", None, (name or "").strip()[:200] or None)

    @classmethod
    def anonymous(cls) -> Principal:
        """Nobody signed in: may join a workshop and vote with its code, nothing else."""
        return cls("anonymous")

    @property
    def unrestricted(self) -> bool:
        """Whether this principal acts as administrator without being on the admin list."""
        return self.kind in ("local", "operator")

    @property
    def author(self) -> str | None:
        """The author recorded for this principal's changes."""
        if self.kind == "identity":
            return f"{self.name} <{self.email}>" if self.name else self.email
        return self.name

    @property
    def actor(self) -> str:
        """How the audit log names this principal."""
        return self.author or {"local": "local user", "operator": "operator"}.get(
            self.kind, self.kind
        )


@dataclass(frozen=True)
class Rule:
    """What a method needs: the ``level`` on the organisation of the object named by the
    argument ``arg`` (``kind`` assessment, organisation, workshop or file); or ``kind`` ``any``
    (the level in some organisation), ``instance`` (an admin), ``signed`` (anyone but
    anonymous), ``open`` (anyone: the workshop code or token is the credential). ``author``:
    the argument carrying the author (set to the identity); ``audit``: the audit-log action."""

    kind: str
    level: int
    arg: str = ""
    author: str = ""
    audit: str = ""


def _a(level: int, **kw: str) -> Rule:
    return Rule("assessment", level, "assessment_id", **kw)


def _w(level: int, **kw: str) -> Rule:
    return Rule("workshop", level, "workshop_id", **kw)


# Every method of the store a principal may call, with what it needs. Not listed: refused.
RULES: dict[str, Rule] = {
    "get_assessment": _a(READ),
    "get_summary": _a(READ),
    "pack_for": _a(READ),
    "history": _a(READ),
    "get_version": _a(READ),
    "export_json": _a(READ, audit="export"),
    "export_ikmz": _a(READ, audit="export"),
    "save": _a(EDIT, author="author"),
    "save_merged": _a(EDIT, author="author"),
    "heartbeat": _a(READ, author="name"),  # a reviewer is there too; the name is the identity
    "present": _a(READ),
    "leave": _a(READ),
    "restore_version": _a(EDIT, author="author"),
    "delete_assessment": _a(MANAGE),
    "move_to_bin": _a(MANAGE, author="author"),
    "take_out_of_bin": _a(MANAGE),
    "binned_assessments": Rule("signed", 0),  # ids and dates only; the pages show their own
    "get_organisation": Rule("organisation", READ, "organisation_id"),
    "rename_organisation": Rule("organisation", MANAGE, "organisation_id"),
    "delete_organisation": Rule("organisation", ADMIN, "organisation_id"),
    "members": Rule("organisation", MANAGE, "organisation_id"),
    "file_info": Rule("file", READ, "sha256"),
    "get_file": Rule("file", READ, "sha256", audit="file_download"),
    "erase_file": Rule("file", EDIT, "sha256", author="author", audit="erase"),
    "add_file": Rule("any", EDIT),
    "save_pack_text": Rule("any", EDIT),
    "catalog": Rule("signed", 0),  # criteria, not an organisation's data: any known person
    "stored_packs": Rule("signed", 0),
    "create_organisation": Rule("instance", ADMIN),
    "ensure_demo": Rule("instance", ADMIN),
    "admins": Rule("instance", ADMIN),
}
WORKSHOP_RULES: dict[str, Rule] = {
    "start": _a(EDIT, author="consultant"),
    "open_for": _a(READ),
    "list_for": _a(READ),
    "findings": _a(READ),
    "vote_total": _a(READ),
    "appendix": _a(READ),
    "get": _w(READ),
    "participant_names": _w(READ),
    "summary": _w(READ),
    "vote_count": _w(READ),
    "all_votes": _w(READ),
    "agreed": _w(READ),
    "show": _w(EDIT),
    "open_voting": _w(EDIT),
    "close_voting": _w(EDIT),
    "start_timer": _w(EDIT),
    "close": _w(EDIT),
    "agree": _w(EDIT, author="author"),
    "reveal": _w(EDIT),
    "rounds_of": _w(READ),
    "join": Rule("open", 0),  # the join code and the participant's token are the credential
    "screen": Rule("open", 0),
    "vote": Rule("open", 0),
    "give_reason": Rule("open", 0),  # with the participant's token, like a vote
    "groups_for": Rule("open", 0),  # the groups a join code offers
}
PLAIN_ATTRIBUTES = ("url", "dialect", "max_file_bytes")


class _Checker:
    """The checks shared by the store's and the workshops' views."""

    def __init__(self, store: Store, principal: Principal):
        self._store = store
        self.principal = principal

    # ---- who may do what -----------------------------------------------------------------

    def is_admin(self) -> bool:
        """Whether the principal may do everything."""
        p = self.principal
        if p.unrestricted:
            return True
        return p.kind == "identity" and p.email is not None and self._store.is_admin(p.email)

    def roles(self) -> dict[int, str]:
        """The principal's organisations with its role in each."""
        p = self.principal
        if p.kind != "identity" or p.email is None:
            return {}
        return self._store.roles_of(p.email)

    def require(self, level: int, organisations: set[int], what: str, every: bool = False) -> None:
        """Refuse unless the principal has ``level`` in one of ``organisations`` (all of them
        when ``every``); ``what`` names the object in the message."""
        if self.is_admin():
            return
        if level >= ADMIN:
            raise AccessDenied(f"only an administrator may {what}")
        roles = self.roles()
        mine = {org: LEVEL_OF_ROLE[roles[org]] for org in organisations if org in roles}
        if not mine or (every and len(mine) < len(organisations)):
            raise NoAccess(f"{what} does not exist or you have no access to it")
        enough = [org for org, have in mine.items() if have >= level]
        if not enough or (every and len(enough) < len(organisations)):
            role = roles[next(iter(mine))]
            raise AccessDenied(f"your role ({role}) does not allow you to {_NEEDS[level]} {what}")

    def organisations_of(self, kind: str, key: Any) -> set[int]:
        """The organisations an object belongs to (empty when it does not exist)."""
        a, w, af = t.assessments, t.workshops, t.assessment_files
        if kind == "organisation":
            query = select(t.organisations.c.id).where(t.organisations.c.id == key)
        elif kind == "assessment":
            query = select(a.c.organisation_id).where(a.c.id == key)
        elif kind == "workshop":
            query = (
                select(a.c.organisation_id)
                .join(w, w.c.assessment_id == a.c.id)
                .where(w.c.id == key)
            )
        elif kind == "file":
            query = (
                select(a.c.organisation_id)
                .join(af, af.c.assessment_id == a.c.id)
                .where(af.c.sha256 == str(key).lower())
            )
        else:
            raise AssertionError(kind)
        with self._store._read() as conn:
            return set(conn.execute(query).scalars())

    def guarded(self, target: Any, name: str, rule: Rule) -> Callable[..., Any]:
        """``target.name`` wrapped in the check of ``rule`` (and its audit-log row)."""
        method = getattr(target, name)
        signature = inspect.signature(method)

        def call(*args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(*args, **kwargs)
            orgs: set[int] = set()
            if rule.kind in ("assessment", "organisation", "workshop", "file"):
                key = bound.arguments[rule.arg]
                orgs = self.organisations_of(rule.kind, key)
                what = f"{rule.kind} {key}" if rule.kind != "file" else f"file {str(key)[:12]}"
                self.require(rule.level, orgs, what, every=name == "erase_file")
            elif rule.kind == "any":
                self.require_somewhere(rule.level)
            elif rule.kind == "signed" and self.principal.kind == "anonymous":
                raise AccessDenied("sign in first")
            elif rule.kind == "instance":
                self.require(ADMIN, set(), f"use {name}")
            if rule.author and self.principal.kind == "identity":
                bound.arguments[rule.author] = self.principal.author
            result = method(*bound.args, **bound.kwargs)
            if rule.audit and (result is not None or rule.audit != "file_download"):
                self.audit_object(rule.audit, rule.kind, bound.arguments[rule.arg], orgs, name)
            return result

        call.__doc__ = method.__doc__
        call.__name__ = name
        return call

    def require_somewhere(self, level: int) -> None:
        """Refuse unless the principal has ``level`` in some organisation."""
        if self.is_admin():
            return
        if not any(LEVEL_OF_ROLE[role] >= level for role in self.roles().values()):
            raise AccessDenied(f"you have no organisation in which you may {_NEEDS[level]} this")

    def audit_object(self, action: str, kind: str, key: Any, orgs: set[int], detail: str) -> None:
        """One audit-log row per organisation the object belongs to."""
        subject = f"{kind} {key}"
        for org in sorted(orgs) or [None]:
            self._store.record_audit(self.principal.actor, action, org, subject, detail)


class WorkshopsView(_Checker):
    """``store.workshops`` as a principal may use it (see :data:`WORKSHOP_RULES`)."""

    def __getattr__(self, name: str) -> Any:
        rule = WORKSHOP_RULES.get(name)
        if rule is None:
            raise AttributeError(f"workshops.{name} is not available through the access check")
        return self.guarded(self._store.workshops, name, rule)


class AccessStore(DownloadsMixin, _Checker):  # type: ignore[misc]
    """The store as one principal may use it: the store's methods, each checked against
    :data:`RULES` (refused when it has none), the members, admins and audit log, and the
    app's downloads in the audit log (:mod:`.downloads`)."""

    def __init__(self, store: Store, principal: Principal):
        super().__init__(store, principal)
        self.workshops = WorkshopsView(store, principal)
        """The workshops, checked the same way."""

    def __getattr__(self, name: str) -> Any:
        if name in PLAIN_ATTRIBUTES:
            return getattr(self._store, name)
        rule = RULES.get(name)
        if rule is None:
            raise AttributeError(f"store.{name} is not available through the access check")
        return self.guarded(self._store, name, rule)

    # ---- listing and creating, filtered by organisation ------------------------------------

    def list_organisations(self) -> list[OrganisationSummary]:
        """The organisations the principal may read, with their assessments."""
        found = self._store.list_organisations()
        if self.is_admin():
            return found
        mine = self.roles()
        return [org for org in found if org.id in mine]

    def role_in(self, organisation_id: int) -> str | None:
        """The principal's role in an organisation (``admin`` for an admin), or None."""
        if self.is_admin():
            return "admin"
        return self.roles().get(organisation_id)

    def may_edit(self, assessment_id: int) -> bool:
        """Whether the principal may change this assessment (for the pages' read-only view)."""
        try:
            self.require(EDIT, self.organisations_of("assessment", assessment_id), "it")
        except StoreError:
            return False
        return True

    def create_assessment(self, assessment: Any, pack: Any = None, **kwargs: Any) -> int:
        """A new assessment, in an organisation the principal edits (a new organisation:
        admins only). The author is the identity."""
        org = kwargs.get("organisation_id")
        if org is None:
            self._require_to_add_to(assessment.organisation.name)
        else:
            self.require(EDIT, self.organisations_of("organisation", org), f"organisation {org}")
        if self.principal.kind == "identity":
            kwargs["author"] = self.principal.author
        return self._store.create_assessment(assessment, pack, **kwargs)

    def import_file(self, data: bytes, name: str, catalog: Any = None, **kwargs: Any) -> int:
        """Import an assessment, into an organisation the principal edits (a new
        organisation: admins only). Checked completely before anything is stored."""

        def admit(assessment: Any) -> None:
            self._require_to_add_to(assessment.organisation.name)

        if self.principal.kind == "identity":
            kwargs["author"] = self.principal.author
        return self._store.import_file(data, name, catalog, admit=admit, **kwargs)

    def report_pdf(self, assessment_id: int, lang: str = "nl") -> bytes:
        """The PDF report of the current version, with the workshop appendix (readers of the
        organisation: reviewers included)."""
        what = f"assessment {assessment_id}"
        self.require(READ, self.organisations_of("assessment", assessment_id), what)
        from ..report import render_pdf

        assessment, _ = self._store.get_assessment(assessment_id)
        pack = self._store.pack_for(assessment_id)
        appendix = self._store.workshops.appendix(assessment_id, lang)
        return render_pdf(pack, assessment, lang, workshop=appendix)

    def follow_rename(self, assessment_id: int, name: str, sector: str | None) -> None:
        """Keep the organisation list in step with a rename (owners of the assessment's
        organisation). Renaming never moves an assessment into an organisation the principal
        does not own (no injecting into another client's organisation) nor into a new one
        (only an admin creates organisations: it would have no members)."""
        orgs = self.organisations_of("assessment", assessment_id)
        self.require(MANAGE, orgs, f"assessment {assessment_id}")

        def admit(move: str, organisation: int | None) -> None:
            if self.is_admin():
                return
            if move == "new":
                raise RenameRefused(
                    f"renaming the organisation to {name.strip()!r} would move this assessment "
                    "into a new organisation, which only an administrator may create; ask "
                    "an administrator, or keep the current name",
                    "new",
                )
            if self.roles().get(organisation or 0) != "owner":
                raise RenameRefused(
                    f"the name {name.strip()!r} belongs to another organisation, which you do "
                    "not own: renaming does not move an assessment into another "
                    "organisation; choose another name",
                    "other",
                )

        self._store.follow_rename(assessment_id, name, sector, admit)

    def _require_to_add_to(self, organisation_name: str) -> None:
        """Refuse unless the principal edits the organisation of this name; a new one (no
        organisation has the name yet) is for admins only."""
        org = self._organisation_named(organisation_name)
        if org is None:
            self.require(ADMIN, set(), "create a new organisation")
        else:
            self.require(EDIT, {org}, f"organisation {organisation_name!r}")

    def _organisation_named(self, name: str) -> int | None:
        o = t.organisations
        with self._store._read() as conn:
            return conn.execute(
                select(o.c.id)
                .where(o.c.name_key == name.strip().casefold())
                .order_by(o.c.id)
                .limit(1)
            ).scalar()

    # ---- members, admins, audit log ------------------------------------------------------

    def set_member(self, organisation_id: int, email: str, role: str) -> None:
        """Add a member or change its role (owners of the organisation and admins)."""
        self.require(
            MANAGE,
            self.organisations_of("organisation", organisation_id),
            f"organisation {organisation_id}",
        )
        self._store.set_member(organisation_id, email, role, self.principal.actor)

    def remove_member(self, organisation_id: int, email: str) -> bool:
        """Take a member off (owners of the organisation and admins)."""
        self.require(
            MANAGE,
            self.organisations_of("organisation", organisation_id),
            f"organisation {organisation_id}",
        )
        return self._store.remove_member(organisation_id, email, self.principal.actor)

    def add_admin(self, email: str) -> None:
        """Make somebody an admin of the instance (admins only)."""
        self.require(ADMIN, set(), "manage the admins")
        self._store.add_admin(email, self.principal.actor)

    def remove_admin(self, email: str) -> bool:
        """Take somebody off the admins (admins only)."""
        self.require(ADMIN, set(), "manage the admins")
        return self._store.remove_admin(email, self.principal.actor)

    def audit_log(self, organisation_id: int | None = None, limit: int = 500) -> list[AuditEntry]:
        """The audit log of one organisation (its owners and admins), or of the whole
        instance (admins)."""
        if organisation_id is None:
            self.require(ADMIN, set(), "read the audit log of the instance")
        else:
            self.require(
                MANAGE,
                self.organisations_of("organisation", organisation_id),
                f"organisation {organisation_id}",
            )
        return self._store.audit_log(organisation_id, limit)

    def record_sign_in(self) -> None:
        """Write the principal's sign-in to the audit log."""
        if self.principal.kind == "identity":
            self._store.record_audit(self.principal.actor, "sign_in")


__all__ = [
    "ADMIN",
    "EDIT",
    "MANAGE",
    "READ",
    "ROLES",
    "RULES",
    "WORKSHOP_RULES",
    "AccessStore",
    "AuditEntry",
    "Member",
    "Principal",
    "WorkshopsView",
]
