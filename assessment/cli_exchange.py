"""``ikm export``, ``ikm import``, ``ikm plan``, ``ikm compare`` and ``ikm next`` (issue 16).

Each command parses its arguments and calls one domain function; openpyxl and icalendar are
imported inside the commands so that ``ikm --help`` stays fast.
"""

from __future__ import annotations

from pathlib import Path

import click

from .cli_common import CRITERIA_OPTION, atomic_output, handles_errors


def _load(assessment: Path, criteria: tuple[Path, ...]):  # type: ignore[no-untyped-def]
    from .cli import load_input

    return load_input(assessment, criteria)


@click.command("export")
@click.argument("assessment", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help=".xlsx file to write."
)
@CRITERIA_OPTION
@handles_errors
def export_command(assessment: Path, output: Path, criteria: tuple[Path, ...]) -> None:
    """Write an assessment file as an Excel workbook (.xlsx) to fill in offline."""
    from .method import score
    from .xlsx import export_workbook

    if output.suffix.lower() != ".xlsx":
        raise click.UsageError(f"{output}: the output must be an .xlsx file")
    data, pack = _load(assessment, criteria)
    points = [p.criterion for p in score(pack, data).improvement_points]
    content = export_workbook(data, pack, plan_criteria=points)
    with atomic_output(output, "wb") as handle:
        handle.write(content)
    click.echo(f"wrote {output}")


@click.command("import")
@click.argument("workbook", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Assessment file (.json) to write.",
)
@CRITERIA_OPTION
@handles_errors
def import_command(workbook: Path, output: Path, criteria: tuple[Path, ...]) -> None:
    """Read a filled-in Excel workbook back into an assessment file (JSON).

    Every problem is listed at once with its sheet and cell; nothing is written then.
    """
    from .catalog import load_catalog
    from .xlsx import load_workbook_file

    catalog = load_catalog(criteria)
    data, _, warnings = load_workbook_file(workbook, catalog.pack_for)
    for warning in warnings:
        click.echo(str(warning), err=True)
    text = data.to_json()
    with atomic_output(output, "w") as handle:
        handle.write(text)
    click.echo(f"wrote {output}")


COMMANDS = (export_command, import_command)
