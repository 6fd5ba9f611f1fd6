"""The problems of reading a file, in Dutch for the Dutch app: real loader output, translated."""

from __future__ import annotations

import json

import pytest

from assessment.errors import IkmError
from assessment.problem_words import _DUTCH, in_language


def _problem(store, raw: bytes, name: str) -> str:
    with pytest.raises(IkmError) as info:
        store.import_file(raw, name)
    return str(info.value)


def test_import_problems_read_in_dutch(sqlite_store):
    garbage = _problem(sqlite_store, b"dit is geen json", "rommel.json")
    assert in_language(garbage, "nl").endswith("geen geldige JSON, kolom 1")
    empty = _problem(sqlite_store, b"", "leeg.json")
    assert in_language(empty, "nl") == "leeg.json: het bestand is leeg"
    binary = _problem(sqlite_store, b"%PDF\xff\xfe", "echt.json")
    assert "geen UTF-8-tekst (ongeldige byte op positie" in in_language(binary, "nl")
    schema = _problem(sqlite_store, json.dumps({"foo": 1}).encode(), "schema.json")
    dutch = in_language(schema, "nl")
    assert "verplicht veld ontbreekt" in dutch and "onbekend veld 'foo'" in dutch
    assert "required" not in dutch and "unknown" not in dutch
    archive = _problem(sqlite_store, b"PK\x03\x04 kapot", "kapot.ikmz")
    assert in_language(archive, "nl") == (
        "kapot.ikmz: geen geldig .ikmz-archief (het zip-bestand is beschadigd of onvolledig); "
        "er is niets geïmporteerd"
    )


def test_english_stays_english_and_unknown_phrases_are_kept():
    assert in_language("x.json: file is empty", "en") == "x.json: file is empty"
    assert in_language("something new went wrong", "nl") == "something new went wrong"


def test_every_pattern_is_a_valid_expression_with_a_dutch_text():
    import re

    for english, dutch in _DUTCH:
        re.compile(english)
        assert dutch and dutch != english


def _zip(parts: dict[str, bytes | str]) -> bytes:
    import io
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return out.getvalue()


def _refusal(raw: bytes, name: str, mapping: dict[str, str] | None = None) -> str:
    from assessment.fieldwork.reading import RegisterError, parse_register

    with pytest.raises(RegisterError) as info:
        parse_register(raw, name, mapping)
    return str(info.value)


def _bomb() -> bytes:
    """A workbook whose sheet packs 9 MiB of blanks into a few KB."""
    sheet = b"<worksheet>" + b" " * (9 * 1024 * 1024) + b"</worksheet>"
    return _zip({"xl/workbook.xml": "<workbook/>", "xl/worksheets/sheet 1.xml": sheet})


def test_a_refused_register_reads_whole_in_dutch(monkeypatch):
    """Every refusal of a register upload, from the reader itself, reads whole in Dutch."""
    from assessment.fieldwork import reading
    from tests.fieldwork_registers import to_csv

    workbook = {"xl/workbook.xml": "<workbook/>", "[Content_Types].xml": "<Types/>"}
    bomb = _bomb()
    cases = [
        (_refusal(b" \n", "r.csv"), "r.csv: het bestand is leeg"),
        (reading._too_large("r.csv", 52_500_000), "r.csv: het bestand is 50,1 MB; een register "
         "mag hoogstens 50 MB zijn"),
        (_refusal(b"id\n1\n", "r.xlsm"), "r.xlsm: een werkmap met macro's wordt geweigerd; sla "
         "het bestand op als .xlsx of CSV"),
        (_refusal(_zip({**workbook, "xl/vbaProject.bin": b"x"}), "r.xlsx"), "r.xlsx: een "
         "werkmap met macro's wordt geweigerd; sla het bestand op als .xlsx"),
        (_refusal(b"\xd0\xcf\x11\xe0 old", "r.xls"), "r.xls: een oud Excel-bestand (.xls); sla "
         "het bestand op als .xlsx of CSV"),
        (_refusal(b"\xff\xfeab\x00\xd8", "r.csv"), "r.csv: niet leesbaar als UTF-16-tekst"),
        (_refusal(bytes(range(256)) * 50, "r.csv"), "r.csv: geen CSV- of XLSX-register (geen "
         "UTF-8- of Windows-1252-tekst)"),
        (_refusal(bytes(range(1, 32)) * 50, "r.csv"), "r.csv: geen CSV- of XLSX-register "
         "(binaire inhoud)"),
        (_refusal(b'id;received\n1;"' + b"x" * 140_000 + b"\n", "r.csv"), "r.csv:2: niet "
         "leesbaar als CSV (field larger than field limit (131072))"),  # Python's own words
        (_refusal(b"PK\x03\x04 kapot", "r.xlsx"), "r.xlsx: een beschadigd zip-bestand; geen "
         "leesbare XLSX-werkmap"),
        (_refusal(_zip({"a.txt": "x"}), "r.xlsx"), "r.xlsx: geen XLSX-werkmap (sla het bestand "
         "op als .xlsx of CSV)"),
        (_refusal(_zip({"xl/workbook.xml": "<workbook/>"}), "r.xlsx"), "r.xlsx: geen leesbare "
         "XLSX-werkmap (de werkmap heeft geen werkblad)"),
        (_refusal(_zip({"xl/workbook.xml": "kapot"}), "r.xlsx"), "r.xlsx: geen leesbare "
         "XLSX-werkmap (onderdeel xl/workbook.xml is geen leesbare XML (syntax error: line 1, "
         "column 0))"),
        (_refusal(bomb, "r.xlsx"), "r.xlsx: geweigerd: onderdeel xl/worksheets/sheet 1.xml "
         f"wordt van {_dutch_count(_packed(bomb))} bytes uitgepakt tot 9 MB (een zip-bom?)"),
        (_refusal(to_csv([["Nr", "Binnen"], ["1", "2026-01-05"]]), "r.csv"), "r.csv: geen kolom "
         "voor zaaknummer en datum ontvangst (de kolommen zijn: 'Nr', 'Binnen')"),
        (_refusal(to_csv([["", " "], ["1", "2"]]), "r.csv"), "r.csv: geen kolom voor zaaknummer "
         "en datum ontvangst (het register heeft geen kolomkoppen)"),
        (_refusal(to_csv([["id", "received", "ID"], ["1", "2", "3"]]), "r.csv"), "r.csv: 2 "
         "kolommen heten 'id'"),
        (_refusal(to_csv([["id", "x"], ["1", "2"]]), "r.csv", {"received": "Binnen"}), "r.csv: "
         "kolom 'Binnen' (voor datum ontvangst) niet gevonden"),
        (_refusal(to_csv([["Nr", "x"], ["1", "2"]]), "r.csv", {"id": "Nr", "received": "Nr"}),
         "r.csv: kolom 'Nr' is gekoppeld aan zowel zaaknummer als datum ontvangst"),
    ]  # fmt: skip
    monkeypatch.setattr(reading, "MAX_ROWS", 1000)
    rows = to_csv([["id", "received"], *([["1", "2026-01-05"]] * 1001)])
    cases.append((_refusal(rows, "r.csv"), "r.csv: meer dan 1.000 rijen; splits het register"))
    monkeypatch.setattr(reading, "MAX_XLSX_PARTS", 1)
    cases.append((_refusal(_zip(workbook), "r.xlsx"), "r.xlsx: geweigerd: de werkmap heeft 2 "
                  "onderdelen"))  # fmt: skip
    monkeypatch.setattr(reading, "MAX_XLSX_PARTS", 10_000)
    monkeypatch.setattr(reading, "MAX_XLSX_UNCOMPRESSED", 10)
    cases.append((_refusal(_zip(workbook), "r.xlsx"), "r.xlsx: geweigerd: uitgepakt wordt de "
                  "werkmap 0 MB (hoogstens 0 MB)"))  # fmt: skip
    for english, dutch in cases:
        assert in_language(english, "nl") == dutch, english
        if "column" not in english:  # fields are named for a reader: see the English tests
            assert in_language(english, "en") == english


def _packed(raw: bytes) -> int:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return archive.getinfo("xl/worksheets/sheet 1.xml").compress_size


def _dutch_count(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def test_numbers_read_with_dutch_digits():
    english = "r.xlsx: refused: the workbook unpacks to 1,234 MB (the limit is 400 MB)"
    assert in_language(english, "nl") == (
        "r.xlsx: geweigerd: uitgepakt wordt de werkmap 1.234 MB (hoogstens 400 MB)"
    )
    english = "r.csv: file is 1050.5 MB; the limit for a register is 50 MB"
    assert in_language(english, "nl").startswith("r.csv: het bestand is 1050,5 MB;")


def test_what_a_user_wrote_is_never_reworded():
    # a file named like a phrase, and headers that read like one, stay as they are
    assert in_language("file not found.csv: file is empty", "nl", name="file not found.csv") == (
        "file not found.csv: het bestand is leeg"
    )
    english = "r.csv: no column for id (the columns are: 'must be a number', 'file is empty')"
    assert in_language(english, "nl") == (
        "r.csv: geen kolom voor zaaknummer (de kolommen zijn: 'must be a number', 'file is empty')"
    )
    # an apostrophe inside a word opens no quote: the phrase after it is still worded
    assert in_language("the register's 6 complaints; file is empty", "nl").endswith(
        "het bestand is leeg"
    )


def test_every_field_has_a_name_for_a_reader():
    from assessment.fieldwork.reading import FIELD_NAMES, FIELDS

    assert set(FIELD_NAMES) == set(FIELDS)
    assert all(set(names) == {"nl", "en"} for names in FIELD_NAMES.values())


def test_sample_refusals_read_in_dutch():
    from assessment.fieldwork.analysis import complaints_of
    from assessment.fieldwork.reading import parse_register
    from assessment.fieldwork.sampling import SampleError, draw_sample
    from tests.fieldwork_registers import to_csv

    register = parse_register(to_csv([["id", "received"], ["1", "2026-01-05"]]), "r.csv")
    complaints = complaints_of(register)[0]

    def refusal(size: int, by: str | None = None, of=complaints) -> str:
        with pytest.raises(SampleError) as info:
            draw_sample(of, size, 1, by=by)
        return in_language(str(info.value), "nl")

    assert refusal(0) == "de steekproef moet minstens 1 dossier tellen"
    assert (
        refusal(2) == "een steekproef van 2 is groter dan het aantal klachten in het register (1)"
    )
    assert refusal(1, of=[]) == "het register heeft geen klachten om een steekproef uit te trekken"
    three = parse_register(
        to_csv([["id", "received", "afdeling"], ["1", "2026-01-05", "A"], ["2", "2026-01-05",
               "B"], ["3", "2026-01-05", "C"]]), "r.csv")  # fmt: skip
    assert refusal(2, "department", complaints_of(three)[0]) == (
        "een steekproef van 2 kan niet uit elk van de 3 groepen een dossier bevatten; trek er "
        "minstens 3"
    )


def _workbook_problems(change) -> list[str]:
    """The problems (errors and warnings) of the demo's workbook changed by ``change``."""
    import io

    import openpyxl

    from assessment.catalog import load_catalog
    from assessment.demo import demo_assessment
    from assessment.errors import ValidationFailed
    from assessment.xlsx import export_workbook, import_workbook

    catalog = load_catalog()
    demo = demo_assessment("nl")
    book = openpyxl.load_workbook(
        io.BytesIO(export_workbook(demo, catalog.pack_for(demo.criteria_set)))
    )
    change(book)
    out = io.BytesIO()
    book.save(out)
    try:
        _, _, warnings = import_workbook(out.getvalue(), "w.xlsx", catalog.pack_for)
    except ValidationFailed as exc:
        return [str(p) for p in exc.problems]
    return [str(w) for w in warnings]


def test_a_workbook_read_back_says_its_problems_in_dutch():
    def spoil(book):
        responses = book["Responses"]
        responses["D3"], responses["E4"], responses["D5"] = "=1+1", "misschien", "drie"
        book["Evidence"]["F3"] = "gisteren"
        book["Actions"]["E3"] = "bezig"
        book["Assessment"]["B3"] = None

    dutch = [in_language(p, "nl", name="w.xlsx") for p in _workbook_problems(spoil)]
    assert sorted(dutch) == [
        "w.xlsx: Actions!E3: moet 'open', 'in_progress' of 'done' zijn",
        "w.xlsx: Assessment: schema_version: verplicht veld ontbreekt",
        "w.xlsx: Evidence!F3: 'gisteren' is geen datum als JJJJ-MM-DD",
        "w.xlsx: Responses!D3: een formule wordt niet aanvaard (die wordt nooit berekend); typ de "
        "waarde",
        "w.xlsx: Responses!D5: 'drie' is geen geheel getal",
        "w.xlsx: Responses!E4: 'misschien' is geen TRUE of FALSE",
    ]

    def warn(book):
        book["Evidence"]["G3"] = "intranet/klachten"
        book.create_sheet("Extra")

    dutch = [in_language(p, "nl", name="w.xlsx") for p in _workbook_problems(warn)]
    assert sorted(dutch) == [
        "w.xlsx: Evidence!G3: waarschuwing: de link blijft tekst: alleen een webadres (http:// of "
        "https://) zonder spaties is aan te klikken",
        "w.xlsx: Extra: waarschuwing: dit werkblad wordt niet ingelezen",
    ]


def test_a_refused_workbook_and_an_unknown_pack_read_in_dutch_without_the_cli_hint():
    from assessment.catalog import load_catalog
    from assessment.errors import IkmError
    from assessment.xlsx import import_workbook

    catalog = load_catalog()
    for raw, dutch in (
        (b"PK\x03\x04 kapot", "w.xlsx: geen leesbare Excel-werkmap (beschadigd zip-bestand)"),
        (b"\xd0\xcf\x11\xe0", "w.xlsx: een oud .xls-bestand of een werkmap met een wachtwoord; "
         "sla het bestand op als Excel-werkmap (.xlsx) zonder wachtwoord"),
        (b"platte tekst", "w.xlsx: geen Excel-werkmap (.xlsx)"),
    ):  # fmt: skip
        with pytest.raises(IkmError) as info:
            import_workbook(raw, "w.xlsx", catalog.pack_for)
        assert in_language(str(info.value), "nl", name="w.xlsx") == dutch
    with pytest.raises(IkmError) as info:
        catalog.get("eigen-set")
    english = str(info.value)
    assert english.endswith("; add it with --criteria PATH")  # the command line's own way
    assert in_language(english, "en") == english.removesuffix("; add it with --criteria PATH")
    assert in_language(english, "nl").startswith("criteriaset 'eigen-set' is niet geladen (")
    assert in_language(english, "nl").endswith(")")


def test_an_own_pack_with_problems_reads_in_dutch():
    from assessment.errors import PackError
    from assessment.packs import parse_pack

    for text, dutch in (
        ("[1, 2", "p.yaml:2: geen geldige YAML, kolom 1 (did not find expected"),
        ("- een lijst", "p.yaml:1: een criteriaset moet een YAML-object zijn"),
    ):
        with pytest.raises(PackError) as info:
            parse_pack(text, "p.yaml")
        assert in_language(str(info.value), "nl").startswith(dutch), str(info.value)
    assert in_language("p.yaml:3: defaults.target: target 7 is above the top level 4", "nl") == (
        "p.yaml:3: defaults.target: doel 7 ligt boven het hoogste niveau 4"
    )


def test_the_english_app_names_a_registers_fields_as_its_mapping_step_does():
    english = "r.csv: no column for id and received (the columns are: 'Nr', 'id card')"
    assert in_language(english, "en") == (
        "r.csv: no column for case id and date received (the columns are: 'Nr', 'id card')"
    )


@pytest.mark.parametrize(
    ("english", "dutch", "english_app"),
    [
        ("r.csv: column 'Nr' (for id) not found", "r.csv: kolom 'Nr' (voor zaaknummer) niet "
         "gevonden", "r.csv: column 'Nr' (for case id) not found"),
        ("r.csv: column 'Nr' is mapped to both id and received", "r.csv: kolom 'Nr' is gekoppeld "
         "aan zowel zaaknummer als datum ontvangst", "r.csv: column 'Nr' is mapped to both case "
         "id and date received"),
        ("p.yaml: scale: the default target 5 is above the top level 4; set defaults.target or a "
         "target per criterion", "p.yaml: scale: het standaarddoel 5 ligt boven het hoogste "
         "niveau 4; geef defaults.target of een doel per criterium", None),
        ("p.yaml:4: title: must be a string or a mapping {nl: ..., en: ...}", "p.yaml:4: title: "
         "moet tekst zijn of een object {nl: ..., en: ...}", None),
        ("a.json: file is larger than 512 KiB (900000 bytes)", "a.json: het bestand is groter "
         "dan 512 KiB (900000 bytes)", None),
        ("w.xlsx: unpacks to 900000000 bytes (at most 134217728); refused as a possible zip bomb",
         "w.xlsx: wordt uitgepakt tot 900000000 bytes (hoogstens 134217728); geweigerd als "
         "mogelijke zip-bom", None),
    ],
)  # fmt: skip
def test_more_problems_in_both_languages(english, dutch, english_app):
    assert in_language(english, "nl") == dutch
    assert in_language(english, "en") == (english_app or english)
