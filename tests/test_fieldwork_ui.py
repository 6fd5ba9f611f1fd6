"""AppTest of the Fieldwork page: upload, mapping, figures, sample, file review, evidence."""

from __future__ import annotations

import io
import zipfile
from datetime import date

import pytest

from assessment.assessments import Assessment
from assessment.fieldwork.analysis import complaints_of
from assessment.fieldwork.reading import parse_register
from assessment.fieldwork.sampling import draw_sample
from tests.fieldwork_registers import MESSY, PERSONAL, to_csv, to_xlsx, zip_bomb
from tests.helpers import DATA
from tests.test_app import app, ok, page, text


@pytest.fixture
def aid(db):
    pack = db.save_pack_text((DATA / "fieldwork.yaml").read_text(), "fieldwork.yaml")
    assessment = Assessment(
        schema_version=1,
        criteria_set={"id": pack.id, "version": pack.version},
        organisation={"name": "Gemeente Veldwerk"},
        assessment_date=date(2026, 3, 2),
    )
    return db.create_assessment(assessment, pack, author="test")


def opened(aid, lang=None):
    at = ok(app(a=str(aid), **({"lang": lang} if lang else {})).run())
    return page(at, "fieldwork")


def errors(at) -> str:
    return "\n".join(e.value for e in at.error).replace("\\", "")


def everything_shown(at) -> str:
    frames = "\n".join(df.value.to_string() for df in at.dataframe)
    metrics = "\n".join(f"{m.label} {m.value}" for m in at.metric)
    return "\n".join([text(at), frames, metrics])


def test_register_to_sample_to_review_to_evidence(db, aid):
    at = opened(aid)
    assert "Veldwerk" in text(at)
    raw = to_csv(MESSY)
    ok(at.file_uploader(key="fw-upload").upload("klachten.csv", raw, "text/csv").run())
    shown = everything_shown(at)
    assert "Weggelaten bij het inlezen (2): Naam klager, E-mail" in shown
    preview = at.dataframe[0].value
    assert list(preview.columns) == ["#", "Zaaknummer", "Datum ontvangst", "Ontvangstbevestiging",
                                     "Afgehandeld", "Kanaal", "Afdeling", "Uitkomst"]  # fmt: skip
    assert len(preview) == 5
    for secret in PERSONAL:
        assert secret not in shown
    assert [m.value for m in at.metric][:3] == ["6", "50,0%", "66,7%"]  # the pack's terms
    assert "zaaknummer komt al voor op regel 2" in shown  # skipped rows, in the UI's language
    assert at.date_input(key="fw-today").proto.format == "YYYY-MM-DD"  # as the app's others

    ok(at.button(key="fw-save-analysis").click().run())
    kept = db.get_assessment(aid)[0].fieldwork.analysis
    assert (kept.complaints, kept.sha256) == (6, parse_register(raw, "k.csv").sha256)
    ok(at.button(key="fw-register-evidence").click().run())
    item = db.get_assessment(aid)[0].evidence[0]
    assert (item.kind, item.source, item.criteria) == (
        "metric",
        "complaint register",
        ["H-1", "H-2"],
    )

    at.number_input(key="fw-size").set_value(3)
    at.number_input(key="fw-seed").set_value(5)
    ok(at.button(key="fw-draw").click().run())
    sample = db.get_assessment(aid)[0].fieldwork.sample
    expected = draw_sample(complaints_of(parse_register(raw, "k.csv"))[0], 3, 5)
    assert sample.ids == list(expected.ids) and sample.seed == 5

    first, second = sample.ids[0], sample.ids[1]
    ok(at.segmented_control(key=f"fw-ans-{first}-H-1-ack").set_value("pass").run())
    ok(at.text_input(key=f"fw-note-{first}-H-1-ack").set_value("op tijd").run())
    ok(at.button(key="fw-next").click().run())
    assert at.selectbox(key="fw-file").value == second
    ok(at.segmented_control(key=f"fw-ans-{second}-H-1-ack").set_value("fail").run())
    review = db.get_assessment(aid)[0].fieldwork.review
    assert review[first]["H-1"]["ack"].answer == "pass"
    assert review[first]["H-1"]["ack"].note == "op tijd"
    assert review[second]["H-1"]["ack"].answer == "fail"
    conformity = at.dataframe[-1].value
    assert "50,0%" in conformity.to_string()  # H-1: 1 pass, 1 fail
    # the checks as the user reads them, not the pack's ids
    assert list(conformity["Controle"]) == [
        "alle controles",
        "Ontvangst tijdig bevestigd",
        "Besluit gemotiveerd",
    ]
    ok(at.button(key="fw-review-evidence").click().run())
    items = db.get_assessment(aid)[0].evidence
    assert [e.source for e in items] == ["complaint register", "file review"]
    assert items[1].title.startswith("Dossiertoets H-1, 2 dossiers, 50,0% conformiteit")
    # back on the page later: the sample is kept, the register is not (it is loaded again to
    # draw anew), and the page says so without contradicting the sample it shows
    later = text(opened(aid))
    assert "3 dossiers uit 6 klachten, startgetal 5" in later
    assert "Om een nieuwe steekproef te trekken laadt u het register" in later
    assert "Laad het register hierboven om een steekproef te trekken" not in later
    # the items' sources as the Evidence page shows them: in Dutch
    cards = page(ok(app(a=str(aid)).run()), "evidence")
    assert "klachtenregister" in text(cards) and "dossiertoets" in text(cards)
    assert "complaint register" not in text(cards) and "file review" not in text(cards)


def with_macros(raw: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw)) as source, zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item))
        target.writestr("xl/vbaProject.bin", b"macro")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "raw", "dutch", "english"),
    [
        ("junk.csv", bytes(range(256)) * 50, "junk.csv: geen CSV- of XLSX-register (geen "
         "UTF-8- of Windows-1252-tekst)", "junk.csv: not a CSV or XLSX register (neither"),
        ("bin.csv", bytes(range(1, 32)) * 50, "bin.csv: geen CSV- of XLSX-register (binaire "
         "inhoud)", "bin.csv: not a CSV or XLSX register (binary content)"),
        ("bomb.xlsx", zip_bomb(), "bomb.xlsx: geweigerd: onderdeel xl/worksheets/sheet1.xml wordt "
         "van", "bomb.xlsx: refused: part xl/worksheets/sheet1.xml unpacks to"),
        ("macro.xlsx", with_macros(to_xlsx(MESSY)), "macro.xlsx: een werkmap met macro's wordt "
         "geweigerd; sla het bestand op als .xlsx", "macro.xlsx: a workbook with macros is "
         "refused"),
        ("leeg.csv", b"  \n", "leeg.csv: het bestand is leeg", "leeg.csv: file is empty"),
    ],
)  # fmt: skip
def test_bad_uploads_are_refused_in_the_pages_language_and_nothing_is_saved(
    db, aid, name, raw, dutch, english
):
    before = db.get_assessment(aid)
    for lang, message in (("nl", dutch), ("en", english)):
        at = opened(aid, lang)
        upload = at.file_uploader(key="fw-upload")
        ok(upload.upload(name, raw, "application/octet-stream").run())
        assert message in errors(at), lang
        assert "fw-save-analysis" not in [b.key for b in at.button]
    assert db.get_assessment(aid) == before


def test_a_mapping_step_for_other_headers(db, aid):
    rows = [
        ["Kenmerk", "Binnen", "Naam", "", "", ""],
        ["A1", "2026-01-05", "Jansen", "x", "y", "z"],
        ["A2", "2026-01-06", "X"],
    ]
    at = opened(aid)
    ok(at.file_uploader(key="fw-upload").upload("r.csv", to_csv(rows), "text/csv").run())
    refused = errors(at)
    assert refused.startswith(  # in Dutch, naming the fields as the mapping does
        "r.csv: geen kolom voor zaaknummer en datum ontvangst (de kolommen zijn: 'Kenmerk', "
        "'Binnen', 'Naam')"
    )
    assert refused.endswith("Kies de ontbrekende kolom hierboven bij **Kolommen koppelen**.")
    assert "--column" not in refused  # the command line's way is not the app's
    at.selectbox(key="fw-map-id").set_value("Kenmerk")
    ok(at.selectbox(key="fw-map-received").set_value("Kenmerk").run())
    assert errors(at) == "r.csv: kolom 'Kenmerk' is gekoppeld aan zowel zaaknummer als datum " \
        "ontvangst"  # fmt: skip
    ok(at.selectbox(key="fw-map-received").set_value("Binnen").run())
    assert not at.error
    assert list(at.dataframe[0].value.columns) == ["#", "Kenmerk", "Binnen"]
    shown = everything_shown(at)
    assert "Jansen" not in shown
    # one named column and three without a header: four dropped, counted and named in Dutch
    assert "Weggelaten bij het inlezen (4): Naam, (3 zonder kolomkop)" in shown
    assert at.metric[0].value == "2"


def test_a_register_without_complaints_says_why_there_is_no_sample(db, aid):
    at = opened(aid)
    raw = to_csv([["Zaaknummer", "Datum ontvangst"]])  # the header row only
    ok(at.file_uploader(key="fw-upload").upload("leeg.csv", raw, "text/csv").run())
    assert not at.error
    assert "Het register heeft geen klachten om een steekproef uit te trekken." in text(at)
    assert "fw-draw" not in [b.key for b in at.button]
