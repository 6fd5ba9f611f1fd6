"""Reading registers: CSV flavours, XLSX, column mapping, dropped columns, refused files."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from assessment.fieldwork import reading
from assessment.fieldwork.analysis import analyse, terms_for
from assessment.fieldwork.reading import (
    ColumnsNotFound,
    RegisterError,
    dropped_count,
    dropped_text,
    parse_register,
    read_register,
    safe_cell,
)
from tests.fieldwork_registers import MESSY, MESSY_EXPECTED, PERSONAL, TODAY, to_csv, to_xlsx

TERMS = terms_for(None, ack_days=5, decide_days=42)
FIGURES = ("complaints", "skipped", "warnings", "blank_rows", "acknowledged_on_time",
           "decided_on_time", "open", "open_overdue")  # fmt: skip


def figures(raw: bytes, name: str) -> dict:
    data = analyse(parse_register(raw, name), TERMS, TODAY).to_json()
    return {key: data[key] for key in FIGURES}


@pytest.mark.parametrize(
    ("delimiter", "encoding"),
    [(";", "utf-8-sig"), (";", "utf-8"), (",", "utf-8"), (";", "cp1252"), ("\t", "utf-16")],
)
def test_every_csv_flavour_gives_the_hand_computed_figures(delimiter, encoding):
    assert figures(to_csv(MESSY, delimiter, encoding), "klachten.csv") == MESSY_EXPECTED


def test_xlsx_with_date_cells_and_formulas_gives_the_same_figures():
    raw = to_xlsx(MESSY)
    assert figures(raw, "klachten.xlsx") == MESSY_EXPECTED
    register = parse_register(raw, "klachten.xlsx")
    assert register.format == "xlsx"
    channel = {row[1]: row[5] for row in register.rows}
    assert channel["Z-007"] == "=1+1"  # a formula is kept as its text, never evaluated


def test_windows_1252_text_is_decoded():
    register = parse_register(to_csv(MESSY, ";", "cp1252"), "r.csv")
    assert "Cliëntzaken" in {row[6] for row in register.rows}


def test_only_the_mapped_columns_are_kept_and_the_others_are_named():
    for raw, name in ((to_csv(MESSY), "r.csv"), (to_xlsx(MESSY), "r.xlsx")):
        register = parse_register(raw, name)
        assert register.columns == {
            "id": "Zaaknummer",
            "received": "Datum ontvangst",
            "acknowledged": "Ontvangstbevestiging",
            "decided": "Afgehandeld",
            "channel": "Kanaal",
            "department": "Afdeling",
            "outcome": "Uitkomst",
        }
        assert register.dropped_message() == "dropped 2 columns: Naam klager, E-mail"
        kept = repr(register.rows)
        analysis = json.dumps(analyse(register, TERMS, TODAY).to_json(), ensure_ascii=False)
        for secret in PERSONAL:
            assert secret not in kept
            assert secret not in analysis


def test_lines_count_the_header_as_line_one():
    register = parse_register(to_csv(MESSY), "r.csv")
    assert [row[0] for row in register.rows] == list(range(2, len(MESSY) + 1))


def test_a_user_mapping_finds_other_headers_case_insensitively():
    rows = [["Nr", "Datum binnen", "Naam"], ["1", "2026-01-05", "Jansen"]]
    register = parse_register(to_csv(rows), "r.csv", {"id": "nr", "received": "  datum   BINNEN "})
    assert register.columns == {"id": "Nr", "received": "Datum binnen"}
    assert register.dropped == ("Naam",)
    assert register.rows == [(2, "1", "2026-01-05", None, None, None, None, None)]


def test_columns_without_a_header_are_counted_and_named_in_the_readers_language():
    rows = [["id", "received", "Naam", "", " ", ""], ["1", "2026-01-05", "Jansen", "a", "b", "c"]]
    register = parse_register(to_csv(rows), "r.csv")
    assert register.dropped == ("Naam", "(3 without a header)")  # as the file keeps it
    assert dropped_count(register.dropped) == 4
    assert register.dropped_message() == "dropped 4 columns: Naam, (3 without a header)"
    assert dropped_text(register.dropped, "nl") == "Naam, (3 zonder kolomkop)"
    assert dropped_text(register.dropped, "en") == "Naam, (3 without a header)"
    assert dropped_text(("Notes (file is empty)",), "nl") == "Notes (file is empty)"  # as named


def test_a_missing_required_column_names_the_columns_there_are():
    rows = [["Nr", "Datum binnen", "Naam"], ["1", "2026-01-05", "Jansen"]]
    with pytest.raises(ColumnsNotFound) as caught:
        parse_register(to_csv(rows), "r.csv")
    # how to name the column is the caller's to say (an option, a choice in the app)
    assert str(caught.value) == (
        "r.csv: no column for id and received (the columns are: 'Nr', 'Datum binnen', 'Naam')"
    )


@pytest.mark.parametrize(
    ("mapping", "message"),
    [
        ({"name": "Naam"}, "r.csv: unknown field 'name' (use one of: id, received, "
         "acknowledged, decided, channel, department, outcome)"),
        ({"received": "Datum binnen"}, "r.csv: column 'Datum binnen' (for received) not found"),
    ],
)  # fmt: skip
def test_a_bad_mapping_is_refused(mapping, message):
    with pytest.raises(RegisterError) as caught:
        parse_register(to_csv(MESSY), "r.csv", mapping)
    assert str(caught.value) == message


def test_two_columns_with_the_same_header_are_refused():
    rows = [["id", "received", "ID"], ["1", "2026-01-05", "2"]]
    with pytest.raises(RegisterError, match=r"2 columns are named 'id'"):
        parse_register(to_csv(rows), "r.csv")


def test_binary_junk_is_refused():
    junk = bytes(range(256)) * 40
    with pytest.raises(RegisterError) as caught:
        parse_register(junk, "junk.csv")
    assert str(caught.value).startswith("junk.csv: not a CSV or XLSX register")


def test_nul_bytes_are_refused_as_binary():
    with pytest.raises(RegisterError, match=r"junk.csv: not a CSV or XLSX register \(binary"):
        parse_register(b"id;received\n1;2026-01-01\n\x00\x00\x00", "junk.csv")


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    with pytest.raises(RegisterError) as caught:
        parse_register(_bomb(), "bomb.xlsx")
    assert "bomb.xlsx: refused: part xl/worksheets/sheet1.xml unpacks to 8 MB" in str(caught.value)


def _bomb() -> bytes:
    from tests.fieldwork_registers import zip_bomb

    return zip_bomb(8)


def test_a_workbook_that_unpacks_beyond_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_XLSX_UNCOMPRESSED", 1000)
    with pytest.raises(RegisterError, match=r"r.xlsx: refused: the workbook unpacks to"):
        parse_register(to_xlsx(MESSY), "r.xlsx")


def test_macros_and_old_excel_are_refused():
    with pytest.raises(RegisterError, match=r"r.xlsm: a workbook with macros is refused"):
        parse_register(to_xlsx(MESSY), "r.xlsm")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/vbaProject.bin", b"macro")
    with pytest.raises(RegisterError, match=r"r.xlsx: a workbook with macros is refused"):
        parse_register(out.getvalue(), "r.xlsx")
    with pytest.raises(RegisterError, match=r"r.xls: an old Excel \(.xls\) file"):
        parse_register(b"\xd0\xcf\x11\xe0" + b"\x00" * 600, "r.xls")


def test_damaged_and_foreign_zips_are_refused():
    with pytest.raises(RegisterError, match=r"r.xlsx: a damaged zip file"):
        parse_register(b"PK\x03\x04" + b"garbage" * 20, "r.xlsx")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("content.xml", "<office/>")
    with pytest.raises(RegisterError, match=r"r.ods: not an XLSX workbook"):
        parse_register(out.getvalue(), "r.ods")
    raw = to_xlsx(MESSY)
    broken = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(broken, "w") as target:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/workbook.xml":
                data = b"<not xml"
            target.writestr(item, data)
    with pytest.raises(RegisterError, match=r"r.xlsx: not a readable XLSX workbook"):
        parse_register(broken.getvalue(), "r.xlsx")


def test_empty_too_large_and_too_long_registers_are_refused(monkeypatch, tmp_path):
    with pytest.raises(RegisterError, match=r"r.csv: file is empty"):
        parse_register(b"  \r\n", "r.csv")
    monkeypatch.setattr(reading, "MAX_ROWS", 3)
    with pytest.raises(RegisterError, match=r"r.csv: more than 3 rows"):
        parse_register(to_csv(MESSY), "r.csv")
    monkeypatch.setattr(reading, "MAX_REGISTER_BYTES", 100)
    path = tmp_path / "r.csv"
    path.write_bytes(to_csv(MESSY))
    with pytest.raises(RegisterError, match=r"r.csv: file is 0.0 MB; the limit for a register"):
        read_register(path)


def test_missing_file_and_folder():
    with pytest.raises(RegisterError, match=r"nope.csv: file not found"):
        read_register("nope.csv")


def test_a_broken_csv_names_its_line(monkeypatch):
    raw = b'id;received\n1;2026-01-01\n2;"' + b"x" * 200_000 + b'"\n'
    with pytest.raises(RegisterError, match=r"r.csv:\d+: not readable as CSV"):
        parse_register(raw, "r.csv")


@pytest.mark.parametrize(
    ("value", "written"),
    [("=1+1", "'=1+1"), ("+31", "'+31"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
     ("Z-001", "Z-001"), (12, 12), (None, None)],
)  # fmt: skip
def test_safe_cell_escapes_formula_like_text(value, written):
    assert safe_cell(value) == written


def test_headers_and_guessed_columns_for_the_mapping_step():
    from assessment.fieldwork.reading import guess_columns, register_headers
    from tests.fieldwork_registers import HEADER

    assert register_headers(to_xlsx(MESSY), "r.xlsx") == HEADER
    assert register_headers(to_csv(MESSY), "r.csv") == HEADER
    assert guess_columns(["Naam", "ZAAKNUMMER", "Datum  ontvangst", "id"]) == {
        "id": "id",
        "received": "Datum  ontvangst",
    }
    with pytest.raises(RegisterError, match=r"bomb.xlsx: refused"):
        register_headers(_bomb(), "bomb.xlsx")
