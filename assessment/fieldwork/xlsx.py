"""A streaming reader of the first worksheet of an XLSX workbook: values only, fast.

openpyxl's read-only mode takes about 20 s for a register of 100,000 rows on the reference
machine. This reader scans the sheet's XML with regular expressions, row by row, and decodes
only the cells that are read (a register keeps a few columns): a few seconds. It expands no
entities but XML's five and character references (no DTD is read, so no entity bomb); the
small parts (workbook, relationships, styles, shared strings) are parsed with ElementTree,
whose expat refuses entity bombs. It uses openpyxl's own rules for what is a date format and
for Excel's day numbers.

What a cell gives: text for shared, inline and formula-result strings; a formula cell gives
its formula as text (``=SUM(A1:A3)``), never evaluated and never its cached result; a number
in a date format gives a ``datetime``; other numbers an ``int`` or ``float``; booleans
``True``/``False``; errors their text (``#N/A``). Rows come in sheet order, rows missing from
the XML (blank rows) as empty tuples, so that a row's position is its Excel row number.

The caller checks the zip's sizes before (reading.check_xlsx_container).
"""

from __future__ import annotations

import itertools
import posixpath
import re
import zipfile
from collections.abc import Iterator
from typing import IO, Any
from xml.etree.ElementTree import fromstring

from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CHUNK = 1 << 20
_COLUMN = re.compile(r"[A-Z]+")


class XlsxError(ValueError):
    """The workbook's structure cannot be read (a part missing or not XML)."""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2]


def _xml(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        return fromstring(archive.read(name))
    except KeyError:
        raise XlsxError(f"part {name} is missing") from None
    except Exception as exc:  # ParseError and friends
        raise XlsxError(f"part {name} is not readable XML ({exc})") from None


def _first_sheet(archive: zipfile.ZipFile) -> tuple[str, bool]:
    """The path of the first worksheet, and whether the workbook counts days from 1904."""
    workbook = _xml(archive, "xl/workbook.xml")
    date1904 = False
    sheet_rid = None
    for elem in workbook.iter():
        name = _local(elem.tag)
        if name == "workbookPr":
            date1904 = elem.get("date1904") in ("1", "true")
        elif name == "sheet" and sheet_rid is None:
            sheet_rid = elem.get(f"{{{_REL}}}id") or elem.get("id")
    if sheet_rid is None:
        raise XlsxError("the workbook has no worksheet")
    rels = _xml(archive, "xl/_rels/workbook.xml.rels")
    for rel in rels.iter():
        if _local(rel.tag) == "Relationship" and rel.get("Id") == sheet_rid:
            target = rel.get("Target", "")
            path = target.lstrip("/") if target.startswith("/") else posixpath.join("xl", target)
            return posixpath.normpath(path), date1904
    raise XlsxError("the first worksheet is not found")


def _shared_strings(archive: zipfile.ZipFile) -> list[str]:
    if "xl/sharedStrings.xml" not in archive.namelist():
        return []
    out = []
    for si in _xml(archive, "xl/sharedStrings.xml"):
        if _local(si.tag) != "si":
            continue
        parts = []
        for elem in si.iter():
            name = _local(elem.tag)
            if name == "rPh":  # phonetic runs are not part of the text
                break
            if name == "t" and elem.text:
                parts.append(elem.text)
        out.append("".join(parts))
    return out


def _date_styles(archive: zipfile.ZipFile) -> set[int]:
    """The indexes of the cell styles (``s``) whose number format shows a date."""
    if "xl/styles.xml" not in archive.namelist():
        return set()
    styles = _xml(archive, "xl/styles.xml")
    formats = dict(BUILTIN_FORMATS)
    dated: set[int] = set()
    for elem in styles.iter():
        if _local(elem.tag) == "numFmt":
            try:
                formats[int(elem.get("numFmtId", ""))] = elem.get("formatCode", "")
            except ValueError:
                continue
    for elem in styles.iter():
        if _local(elem.tag) == "cellXfs":
            for index, xf in enumerate(x for x in elem if _local(x.tag) == "xf"):
                try:
                    code = formats.get(int(xf.get("numFmtId", "0")), "")
                except ValueError:
                    continue
                if code and is_date_format(code):
                    dated.add(index)
            break
    return dated


_P = r"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix
_V = re.compile(rf"<{_P}v>(.*?)</{_P}v>", re.S)
_F = re.compile(rf"<{_P}f\b[^>]*?(?:/>|>(.*?)</{_P}f>)", re.S)
_T = re.compile(rf"<{_P}t\b[^>]*?(?:/>|>(.*?)</{_P}t>)", re.S)
_SHEET_DATA = re.compile(rf"<({_P})sheetData\b[^>]*?(/?)>")
_EMPTY_ROWS = re.compile(rf"<{_P}row\b[^>]*/>")
_ATTR_R = re.compile(r"""\br\s*=\s*["']([A-Z]*)(\d*)["']""")
_ATTR_T = re.compile(r"""\bt\s*=\s*["'](\w+)["']""")
_ATTR_S = re.compile(r"""\bs\s*=\s*["'](\d+)["']""")
_ENTITY = re.compile(r"&(#x[0-9A-Fa-f]+|#\d+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


def _unescape(text: str) -> str:
    """XML's five entities and character references; nothing else is expanded."""
    if "&" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name[0] == "#":
            try:
                return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
            except (ValueError, OverflowError):
                return match.group()
        return _NAMED[name]

    return _ENTITY.sub(one, text)


def _column(letters: str, cache: dict[str, int]) -> int:
    index = cache.get(letters)
    if index is None:
        index = 0
        for letter in letters:
            index = index * 26 + ord(letter) - 64
        index = cache[letters] = index - 1
    return index


class LazyRow:
    """A row whose cells are split and decoded only when read: a register keeps a few of its
    columns, so the others never are. Behaves as a tuple for ``len``, indexing and iteration."""

    __slots__ = ("_cells", "_context", "_open")

    def __init__(self, cells: list[Any], cell_open: str, context: tuple[Any, ...]):
        self._cells = cells  # per column: the cell's text, (attributes, body), or None
        self._open = cell_open
        self._context = context

    def __len__(self) -> int:
        return len(self._cells)

    def __getitem__(self, index: int) -> Any:
        cell = self._cells[index]
        if cell.__class__ is str:
            cell = _split_cell(cell, self._open)
        if cell is None:
            return None
        strings, dated, epoch = self._context
        return _value(cell[0], cell[1], strings, dated, epoch)

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self._cells)))


def _split_cell(part: str, cell_open: str) -> tuple[str, str] | None:
    """A cell's attributes and body from the text up to its closing tag (self-closed empty
    cells before it are passed over)."""
    begin = part.rfind(cell_open)  # "<c ": never "<color" of rich text
    if begin < 0:
        begin = max(part.rfind(cell_open[:-1] + ch) for ch in ">\t\r\n")
    end = part.find(">", begin)
    if begin < 0 or end < 0:
        return None
    return part[begin + len(cell_open) : end], part[end + 1 :]


_LETTERS: dict[int, str] = {}


def _letters(index: int) -> str:
    """The column letters of a 0-based column index (0: A, 25: Z, 26: AA)."""
    out = _LETTERS.get(index)
    if out is None:
        number, out = index + 1, ""
        while number:
            number, rest = divmod(number - 1, 26)
            out = chr(65 + rest) + out
        _LETTERS[index] = out
    return out


def _place(parts: list[str], cell_open: str, columns: dict[str, int]) -> list[Any]:
    """The cells of a row at their columns (from their ``r``; in order where it is absent)."""
    if not parts:
        return []
    first, last = _split_cell(parts[0], cell_open), _split_cell(parts[-1], cell_open)
    letters = _letters(len(parts) - 1)
    if (
        first is not None
        and last is not None
        and first[0].startswith('r="A')
        and first[0][4:5].isdigit()
        and last[0].startswith(f'r="{letters}')
        and last[0][3 + len(letters) : 4 + len(letters)].isdigit()
    ):
        return parts  # every column from A on is there: position is column (the usual case)
    placed: dict[int, tuple[str, str]] = {}
    for part in parts:
        cell = _split_cell(part, cell_open)
        if cell is None:
            continue
        ref = _ATTR_R.search(cell[0])
        index = (
            _column(ref.group(1), columns) if ref and ref.group(1) else max(placed, default=-1) + 1
        )
        placed[index] = cell
    width = max(placed, default=-1) + 1
    return [placed.get(i) for i in range(width)]


def read_rows(archive: zipfile.ZipFile) -> Iterator[Any]:
    """The rows of the first worksheet (see the module's docstring)."""
    sheet, date1904 = _first_sheet(archive)
    strings = _shared_strings(archive)
    dated = _date_styles(archive)
    epoch = CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900
    try:
        handle = archive.open(sheet)
    except KeyError:
        raise XlsxError(f"part {sheet} is missing") from None
    with handle:
        yield from _stream(handle, (strings, dated, epoch))


def _chunks(handle: IO[bytes]) -> Iterator[str]:
    """The sheet's text, decoded piece by piece."""
    import codecs

    decoder = codecs.getincrementaldecoder("utf-8")()
    while True:
        data = handle.read(_CHUNK)
        text = decoder.decode(data, final=not data)
        if text:
            yield text
        if not data:
            return


_MAX_HEAD = 16 * 1024 * 1024  # the sheet's settings before its data


def _stream(handle: IO[bytes], context: tuple[Any, ...]) -> Iterator[Any]:
    """Every row, split on the closing tags (far faster than a parser or a regular
    expression over the whole text). A sheet cut short, or with anything but empty rows
    between its rows, is an error, so that no row is ever lost without a word."""
    chunks = _chunks(handle)
    head = ""
    for text in chunks:
        head += text
        opening = _SHEET_DATA.search(head)
        if opening is not None:
            break
        if len(head) > _MAX_HEAD:
            break
    else:
        opening = None
    if opening is None:
        raise XlsxError("the worksheet has no data part")
    if opening.group(2):  # <sheetData/>: no rows at all
        return
    prefix = opening.group(1)
    row_open, row_close = f"<{prefix}row", f"</{prefix}row>"
    cell_open, cell_close = f"<{prefix}c ", f"</{prefix}c>"
    columns: dict[str, int] = {}
    last_row = 0
    tail = head[opening.end() :]
    for text in itertools.chain(chunks, ("",)):
        pieces = (tail + text).split(row_close)
        tail = pieces.pop()
        for piece in pieces:
            start = piece.rfind(row_open)
            if start < 0 or (piece[:start].strip() and _EMPTY_ROWS.sub("", piece[:start]).strip()):
                raise XlsxError(f"unexpected content between rows after row {last_row}")
            close = piece.find(">", start)
            attrs = piece[start + len(row_open) : close]
            number = _ATTR_R.search(attrs)
            current = int(number.group(2)) if number and number.group(2) else last_row + 1
            for _ in range(last_row + 1, current):
                yield ()
            last_row = current
            parts = piece[close + 1 :].split(cell_close)[:-1]
            yield LazyRow(_place(parts, cell_open, columns), cell_open, context)
    if f"</{prefix}sheetData>" not in tail:
        raise XlsxError("the worksheet is cut short (no end of its data)")
    body = tail.split(f"</{prefix}sheetData>", 1)[0]
    if _EMPTY_ROWS.sub("", body).strip():
        raise XlsxError(f"the worksheet is cut short after row {last_row}")


def _value(attrs: str, body: str | None, strings: list[str], dated: set[int], epoch: Any) -> Any:
    if not body:
        return None
    at = attrs.find(' t="')
    if at >= 0:  # the usual spelling, found without a regular expression
        kind = attrs[at + 4 : attrs.find('"', at + 4)]
    else:
        kind_match = _ATTR_T.search(attrs)
        kind = kind_match.group(1) if kind_match else "n"
    if "f" in body:  # cheap test first: most cells hold no formula
        formula = _F.search(body)
        if formula is not None:
            return "=" + _unescape(formula.group(1) or "")
    if kind == "inlineStr":
        if body.startswith("<is><t>") and body.endswith("</t></is>") and body.count("<") == 4:
            return _unescape(body[7:-9])  # the usual spelling of a plain inline string
        texts = _T.findall(body)
        return _unescape(texts[0] if len(texts) == 1 else "".join(texts))
    if body.startswith("<v>") and body.endswith("</v>") and body.count("<") == 2:
        raw = _unescape(body[3:-4])
    else:
        found = _V.search(body)
        if found is None:
            return None
        raw = _unescape(found.group(1))
    if kind == "s":
        try:
            return strings[int(raw)]
        except (ValueError, IndexError):
            return None
    if kind in ("str", "e", "d"):
        return raw
    if kind == "b":
        return raw.strip() == "1"
    try:
        number = float(raw)
    except ValueError:
        return raw
    style = _ATTR_S.search(attrs)
    if style is not None and int(style.group(1)) in dated:
        try:
            return from_excel(number, epoch)
        except (ValueError, OverflowError):
            return raw
    return int(number) if number.is_integer() else number
