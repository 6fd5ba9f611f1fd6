"""The Excel workbook both ways: round trip, spoiled workbooks, refused files."""

import io
import json
import zipfile
from datetime import date, timedelta

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessment.assessments import parse_assessment
from assessment.catalog import Catalog, load_catalog
from assessment.demo import demo_assessment
from assessment.errors import AssessmentError, IkmError, InputFileError
from assessment.links import is_clickable
from assessment.vocabulary import EVIDENCE_KINDS
from assessment.xlsx import export_workbook, import_workbook, onto
from assessment.xlsx_layout import MAX_UNPACKED_BYTES, escape_text, unescape_text
from tests.helpers import method_data, method_pack

PACK = method_pack()
CATALOG = Catalog([PACK])
IDS = list(PACK.criteria_by_id)
KINDS = list(EVIDENCE_KINDS)


def roundtrip(assessment, pack=PACK, catalog=CATALOG):
    raw = export_workbook(assessment, pack)
    back, _, warnings = import_workbook(raw, "t.xlsx", catalog.pack_for)
    # the warnings a valid assessment can give: a link that is kept as text, and an audit
    # date before the assessment date
    unclickable = [e for e in back.evidence if e.link and not is_clickable(e.link)]
    early = back.audit_date is not None and back.audit_date < back.assessment_date
    links = [w for w in warnings if "the link is kept as text" in str(w)]
    audits = [w for w in warnings if "is before the assessment date" in str(w)]
    assert len(links) == len(unclickable) and len(audits) == early
    assert len(warnings) == len(links) + len(audits)
    return back


def normalised(data):
    """What the workbook documents to come back differently: empty texts and empty entries
    carry nothing and come back absent (docs/assessment-file.md)."""

    def clean(value):
        if isinstance(value, dict):
            out = {k: clean(v) for k, v in value.items()}
            return {k: v for k, v in out.items() if v not in ("", None, [])}
        if isinstance(value, list):
            return [clean(v) for v in value if v != ""]
        return value

    data = clean(data)
    for key in ("responses", "actions"):
        data[key] = {k: v for k, v in data.get(key, {}).items() if v}
        if not data[key]:
            del data[key]
    return data


def as_json(assessment):
    return json.loads(assessment.to_json())


# ---- round trip ------------------------------------------------------------------------

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=30
) | st.sampled_from(["=1+1", "+31 6", "-", "@x", "_x0041_", "a\r\nb", "\x01", " lead", "007"])
non_empty = texts.filter(lambda s: s.strip() != "")
dates = st.dates(date(1890, 1, 1), date(2100, 12, 31))


@st.composite
def assessments(draw):
    start = draw(dates)
    responses = {}
    for cid in IDS:
        choice = draw(st.sampled_from(["level", "none", "na", "note", "empty"]))
        confirm = draw(st.booleans())
        if choice == "level":
            responses[cid] = {"level": draw(st.integers(0, PACK.top_level))}
        elif choice == "note":
            responses[cid] = {"note": draw(texts)}
        elif choice == "empty":
            responses[cid] = {}
        elif choice == "na" and not PACK.criteria_by_id[cid].mandatory:
            responses[cid] = {"not_applicable": True, "justification": draw(non_empty)}
        if cid in responses and confirm:
            responses[cid]["to_confirm"] = True
    evidence = []
    for i in range(draw(st.integers(0, 5))):
        item = {
            "id": draw(st.sampled_from([f"E{i}", f"=E{i}", f"x {i}"])),
            "kind": draw(st.sampled_from(KINDS)),
            "title": draw(non_empty),
            "criteria": draw(st.lists(st.sampled_from(IDS), unique=True, max_size=3)),
        }
        for key in ("source", "link"):
            if draw(st.booleans()):
                item[key] = draw(texts)
        if draw(st.booleans()):
            item["date"] = draw(dates).isoformat()
        if draw(st.booleans()):
            item["personal_data"] = draw(st.booleans())
        if draw(st.booleans()):
            item["file"] = {
                "name": draw(non_empty),
                "sha256": "ab" * 32,
                "size": draw(st.integers(0, 10**12)),
                "media_type": draw(st.one_of(st.none(), texts)),
                "erased": draw(st.booleans()),
            }
        evidence.append(item)
    actions = {}
    for cid in draw(st.lists(st.sampled_from(IDS), unique=True, max_size=4)):
        action = {}
        if draw(st.booleans()):
            action["owner"] = draw(texts)
        if draw(st.booleans()):
            action["deadline"] = (start + timedelta(days=draw(st.integers(0, 300)))).isoformat()
        if draw(st.booleans()):
            action["status"] = draw(st.sampled_from(["open", "in_progress", "done"]))
        if draw(st.booleans()):
            action["note"] = draw(texts)
        actions[cid] = action
    data = {
        "schema_version": 1,
        "criteria_set": {"id": PACK.id, "version": draw(st.sampled_from([None, PACK.version]))},
        "organisation": {"name": draw(non_empty), "sector": draw(st.one_of(st.none(), texts))},
        "assessment_date": start.isoformat(),
        "audit_date": draw(st.one_of(st.none(), dates.map(date.isoformat))),
        "assessors": draw(st.lists(texts, max_size=3)),
        "language": draw(st.sampled_from(["nl", "en"])),
        "evidence": evidence,
        "responses": responses,
        "actions": actions,
    }
    if draw(st.booleans()):
        data["organisation"]["handling"] = draw(st.sampled_from(["central", "decentral"]))
    return data


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(assessments())
def test_export_then_import_gives_the_same_json(data):
    # distinct evidence ids, as a valid assessment has
    seen = set()
    data["evidence"] = [e for e in data["evidence"] if not (e["id"] in seen or seen.add(e["id"]))]
    original = parse_assessment(data, "gen.json")
    assert as_json(roundtrip(original)) == normalised(as_json(original))


def test_demo_round_trip_is_exact_in_both_languages():
    catalog = load_catalog()
    for lang in ("nl", "en"):
        demo = demo_assessment(lang)
        pack = catalog.pack_for(demo.criteria_set)
        assert as_json(roundtrip(demo, pack, catalog)) == as_json(demo)


def _with_sample(assessment):
    from assessment.fieldwork.record import SampleRecord, set_sample

    record = SampleRecord(seed=7, size=2, population=9, register_sha256="0" * 64,
                          ids=["Z1", "Z2"], drawn=date(2026, 11, 20))  # fmt: skip
    return set_sample(assessment, record)


def test_the_fieldwork_is_not_in_the_workbook_and_an_import_onto_keeps_it():
    catalog = load_catalog()
    demo = _with_sample(demo_assessment("nl"))
    pack = catalog.pack_for(demo.criteria_set)
    back = roundtrip(demo, pack, catalog)
    assert back.fieldwork is None  # a workbook does not hold it
    assert as_json(onto(back, demo)) == as_json(demo)  # landing on the assessment keeps it
    plain = demo.model_copy(update={"fieldwork": None})
    assert onto(back, plain).fieldwork is None
    other = _with_sample(plain).model_copy(update={"fieldwork": None})
    assert onto(demo, other) == demo  # a workbook's own fieldwork (none today) would win


def test_an_early_audit_date_comes_back_with_its_warning():
    early = sample().model_copy(update={"audit_date": date(2000, 1, 1)})
    assert roundtrip(early).audit_date == date(2000, 1, 1)  # roundtrip counts the warning


def test_escape_is_undone_exactly():
    for text in ["_x0041_", "a\rb", "\x00\x1f", "_x005F_", "plain", "_x12_", "\ud800"]:
        assert unescape_text(escape_text(text)) == text
    assert escape_text("_x0041_") == "_x005F_x0041_"


# ---- the workbook's shape --------------------------------------------------------------


def sample():
    return parse_assessment(method_data(), "method-assessment.json")


def open_book(raw):
    return openpyxl.load_workbook(io.BytesIO(raw))


def test_sheets_columns_drop_down_and_readme_language():
    raw = export_workbook(sample(), PACK)
    book = open_book(raw)
    assert book.sheetnames == ["Lees mij", "Assessment", "Responses", "Evidence", "Actions"]
    responses = book["Responses"]
    keys = [c.value for c in responses[2]]
    assert keys == [
        "criterion",
        "title",
        "question",
        "level",
        "not_applicable",
        "justification",
        "note",
        "to_confirm",
    ]
    assert [responses.cell(r, 1).value for r in range(3, 3 + len(IDS))] == IDS
    lists = {str(dv.sqref): dv.formula1 for dv in responses.data_validations.dataValidation}
    assert lists[f"D3:D{2 + len(IDS)}"] == '"0,1,2,3,4"'
    assert [c.value for c in book["Evidence"][2]][:4] == ["id", "kind", "title", "criteria"]
    assert [c.value for c in book["Actions"][2]] == [
        "criterion",
        "title",
        "owner",
        "deadline",
        "status",
        "note",
    ]
    readme = " ".join(str(c.value) for c in book["Lees mij"]["A"])
    assert "Bestanden bij bewijsstukken zitten niet in deze werkmap" in readme
    english = sample().model_copy(update={"language": "en"})
    book = open_book(export_workbook(english, PACK))
    assert book.sheetnames[0] == "Read me"
    assert "Files attached to evidence are not in this workbook" in " ".join(
        str(c.value) for c in book["Read me"]["A"]
    )


def test_text_that_looks_like_a_formula_is_written_as_text():
    data = method_data()
    data["responses"]["A-1"]["note"] = '=HYPERLINK("http://x")'
    raw = export_workbook(parse_assessment(data, "m.json"), PACK)
    sheet = zipfile.ZipFile(io.BytesIO(raw)).read("xl/worksheets/sheet3.xml").decode()
    assert "<f>" not in sheet
    cell = open_book(raw)["Responses"]["G3"]
    assert cell.data_type == "s" and cell.quotePrefix


def test_a_text_too_long_for_a_cell_is_refused_on_export():
    data = method_data()
    data["responses"]["A-1"]["note"] = "x" * 40_000
    with pytest.raises(IkmError, match=r"Responses!G3: a text of 40000 characters"):
        export_workbook(parse_assessment(data, "m.json"), PACK)


# ---- spoiled workbooks: one per rule ---------------------------------------------------


def spoiled(change):
    book = open_book(export_workbook(sample(), PACK))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def problems_of(raw, name="t.xlsx"):
    with pytest.raises(AssessmentError) as info:
        import_workbook(raw, name, CATALOG.pack_for)
    return [str(p) for p in info.value.problems]


def test_level_outside_the_scale_names_sheet_and_cell():
    def change(book):
        book["Responses"]["D3"] = 9

    assert problems_of(spoiled(change)) == [
        "t.xlsx: Responses!D3: level 9 is outside the scale 0..4"
    ]


def test_every_problem_is_reported_at_once_in_sheet_order():
    def change(book):
        book["Assessment"]["B10"] = "2026-02-30"  # assessment_date
        book["Responses"]["D4"] = "veel"
        book["Responses"]["E5"] = "misschien"
        book["Responses"]["A6"] = "NOPE-1"
        book["Responses"]["D6"] = 1
        book["Evidence"]["B3"] = "photo"
        book["Evidence"]["F3"] = "gisteren"
        book["Actions"]["D3"] = "morgen"

    problems = problems_of(spoiled(change))
    assert problems == [
        "t.xlsx: Assessment!B10: '2026-02-30' is not a valid date",
        "t.xlsx: Responses!D4: 'veel' is not a whole number",
        "t.xlsx: Responses!E5: 'misschien' is not TRUE or FALSE",
        "t.xlsx: Responses!A6: unknown criterion id 'NOPE-1'",
        "t.xlsx: Evidence!B3: unknown evidence kind 'photo' (use one of: document, record, "
        "interview, observation, metric, other)",
        "t.xlsx: Evidence!F3: 'gisteren' is not a date in the form YYYY-MM-DD",
        "t.xlsx: Actions!D3: 'morgen' is not a date in the form YYYY-MM-DD",
    ]


def test_formula_cells_are_refused_never_evaluated():
    def change(book):
        book["Responses"]["D3"] = "=1+2"

    assert problems_of(spoiled(change)) == [
        "t.xlsx: Responses!D3: a formula is not accepted (it is never calculated); type the value"
    ]


def test_not_applicable_without_justification_and_mandatory():
    def change(book):
        book["Responses"]["E3"] = True  # A-1 is mandatory and has a level
        book["Responses"]["F3"] = None

    problems = problems_of(spoiled(change))
    assert "t.xlsx: Responses!E3: a mandatory criterion cannot be not applicable" in problems
    assert "t.xlsx: Responses!A3: justification: not applicable needs a justification" in problems


def test_missing_sheet_unknown_column_and_duplicate_row():
    def change(book):
        del book["Actions"]
        book["Evidence"]["N2"] = "colour"
        book["Responses"]["A4"] = book["Responses"]["A3"].value

    problems = problems_of(spoiled(change))
    assert "t.xlsx: Actions: the sheet 'Actions' is missing" in problems
    assert "t.xlsx: Evidence!N2: unknown column 'colour'" in problems
    assert "t.xlsx: Responses!A4: criterion 'A-1' appears twice (also Responses!A3)" in problems


def test_missing_required_field_names_the_field():
    def change(book):
        book["Assessment"]["B6"] = None  # organisation.name

    assert problems_of(spoiled(change)) == [
        "t.xlsx: Assessment: organisation.name: required field is missing"
    ]


def test_unknown_pack_is_reported_at_its_cell():
    def change(book):
        book["Assessment"]["B4"] = "other-pack"

    (problem,) = problems_of(spoiled(change))
    assert problem.startswith("t.xlsx: Assessment!B4: criteria pack 'other-pack' is not loaded")


def test_an_extra_sheet_is_a_warning():
    raw = spoiled(lambda book: book.create_sheet("Mijn notities"))
    _, _, warnings = import_workbook(raw, "t.xlsx", CATALOG.pack_for)
    assert [str(w) for w in warnings] == ["t.xlsx: Mijn notities: warning: this sheet is not read"]


def test_a_link_that_cannot_be_clicked_is_kept_as_text_with_a_warning():
    def change(book):
        book["Evidence"]["G3"] = "intranet/klachten beleid.docx"
        book["Evidence"]["G4"] = "https://example.org/beleid"  # E2 had none

    back, _, warnings = import_workbook(spoiled(change), "t.xlsx", CATALOG.pack_for)
    assert [str(w) for w in warnings] == [
        "t.xlsx: Evidence!G3: warning: the link is kept as text: only a web address "
        "(http:// or https://) without spaces can be clicked"
    ]
    assert back.evidence[0].link == "intranet/klachten beleid.docx"
    assert back.evidence[1].link == "https://example.org/beleid"


def test_date_cells_typed_in_excel_are_read_as_dates():
    def change(book):
        book["Actions"]["D3"] = date(2027, 1, 15)
        book["Responses"]["D3"] = 2.0

    back, _, _ = import_workbook(spoiled(change), "t.xlsx", CATALOG.pack_for)
    first = book_first_action(back)
    assert back.actions[first].deadline == date(2027, 1, 15)
    assert back.responses["A-1"].level == 2


def book_first_action(assessment):
    return next(cid for cid in IDS if cid in assessment.actions)


# ---- refused files ---------------------------------------------------------------------


def test_not_a_workbook_old_xls_and_macros_are_refused():
    with pytest.raises(InputFileError, match="not an Excel workbook"):
        import_workbook(b"hello", "t.xlsx", CATALOG.pack_for)
    with pytest.raises(InputFileError, match=r"old \.xls"):
        import_workbook(b"\xd0\xcf\x11\xe0" + b"\0" * 100, "t.xlsx", CATALOG.pack_for)
    with pytest.raises(InputFileError, match="macros"):
        import_workbook(export_workbook(sample(), PACK), "t.xlsm", CATALOG.pack_for)
    raw = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(export_workbook(sample(), PACK))) as src,
        zipfile.ZipFile(raw, "w") as dst,
    ):
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/vbaProject.bin", b"\0" * 10)
    with pytest.raises(InputFileError, match="contains macros"):
        import_workbook(raw.getvalue(), "t.xlsx", CATALOG.pack_for)
    with pytest.raises(InputFileError, match="damaged zip"):
        import_workbook(b"PK\x03\x04broken", "t.xlsx", CATALOG.pack_for)


def test_a_zip_bomb_is_refused_before_it_is_opened():
    raw = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(export_workbook(sample(), PACK))) as src,
        zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("xl/media/big.bin", b"\0" * (MAX_UNPACKED_BYTES + 1))
    assert len(raw.getvalue()) < 1024 * 1024
    with pytest.raises(InputFileError, match="zip bomb"):
        import_workbook(raw.getvalue(), "t.xlsx", CATALOG.pack_for)


def test_a_huge_sheet_is_refused(monkeypatch):
    import assessment.xlsx_import as reading

    monkeypatch.setattr(reading, "MAX_ROWS", 5)
    problems = problems_of(export_workbook(sample(), PACK))
    assert "t.xlsx: Responses: more than 5 rows; split the work or use JSON" in problems

    def wide(book):
        book["Evidence"].cell(3, 60, "far away")

    monkeypatch.undo()
    assert "t.xlsx: Evidence: the sheet is 60 columns wide (at most 40)" in problems_of(
        spoiled(wide)
    )
