"""The streaming XLSX reader gives what openpyxl's read-only mode gives, only faster."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from openpyxl import Workbook

from assessment.fieldwork.reading import RegisterError, _cell, parse_register
from assessment.fieldwork.xlsx import read_rows
from tests.fieldwork_registers import MESSY, to_xlsx


def workbook(build) -> bytes:
    book = Workbook()
    build(book.active)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def ours(raw: bytes) -> list[tuple]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return [_trim(row) for row in read_rows(archive)]


def theirs(raw: bytes) -> list[tuple]:
    book = openpyxl.load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
    try:
        return [_trim(row) for row in book.worksheets[0].iter_rows(values_only=True)]
    finally:
        book.close()


def _trim(row) -> tuple:
    cells = [_cell(v) for v in row]
    while cells and cells[-1] is None:
        cells.pop()
    return tuple(cells)


def typed(sheet) -> None:
    sheet.append(["id", "received", "n", "flag", "share", "formula", "text"])
    sheet.append(["Z-1", datetime(2026, 1, 5), 12, True, 0.25, "=B2+5", "=not a formula?"])
    sheet.append([7, date(2026, 2, 1), 12.0, False, 1e20, "=SUM(C2:C3)", "  spaced  "])
    sheet["B4"] = 46000  # a number in a date format
    sheet["B4"].number_format = "dd-mm-yyyy"
    sheet["A4"] = "Z-3"
    sheet["G4"] = "Cliënt ‘quotes’ €"
    sheet["A7"] = "Z-after-gap"  # rows 5 and 6 are missing from the XML
    sheet["C7"] = -3.5


@pytest.mark.parametrize("build", [typed, lambda s: [s.append(r) for r in MESSY]])
def test_same_values_as_openpyxl(build):
    raw = workbook(build)
    assert ours(raw) == theirs(raw)


MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def excel_like(shared: str | None = None, prefix: str = "") -> bytes:
    """A workbook spelled as Excel writes it: shared strings (one with rich text runs and a
    phonetic run), a custom date format, a self-closed empty cell and an empty row."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns:{prefix}="{MAIN}"' if prefix else f'xmlns="{MAIN}"'
    strings = shared or (
        f'<sst xmlns="{MAIN}" count="5" uniqueCount="5">'
        "<si><t>Zaaknummer</t></si><si><t>Ontvangen</t></si>"
        '<si><r><rPr><color rgb="FFFF0000"/><condense val="0"/></rPr><t>Z-</t></r>'
        '<r><t xml:space="preserve">1 &amp; 2</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>'
        "<si><t>Naam</t></si><si><t>=not evaluated</t></si></sst>"
    )
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><{p}worksheet {xmlns}>'
        f'<{p}dimension ref="A1:C4"/><{p}sheetData>'
        f'<{p}row r="1" spans="1:3"><{p}c r="A1" t="s"><{p}v>0</{p}v></{p}c>'
        f'<{p}c r="B1" t="s"><{p}v>1</{p}v></{p}c><{p}c r="C1" t="s"><{p}v>3</{p}v></{p}c></{p}row>'
        f'<{p}row r="2" spans="1:3"><{p}c r="A2" t="s"><{p}v>2</{p}v></{p}c>'
        f'<{p}c r="B2" s="1"><{p}v>46027</{p}v></{p}c><{p}c r="C2" s="1"/></{p}row>'
        f'<{p}row r="3" spans="1:3" ht="12"/>'
        f'<{p}row r="4"><{p}c r="A4" t="s"><{p}v>4</{p}v></{p}c>'
        f'<{p}c r="B4" t="str"><{p}f>TEXT(B2,"dd-mm-yyyy")</{p}f><{p}v>05-01-2026</{p}v></{p}c>'
        f"</{p}row></{p}sheetData></{p}worksheet>"
    )
    styles = (
        f'<styleSheet xmlns="{MAIN}"><numFmts count="1"><numFmt numFmtId="164" '
        'formatCode="d/m/yyyy;@"/></numFmts><cellXfs count="2"><xf numFmtId="0"/>'
        '<xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>'
    )
    parts = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
        '<sheet name="Klachten" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<Relationships xmlns="http://schemas.openxmlformats.org/'
        'package/2006/relationships"><Relationship Id="rId1" Type="x" '
        'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": strings,
        "xl/styles.xml": styles,
    }
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return out.getvalue()


@pytest.mark.parametrize("prefix", ["", "x"])
def test_an_excel_spelled_workbook(prefix):
    raw = excel_like(prefix=prefix)
    rows = ours(raw)
    assert rows == [
        ("Zaaknummer", "Ontvangen", "Naam"),
        ("Z-1 & 2", date(2026, 1, 5)),
        (),
        ("=not evaluated", '=TEXT(B2,"dd-mm-yyyy")'),
    ]
    register = parse_register(raw, "r.xlsx")
    assert register.dropped == ("Naam",)
    assert [r[:3] for r in register.rows] == [
        (2, "Z-1 & 2", date(2026, 1, 5)),
        (3, None, None),
        (4, "=not evaluated", '=TEXT(B2,"dd-mm-yyyy")'),
    ]


def test_dates_formulas_and_row_numbers():
    rows = ours(workbook(typed))
    assert rows[1][1] == date(2026, 1, 5)
    assert rows[3][1] == date(2025, 12, 9)  # Excel day 46000
    assert rows[1][5] == "=B2+5" and rows[1][6] == "=not a formula?"
    assert rows[4] == () and rows[5] == () and rows[6][0] == "Z-after-gap"
    register = parse_register(workbook(typed), "t.xlsx")
    assert [r[0] for r in register.rows][-1] == 7  # the Excel row number of the last row


def test_a_1904_workbook_counts_its_days_from_1904():
    def build(sheet):
        sheet.append(["id", "received"])
        sheet.append(["Z-1", 1])
        sheet["B2"].number_format = "yyyy-mm-dd"

    book = Workbook()
    build(book.active)
    book.epoch = openpyxl.utils.datetime.CALENDAR_MAC_1904
    out = io.BytesIO()
    book.save(out)
    assert ours(out.getvalue())[1][1] == date(1904, 1, 2)  # day 1 of the 1904 system


def test_a_damaged_sheet_is_a_clear_error():
    raw = to_xlsx(MESSY)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            target.writestr(item, data)
    with pytest.raises(RegisterError, match=r"r.xlsx: not a readable XLSX workbook"):
        parse_register(broken.getvalue(), "r.xlsx")


def test_an_entity_bomb_is_refused():
    entities = ['<!ENTITY e0 "aaaaaaaaaa">'] + [
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    ]
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE sst [' + "".join(entities) + "]>"
        f'<sst xmlns="{MAIN}"><si><t>&e9;</t></si></sst>'
    )
    with pytest.raises(RegisterError, match=r"r.xlsx: not a readable XLSX workbook"):
        parse_register(excel_like(shared=bomb), "r.xlsx")
