"""``ikm store members``, ``ikm store admins`` and ``ikm store audit``: who may use an
organisation's assessments, who administers the instance, and what was done.

These are the operator's tool: they act as the administrator of the database they are given
(``--database``, else ``IKM_DATABASE_URL``), through the same access-checked view of the store
as everyone else, so every change lands in the audit log (as ``operator``). Registered on the
``store`` group from ``assessment.cli``; SQLAlchemy is imported only when a command runs.
"""

from __future__ import annotations

from typing import Any

import click

from .cli_common import DATABASE_OPTION, handles_errors, open_database

ROLE_CHOICES = ("owner", "editor", "reviewer")


def _local(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _operator_view(store: Any) -> Any:
    from .store import Principal

    return store.as_principal(Principal.operator())


def _organisation(view: Any, given: str) -> Any:
    """The organisation named by ``given``: its id, or its name (ignoring case)."""
    from .errors import InputFileError

    organisations = view.list_organisations()
    if given.isdigit():
        found = [o for o in organisations if o.id == int(given)]
    else:
        found = [o for o in organisations if o.name.casefold() == given.strip().casefold()]
    if not found:
        raise InputFileError(f"no organisation {given!r}; see: ikm store list")
    if len(found) > 1:
        ids = ", ".join(str(o.id) for o in found)
        raise InputFileError(f"{len(found)} organisations are named {given!r}; use an id ({ids})")
    return found[0]


@click.command("members")
@click.argument("organisation", metavar="ORG")
@click.option(
    "--set",
    "set_",
    nargs=2,
    multiple=True,
    metavar="EMAIL ROLE",
    help="Add EMAIL with ROLE (owner, editor, reviewer), or change its role. Repeatable.",
)
@click.option("--remove", multiple=True, metavar="EMAIL", help="Take EMAIL off. Repeatable.")
@DATABASE_OPTION
@handles_errors
def members_command(
    organisation: str,
    set_: tuple[tuple[str, str], ...],
    remove: tuple[str, ...],
    database: str | None,
) -> None:
    """List the members of organisation ORG (an id or its name) with their roles; change
    them with --set and --remove."""
    for _, role in set_:
        if role not in ROLE_CHOICES:
            raise click.UsageError(f"unknown role {role!r}; use one of {', '.join(ROLE_CHOICES)}")
    with open_database(database) as store:
        view = _operator_view(store)
        org = _organisation(view, organisation)
        for email, role in set_:
            view.set_member(org.id, email, role)
        for email in remove:
            if not view.remove_member(org.id, email):
                click.echo(f"{email} was not a member of {org.name}", err=True)
        members = view.members(org.id)
    click.echo(f"{org.name} (organisation {org.id})")
    if not members:
        click.echo("  (no members: only admins have access)")
    width = max((len(m.email) for m in members), default=0)
    for m in members:
        by = f" by {m.added_by}" if m.added_by else ""
        click.echo(f"  {m.email.ljust(width)}  {m.role.ljust(8)}  added {_local(m.added_at)}{by}")


@click.command("admins")
@click.option("--add", multiple=True, metavar="EMAIL", help="Make EMAIL an admin. Repeatable.")
@click.option("--remove", multiple=True, metavar="EMAIL", help="Take EMAIL off. Repeatable.")
@DATABASE_OPTION
@handles_errors
def admins_command(add: tuple[str, ...], remove: tuple[str, ...], database: str | None) -> None:
    """List the admins of the instance (they may do everything); change them with --add and
    --remove. A new sign-in is never an admin: the first one is made here."""
    with open_database(database) as store:
        view = _operator_view(store)
        for email in add:
            view.add_admin(email)
        for email in remove:
            if not view.remove_admin(email):
                click.echo(f"{email} was not an admin", err=True)
        admins = view.admins()
    if not admins:
        click.echo("No admins. Add one with: ikm store admins --add EMAIL")
    for email in admins:
        click.echo(email)


@click.command("audit")
@click.argument("organisation", metavar="[ORG]", required=False)
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True)
@DATABASE_OPTION
@handles_errors
def audit_command(organisation: str | None, limit: int, database: str | None) -> None:
    """Show the audit log, newest first: sign-ins, member and admin changes, exports,
    evidence downloads and erasures; of organisation ORG only when given."""
    with open_database(database) as store:
        view = _operator_view(store)
        org = _organisation(view, organisation) if organisation else None
        rows = view.audit_log(org.id if org else None, limit)
    if not rows:
        click.echo("The audit log is empty.")
    for row in rows:
        where = f"org {row.organisation_id}" if row.organisation_id is not None else "-"
        cells = [_local(row.at), row.actor or "-", row.action, where, row.subject or ""]
        if row.detail:
            cells.append(row.detail)
        click.echo("  ".join(cells).rstrip())


COMMANDS = (members_command, admins_command, audit_command)
"""The commands this module adds to ``ikm store``."""
