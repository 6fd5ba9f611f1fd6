"""AppTest of exchange in the app: workbook upload with a dry run, comparison, next cycle.

Downloads cannot be clicked in AppTest (streamlit issue #9003): their bytes are tested
through the services here and the domain functions in test_xlsx / test_planexport.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
from icalendar import Calendar

from assessment.messages import pct
from assessment.method import score
from assessment.xlsx import export_workbook
from tests.test_app import app, ok, page, text

MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def demo_workbook(db, aid, change=None):
    assessment, _ = db.get_assessment(aid)
    raw = export_workbook(assessment, db.pack_for(aid))
    if change is None:
        return raw
    book = openpyxl.load_workbook(io.BytesIO(raw))
    change(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def workbook_key(at):
    return next(u.key for u in at.get("file_uploader") if u.key.startswith("workbook-file"))


def set_level(book, cid, level):
    sheet = book["Responses"]
    row = next(r for r in range(3, sheet.max_row + 1) if sheet.cell(r, 1).value == cid)
    sheet.cell(row, 4, level)
    return f"D{row}"


def test_download_buttons_are_there_and_their_bytes_are_right(db):
    from ui import services

    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    keys = {b.key for b in at.get("download_button")}
    assert {"export-xlsx", "export-ics", "export-csv"} <= keys
    assessment, version = db.get_assessment(aid)
    pack = db.pack_for(aid)
    fake = services.Opened(services.Ref(aid, version), assessment, pack, score(pack, assessment))
    book = openpyxl.load_workbook(io.BytesIO(services.workbook_bytes(fake)))
    assert "Responses" in book.sheetnames
    cal = Calendar.from_ical(services.plan_ics(fake, "nl", date(2027, 1, 1)))
    assert len(cal.walk("VEVENT")) == len(fake.result.improvement_points) + 2
    assert services.plan_csv(fake, "nl").startswith("\ufeffPrioriteit;".encode())


def test_workbook_upload_shows_the_changes_and_saves_only_on_confirm(db):
    aid = db.ensure_demo()
    before = db.get_summary(aid).version
    raw = demo_workbook(db, aid, lambda book: set_level(book, "OPEN-01", 1))
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    at.file_uploader(key=workbook_key(at)).upload("ingevuld.xlsx", raw, MIME)
    ok(at.run())
    assert "verandert **1** veld:" in text(at).replace("\\", "")
    (table,) = [d.value for d in at.dataframe if "Veld" in d.value.columns]
    assert table.to_dict("records") == [
        {"Veld": "Criterium OPEN-01 · niveau", "Voor": "3", "Na": "1"}
    ]
    assert db.get_summary(aid).version == before  # the dry run saves nothing
    ok(at.button(key="wb-save").click().run())
    assessment, version = db.get_assessment(aid)
    assert version == before + 1
    assert assessment.responses["OPEN-01"].level == 1


def test_a_spoiled_workbook_lists_every_problem_and_saves_nothing(db):
    aid = db.ensure_demo()
    before = db.get_summary(aid).version

    def spoil(book):
        set_level(book, "OPEN-01", 9)
        book["Evidence"]["B3"] = "foto"

    at = ok(app(a=str(aid)).run())
    page(at, "report")
    at.file_uploader(key=workbook_key(at)).upload("kapot.xlsx", demo_workbook(db, aid, spoil), MIME)
    ok(at.run())
    (error,) = at.error
    message = error.value.replace("\\", "")
    assert "kapot.xlsx kan niet worden ingelezen; er is niets opgeslagen. Problemen (2):" in message
    assert "Responses!D3: niveau 9 valt buiten de schaal 0..4" in message  # in Dutch
    assert "Evidence!B3: onbekende soort bewijs 'foto' (kies uit: " in message
    assert not [b for b in at.button if b.key in ("wb-save", "wb-new")]
    assert db.get_summary(aid).version == before


def test_workbook_as_a_new_assessment(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    at.file_uploader(key=workbook_key(at)).upload("kopie.xlsx", demo_workbook(db, aid), MIME)
    ok(at.run())
    assert "gelijk aan de geopende beoordeling" in text(at)
    demo, _ = db.get_assessment(aid)
    assert f"{len(demo.responses)} antwoorden, {len(demo.evidence)} bewijsstukken." in text(at)
    ok(at.button(key="wb-new").click().run())
    assert at.session_state["a"] != str(aid)


def test_next_cycle_from_the_start_page_and_the_comparison(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    at.date_input(key="next-cycle-date").set_value(date(2027, 11, 22))
    ok(at.button(key="next-cycle").click().run())
    new_id = int(at.session_state["a"])
    assert new_id != aid
    new, _ = db.get_assessment(new_id)
    assert new.assessment_date == date(2027, 11, 22)
    assert all(r.to_confirm for r in new.responses.values() if r.level is not None)
    assert "Nieuwe cyclus gestart" in text(at)
    assert db.get_summary(new_id).organisation_id == db.get_summary(aid).organisation_id
    page(at, "report")
    assert "Vergelijken met een andere beoordeling" in text(at)
    assert at.selectbox(key="compare-with").value == aid
    (pillars,) = [d.value for d in at.dataframe if "Pijler" in d.value.columns]
    assert len(pillars) == 5  # the pillars of the built-in pack
    (overall,) = [m for m in at.metric if m.label == "Gereedheid totaal"]
    pack = db.pack_for(new_id)
    assert overall.value == pct(score(pack, new).overall.readiness, "nl")
    # the trend over both cycles: a line per pillar and the overall one, oldest first, as a
    # picture with its points in words
    (trend,) = [i for e in at.get("image") for i in e.proto.imgs if "Totaal: " in i.alt]
    assert "23 nov 2026" in trend.alt and "22 nov 2027" in trend.alt
    assert trend.alt.index("23 nov 2026") < trend.alt.index("22 nov 2027")


def test_next_cycle_with_a_date_before_the_assessment_is_refused(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    at.date_input(key="next-cycle-date").set_value(date(2020, 1, 1))
    ok(at.button(key="next-cycle").click().run())
    assert at.session_state["a"] == str(aid)
    assert "must be after the previous assessment date" in "\n".join(e.value for e in at.error)


def test_a_carried_over_response_is_confirmed_on_the_assess_page(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    at.date_input(key="next-cycle-date").set_value(date(2027, 11, 22))
    ok(at.button(key="next-cycle").click().run())
    new_id = int(at.session_state["a"])
    at.session_state["c"] = "OPEN-01"
    page(at, "assess")
    assert "Overgenomen uit de vorige cyclus" in text(at)
    ok(at.button(key="confirm-OPEN-01").click().run())
    response = db.get_assessment(new_id)[0].responses["OPEN-01"]
    assert not response.to_confirm and response.answered


def test_a_workbook_put_back_keeps_the_fieldwork(db):
    """The workbook does not hold the fieldwork: putting it back changes nothing of it."""
    from assessment.fieldwork.record import SampleRecord, set_sample

    aid = db.ensure_demo()
    assessment, version = db.get_assessment(aid)
    record = SampleRecord(seed=2026, size=2, population=9, register_sha256="0" * 64,
                          ids=["Z1", "Z2"], drawn=date(2026, 11, 20))  # fmt: skip
    db.save(aid, set_sample(assessment, record), version, "test")
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    at.file_uploader(key=workbook_key(at)).upload("terug.xlsx", demo_workbook(db, aid), MIME)
    ok(at.run())
    assert "gelijk aan de geopende beoordeling" in text(at)  # not "the sample is removed"
    assert "Het veldwerk (klachtenregister, steekproef en dossiertoets) staat niet" in text(at)
    raw = demo_workbook(db, aid, lambda book: set_level(book, "OPEN-01", 1))
    at.file_uploader(key=workbook_key(at)).upload("ingevuld.xlsx", raw, MIME)
    ok(at.run())
    (table,) = [d.value for d in at.dataframe if "Veld" in d.value.columns]
    assert list(table["Veld"]) == ["Criterium OPEN-01 · niveau"]
    raw = demo_workbook(db, aid, lambda book: book["Responses"].__setitem__("H4", "TRUE"))
    at.file_uploader(key=workbook_key(at)).upload("bevestigen.xlsx", raw, MIME)
    ok(at.run())
    (table,) = [d.value for d in at.dataframe if "Veld" in d.value.columns]
    assert table.to_dict("records") == [
        {"Veld": "Criterium OPEN-02 · opnieuw bevestigen", "Voor": "", "Na": "ja"}
    ]
    raw = demo_workbook(db, aid, lambda book: set_level(book, "OPEN-01", 1))
    at.file_uploader(key=workbook_key(at)).upload("ingevuld.xlsx", raw, MIME)
    ok(at.run())
    ok(at.button(key="wb-save").click().run())
    saved, _ = db.get_assessment(aid)
    assert saved.responses["OPEN-01"].level == 1
    assert saved.fieldwork.sample == record
