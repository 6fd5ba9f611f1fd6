"""``ikm register``: analyse a complaint register and draw a sample of its case files.

Only the mapped columns of a register are read; the headers of the dropped columns are
named on standard error. ``--into ASSESSMENT.json`` keeps the figures or the sample in an
assessment file's ``fieldwork`` field. Exit 1 for a register or assessment that cannot be
used, 2 for wrong usage.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import click

from .cli_common import CRITERIA_OPTION, atomic_output, handles_errors
from .i18n import counted, language

DEFAULT_PACK = "ikm-readiness"

_WORDS: dict[str, dict[str, str]] = {
    "register": {"en": "Register", "nl": "Register"},
    "rows": {"en": "rows", "nl": "rijen"},
    "columns": {"en": "Columns", "nl": "Kolommen"},
    "terms": {"en": "Terms", "nl": "Termijnen"},
    "ack_term": {"en": "acknowledgement {n} working days",
                 "nl": "ontvangstbevestiging {n} werkdagen"},
    "decide_term": {"en": "decision {n} {unit} days", "nl": "besluit {n} {unit}"},
    "calendar": {"en": "calendar", "nl": "kalenderdagen"},
    "working": {"en": "working", "nl": "werkdagen"},
    "no_term": {"en": "none (give --ack-days / --decide-days)",
                "nl": "geen (geef --ack-days / --decide-days)"},
    "today": {"en": "today", "nl": "vandaag"},
    "complaints": {"en": "Complaints", "nl": "Klachten"},
    "skipped": {"en": "skipped", "nl": "overgeslagen"},
    "blank": {"en": "blank rows", "nl": "lege rijen"},
    "warnings": {"en": "warnings", "nl": "waarschuwingen"},
    "ack": {"en": "Acknowledged on time", "nl": "Ontvangst tijdig bevestigd"},
    "decided": {"en": "Decided on time", "nl": "Tijdig afgehandeld"},
    "open": {"en": "Open", "nl": "Open"},
    "overdue": {"en": "overdue", "nl": "over de termijn"},
    "of": {"en": "of", "nl": "van"},
    "no_figure": {"en": "– (no term)", "nl": "– (geen termijn)"},
    "by_department": {"en": "By department", "nl": "Per afdeling"},
    "by_channel": {"en": "By channel", "nl": "Per kanaal"},
    "by_month": {"en": "By month", "nl": "Per maand"},
    "blank_value": {"en": "(blank)", "nl": "(leeg)"},
    "skipped_rows": {"en": "Skipped rows", "nl": "Overgeslagen rijen"},
    "warning_rows": {"en": "Warnings", "nl": "Waarschuwingen"},
    "line": {"en": "line", "nl": "regel"},
    "more": {"en": "... and {n} more (all of them with --json)",
             "nl": "... en nog {n} (alle met --json)"},
    "sample": {"en": "Sample", "nl": "Steekproef"},
    "seed": {"en": "seed", "nl": "startgetal"},
    "population": {"en": "from {n}", "nl": "uit {n}"},
    "stratified": {"en": "stratified by {by}", "nl": "gestratificeerd naar {by}"},
    "simple": {"en": "simple random sample", "nl": "enkelvoudige aselecte steekproef"},
    "sha": {"en": "register sha256", "nl": "sha256 van het register"},
    "ids": {"en": "Files", "nl": "Dossiers"},
}  # fmt: skip
_SHOWN = 20  # skipped rows and warnings listed in the table
COLUMN_HINT = "set the column with --column FIELD=Header, e.g. --column received='Datum binnen'"


def _w(key: str, lang: str, **values: Any) -> str:
    return _WORDS[key][language(lang)].format(**values)


def _columns(values: tuple[str, ...]) -> dict[str, str]:
    """``--column FIELD=Header`` options as a mapping; a malformed one is wrong usage."""
    from .fieldwork.reading import FIELDS

    out: dict[str, str] = {}
    for value in values:
        key, sep, header = value.partition("=")
        key, header = key.strip().lower(), header.strip()
        if not sep or not header:
            raise click.BadParameter(f"'{value}' is not FIELD=Header", param_hint="--column")
        if key not in FIELDS:
            raise click.BadParameter(
                f"unknown field '{key}' (use one of: {', '.join(FIELDS)})", param_hint="--column"
            )
        out[key] = header
    return out


def _pack(criteria: tuple[Path, ...], pack_id: str | None):  # type: ignore[no-untyped-def]
    from .catalog import load_catalog

    catalog = load_catalog(criteria)
    wanted = pack_id or DEFAULT_PACK
    if wanted not in catalog:
        raise click.BadParameter(
            f"no pack '{wanted}' (loaded: {', '.join(catalog.ids())})", param_hint="--pack"
        )
    return catalog.get(wanted)


def _read(register: Path, mapping: dict[str, str]):  # type: ignore[no-untyped-def]
    from .fieldwork.reading import ColumnsNotFound, read_register

    try:
        loaded = read_register(register, mapping)
    except ColumnsNotFound as exc:
        raise ColumnsNotFound(f"{exc}; {COLUMN_HINT}") from None
    if loaded.dropped:
        click.echo(f"{register}: {loaded.dropped_message()}", err=True)
    return loaded


COLUMN_OPTION = click.option(
    "--column",
    "columns",
    multiple=True,
    metavar="FIELD=HEADER",
    help="Read FIELD (id, received, acknowledged, decided, channel, department, outcome) "
    "from the column HEADER (repeatable).",
)
JSON_OPTION = click.option("--json", "as_json", is_flag=True, help="Print JSON.")
LANG_OPTION = click.option(
    "--lang", type=click.Choice(["nl", "en"]), default="en", show_default=True
)
INTO_OPTION = click.option(
    "--into",
    type=click.Path(path_type=Path),
    metavar="ASSESSMENT",
    help="Keep the result in this assessment file's fieldwork (the file is rewritten).",
)


@click.group("register")
def register_group() -> None:
    """Analyse a complaint register and draw a sample of its case files."""


@register_group.command("analyse")
@click.argument("register", type=click.Path(path_type=Path))
@click.option("--ack-days", type=click.IntRange(min=0), help="Acknowledgement term, working days.")
@click.option("--decide-days", type=click.IntRange(min=0), help="Decision term in days.")
@click.option(
    "--decide-unit",
    type=click.Choice(["calendar", "working"]),
    help="How --decide-days counts (default: the pack's, else calendar).",
)
@click.option(
    "--today",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    help="The day open complaints are judged on (YYYY-MM-DD; default: the system date).",
)
@COLUMN_OPTION
@CRITERIA_OPTION
@click.option("--pack", "pack_id", metavar="ID", help=f"Pack whose terms apply ({DEFAULT_PACK}).")
@JSON_OPTION
@LANG_OPTION
@INTO_OPTION
@handles_errors
def analyse_command(
    register: Path,
    ack_days: int | None,
    decide_days: int | None,
    decide_unit: str | None,
    today: datetime | None,
    columns: tuple[str, ...],
    criteria: tuple[Path, ...],
    pack_id: str | None,
    as_json: bool,
    lang: str,
    into: Path | None,
) -> None:
    """The register's figures: terms met, open and overdue complaints, per group."""
    import json

    from .fieldwork.analysis import analyse, terms_for

    mapping = _columns(columns)
    pack = _pack(criteria, pack_id)
    loaded = _read(register, mapping)
    terms = terms_for(pack, ack_days, decide_days, decide_unit)
    result = analyse(loaded, terms, today.date() if today else None)
    if into is not None:
        from .fieldwork.record import register_record, set_analysis

        _update(into, criteria, lambda a: set_analysis(a, register_record(result)))
    if as_json:
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
        return
    _print_analysis(result.to_json(), lang)


@register_group.command("sample")
@click.argument("register", type=click.Path(path_type=Path))
@click.option("--size", type=click.IntRange(min=1), required=True, help="Number of files.")
@click.option("--seed", type=click.IntRange(min=0), required=True, help="Seed of the draw.")
@click.option("--by", type=click.Choice(["department", "channel"]), help="Stratify by this.")
@COLUMN_OPTION
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Also write the sampled files as CSV (line, id, received, department, channel).",
)
@JSON_OPTION
@LANG_OPTION
@INTO_OPTION
@CRITERIA_OPTION
@click.option("--replace-review", is_flag=True, help="With --into: discard answers for files "
              "that are not in the new sample.")  # fmt: skip
@handles_errors
def sample_command(
    register: Path,
    size: int,
    seed: int,
    by: str | None,
    columns: tuple[str, ...],
    output: Path | None,
    as_json: bool,
    lang: str,
    into: Path | None,
    criteria: tuple[Path, ...],
    replace_review: bool,
) -> None:
    """A seeded, reproducible sample of complaints (same file and seed: same sample)."""
    import json

    from .fieldwork.analysis import complaints_of
    from .fieldwork.sampling import SampleError, draw_sample

    loaded = _read(register, _columns(columns))
    if by and by not in loaded.columns:
        raise click.BadParameter(
            f"{register} has no {by} column (map one with --column {by}=Header)",
            param_hint="--by",
        )
    complaints = complaints_of(loaded)[0]
    try:
        sample = draw_sample(complaints, size, seed, by=by, register_sha256=loaded.sha256)
    except SampleError as exc:
        raise SampleError(f"{register}: {exc}") from None
    if output is not None:
        _write_sample_csv(output, sample.ids, complaints)
    if into is not None:
        from .fieldwork.record import sample_record, set_sample

        _update(
            into,
            criteria,
            lambda a: set_sample(a, sample_record(sample), discard_review=replace_review),
        )
    if as_json:
        click.echo(json.dumps(sample.to_json(), ensure_ascii=False, indent=2))
        return
    _print_sample(sample.to_json(), lang)


# ---- output ------------------------------------------------------------------------------


def _write_sample_csv(output: Path, ids: tuple[str, ...], complaints: list[Any]) -> None:
    """The sampled files as CSV; formula-like text is escaped (see reading.safe_cell)."""
    import csv

    from .fieldwork.reading import safe_cell

    wanted = set(ids)
    with atomic_output(output, "w") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
        writer.writerow(["line", "id", "received", "department", "channel"])
        for c in complaints:
            if c.id in wanted:
                cells = [c.line, c.id, c.received.isoformat(), c.department, c.channel]
                writer.writerow([safe_cell(cell) for cell in cells])
    click.echo(f"wrote {output}", err=True)


def _update(path: Path, criteria: tuple[Path, ...], edit: Any) -> None:
    """Apply ``edit`` to an assessment file and write it back whole, or not at all."""
    from .assessments import check_against_pack, load_assessment
    from .catalog import load_catalog
    from .errors import AssessmentError

    catalog = load_catalog(criteria)
    assessment, pack, _ = load_assessment(path, catalog.pack_for)
    changed = edit(assessment)
    errors = [p for p in check_against_pack(changed, pack, str(path)) if p.severity == "error"]
    if errors:
        raise AssessmentError(errors)
    with atomic_output(path, "w") as handle:
        handle.write(changed.to_json())
    click.echo(f"updated {path}", err=True)


def _share(figure: dict[str, int] | None, lang: str) -> str:
    """``3 of 2000  0.2%``: the count and its share, in the report's and the app's format."""
    from .fieldwork.analysis import percent
    from .messages import pct

    if figure is None:
        return _w("no_figure", lang)
    count, of = figure["count"], figure["of"]
    return f"{count} {_w('of', lang)} {of}  {pct(percent(count, of), lang)}"


def _print_analysis(data: dict[str, Any], lang: str) -> None:
    from .fieldwork.analysis import reason_text, source_text

    reg, terms = data["register"], data["terms"]
    click.echo(
        f"{_w('register', lang)}: {reg['name']} ({reg['format']}, {reg['rows']} "
        f"{_w('rows', lang)}, sha256 {reg['sha256'][:12]}…)"
    )
    click.echo(
        f"{_w('columns', lang)}: " + ", ".join(f"{k}={v}" for k, v in reg["columns"].items())
    )
    parts = []
    if terms["ack_days"] is not None:
        parts.append(_w("ack_term", lang, n=terms["ack_days"]))
    if terms["decide_days"] is not None:
        unit = _w(terms["decide_unit"], lang)
        parts.append(_w("decide_term", lang, n=terms["decide_days"], unit=unit))
    source = f" ({source_text(terms['source'], lang)})" if terms["source"] else ""
    click.echo(
        f"{_w('terms', lang)}: {', '.join(parts) or _w('no_term', lang)}{source}; "
        f"{_w('today', lang)} {data['today']}"
    )
    click.echo("")
    click.echo(
        f"{_w('complaints', lang)}: {data['complaints']}  ({_w('skipped', lang)} "
        f"{len(data['skipped'])}, {_w('blank', lang)} {data['blank_rows']}, "
        f"{_w('warnings', lang)} {len(data['warnings'])})"
    )
    click.echo(f"{_w('ack', lang)}: {_share(data['acknowledged_on_time'], lang)}")
    click.echo(f"{_w('decided', lang)}: {_share(data['decided_on_time'], lang)}")
    overdue = data["open_overdue"]
    tail = "" if overdue is None else f" ({overdue} {_w('overdue', lang)})"
    click.echo(f"{_w('open', lang)}: {data['open']}{tail}")
    for key in ("by_department", "by_channel", "by_month"):
        if data[key]:
            click.echo("")
            _print_groups(_w(key, lang), data[key], lang)
    for key, notes in (("skipped_rows", data["skipped"]), ("warning_rows", data["warnings"])):
        if notes:
            click.echo("")
            click.echo(_w(key, lang))
            for note in notes[:_SHOWN]:
                reason = reason_text(note["code"], note.get("value", ""), lang)
                click.echo(f"  {_w('line', lang)} {note['line']}: {reason}")
            if len(notes) > _SHOWN:
                click.echo("  " + _w("more", lang, n=len(notes) - _SHOWN))


def _print_groups(title: str, groups: dict[str, Any], lang: str) -> None:
    heads = [title, "n", _w("ack", lang), _w("decided", lang), _w("open", lang)]
    rows = []
    for name, g in groups.items():
        overdue = g["open_overdue"]
        rows.append(
            [
                name or _w("blank_value", lang),
                str(g["complaints"]),
                _share(g["acknowledged_on_time"], lang),
                _share(g["decided_on_time"], lang),
                str(g["open"]) + ("" if overdue is None else f" ({overdue})"),
            ]
        )
    widths = [max(len(r[i]) for r in [heads, *rows]) for i in range(len(heads))]
    for row in [heads, *rows]:
        cells = [c.ljust(widths[0]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)]
        click.echo(("  " + "  ".join(cells)).rstrip())


def _print_sample(data: dict[str, Any], lang: str) -> None:
    from .fieldwork.reading import FIELD_NAMES

    by = data["by"] and FIELD_NAMES[data["by"]][language(lang)]
    how = _w("stratified", lang, by=by) if by else _w("simple", lang)
    population = _w("population", lang, n=counted(data["population"], "complaint", lang))
    click.echo(
        f"{_w('sample', lang)}: {data['size']} {population}, {_w('seed', lang)} {data['seed']}, "
        f"{how}"
    )
    click.echo(f"{_w('sha', lang)}: {data['register_sha256']}")
    if data["strata"]:
        width = max(len(name or _w("blank_value", lang)) for name in data["strata"])
        for name, stratum in data["strata"].items():
            label = (name or _w("blank_value", lang)).ljust(width)
            click.echo(f"  {label}  {stratum['sample']:>4} / {stratum['population']}")
    click.echo(f"{_w('ids', lang)}:")
    for file_id in data["ids"]:
        click.echo(f"  {file_id}")
