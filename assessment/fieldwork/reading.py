"""Reading a complaint register: CSV as Excel writes it, or an XLSX workbook.

Only the mapped columns are read (see :data:`DEFAULT_HEADERS` and :func:`find_columns`);
every other column is dropped while reading, row by row, and only its header is named in
:attr:`Register.dropped`. Nothing else of a dropped column is kept.

The line of a row counts the header as line 1 (the row number Excel shows). Cells are kept
as they are (text, or a date from an XLSX date cell); text starting with ``=``, ``+``, ``-``
or ``@`` is data, never a formula: it is kept as text, and a formula in an XLSX cell is read
as its text, never evaluated (:mod:`assessment.fieldwork.xlsx` streams the first sheet).
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..errors import IkmError
from ..i18n import language

MIB = 1024 * 1024
MAX_REGISTER_BYTES = 50 * MIB  # the file as uploaded
MAX_ROWS = 1_000_000  # data rows of a register
MAX_XLSX_UNCOMPRESSED = 400 * MIB  # all parts of a workbook together, unpacked
MAX_XLSX_RATIO = 200  # unpacked / packed size of one part larger than 1 MiB
MAX_XLSX_PARTS = 10_000

FIELDS: tuple[str, ...] = (
    "id",
    "received",
    "acknowledged",
    "decided",
    "channel",
    "department",
    "outcome",
)
REQUIRED: tuple[str, ...] = ("id", "received")
FIELD_NAMES: dict[str, dict[str, str]] = {  # each field as a reader knows it
    "id": {"nl": "zaaknummer", "en": "case id"},
    "received": {"nl": "datum ontvangst", "en": "date received"},
    "acknowledged": {"nl": "datum ontvangstbevestiging", "en": "date acknowledged"},
    "decided": {"nl": "datum afgehandeld", "en": "date decided"},
    "channel": {"nl": "kanaal", "en": "channel"},
    "department": {"nl": "afdeling", "en": "department"},
    "outcome": {"nl": "uitkomst", "en": "outcome"},
}
DEFAULT_HEADERS: dict[str, tuple[str, ...]] = {
    "id": ("id", "zaaknummer", "nummer", "case"),
    "received": ("received", "ontvangen", "datum ontvangst"),
    "acknowledged": ("acknowledged", "ontvangstbevestiging"),
    "decided": ("decided", "afgehandeld", "datum besluit"),
    "channel": ("channel", "kanaal"),
    "department": ("department", "afdeling"),
    "outcome": ("outcome", "uitkomst"),
}

Cell = str | date | None


class RegisterError(IkmError):
    """A register cannot be read: wrong format, too large, a column not found.

    Raised by :mod:`assessment.fieldwork.reading`; the message names the file.
    """


class ColumnsNotFound(RegisterError):
    """A required column (case id, date received) was neither mapped nor found by its usual
    names; the message names the columns the register has. How to name the column is for the
    caller to say: an option on the command line, a choice in the app."""


@dataclass(frozen=True)
class Register:
    """The mapped columns of a register.

    ``rows`` holds one tuple per data row: ``(line, cell of each field of FIELDS)``, where an
    unmapped field's cell is None. ``columns`` maps each field to the header it was read from;
    ``dropped`` names the headers of every other column, whose cells were never kept.
    """

    name: str
    sha256: str
    format: str
    columns: dict[str, str]
    dropped: tuple[str, ...]
    rows: list[tuple[Any, ...]]

    def dropped_message(self) -> str:
        """``dropped 2 columns: Naam klager, E-mail`` (empty when nothing was dropped)."""
        if not self.dropped:
            return ""
        count = dropped_count(self.dropped)
        noun = "column" if count == 1 else "columns"
        return f"dropped {count} {noun}: {', '.join(self.dropped)}"


_UNNAMED = {"en": "({n} without a header)", "nl": "({n} zonder kolomkop)"}
_UNNAMED_KEPT = re.compile(r"\((\d+) without a header\)")


def dropped_count(dropped: Sequence[str]) -> int:
    """How many columns :attr:`Register.dropped` stands for: one per header named, and the
    count of those without a header (``(3 without a header)`` is three)."""
    return sum(int(m[1]) if (m := _UNNAMED_KEPT.fullmatch(name)) else 1 for name in dropped)


def dropped_text(dropped: Sequence[str], lang: str | None) -> str:
    """Dropped columns as a reader sees them: the headers as they are, and the columns
    without one counted in ``lang`` (``Naam, (2 zonder kolomkop)``); as kept in
    :attr:`Register.dropped`, that count is in English."""
    shown = []
    for name in dropped:
        unnamed = _UNNAMED_KEPT.fullmatch(name)
        shown.append(_UNNAMED[language(lang)].format(n=unnamed[1]) if unnamed else name)
    return ", ".join(shown)


def normalise_header(text: Any) -> str:
    """A header as compared: case-insensitive, spaces collapsed."""
    return " ".join(str(text if text is not None else "").split()).casefold()


def find_columns(headers: list[str], mapping: Mapping[str, str] | None = None) -> dict[str, int]:
    """The column index of every field found in ``headers``.

    ``mapping`` (field -> header) comes first; then the default names of each field, in
    order. Raises :class:`ColumnsNotFound` when a required field has no column, and
    :class:`ValueError` (made into a :class:`RegisterError` by the caller) for an unknown
    field, a mapped header that is not there, or a header found twice.
    """
    mapping = dict(mapping or {})
    unknown = [key for key in mapping if key not in FIELDS]
    if unknown:
        raise ValueError(f"unknown field '{unknown[0]}' (use one of: {', '.join(FIELDS)})")
    positions: dict[str, list[int]] = {}
    for index, header in enumerate(headers):
        if normalise_header(header):
            positions.setdefault(normalise_header(header), []).append(index)
    found: dict[str, int] = {}
    taken: set[int] = set()

    def take(field: str, name: str) -> bool:
        spots = positions.get(normalise_header(name), [])
        if len(spots) > 1:
            raise ValueError(f"{len(spots)} columns are named '{headers[spots[0]]}'")
        if spots and spots[0] not in taken:
            found[field] = spots[0]
            taken.add(spots[0])
            return True
        return False

    for field, header in mapping.items():
        if take(field, header):
            continue
        spots = positions.get(normalise_header(header))
        if spots:  # there, but taken by a field mapped before
            other = next(f for f, i in found.items() if i == spots[0])
            raise ValueError(f"column '{header}' is mapped to both {other} and {field}")
        raise ValueError(f"column '{header}' (for {field}) not found")
    for field in FIELDS:
        if field in found:
            continue
        for name in DEFAULT_HEADERS[field]:
            if take(field, name):
                break
    missing = [field for field in REQUIRED if field not in found]
    if missing:
        listed = ", ".join(f"'{h}'" for h in headers if normalise_header(h)) or "none"
        raise ColumnsNotFound(f"no column for {' and '.join(missing)} (the columns are: {listed})")
    return found


def guess_columns(headers: list[str]) -> dict[str, str]:
    """The header each field would be read from by default (fields without one left out)."""
    found: dict[str, str] = {}
    used: set[str] = set()
    names = {normalise_header(h): h for h in reversed(headers) if normalise_header(h)}
    for field in FIELDS:
        for name in DEFAULT_HEADERS[field]:
            header = names.get(normalise_header(name))
            if header is not None and header not in used:
                found[field] = header
                used.add(header)
                break
    return found


# ---- the file -------------------------------------------------------------------------


def register_headers(raw: bytes, name: str) -> list[str]:
    """The headers (first row) of a register, for a mapping step; nothing else is read."""
    rows = _rows(raw, name)[1]
    try:
        first = next(rows)
    except StopIteration:
        raise RegisterError(f"{name}: file is empty") from None
    finally:
        rows.close()
    return ["" if h is None else str(h).strip() for h in first]


def read_register(path: str | Path, mapping: Mapping[str, str] | None = None) -> Register:
    """Read a register file (CSV or XLSX) and keep only the mapped columns."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_REGISTER_BYTES:
            raise RegisterError(_too_large(str(path), size))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise RegisterError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise RegisterError(f"{path}: is a folder, not a register file") from None
    except OSError as exc:
        raise RegisterError(f"{path}: cannot read file ({exc.strerror})") from None
    return parse_register(raw, str(path), mapping)


def parse_register(raw: bytes, name: str, mapping: Mapping[str, str] | None = None) -> Register:
    """Read register bytes (``name`` is used in messages and to refuse ``.xlsm``)."""
    fmt, rows = _rows(raw, name)
    digest = hashlib.sha256(raw).hexdigest()
    try:
        headers = next(rows)
    except StopIteration:
        raise RegisterError(f"{name}: file is empty") from None
    headers = ["" if h is None else str(h).strip() for h in headers]
    try:
        found = find_columns(headers, mapping)
    except ColumnsNotFound as exc:
        raise ColumnsNotFound(f"{name}: {exc}") from None
    except ValueError as exc:
        raise RegisterError(f"{name}: {exc}") from None
    kept = [found.get(field) for field in FIELDS]
    dropped = tuple(h for i, h in enumerate(headers) if i not in found.values() and h)
    unnamed = sum(1 for i, h in enumerate(headers) if i not in found.values() and not h)
    if unnamed:
        dropped += (_UNNAMED["en"].format(n=unnamed),)
    out: list[tuple[Any, ...]] = []
    try:
        for line, cells in enumerate(rows, start=2):
            if line - 1 > MAX_ROWS:
                raise RegisterError(f"{name}: more than {MAX_ROWS:,} rows; split the register")
            width = len(cells)
            out.append(
                (line, *[None if i is None or i >= width else _cell(cells[i]) for i in kept])
            )
    finally:
        rows.close()  # type: ignore[attr-defined]
    return Register(
        name=name,
        sha256=digest,
        format=fmt,
        columns={field: headers[found[field]] for field in FIELDS if field in found},
        dropped=dropped,
        rows=out,
    )


def _rows(raw: bytes, name: str) -> tuple[str, Iterator[Any]]:
    """The format and the rows (the header first) of register bytes; refused files raise."""
    if len(raw) > MAX_REGISTER_BYTES:
        raise RegisterError(_too_large(name, len(raw)))
    if not raw.strip():
        raise RegisterError(f"{name}: file is empty")
    if name.lower().endswith((".xlsm", ".xltm", ".xlam")):
        raise RegisterError(f"{name}: a workbook with macros is refused; save it as .xlsx or CSV")
    if raw.startswith(b"\xd0\xcf\x11\xe0"):
        raise RegisterError(f"{name}: an old Excel (.xls) file; save it as .xlsx or CSV")
    if raw.startswith(b"PK\x03\x04"):
        return "xlsx", _xlsx_rows(raw, name)
    return "csv", _csv_rows(_decode(raw, name), name)


def _too_large(name: str, size: int) -> str:
    return (
        f"{name}: file is {size / MIB:.1f} MB; the limit for a register is "
        f"{MAX_REGISTER_BYTES // MIB} MB"
    )


def _cell(value: Any) -> Cell:
    """A kept cell: text stripped (empty is None), a date, or a whole number as text."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip() or None


# ---- CSV -------------------------------------------------------------------------------


def _decode(raw: bytes, name: str) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252; junk is refused."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise RegisterError(f"{name}: not readable as UTF-16 text") from None
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = raw.decode("cp1252")
            except UnicodeDecodeError:
                raise RegisterError(
                    f"{name}: not a CSV or XLSX register (neither UTF-8 nor Windows-1252 text)"
                ) from None
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n")
    if "\x00" in text or controls > len(sample) // 100:
        raise RegisterError(f"{name}: not a CSV or XLSX register (binary content)")
    return text


def _delimiter(text: str) -> str:
    """The delimiter of the header line: the most frequent of ``;``, ``,`` and tab."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _csv_rows(text: str, name: str) -> Iterator[list[str]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    try:
        yield from reader
    except csv.Error as exc:
        raise RegisterError(f"{name}:{reader.line_num}: not readable as CSV ({exc})") from None


# ---- XLSX ------------------------------------------------------------------------------


def check_xlsx_container(raw: bytes, name: str) -> None:
    """Refuse a workbook that is no XLSX, carries macros, or unpacks to far more than it is.

    The sizes in the zip's directory are checked before anything is unpacked (a zip bomb
    stops here), and the reader never unpacks more than those sizes.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, ValueError, OSError):
        raise RegisterError(f"{name}: a damaged zip file; not a readable XLSX workbook") from None
    with archive:
        parts = archive.infolist()
        names = {p.filename for p in parts}
        if len(parts) > MAX_XLSX_PARTS:
            raise RegisterError(f"{name}: refused: the workbook has {len(parts):,} parts")
        if "xl/workbook.xml" not in names:
            raise RegisterError(f"{name}: not an XLSX workbook (save it as .xlsx or CSV)")
        if any(n.lower().endswith("vbaproject.bin") for n in names):
            raise RegisterError(f"{name}: a workbook with macros is refused; save it as .xlsx")
        total = sum(p.file_size for p in parts)
        if total > MAX_XLSX_UNCOMPRESSED:
            raise RegisterError(
                f"{name}: refused: the workbook unpacks to {total / MIB:,.0f} MB "
                f"(the limit is {MAX_XLSX_UNCOMPRESSED // MIB} MB)"
            )
        for part in parts:
            if part.file_size > MIB and part.file_size > MAX_XLSX_RATIO * max(
                part.compress_size, 1
            ):
                raise RegisterError(
                    f"{name}: refused: part {part.filename} unpacks to "
                    f"{part.file_size / MIB:,.0f} MB from {part.compress_size:,} bytes "
                    "(a zip bomb?)"
                )


def _xlsx_rows(raw: bytes, name: str) -> Iterator[Any]:
    """The rows of the first sheet as values; formulas come as their text, never evaluated
    (see :mod:`assessment.fieldwork.xlsx`)."""
    check_xlsx_container(raw, name)
    return _sheet_rows(raw, name)


def _sheet_rows(raw: bytes, name: str) -> Iterator[Any]:
    from .xlsx import read_rows

    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            yield from read_rows(archive)
    except RegisterError:
        raise
    except Exception as exc:  # a damaged part: zlib, XML or structure errors
        raise RegisterError(f"{name}: not a readable XLSX workbook ({_short(exc)})") from None


def _short(exc: Exception) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


# ---- writing cells safely --------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """A value for a CSV or XLSX the tool writes: text that a spreadsheet would take for a
    formula (starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading
    apostrophe, so it stays text."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value
