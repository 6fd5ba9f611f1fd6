"""The assessment as an Excel workbook, both ways (issue 16; docs/assessment-file.md).

:func:`export_workbook` writes an assessment as an ``.xlsx`` with the sheets ``Assessment``
(field, value), ``Responses`` (one row per criterion of the pack), ``Evidence`` and
``Actions``, and a read-me sheet in the assessment's language. :func:`import_workbook`
reads such a workbook back into an :class:`~assessment.assessments.Assessment`, or raises
:class:`~assessment.errors.AssessmentError` listing every problem at once, each with its
sheet and cell (``Responses!D14: level 9 is outside the scale 0..4``).

The workbook is refused before it is opened when it is not a zip, is larger than
:data:`MAX_WORKBOOK_BYTES`, unpacks to more than :data:`MAX_UNPACKED_BYTES` (a zip bomb), or
carries macros. Formula cells are refused, never evaluated. Text is written so that Excel
never takes it for a formula, and with OOXML's ``_xHHHH_`` escapes for characters a
worksheet cannot hold, so a round trip gives the same assessment.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .assessments import Assessment, check_against_pack, parse_assessment
from .errors import AssessmentError, IkmError, InputFileError, PackNotFound, Problem
from .i18n import localise
from .messages import EVIDENCE_KINDS, STATUSES
from .packs import Pack
from .validation import EVIDENCE_KINDS as KIND_IDS
from .yamlsource import format_path


def get_column_letter(index: int) -> str:
    """The letters of a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


MAX_WORKBOOK_BYTES = 16 * 1024 * 1024  # the .xlsx file itself
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # all of its parts together, unpacked
MAX_PARTS = 500  # files inside the zip
MAX_ROWS = 20_000  # per sheet
MAX_COLUMNS = 40  # per sheet
EXCEL_TEXT_LIMIT = 32_767  # characters Excel keeps in one cell

SHEET_ASSESSMENT = "Assessment"
SHEET_RESPONSES = "Responses"
SHEET_EVIDENCE = "Evidence"
SHEET_ACTIONS = "Actions"
SHEETS = (SHEET_ASSESSMENT, SHEET_RESPONSES, SHEET_EVIDENCE, SHEET_ACTIONS)
README_SHEETS = {"nl": "Lees mij", "en": "Read me"}


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header key, how its cells are read, and its labels."""

    key: str
    kind: str  # text, level, bool, date, int, list, key; "reading" columns are not imported
    label: dict[str, str]
    width: int = 16
    reading: bool = False


def _c(key: str, kind: str, nl: str, en: str, width: int = 16, reading: bool = False) -> Column:
    return Column(key, kind, {"nl": nl, "en": en}, width, reading)


COLUMNS: dict[str, tuple[Column, ...]] = {
    SHEET_ASSESSMENT: (
        _c("field", "key", "Veld", "Field", 24),
        _c("value", "text", "Waarde", "Value", 40),
        _c("label", "text", "Toelichting (niet ingelezen)", "About (not read)", 50, True),
    ),
    SHEET_RESPONSES: (
        _c("criterion", "key", "Criterium", "Criterion", 12),
        _c("title", "text", "Titel (niet ingelezen)", "Title (not read)", 32, True),
        _c("question", "text", "Vraag (niet ingelezen)", "Question (not read)", 50, True),
        _c("level", "level", "Niveau", "Level", 8),
        _c("not_applicable", "bool", "Niet van toepassing", "Not applicable", 12),
        _c("justification", "text", "Onderbouwing n.v.t.", "Justification", 30),
        _c("note", "text", "Toelichting", "Note", 40),
        _c("to_confirm", "bool", "Opnieuw bevestigen", "To re-confirm", 12),
    ),
    SHEET_EVIDENCE: (
        _c("id", "key", "Id", "Id", 8),
        _c("kind", "text", "Soort", "Kind", 13),
        _c("title", "text", "Titel", "Title", 36),
        _c("criteria", "list", "Criteria (met komma's)", "Criteria (comma-separated)", 22),
        _c("source", "text", "Bron", "Source", 20),
        _c("date", "date", "Datum", "Date", 12),
        _c("link", "text", "Link", "Link", 30),
        _c("personal_data", "bool", "Persoonsgegevens", "Personal data", 12),
        _c("file.name", "text", "Bestandsnaam", "File name", 20),
        _c("file.sha256", "text", "SHA-256", "SHA-256", 20),
        _c("file.size", "int", "Grootte (bytes)", "Size (bytes)", 12),
        _c("file.media_type", "text", "Mediatype", "Media type", 16),
        _c("file.erased", "bool", "Bestand gewist", "File erased", 10),
    ),
    SHEET_ACTIONS: (
        _c("criterion", "key", "Criterium", "Criterion", 12),
        _c("title", "text", "Titel (niet ingelezen)", "Title (not read)", 32, True),
        _c("owner", "text", "Eigenaar", "Owner", 22),
        _c("deadline", "date", "Deadline", "Deadline", 12),
        _c("status", "text", "Status", "Status", 12),
        _c("note", "text", "Toelichting", "Note", 40),
    ),
}

# The rows of the Assessment sheet: JSON path, kind, description per language.
FIELDS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("schema_version", "int", {"nl": "Altijd 1", "en": "Always 1"}),
    ("criteria_set.id", "text", {"nl": "Id van het criteriapakket", "en": "Criteria pack id"}),
    ("criteria_set.version", "text", {"nl": "Versie van het pakket", "en": "Pack version"}),
    ("organisation.name", "text", {"nl": "Naam (verplicht)", "en": "Name (required)"}),
    ("organisation.sector", "text", {"nl": "Sector", "en": "Sector"}),
    ("organisation.size", "text", {"nl": "Omvang", "en": "Size"}),
    (
        "organisation.handling",
        "text",
        {"nl": "central of decentral", "en": "central or decentral"},
    ),
    ("assessment_date", "date", {"nl": "Datum (JJJJ-MM-DD)", "en": "Date (YYYY-MM-DD)"}),
    ("audit_date", "date", {"nl": "Auditdatum (JJJJ-MM-DD)", "en": "Audit date (YYYY-MM-DD)"}),
    ("language", "text", {"nl": "nl of en", "en": "nl or en"}),
    (
        "assessors",
        "text",
        {"nl": "Eén naam per rij; herhaal de rij", "en": "One name per row; repeat the row"},
    ),
)
_FIELD_KIND = {path: kind for path, kind, _ in FIELDS}

_TRUE = {"true", "waar", "ja", "yes", "1", "x"}
_FALSE = {"false", "onwaar", "nee", "no", "0", ""}
_FORMULA_START = ("=", "+", "-", "@")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# characters a worksheet cell cannot hold as such (besides tab and line feed)
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ---- text in cells ---------------------------------------------------------------------


def escape_text(text: str) -> str:
    """Text as a worksheet cell holds it: OOXML's ``_xHHHH_`` escapes (ECMA-376 ST_Xstring).

    Characters a cell cannot hold (control characters, a carriage return) become
    ``_xHHHH_``; text that already looks like an escape gets its underscore escaped
    (``_x005F_``), as Excel does, so :func:`unescape_text` gives the text back exactly.
    """
    text = _ESCAPED.sub(lambda m: "_x005F" + m.group(0), text)
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """The text of a cell with its ``_xHHHH_`` escapes resolved (see :func:`escape_text`)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# ---- export ----------------------------------------------------------------------------


def export_workbook(
    assessment: Assessment, pack: Pack, *, plan_criteria: Iterable[str] = ()
) -> bytes:
    """The assessment as ``.xlsx`` bytes: read-me, Assessment, Responses, Evidence, Actions.

    Rows of the Actions sheet: every criterion with an action, plus the criteria in
    ``plan_criteria`` (for example those with an improvement point) so that their owner and
    deadline can be filled in; rows with nothing but the criterion are read back as no
    action. Raises :class:`IkmError` when a text is longer than an Excel cell holds.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = assessment.language
    book = Workbook()
    readme = book.active
    readme.title = README_SHEETS[lang]
    for line in readme_lines(pack, lang):
        readme.append([line])
    readme.column_dimensions["A"].width = 110
    readme["A1"].font = Font(bold=True, size=14)

    label_font = Font(italic=True, color="666666")
    key_font = Font(bold=True)
    key_fill = PatternFill("solid", fgColor="DDE7F0")
    reading_fill = PatternFill("solid", fgColor="F2F2F2")
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(name: str, rows: list[list[Any]]) -> Any:
        ws = book.create_sheet(name)
        columns = COLUMNS[name]
        for j, col in enumerate(columns, start=1):
            label = ws.cell(1, j, col.label[lang])
            label.font = label_font
            key = ws.cell(2, j, col.key)
            key.font = key_font
            key.fill = key_fill
            key.comment = Comment(col.label[lang], "ikm")
            ws.column_dimensions[get_column_letter(j)].width = col.width
        for i, values in enumerate(rows, start=3):
            for j, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
                cell = _put(ws, i, j, value, f"{name}!{get_column_letter(j)}{i}")
                if col.reading:
                    cell.fill = reading_fill
                if col.kind == "text" and col.width >= 30:
                    cell.alignment = wrap
        ws.freeze_panes = "B3"
        return ws

    sheet(SHEET_ASSESSMENT, _assessment_rows(assessment, lang))

    responses = sheet(SHEET_RESPONSES, _response_rows(assessment, pack, lang))
    last = responses.max_row
    levels = ",".join(str(s.level) for s in pack.scale)
    scale = " · ".join(f"{s.level} {localise(s.label, lang)}" for s in pack.scale)
    level_list = DataValidation(type="list", formula1=f'"{levels}"', allow_blank=True)
    level_list.promptTitle = COLUMNS[SHEET_RESPONSES][3].label[lang]
    level_list.prompt = scale[:250]
    level_list.error = scale[:250]
    level_list.showErrorMessage = True
    responses.add_data_validation(level_list)
    yes_no = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    responses.add_data_validation(yes_no)
    if last >= 3:
        level_list.add(f"D3:D{last}")
        yes_no.add(f"E3:E{last}")
        yes_no.add(f"H3:H{last}")

    evidence = sheet(SHEET_EVIDENCE, _evidence_rows(assessment))
    kinds = DataValidation(type="list", formula1=f'"{",".join(KIND_IDS)}"', allow_blank=True)
    kinds.prompt = " · ".join(f"{k} ({localise(EVIDENCE_KINDS[k], lang)})" for k in KIND_IDS)
    evidence.add_data_validation(kinds)
    kinds.add(f"B3:B{max(evidence.max_row, 3) + 200}")

    actions = sheet(SHEET_ACTIONS, _action_rows(assessment, pack, lang, plan_criteria))
    statuses = DataValidation(type="list", formula1='"open,in_progress,done"', allow_blank=True)
    statuses.prompt = " · ".join(f"{k} ({localise(v, lang)})" for k, v in STATUSES.items())
    actions.add_data_validation(statuses)
    statuses.add(f"E3:E{max(actions.max_row, 3) + 200}")

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _put(ws: Any, row: int, col: int, value: Any, where: str) -> Any:
    """Write one value; text as a string cell that Excel never takes for a formula."""
    cell = ws.cell(row, col)
    if value is None:
        return cell
    if isinstance(value, date) and not isinstance(value, datetime):
        if date(1900, 3, 1) <= value:  # Excel's calendar starts in 1900 (with a leap bug)
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            return cell
        value = value.isoformat()
    if isinstance(value, str):
        if len(value) > EXCEL_TEXT_LIMIT:
            raise IkmError(
                f"{where}: a text of {len(value)} characters does not fit in an Excel cell "
                f"(at most {EXCEL_TEXT_LIMIT}); export the assessment as JSON instead"
            )
        cell.value = escape_text(value)
        cell.data_type = "s"  # openpyxl would take text starting with '=' for a formula
        if value.startswith(_FORMULA_START):
            cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
        return cell
    cell.value = value
    return cell


def _assessment_rows(assessment: Assessment, lang: str) -> list[list[Any]]:
    values: dict[str, Any] = {
        "schema_version": assessment.schema_version,
        "criteria_set.id": assessment.criteria_set.id,
        "criteria_set.version": assessment.criteria_set.version,
        "organisation.name": assessment.organisation.name,
        "organisation.sector": assessment.organisation.sector,
        "organisation.size": assessment.organisation.size,
        "organisation.handling": assessment.organisation.handling,
        "assessment_date": assessment.assessment_date,
        "audit_date": assessment.audit_date,
        "language": assessment.language,
    }
    rows = []
    for path, _, about in FIELDS:
        if path == "assessors":
            names: list[Any] = list(assessment.assessors) or [None]
            rows.extend([path, name, about[lang]] for name in names)
        else:
            rows.append([path, values[path], about[lang]])
    return rows


def _response_rows(assessment: Assessment, pack: Pack, lang: str) -> list[list[Any]]:
    rows = []
    for _, criterion in pack.criteria():
        r = assessment.responses.get(criterion.id)
        rows.append(
            [
                criterion.id,
                localise(criterion.title, lang),
                localise(criterion.question, lang),
                r.level if r else None,
                True if r and r.not_applicable else None,
                r.justification if r else None,
                r.note if r else None,
                True if r and r.to_confirm else None,
            ]
        )
    return rows


def _evidence_rows(assessment: Assessment) -> list[list[Any]]:
    rows = []
    for e in assessment.evidence:
        f = e.file
        rows.append(
            [
                e.id,
                e.kind,
                e.title,
                ", ".join(e.criteria) or None,
                e.source,
                e.date,
                e.link,
                True if e.personal_data else None,
                f.name if f else None,
                f.sha256 if f else None,
                f.size if f else None,
                f.media_type if f else None,
                True if f and f.erased else None,
            ]
        )
    return rows


def _action_rows(
    assessment: Assessment, pack: Pack, lang: str, plan_criteria: Iterable[str]
) -> list[list[Any]]:
    wanted = set(assessment.actions) | set(plan_criteria)
    rows = []
    for _, criterion in pack.criteria():
        if criterion.id not in wanted:
            continue
        a = assessment.actions.get(criterion.id)
        rows.append(
            [
                criterion.id,
                localise(criterion.title, lang),
                a.owner if a else None,
                a.deadline if a else None,
                a.status if a else None,
                a.note if a else None,
            ]
        )
    return rows


def readme_lines(pack: Pack, lang: str) -> list[str]:
    """The read-me sheet, one line per row, in ``lang``."""
    scale = ", ".join(f"{s.level} = {localise(s.label, lang)}" for s in pack.scale)
    kinds = ", ".join(f"{k} ({localise(EVIDENCE_KINDS[k], lang)})" for k in KIND_IDS)
    pack_line = f"{localise(pack.title, lang)} ({pack.id} {pack.version})"
    if lang == "en":
        return [
            "Assessment workbook (ikm-readiness)",
            f"Criteria pack: {pack_line}",
            "",
            "Fill in this workbook offline and import it again: in the app (Report and "
            "exchange) or with `ikm import FILE.xlsx -o ASSESSMENT.json`.",
            "Sheets: Assessment (field, value), Responses (one row per criterion), Evidence "
            "(one row per item), Actions (your plan per improvement point).",
            "Row 1 of each sheet holds labels for reading; row 2 holds the keys the import reads. "
            "Do not change row 2. Grey columns are there for reading and are not imported.",
            f"Level: a whole number on the scale: {scale}.",
            "Not applicable: TRUE with a justification; a mandatory criterion cannot be not "
            "applicable.",
            "To re-confirm: TRUE marks a response carried over from the previous cycle; it counts "
            "as unanswered until you confirm or change it and clear the mark.",
            f"Evidence kinds: {kinds}. Criteria: ids separated by commas.",
            "Dates: YYYY-MM-DD (a date cell works too). Status: open, in_progress or done.",
            "Assessors: one name per row; repeat the row 'assessors' for more names.",
            "Formulas are not accepted: type values. Macro workbooks (.xlsm) are refused.",
            "Files attached to evidence are not in this workbook: they stay in the app's store "
            "or in the .ikmz export. The file columns only describe them; keep them as they are.",
            "An import checks everything at once and lists every problem with its sheet and cell; "
            "nothing is saved until the workbook is free of errors.",
        ]
    return [
        "Werkmap zelfevaluatie (ikm-readiness)",
        f"Criteriapakket: {pack_line}",
        "",
        "Vul deze werkmap offline in en lees haar weer in: in de app (Rapport en uitwisseling) "
        "of met `ikm import BESTAND.xlsx -o ZELFEVALUATIE.json`.",
        "Tabbladen: Assessment (veld, waarde), Responses (één rij per criterium), Evidence (één "
        "rij per bewijsstuk), Actions (uw plan per verbeterpunt).",
        "Rij 1 van elk tabblad bevat leesbare namen; rij 2 de sleutels die de import leest. "
        "Verander rij 2 niet. Grijze kolommen zijn om te lezen en worden niet ingelezen.",
        f"Niveau: een heel getal op de schaal: {scale}.",
        "Niet van toepassing: TRUE met een onderbouwing; een knock-outcriterium kan niet 'niet "
        "van toepassing' zijn.",
        "Opnieuw bevestigen: TRUE markeert een antwoord uit de vorige cyclus; het telt als "
        "onbeantwoord tot u het bevestigt of wijzigt en de markering weghaalt.",
        f"Soorten bewijs: {kinds}. Criteria: ids gescheiden door komma's.",
        "Datums: JJJJ-MM-DD (een datumcel mag ook). Status: open, in_progress of done.",
        "Beoordelaars: één naam per rij; herhaal de rij 'assessors' voor meer namen.",
        "Formules worden niet geaccepteerd: typ waarden. Werkmappen met macro's (.xlsm) worden "
        "geweigerd.",
        "Bestanden bij bewijsstukken zitten niet in deze werkmap: ze blijven in de opslag van de "
        "app of in de .ikmz-export. De bestandskolommen beschrijven ze alleen; laat ze staan.",
        "Bij het inlezen wordt alles tegelijk gecontroleerd en krijgt u elk probleem met tabblad "
        "en cel; er wordt niets opgeslagen zolang de werkmap fouten bevat.",
    ]


# ---- import: the file before it is opened -------------------------------------------------


def check_container(raw: bytes, name: str) -> None:
    """Refuse a workbook before opening it: not a zip, too large, a zip bomb, macros.

    Sizes are checked on the zip's directory (the sizes it declares); Python's zip reader
    stops at the declared size of every part and checks its CRC, so a part cannot unpack
    to more than the directory says.
    """
    if name.lower().endswith((".xlsm", ".xltm", ".xlam")):
        raise InputFileError(
            f"{name}: a workbook with macros is refused; save it as an Excel workbook (.xlsx)"
        )
    if len(raw) > MAX_WORKBOOK_BYTES:
        raise InputFileError(
            f"{name}: file is larger than {MAX_WORKBOOK_BYTES // (1024 * 1024)} MiB "
            f"({len(raw)} bytes)"
        )
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise InputFileError(
            f"{name}: an old .xls or a password-protected workbook; "
            "save it as an Excel workbook (.xlsx) without a password"
        )
    if not raw.startswith(b"PK"):
        raise InputFileError(f"{name}: not an Excel workbook (.xlsx)")
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            parts = archive.infolist()
            content_types = (
                archive.read("[Content_Types].xml")
                if "[Content_Types].xml" in archive.namelist()
                and archive.getinfo("[Content_Types].xml").file_size < 1024 * 1024
                else b""
            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError):
        raise InputFileError(f"{name}: not a readable Excel workbook (damaged zip)") from None
    if len(parts) > MAX_PARTS:
        raise InputFileError(f"{name}: holds {len(parts)} parts (at most {MAX_PARTS}); refused")
    unpacked = sum(p.file_size for p in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise InputFileError(
            f"{name}: unpacks to {unpacked} bytes (at most {MAX_UNPACKED_BYTES}); "
            "refused as a possible zip bomb"
        )
    names = {p.filename.lower() for p in parts}
    if any(n.endswith("vbaproject.bin") for n in names) or b"macroEnabled" in content_types:
        raise InputFileError(
            f"{name}: the workbook contains macros; save it as an Excel workbook (.xlsx)"
        )
    if "xl/workbook.xml" not in names:
        raise InputFileError(f"{name}: not an Excel workbook (.xlsx): no xl/workbook.xml")


# ---- import: cells to data -----------------------------------------------------------------


class _BadCell(ValueError):
    pass


@dataclass
class _Reader:
    """Collects the data, the cell of every value, and the problems, while reading."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    cells: dict[str, str] = field(default_factory=dict)  # JSON path -> Sheet!Cell

    def problem(self, where: str, message: str, severity: str = "error") -> None:
        self.problems.append(Problem(self.file, None, where, message, severity))


def _convert(value: Any, kind: str) -> Any:
    """A cell's value as the JSON value of a column of ``kind``; raises :class:`_BadCell`."""
    if isinstance(value, str):
        value = unescape_text(value)
    if kind in ("text", "key"):
        if value is None or isinstance(value, str):
            return value if value != "" else None
        if isinstance(value, bool):
            return "TRUE" if value else "FALSE"
        if isinstance(value, datetime):
            return value.date().isoformat() if value.time() == datetime.min.time() else str(value)
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if kind in ("level", "int"):
        if isinstance(value, bool):
            raise _BadCell(f"{value!r} is not a whole number")
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*-?\d+\s*", value):
            return int(value)
        raise _BadCell(f"{value!r} is not a whole number")
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, int | float) and value in (0, 1):
            return bool(value)
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _BadCell(f"{value!r} is not TRUE or FALSE")
    if kind == "date":
        if isinstance(value, datetime):
            if value.time() != datetime.min.time():
                raise _BadCell(f"{value} has a time of day; give a date")
            return value.date().isoformat()
        if isinstance(value, date):
            return value.isoformat()
        if isinstance(value, str):
            return value.strip()  # the model checks the form YYYY-MM-DD
        raise _BadCell(f"{value!r} is not a date in the form YYYY-MM-DD")
    if kind == "list":
        if not isinstance(value, str):
            value = _convert(value, "text")
        return [part.strip() for part in value.split(",") if part.strip()]
    raise AssertionError(kind)  # pragma: no cover


def _rows(ws: Any, sheet: str, reader: _Reader) -> Iterator[tuple[int, list[Any]]]:
    """The non-empty rows of a sheet as (row number, cells), within the size limits."""
    width = ws.max_column or 0
    if width > MAX_COLUMNS:
        reader.problem(sheet, f"the sheet is {width} columns wide (at most {MAX_COLUMNS})")
        return
    for count, row in enumerate(ws.iter_rows(max_col=MAX_COLUMNS), start=1):
        if count > MAX_ROWS:
            reader.problem(sheet, f"more than {MAX_ROWS} rows; split the work or use JSON")
            return
        if any(cell.value is not None for cell in row):
            yield count, list(row)


def _header(ws: Any, sheet: str, reader: _Reader) -> tuple[dict[int, Column], list]:
    """Find the key row (one of the first three) and map its columns; every data row after."""
    columns = {c.key: c for c in COLUMNS[sheet]}
    first = COLUMNS[sheet][0].key
    rows = list(_rows(ws, sheet, reader))
    for index, (number, cells) in enumerate(rows[:3]):
        keys = [c.value.strip() if isinstance(c.value, str) else c.value for c in cells]
        if first not in keys:
            continue
        found: dict[int, Column] = {}
        for j, key in enumerate(keys):
            if key is None:
                continue
            where = f"{get_column_letter(j + 1)}{number}"
            if key not in columns:
                reader.problem(f"{sheet}!{where}", f"unknown column '{key}'")
            elif any(c.key == key for c in found.values()):
                reader.problem(f"{sheet}!{where}", f"column '{key}' appears twice")
            else:
                found[j] = columns[key]
        for key, col in columns.items():
            if not col.reading and all(c.key != key for c in found.values()):
                reader.problem(f"{sheet}!{number}:{number}", f"column '{key}' is missing")
        return found, rows[index + 1 :]
    reader.problem(sheet, f"no header row with the key '{first}' in the first rows")
    return {}, []


def _cells(
    sheet: str, header: dict[int, Column], number: int, cells: list[Any], reader: _Reader
) -> dict[str, tuple[Any, str]] | None:
    """One data row as {key: (value, Sheet!Cell)}; None when nothing importable is in it."""
    out: dict[str, tuple[Any, str]] = {}
    for j, cell in enumerate(cells):
        where = f"{sheet}!{get_column_letter(j + 1)}{number}"
        col = header.get(j)
        if cell.value is None:
            continue
        if col is None:
            reader.problem(where, "a value in a column without a key in the header row")
            continue
        if col.reading:
            continue
        if cell.data_type == "f":
            reader.problem(
                where, "a formula is not accepted (it is never calculated); type the value"
            )
            continue
        if cell.data_type == "e":
            reader.problem(where, f"the cell holds an error value ({cell.value})")
            continue
        try:
            value = _convert(cell.value, col.kind)
        except _BadCell as exc:
            reader.problem(where, str(exc))
            continue
        if value is not None:
            out[col.key] = (value, where)
    return out


def _set(target: dict[str, Any], dotted: str, value: Any) -> None:
    head, _, rest = dotted.partition(".")
    if rest:
        _set(target.setdefault(head, {}), rest, value)
    else:
        target[head] = value


def _read_assessment_sheet(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    sheet = SHEET_ASSESSMENT
    header, rows = _header(ws, sheet, reader)
    data.setdefault("criteria_set", {})  # so that a missing id or name is named as such
    data.setdefault("organisation", {})
    seen: dict[str, str] = {}
    for number, cells in rows:
        row = _cells(sheet, header, number, cells, reader)
        if not row:
            continue
        key_where = f"{sheet}!A{number}"
        if "field" not in row:
            reader.problem(key_where, "a value without a field name")
            continue
        path, key_where = row["field"]
        kind = _FIELD_KIND.get(path)
        if kind is None:
            reader.problem(key_where, f"unknown field '{path}'")
            continue
        if "value" not in row:
            continue
        raw, where = row["value"]
        try:
            value = raw if kind == "text" else _convert(raw, kind)
        except _BadCell as exc:
            reader.problem(where, str(exc))
            continue
        if path == "assessors":
            names = data.setdefault("assessors", [])
            reader.cells[format_path(("assessors", len(names)))] = where
            names.append(value)
            continue
        if path in seen:
            reader.problem(where, f"field '{path}' appears twice (also {seen[path]})")
            continue
        seen[path] = where
        reader.cells[path] = where
        _set(data, path, value)


def _read_responses(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    sheet = SHEET_RESPONSES
    header, rows = _header(ws, sheet, reader)
    responses: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for number, cells in rows:
        row = _cells(sheet, header, number, cells, reader)
        if row is None:
            continue
        cid_cell = row.pop("criterion", None)
        if cid_cell is None:
            if row:
                reader.problem(f"{sheet}!A{number}", "the criterion id is missing")
            continue
        cid, where = cid_cell
        if cid in seen:
            reader.problem(where, f"criterion '{cid}' appears twice (also {seen[cid]})")
            continue
        seen[cid] = where
        reader.cells[format_path(("responses", cid))] = where
        if not row:
            continue  # a criterion without an answer
        response = {}
        for key, (value, cell) in row.items():
            if key in ("not_applicable", "to_confirm") and value is False:
                continue
            response[key] = value
            reader.cells[format_path(("responses", cid, key))] = cell
        if response:
            responses[cid] = response
    data["responses"] = responses


def _read_evidence(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    sheet = SHEET_EVIDENCE
    header, rows = _header(ws, sheet, reader)
    items: list[dict[str, Any]] = []
    for number, cells in rows:
        row = _cells(sheet, header, number, cells, reader)
        if not row:
            continue
        index = len(items)
        item: dict[str, Any] = {}
        reader.cells[format_path(("evidence", index))] = f"{sheet}!A{number}"
        for key, (value, cell) in row.items():
            if key in ("personal_data", "file.erased") and value is False:
                continue
            _set(item, key, value)
            reader.cells[format_path(("evidence", index, *key.split(".")))] = cell
        if "criteria" in item:
            for k in range(len(item["criteria"])):
                reader.cells[format_path(("evidence", index, "criteria", k))] = row["criteria"][1]
        if "file" in item:
            first = next(cell for key, (_, cell) in row.items() if key.startswith("file."))
            reader.cells[format_path(("evidence", index, "file"))] = first
        items.append(item)
    data["evidence"] = items


def _read_actions(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    sheet = SHEET_ACTIONS
    header, rows = _header(ws, sheet, reader)
    actions: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for number, cells in rows:
        row = _cells(sheet, header, number, cells, reader)
        if row is None:
            continue
        cid_cell = row.pop("criterion", None)
        if cid_cell is None:
            if row:
                reader.problem(f"{sheet}!A{number}", "the criterion id is missing")
            continue
        cid, where = cid_cell
        if cid in seen:
            reader.problem(where, f"criterion '{cid}' appears twice (also {seen[cid]})")
            continue
        seen[cid] = where
        if not row:
            continue  # a planning row left empty: no action
        reader.cells[format_path(("actions", cid))] = where
        action = {}
        for key, (value, cell) in row.items():
            action[key] = value
            reader.cells[format_path(("actions", cid, key))] = cell
        actions[cid] = action
    data["actions"] = actions


_SHEET_OF_FIELD = {
    "responses": SHEET_RESPONSES,
    "evidence": SHEET_EVIDENCE,
    "actions": SHEET_ACTIONS,
}


def _locate(problem: Problem, reader: _Reader) -> Problem:
    """A problem with a JSON path, placed at the cell it came from (or its sheet)."""
    path = problem.path
    probe = path
    while probe:
        if probe in reader.cells:
            message = problem.message
            if probe != path:  # a field inside the cell's row: name it
                message = f"{path[len(probe) :].lstrip('.')}: {message}"
            return Problem(reader.file, None, reader.cells[probe], message, problem.severity)
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else ""
    sheet = _SHEET_OF_FIELD.get(top, SHEET_ASSESSMENT)
    message = f"{path}: {problem.message}" if path else problem.message
    return Problem(reader.file, None, sheet, message, problem.severity)


def import_workbook(
    raw: bytes, name: str, pack_for: Callable[[Any], Pack]
) -> tuple[Assessment, Pack, list[Problem]]:
    """Read a workbook made by :func:`export_workbook` (and filled in) into an assessment.

    ``pack_for`` maps the workbook's ``criteria_set`` to a loaded pack. Returns the
    assessment, its pack and the warnings; raises :class:`AssessmentError` with every
    problem, each at its ``Sheet!Cell``, or :class:`InputFileError` when the file is refused
    as a whole.
    """
    check_container(raw, name)
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged part
        raise InputFileError(
            f"{name}: cannot be read as an Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    reader = _Reader(name)
    data: dict[str, Any] = {}
    try:
        present = set(book.sheetnames)
        for sheet in SHEETS:
            if sheet not in present:
                reader.problem(sheet, f"the sheet '{sheet}' is missing")
        for other in sorted(present - set(SHEETS) - set(README_SHEETS.values())):
            reader.problem(other, "this sheet is not read", "warning")
        readers = (
            (SHEET_ASSESSMENT, _read_assessment_sheet),
            (SHEET_RESPONSES, _read_responses),
            (SHEET_EVIDENCE, _read_evidence),
            (SHEET_ACTIONS, _read_actions),
        )
        for sheet, read in readers:
            if sheet in present:
                read(book[sheet], data, reader)
    except Exception as exc:  # a damaged sheet part
        raise InputFileError(
            f"{name}: cannot be read as an Excel workbook ({type(exc).__name__}: {exc})"
        ) from None
    finally:
        book.close()
    return _validate(data, reader, pack_for)


def _validate(
    data: dict[str, Any], reader: _Reader, pack_for: Callable[[Any], Pack]
) -> tuple[Assessment, Pack, list[Problem]]:
    problems = list(reader.problems)
    assessment = pack = None
    try:
        assessment = parse_assessment(data, reader.file)
    except AssessmentError as exc:
        problems.extend(_locate(p, reader) for p in exc.problems)
        # check the rest against the pack too, so that every problem is listed at once
        rest, evidence_index = _without_errors(data, exc.problems)
        try:
            checked = parse_assessment(rest, reader.file)
        except AssessmentError:
            checked = None
    else:
        checked, evidence_index = assessment, None
    if checked is not None:
        try:
            pack = pack_for(checked.criteria_set)
        except PackNotFound as exc:
            problems.append(
                _locate(Problem(reader.file, None, "criteria_set.id", str(exc)), reader)
            )
        else:
            for p in check_against_pack(checked, pack, reader.file):
                if evidence_index is not None:
                    p = _renumbered(p, evidence_index)
                problems.append(_locate(p, reader))
    errors = [p for p in problems if p.severity == "error"]
    if errors or assessment is None or pack is None:
        raise AssessmentError(_sorted(errors))
    return assessment, pack, [p for p in problems if p.severity != "error"]


# placeholders for required top-level values that failed, to check the rest against the pack
_PLACEHOLDERS = {
    "schema_version": 1,
    "assessment_date": "2000-01-01",
    "organisation": {"name": "?"},
}


def _without_errors(
    data: dict[str, Any], errors: list[Problem]
) -> tuple[dict[str, Any], list[int]]:
    """A copy of ``data`` without the entries that failed the structure check.

    A failing evidence item, response or action is left out whole; a failing top-level
    field is left out or replaced by a placeholder. Returns the copy and, per evidence item
    of the copy, its index in ``data``.
    """
    rest = dict(data)
    bad_items: set[int] = set()
    for problem in errors:
        parts = re.split(r"[.\[\]]+", problem.path)
        top = parts[0] if parts else ""
        if top == "evidence" and len(parts) > 1 and parts[1].isdigit():
            bad_items.add(int(parts[1]))
        elif top in ("responses", "actions") and len(parts) > 1:
            rest[top] = {k: v for k, v in rest.get(top, {}).items() if k != parts[1]}
        elif top in _PLACEHOLDERS:
            rest[top] = _PLACEHOLDERS[top]
        elif top:
            rest.pop(top, None)
    kept = [i for i in range(len(data.get("evidence", []))) if i not in bad_items]
    rest["evidence"] = [data["evidence"][i] for i in kept]
    return rest, kept


def _renumbered(problem: Problem, index: list[int]) -> Problem:
    """A problem of the checked copy with its evidence index as in the workbook's data."""
    match = re.match(r"evidence\[(\d+)\]", problem.path)
    if not match:
        return problem
    path = f"evidence[{index[int(match.group(1))]}]" + problem.path[match.end() :]
    message = re.sub(
        r"also evidence\[(\d+)\]",
        lambda m: f"also evidence[{index[int(m.group(1))]}]",
        problem.message,
    )
    return Problem(problem.file, problem.line, path, message, problem.severity)


def _sorted(problems: list[Problem]) -> list[Problem]:
    """Problems in the order of the sheets, then by row and column, without repeats."""

    def key(p: Problem) -> tuple[int, int, int, str]:
        sheet, _, cell = p.path.partition("!")
        order = SHEETS.index(sheet) if sheet in SHEETS else len(SHEETS)
        match = re.fullmatch(r"([A-Z]+)(\d+)", cell)
        if match:
            letters, row = match.groups()
            col = 0
            for ch in letters:
                col = col * 26 + ord(ch) - 64
            return order, int(row), col, p.message
        return order, 0, 0, p.message

    return sorted(dict.fromkeys(problems), key=key)


def load_workbook_file(
    path: str | Path, pack_for: Callable[[Any], Pack]
) -> tuple[Assessment, Pack, list[Problem]]:
    """Read an ``.xlsx`` file and import it; see :func:`import_workbook`."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InputFileError(f"{path}: is a folder, not a file")
        size = path.stat().st_size
        if size > MAX_WORKBOOK_BYTES:
            raise InputFileError(
                f"{path}: file is larger than {MAX_WORKBOOK_BYTES // (1024 * 1024)} MiB "
                f"({size} bytes)"
            )
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputFileError(f"{path}: file not found") from None
    except OSError as exc:
        raise InputFileError(f"{path}: cannot read file ({exc.strerror})") from None
    return import_workbook(raw, str(path), pack_for)
