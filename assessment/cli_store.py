"""``ikm store``: list, import, export and show the history of stored assessments.

Every command takes ``--database URL`` (else ``IKM_DATABASE_URL``, else the embedded SQLite
file in the data folder). SQLAlchemy is imported only when a command runs, so ``ikm --help``
stays fast; this module imports nothing of ``assessment.cli`` at load time (the group is
registered from there).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

DATABASE_OPTION = click.option(
    "--database",
    "database",
    metavar="URL",
    envvar="IKM_DATABASE_URL",
    help="sqlite:///FILE, postgresql://USER@HOST/DB or a SQLite file "
    "(default: IKM_DATABASE_URL, else ikm.sqlite3 in IKM_DATA_DIR).",
)


def _guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Apply ``assessment.cli.handles_errors`` at call time (no import cycle at load time)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .cli import handles_errors

        return handles_errors(func)(*args, **kwargs)

    return wrapper


def _open(database: str | None):  # type: ignore[no-untyped-def]
    from .store import open_store

    return open_store(database or None)


def _local(moment: Any) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


@click.group("store")
def store_group() -> None:
    """Work with the database of the app: list, import, export, history."""


@store_group.command("list")
@DATABASE_OPTION
@_guarded
def list_command(database: str | None) -> None:
    """List organisations and their assessments."""
    from rich.console import Console
    from rich.table import Table

    from .messages import pct

    with _open(database) as store:
        organisations = store.list_organisations()
    console = Console(highlight=False)
    if not organisations:
        console.print("No assessments stored yet. Add one with: ikm store import FILE")
        return
    table = Table(box=None, header_style="bold", pad_edge=False)
    for column in ("ID", "Organisation", "Date", "Pack", "Readiness", "Verdict", "Ver.", "Changed"):
        table.add_column(
            column, justify="right" if column in ("ID", "Readiness", "Ver.") else "left"
        )
    for org in organisations:
        if not org.assessments:
            table.add_row("", org.name, "—", "", "", "", "", _local(org.created_at))
        for item in org.assessments:
            pack = f"{item.pack_id} {item.pack_version or ''}".strip()
            readiness = "—" if item.readiness is None else pct(item.readiness)
            changed = _local(item.updated_at)
            if item.updated_by:
                changed += f" {item.updated_by}"
            table.add_row(
                str(item.id),
                org.name,
                item.assessment_date.isoformat(),
                pack,
                readiness,
                item.verdict or "—",
                str(item.version),
                changed,
            )
    console.print(table)


@store_group.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--criteria",
    "criteria",
    multiple=True,
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="Extra criteria pack: a .yaml file or a folder of them (repeatable).",
)
@click.option("--author", default=None, help="Name recorded in the history (default: import).")
@DATABASE_OPTION
@_guarded
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
    with _open(database) as store:
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
            click.echo(str(warning), err=True)
        summary = store.get_summary(new_id)
    click.echo(
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
@_guarded
def export_command(
    assessment_id: int, output: Path, without_personal_data: bool, database: str | None
) -> None:
    """Export assessment ID to a .json or .ikmz file."""
    from .cli import atomic_output

    suffix = output.suffix.lower()
    if suffix not in (".json", ".ikmz"):
        raise click.UsageError(f"{output}: the file name must end in .json or .ikmz")
    if suffix == ".json" and without_personal_data:
        raise click.UsageError("--without-personal-data applies to .ikmz exports only")
    with _open(database) as store:
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
@_guarded
def history_command(assessment_id: int, lang: str, database: str | None) -> None:
    """Show every version of assessment ID: when, who and what changed."""
    from rich.console import Console
    from rich.table import Table

    with _open(database) as store:
        versions = store.history(assessment_id)
        summary = store.get_summary(assessment_id)
    console = Console(highlight=False)
    console.print(
        f"Assessment {assessment_id}: {summary.organisation_name}, "
        f"{summary.assessment_date.isoformat()} ({len(versions)} versions)"
    )
    table = Table(box=None, header_style="bold", pad_edge=False)
    table.add_column("Version", justify="right")
    table.add_column("When")
    table.add_column("Who")
    table.add_column("What changed", overflow="fold")
    for item in versions:
        table.add_row(
            str(item.version), _local(item.created_at), item.author or "—", item.summary(lang)
        )
    console.print(table)
