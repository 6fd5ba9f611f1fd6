"""Reading a filled-in assessment workbook back (issue 16; docs/assessment-file.md).

:func:`import_workbook` refuses a file before opening it when it is not a zip, is too large,
unpacks to too much (a zip bomb) or carries macros (:func:`check_container`); then it reads
the four sheets as values (formula cells are refused, never evaluated), validates the result
as an assessment file against its pack, and raises
:class:`~assessment.errors.AssessmentError` with every problem at its ``Sheet!Cell``.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .assessments import Assessment
from .errors import InputFileError, Problem
from .links import is_clickable
from .packs import Pack
from .xlsx_checks import check_container, validate
from .xlsx_layout import (
    COLUMNS,
    FALSE_WORDS,
    FIELD_KIND,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_WORKBOOK_BYTES,
    README_SHEETS,
    SHEET_ACTIONS,
    SHEET_ASSESSMENT,
    SHEET_EVIDENCE,
    SHEET_RESPONSES,
    SHEETS,
    TRUE_WORDS,
    Column,
    get_column_letter,
    unescape_text,
)
from .yamlsource import format_path

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
        if text in TRUE_WORDS:
            return True
        if text in FALSE_WORDS:
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
        kind = FIELD_KIND.get(path)
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


def _criterion_rows(
    ws: Any, sheet: str, reader: _Reader
) -> Iterator[tuple[str, str, dict[str, tuple[Any, str]]]]:
    """The rows of a sheet keyed by criterion (Responses, Actions): ``(id, its cell, the
    other cells)``; a row without an id (but with values) or with an id seen before is a
    problem and skipped."""
    header, rows = _header(ws, sheet, reader)
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
        yield cid, where, row


def _read_responses(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    responses: dict[str, Any] = {}
    for cid, where, row in _criterion_rows(ws, SHEET_RESPONSES, reader):
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
        if "link" in row and not is_clickable(str(row["link"][0])):
            reader.problem(
                row["link"][1],
                "the link is kept as text: only a web address (http:// or https://) "
                "without spaces can be clicked",
                "warning",
            )
        if "criteria" in item:
            for k in range(len(item["criteria"])):
                reader.cells[format_path(("evidence", index, "criteria", k))] = row["criteria"][1]
        if "file" in item:
            first = next(cell for key, (_, cell) in row.items() if key.startswith("file."))
            reader.cells[format_path(("evidence", index, "file"))] = first
        items.append(item)
    data["evidence"] = items


def _read_actions(ws: Any, data: dict[str, Any], reader: _Reader) -> None:
    actions: dict[str, Any] = {}
    for cid, where, row in _criterion_rows(ws, SHEET_ACTIONS, reader):
        if not row:
            continue  # a planning row left empty: no action
        reader.cells[format_path(("actions", cid))] = where
        action = {}
        for key, (value, cell) in row.items():
            action[key] = value
            reader.cells[format_path(("actions", cid, key))] = cell
        actions[cid] = action
    data["actions"] = actions


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
    return validate(data, reader.problems, reader.cells, reader.file, pack_for)


def onto(imported: Assessment, current: Assessment) -> Assessment:
    """An imported workbook as it lands on ``current``: with ``current``'s fieldwork (the
    register's figures, the sample, the file review), which a workbook does not hold, so that
    an import never wipes it."""
    if imported.fieldwork is not None or current.fieldwork is None:
        return imported
    return imported.model_copy(update={"fieldwork": current.fieldwork})


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
