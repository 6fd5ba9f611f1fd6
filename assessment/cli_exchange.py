"""``ikm export``, ``ikm import``, ``ikm plan``, ``ikm compare`` and ``ikm next`` (issue 16).

Each command parses its arguments and calls one domain function; openpyxl and icalendar are
imported inside the commands so that ``ikm --help`` stays fast.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .cli_common import CRITERIA_OPTION, TODAY_OPTION, atomic_output, handles_errors

if TYPE_CHECKING:
    from .assessments import Assessment


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
    from .xlsx import load_workbook_file, onto

    catalog = load_catalog(criteria)
    data, _, warnings = load_workbook_file(workbook, catalog.pack_for)
    for warning in warnings:
        click.echo(str(warning), err=True)
    current, why = _written_over(output, data)
    if current is None and why is not None:  # a file that is no assessment
        click.echo(f"{output}: written over; it {why}", err=True)
    elif current is not None and current.fieldwork is not None:
        if why is None:
            data = onto(data, current)
            click.echo(f"{output}: kept its fieldwork (a workbook does not hold it)", err=True)
        else:
            click.echo(f"{output}: its fieldwork is not kept: {why}", err=True)
    text = data.to_json()
    with atomic_output(output, "w") as handle:
        handle.write(text)
    click.echo(f"wrote {output}")


def _written_over(path: Path, imported: Assessment) -> tuple[Assessment | None, str | None]:
    """The assessment an import writes over in ``path``, and why it is not the same one (None
    when it is: the same pack and organisation name; the workbook may change the rest). None
    and why when ``path`` holds no assessment. Read without the pack's checks: a file with a
    problem is still the same assessment."""
    from .assessments import read_assessment
    from .errors import IkmError

    if not path.is_file():
        return None, None
    try:
        current = read_assessment(path)
    except IkmError as exc:
        return None, f"cannot be read as an assessment ({exc})"
    if current.criteria_set.id != imported.criteria_set.id:
        return current, f"it is an assessment on pack '{current.criteria_set.id}'"
    if current.organisation.name != imported.organisation.name:
        return current, f"it is the assessment of '{current.organisation.name}'"
    return current, None


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return date.fromisoformat(value)
    except ValueError:
        pass
    raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")


@click.command("plan")
@click.argument("assessment", type=click.Path(path_type=Path))
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="Calendar (.ics) or table (.csv) to write.",
)
@CRITERIA_OPTION
@TODAY_OPTION
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the texts (default: the assessment's language).",
)
@handles_errors
def plan_command(
    assessment: Path,
    output: Path,
    criteria: tuple[Path, ...],
    today: datetime | None,
    lang: str | None,
) -> None:
    """Write the improvement plan as a calendar (.ics) or a table (.csv)."""
    from .method import score
    from .planexport import plan_calendar, plan_csv_bytes, plan_rows

    suffix = output.suffix.lower()
    if suffix not in (".ics", ".csv"):
        raise click.UsageError(f"{output}: the output must be an .ics or a .csv file")
    day = today.date() if today else date.today()
    data, pack = _load(assessment, criteria)
    lang = lang or data.language
    result = score(pack, data, today=day)
    if suffix == ".ics":
        content = plan_calendar(pack, data, result, lang, today=day)
    else:
        content = plan_csv_bytes(plan_rows(pack, data, result, lang), lang)
    with atomic_output(output, "wb") as handle:
        handle.write(content)
    click.echo(f"wrote {output} ({len(result.improvement_points)} improvement points)")


@click.command("compare")
@click.argument("before", type=click.Path(path_type=Path))
@click.argument("after", type=click.Path(path_type=Path))
@CRITERIA_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the comparison as JSON.")
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the text (default: the language of AFTER).",
)
@handles_errors
def compare_command(
    before: Path, after: Path, criteria: tuple[Path, ...], as_json: bool, lang: str | None
) -> None:
    """Compare two assessments: per criterion and pillar before and after, worse first."""
    import json

    from .catalog import load_catalog
    from .compare import Side, compare, comparison_lines
    from .method import score

    catalog = load_catalog(criteria)
    sides = []
    for path in (before, after):
        from .assessments import load_assessment

        data, pack, warnings = load_assessment(path, catalog.pack_for)
        for warning in warnings:
            click.echo(str(warning), err=True)
        sides.append(Side(data, pack, score(pack, data)))
    result = compare(*sides)
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    for line in comparison_lines(result, lang or sides[1].assessment.language):
        click.echo(line)


@click.command("next")
@click.argument("assessment", type=click.Path(path_type=Path))
@click.option("--date", "on", required=True, metavar="YYYY-MM-DD", help="The new assessment date.")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="New assessment file (.json) to write.",
)
@CRITERIA_OPTION
@click.option(
    "--previous-criteria",
    "previous_criteria",
    type=click.Path(path_type=Path),
    metavar="PATH",
    help="The pack version the assessment was made with, to list what changed in it.",
)
@handles_errors
def next_command(
    assessment: Path,
    on: str,
    output: Path,
    criteria: tuple[Path, ...],
    previous_criteria: Path | None,
) -> None:
    """Start the next cycle: a new assessment from this one, on the newest pack version.

    Responses are carried over to be re-confirmed, evidence with its dates, open actions.
    """
    from .assessments import read_assessment
    from .catalog import load_catalog
    from .cycle import cycle_lines, next_cycle
    from .packs import load_pack

    day = _date_option(on)
    assert day is not None
    catalog = load_catalog(criteria)
    previous = read_assessment(assessment)
    new_pack = catalog.pack_for(previous.criteria_set)
    old_pack = None
    if previous_criteria is not None:
        old_pack = load_pack(previous_criteria)
    elif previous.criteria_set.version in (None, new_pack.version):
        old_pack = new_pack
    if old_pack is not None:
        from .assessments import check_against_pack
        from .errors import AssessmentError

        problems = check_against_pack(previous, old_pack, str(assessment))
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise AssessmentError(errors)
    cycle = next_cycle(previous, new_pack, day, old_pack)
    with atomic_output(output, "w") as handle:
        handle.write(cycle.assessment.to_json())
    for line in cycle_lines(cycle, new_pack, previous.language):
        click.echo(line)
    click.echo(f"wrote {output}")


COMMANDS = (export_command, import_command, plan_command, compare_command, next_command)
