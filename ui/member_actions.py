"""The members page's actions: the organisation's members and audit log, adding, changing
and removing a member. Every call goes to the session's access-checked store view, which
refuses anyone but the organisation's owners and the admins; a refusal becomes a message."""

from __future__ import annotations

from assessment.errors import IkmError
from assessment.store.members import AuditEntry, Member
from ui import state
from ui.labels import md, t
from ui.store_access import store


def organisation_of(aid: int) -> int:
    """The organisation of an assessment the session may read."""
    return store().get_summary(aid).organisation_id


def may_manage(organisation_id: int) -> bool:
    """Whether this session may manage the organisation's members (owner or admin)."""
    return store().role_in(organisation_id) in ("owner", "admin")


def members(organisation_id: int) -> list[Member]:
    return store().members(organisation_id)


def audit_log(organisation_id: int, limit: int = 100) -> list[AuditEntry]:
    return store().audit_log(organisation_id, limit)


def set_member(organisation_id: int, email: str, role: str, lang: str) -> bool:
    """Add a member or change its role; False with a message when refused."""
    try:
        store().set_member(organisation_id, email, role)
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("member_saved", lang, email=md(email.strip().lower()), role=role))
    return True


def remove_member(organisation_id: int, email: str, lang: str) -> bool:
    """Take a member off; False with a message when refused."""
    try:
        store().remove_member(organisation_id, email)
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("member_removed", lang, email=md(email)))
    return True
