"""The ``ikm`` command (SPEC section 4). Each command parses arguments and calls the domain.

Exit codes: 0 success, 1 bad input (with a message naming the file), 2 wrong usage.
Heavy modules (the report renderer, the store) are imported inside their commands so that
``ikm --help`` stays fast.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import NoReturn

import click

from .cli_common import CRITERIA_OPTION, TODAY_OPTION, atomic_output, echo, handles_errors
from .errors import IkmError


def load_input(assessment_path: Path, criteria: tuple[Path, ...]):
    """Load the packs and the assessment; print warnings; return (assessment, pack)."""
    from .assessments import load_assessment
    from .catalog import load_catalog

    catalog = load_catalog(criteria)
    assessment, pack, warnings = load_assessment(assessment_path, catalog.pack_for)
    for warning in warnings:
        echo(str(warning), err=True)
    return assessment, pack


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ikm-readiness", prog_name="ikm")
def main() -> None:
    """ikm-readiness: get ready for the pre-audit of your complaint management."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@handles_errors
def validate(paths: tuple[Path, ...]) -> None:
    """Check criteria packs (files or folders); exit 1 and list every problem when invalid."""
    from .packs import load_pack, pack_files

    failed = False
    for given in paths:
        try:
            files = pack_files([given])
            if not files:
                raise IkmError(f"{given}: no .yaml files in this folder")
        except IkmError as exc:
            failed = True
            echo(str(exc), err=True)
            continue
        for path in files:
            try:
                pack = load_pack(path)
            except IkmError as exc:
                failed = True
                echo(str(exc), err=True)
                continue
            count = len(pack.criteria_by_id)
            echo(f"{path}: ok ({pack.id} {pack.version}, {count} criteria)")
    if failed:
        sys.exit(1)


@main.command()
@click.argument("assessment", type=click.Path(path_type=Path))
@CRITERIA_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
@click.option("--lang", type=click.Choice(["nl", "en"]), help="Language of the table.")
@TODAY_OPTION
@handles_errors
def score(
    assessment: Path,
    criteria: tuple[Path, ...],
    as_json: bool,
    lang: str | None,
    today: datetime | None,
) -> None:
    """Score an assessment file: verdict, readiness, gaps and improvement points."""
    from .method import score as run_method

    data, pack = load_input(assessment, criteria)
    result = run_method(pack, data, today=today.date() if today else None)
    if as_json:
        from .terminal import json_text

        click.echo(json_text(result.to_json()))
        return
    from .scoretable import print_result

    print_result(result, pack, data, lang or data.language)


@main.command()
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="File to write."
)
@click.option("--lang", type=click.Choice(["nl", "en"]), default="nl", show_default=True)
@handles_errors
def demo(output: Path, lang: str) -> None:
    """Write a filled example assessment of the built-in pack."""
    from .demo import demo_assessment

    text = demo_assessment(lang).to_json()
    with atomic_output(output, "w") as handle:
        handle.write(text)
    click.echo(f"wrote {output}")


from .cli_store import store_group  # noqa: E402  (imports no sqlalchemy at load time)

main.add_command(store_group, "store")
from .cli_workshop import workshop_group  # noqa: E402  (imports no streamlit at load time)

main.add_command(workshop_group, "workshop")
from .cli_register import register_group  # noqa: E402  (imports no openpyxl at load time)

main.add_command(register_group, "register")


REPORT_TIMEOUT = 600  # seconds


@main.command()
@click.argument("assessment", type=click.Path(path_type=Path))
@click.option(
    "-o", "--output", required=True, type=click.Path(path_type=Path), help="PDF file to write."
)
@CRITERIA_OPTION
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of the report (default: the assessment's language).",
)
@click.option(
    "--compare",
    "previous_path",
    type=click.Path(path_type=Path),
    help="An earlier assessment file of the organisation: adds the comparison appendix.",
)
@handles_errors
def report(
    assessment: Path,
    output: Path,
    criteria: tuple[Path, ...],
    lang: str | None,
    previous_path: Path | None,
) -> None:
    """Write the PDF pre-audit gap report of an assessment file."""
    from .chartsvg import start_early

    global _QUICK_EXIT
    if _ONE_SHOT:
        # This process ends after the report: WeasyPrint's layout leaves its objects in
        # reference cycles (about a second of garbage collection per 50 pages), which the
        # operating system reclaims at exit for free. So the collector stays off until
        # the end (it is process-wide: only this one-shot entry point switches it off),
        # and the process ends without freeing the objects one by one (see _end_process).
        gc.disable()
        _QUICK_EXIT = True

    start_early()  # the chart worker starts while this process imports WeasyPrint
    data, pack = load_input(assessment, criteria)
    previous = None
    if previous_path is not None:
        earlier, earlier_pack = load_input(previous_path, criteria)
        previous = (earlier_pack, earlier)
    from .report import tuning

    if _ONE_SHOT:
        tuning.prepare()  # this process only renders: the speed fixes (see tuning)
    from .report import render_pdf

    with atomic_output(output, "wb") as handle:  # checks the folder before the render
        # a generous limit: on the command line a large report may take a while
        handle.write(
            render_pdf(pack, data, lang or data.language, timeout=REPORT_TIMEOUT, previous=previous)
        )
    click.echo(f"wrote {output}")


_ONE_SHOT = False  # True when this process runs one command and ends (see run)
_QUICK_EXIT = False  # True when the command asks to skip Python's teardown (see report)


def run() -> None:
    """The ``ikm`` program: one command, then the process ends."""
    global _ONE_SHOT
    _ONE_SHOT = True
    try:
        main()
    except SystemExit as done:
        if not _QUICK_EXIT:
            raise
        _end_process(done.code)


def _end_process(code: object) -> NoReturn:
    """End the process like ``sys.exit(code)``, without Python's teardown of the heap.

    After a report, the teardown frees WeasyPrint's objects one by one: 0.3 s for the demo,
    1.5 s for 164 pages. What the teardown does that matters still happens: the exit
    handlers run (they remove WeasyPrint's font folder and close the chart helper's input)
    and the output streams are flushed; the report file is already closed.
    """
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:  # sys.exit("message"): printed, status 1
        print(code, file=sys.stderr)
        status = 1
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # closed, or a broken pipe
            stream.flush()
    os._exit(status)


from .cli_access import COMMANDS as _ACCESS  # noqa: E402  (members, admins, audit)

for _command in _ACCESS:
    store_group.add_command(_command)

from .cli_exchange import COMMANDS as _EXCHANGE  # noqa: E402  (imports no openpyxl at load time)

for _command in _EXCHANGE:
    main.add_command(_command)


if __name__ == "__main__":  # pragma: no cover
    run()
