"""``ikm store``: list, import, export and show the history of stored assessments.

Every command takes ``--database URL`` (else ``IKM_DATABASE_URL``, else the embedded SQLite
file in the data folder). SQLAlchemy is imported only when a command runs, so ``ikm --help``
stays fast; this module imports nothing of ``assessment.cli`` at load time (the group is
registered from there).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from .cli_common import (
    CRITERIA_OPTION,
    DATABASE_OPTION,
    atomic_output,
    echo,
    handles_errors,
    open_database,
)


def _local(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def _operator(store: Any) -> Any:
    """The store as the operator uses it (an administrator, recorded as such in the audit
    log)."""
    from .store import Principal

    return store.as_principal(Principal.operator())


@click.group("store")
def store_group() -> None:
    """Work with the database of the app: list, import, export, history."""


@store_group.command("list")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="en", show_default=True)
@DATABASE_OPTION
@handles_errors
def list_command(lang: str, database: str | None) -> None:
    """List organisations and their assessments (ID, date, readiness, verdict, last change)."""
    from .messages import pct, verdict_label

    with open_database(database) as store:
        organisations = store.list_organisations()
    if not organisations:
        click.echo("No assessments stored yet. Add one with: ikm store import FILE")
        return
    packs = {(a.pack_id, a.pack_version) for o in organisations for a in o.assessments}
    rows: dict[int, list[str]] = {}
    for org in organisations:
        for item in org.assessments:
            cells = [
                str(item.id),
                item.assessment_date.isoformat(),
                "—" if item.readiness is None else pct(item.readiness, lang),
                verdict_label(item.verdict, lang) if item.verdict else "—",
                f"v{item.version}",
                f"{_local(item.updated_at)} {item.updated_by or ''}".rstrip(),
            ]
            if len(packs) > 1:
                cells.insert(2, f"{item.pack_id} {item.pack_version or ''}".strip())
            rows[item.id] = cells
    widths = [
        max(len(r[i]) for r in rows.values()) for i in range(len(next(iter(rows.values()), [])))
    ]
    right = {0, len(widths) - 4}  # the id and the readiness
    for org in organisations:
        echo(org.name + (f" ({org.sector})" if org.sector else ""))
        if not org.assessments:
            click.echo("  (no assessments)")
        for item in org.assessments:
            cells = rows[item.id]
            padded = [
                c.rjust(widths[i]) if i in right else c.ljust(widths[i])
                for i, c in enumerate(cells)
            ]
            echo(("  " + "  ".join(padded)).rstrip())


@store_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@CRITERIA_OPTION
@click.option("--author", default=None, help="Name recorded in the history (default: import).")
@DATABASE_OPTION
@handles_errors
def import_command(
    file: Path, criteria: tuple[Path, ...], author: str | None, database: str | None
) -> None:
    """Import an assessment (.json or .ikmz); print the new assessment's id last."""
    from .errors import InputFileError

    if file.is_dir():
        raise InputFileError(f"{file}: is a folder, not a file")
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{file}: file not found") from None
    except OSError as exc:
        raise InputFileError(f"{file}: cannot read file ({exc.strerror})") from None
    with open_database(database) as store:
        catalog = store.catalog()
        if criteria:
            from .packs import load_pack, pack_files

            for path in pack_files(criteria):
                catalog.add(load_pack(path))
        warnings: list[Any] = []
        new_id = store.import_file(
            data, str(file), catalog, author=author or "import", warnings=warnings
        )
        for warning in warnings:
            echo(str(warning), err=True)
        summary = store.get_summary(new_id)
    echo(
        f"imported {file} as assessment {new_id} of {summary.organisation_name} "
        f"(version {summary.version})",
        err=True,
    )
    click.echo(str(new_id))


@store_group.command("export")
@click.argument("assessment_id", type=int, metavar="ID")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="FILE.json (the assessment) or FILE.ikmz (with its evidence files).",
)
@click.option(
    "--without-personal-data",
    is_flag=True,
    help=".ikmz: leave out the files of evidence marked as holding personal data.",
)
@DATABASE_OPTION
@handles_errors
def export_command(
    assessment_id: int, output: Path, without_personal_data: bool, database: str | None
) -> None:
    """Export assessment ID to a .json or .ikmz file."""

    suffix = output.suffix.lower()
    if suffix not in (".json", ".ikmz"):
        raise click.UsageError(f"{output}: the file name must end in .json or .ikmz")
    if suffix == ".json" and without_personal_data:
        raise click.UsageError("--without-personal-data applies to .ikmz exports only")
    with open_database(database) as opened:
        store = _operator(opened)  # the export is recorded in the audit log
        if suffix == ".json":
            payload = store.export_json(assessment_id).encode("utf-8")
        else:
            payload = store.export_ikmz(
                assessment_id, include_personal_data=not without_personal_data
            )
    with atomic_output(output, "wb") as handle:
        handle.write(payload)
    click.echo(f"wrote {output}")


@store_group.command("history")
@click.argument("assessment_id", type=int, metavar="ID")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="en", show_default=True)
@DATABASE_OPTION
@handles_errors
def history_command(assessment_id: int, lang: str, database: str | None) -> None:
    """Show every version of assessment ID: when, who and what changed."""
    with open_database(database) as store:
        versions = store.history(assessment_id)
        summary = store.get_summary(assessment_id)
    count = len(versions)
    echo(
        f"Assessment {assessment_id}: {summary.organisation_name}, "
        f"{summary.assessment_date.isoformat()} ({count} version{'s' if count != 1 else ''})"
    )
    width = max(len(f"v{v.version}") for v in versions)
    who = max(len(v.author or "—") for v in versions)
    for item in versions:
        echo(
            f"  {f'v{item.version}'.rjust(width)}  {_local(item.created_at)}  "
            f"{(item.author or '—').ljust(who)}  {item.summary(lang)}"
        )


@store_group.command("restore")
@click.argument("assessment_id", type=int, metavar="ID")
@click.argument("version", type=int)
@click.option("--author", default=None, help="Name recorded in the history.")
@DATABASE_OPTION
@handles_errors
def restore_command(
    assessment_id: int, version: int, author: str | None, database: str | None
) -> None:
    """Make VERSION of assessment ID current again (as a new version; nothing is lost)."""
    with open_database(database) as store:
        new_version = store.restore_version(assessment_id, version, author or "ikm store")
    click.echo(f"assessment {assessment_id}: version {version} restored as version {new_version}")


@store_group.command("erase-file")
@click.argument("sha256")
@click.option("--author", default=None, help="Name recorded in the history.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@DATABASE_OPTION
@handles_errors
def erase_file_command(sha256: str, author: str | None, yes: bool, database: str | None) -> None:
    """Erase the content of evidence file SHA256 for good (its name, size and hash stay)."""
    import re

    if not re.fullmatch(r"[0-9a-f]{64}", sha256):
        raise click.UsageError(f"{sha256!r} is not a sha256 (64 lowercase hex digits)")
    with open_database(database) as opened:
        store = _operator(opened)  # the erasure is recorded in the audit log
        info = store.file_info(sha256)
        shown = info.name if info else sha256
        if not yes:
            click.confirm(f"Erase {shown} for good? This cannot be undone", abort=True)
        affected = store.erase_file(sha256, author or "ikm store")
    where = ", ".join(str(i) for i in affected) or "none"
    click.echo(f"erased {shown}; assessments with a new version: {where}")
