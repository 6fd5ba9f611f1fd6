"""Checks of an assessment workbook: the file before it is opened, and the data read from it
as an assessment file, each problem placed at its ``Sheet!Cell`` (used by
:mod:`assessment.xlsx_import`)."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

from .assessments import Assessment, check_against_pack, parse_assessment
from .errors import AssessmentError, InputFileError, PackNotFound, Problem
from .packs import Pack
from .xlsx_layout import (
    MAX_PARTS,
    MAX_UNPACKED_BYTES,
    MAX_WORKBOOK_BYTES,
    SHEET_ACTIONS,
    SHEET_ASSESSMENT,
    SHEET_EVIDENCE,
    SHEET_RESPONSES,
    SHEETS,
)

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


# ---- the data read from the workbook, checked as an assessment file ----------------------


_SHEET_OF_FIELD = {
    "responses": SHEET_RESPONSES,
    "evidence": SHEET_EVIDENCE,
    "actions": SHEET_ACTIONS,
}


def locate(problem: Problem, cells: dict[str, str], file: str) -> Problem:
    """A problem with a JSON path, placed at the cell it came from (or its sheet)."""
    path = problem.path
    probe = path
    while probe:
        if probe in cells:
            message = problem.message
            if probe != path:  # a field inside the cell's row: name it
                message = f"{path[len(probe) :].lstrip('.')}: {message}"
            return Problem(file, None, cells[probe], message, problem.severity)
        cut = max(probe.rfind("."), probe.rfind("["))
        probe = probe[:cut] if cut > 0 else ""
    top = re.split(r"[.\[]", path, maxsplit=1)[0] if path else ""
    sheet = _SHEET_OF_FIELD.get(top, SHEET_ASSESSMENT)
    message = f"{path}: {problem.message}" if path else problem.message
    return Problem(file, None, sheet, message, problem.severity)


def validate(
    data: dict[str, Any],
    found: list[Problem],
    cells: dict[str, str],
    file: str,
    pack_for: Callable[[Any], Pack],
) -> tuple[Assessment, Pack, list[Problem]]:
    """Validate the data read from a workbook as an assessment file against its pack.

    ``found`` are the problems met while reading; ``cells`` maps JSON paths to the
    ``Sheet!Cell`` they came from. Every problem is placed at its cell; the parts that fail
    the structure check are left out to check the rest against the pack, so that every
    problem is listed at once. Raises :class:`AssessmentError` with all of them, sorted.
    """
    problems = list(found)
    assessment = pack = None
    try:
        assessment = parse_assessment(data, file)
    except AssessmentError as exc:
        problems.extend(locate(p, cells, file) for p in exc.problems)
        # check the rest against the pack too, so that every problem is listed at once
        rest, evidence_index = _without_errors(data, exc.problems)
        try:
            checked = parse_assessment(rest, file)
        except AssessmentError:
            checked = None
    else:
        checked, evidence_index = assessment, None
    if checked is not None:
        try:
            pack = pack_for(checked.criteria_set)
        except PackNotFound as exc:
            problems.append(locate(Problem(file, None, "criteria_set.id", str(exc)), cells, file))
        else:
            for p in check_against_pack(checked, pack, file):
                if evidence_index is not None:
                    p = _renumbered(p, evidence_index)
                problems.append(locate(p, cells, file))
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
