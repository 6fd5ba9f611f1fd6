"""AppTest of the app: the whole flow from a new assessment to the report, and the error paths.

Each test runs the real router (``app.py``) against a fresh SQLite store in ``tmp_path``.
"""

from __future__ import annotations

import re
from datetime import date

from tests.apptest_support import app, ok, page, text, unfold
from tests.helpers import DATA

PDF_BYTES = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def test_start_shows_the_demo_and_opens_it(db):
    at = ok(app().run())
    assert "Gemeente Voorbeeldstad" in text(at)  # make run opens with the demo ready
    assert "Voorwaardelijk gereed" in text(at)
    assert "44 van 49 criteria beantwoord" in text(at)  # beside its readiness in the list
    ok(at.button(key="open-demo").click().run())
    assert at.session_state["a"] == str(db.ensure_demo())
    assert at.query_params["a"] == str(db.ensure_demo())
    page(at, "results")
    assert "66,0%" in [m.value for m in at.metric]  # Dutch decimal comma


def test_whole_flow_new_assessment_to_report(db):
    at = ok(app().run())
    at.text_input(key="new-name").set_value("Waterschap Proef")
    at.text_input(key="new-sector").set_value("public sector")
    at.text_area(key="new-assessors").set_value("J. Jansen\nK. de Wit")
    ok(at.button(key="create").click().run())
    aid = int(at.session_state["a"])
    assessment, _version = db.get_assessment(aid)
    assert assessment.organisation.name == "Waterschap Proef"
    assert assessment.assessors == ["J. Jansen", "K. de Wit"]
    assert "Waterschap Proef" in text(at)

    # assess: the first open criterion is shown, and its id goes into the URL
    page(at, "assess")
    assert at.session_state["c"] == "OPEN-01"
    assert at.query_params["c"] == "OPEN-01"
    assert "0 van 50 criteria beantwoord" in text(at)
    ok(at.radio(key="level-OPEN-01").set_value(2).run())
    assessment, _ = db.get_assessment(aid)
    assert assessment.responses["OPEN-01"].level == 2
    # said at once: the claim is not backed, and what would back it
    assert "voor niveau 2 ontbreekt nog: een document (eis van niveau 2)" in text(at)
    ok(at.text_area(key="note-OPEN-01").set_value("Kanalen staan op de website").run())
    assert db.get_assessment(aid)[0].responses["OPEN-01"].note == "Kanalen staan op de website"

    # new evidence with a file: saved, linked, and the level is backed
    unfold(at, "add-OPEN-01")
    at.selectbox(key="add-OPEN-01-kind").set_value("document")
    at.text_input(key="add-OPEN-01-title").set_value("Kanalenoverzicht 2026")
    at.file_uploader(key="add-OPEN-01-file").upload("kanalen.pdf", PDF_BYTES, "application/pdf")
    ok(at.button(key="add-OPEN-01-submit").click().run())
    assessment, _ = db.get_assessment(aid)
    (item,) = assessment.evidence
    assert (item.id, item.criteria, item.file.name) == ("E1", ["OPEN-01"], "kanalen.pdf")
    assert db.get_file(item.file.sha256) == PDF_BYTES
    assert "Het bewijs onderbouwt niveau 2." in text(at)

    # next, and not applicable with its justification (a non-mandatory criterion)
    ok(at.button(key="next").click().run())
    assert at.session_state["c"] == "OPEN-02"
    ok(at.toggle(key="na-OPEN-02").set_value(True).run())
    assert "OPEN-02" not in db.get_assessment(aid)[0].responses  # not without a justification
    assert "zonder toelichting" in text(at)
    ok(at.text_area(key="just-OPEN-02").set_value("Geen publieksloket").run())
    response = db.get_assessment(aid)[0].responses["OPEN-02"]
    assert (response.not_applicable, response.justification) == (True, "Geen publieksloket")
    assert "1 van 49 criteria beantwoord" in text(at)  # not applicable: out of the count
    # a mandatory criterion cannot be switched to not applicable
    at.session_state["c"] = "OPEN-01"
    ok(at.run())
    assert at.toggle(key="na-OPEN-01").disabled

    # link the existing evidence to another criterion from its own page
    at.session_state["c"] = "OPEN-04"
    ok(at.run())
    ok(at.selectbox(key="ev-OPEN-04").set_value("E1").run())
    assert db.get_assessment(aid)[0].evidence[0].criteria == ["OPEN-01", "OPEN-04"]
    ok(at.radio(key="level-OPEN-04").set_value(3).run())
    assert (
        "voor niveau 3 ontbreekt nog: een registratie, een interview of een observatie "
        "(eis van niveau 3)" in text(at)
    )
    ok(at.button(key="next_open").click().run())
    assert at.session_state["c"] == "OPEN-05"  # the next criterion still open
    ok(at.button(key="prev").click().run())
    assert at.session_state["c"] == "OPEN-04"

    # evidence page: the item, the criteria it supports, the criteria without evidence
    page(at, "evidence")
    said = text(at)
    assert "E1 · Kanalenoverzicht 2026" in said
    assert "Criteria waarvoor bewijs ontbreekt" in said
    assert at.get("download_button")  # the file can be downloaded

    # results
    page(at, "results")
    assert "Nog niet gereed" in text(at)

    # plan: owner, deadline and status edited in the table are saved at once
    page(at, "plan")
    table = f"plan-{aid}-{db.get_summary(aid).version}"  # a new version gives a fresh table
    rows = at.data_editor(key=table).value
    first = rows.iloc[0]["criterion"]
    at.session_state[table] = {
        "edited_rows": {
            0: {"owner": "Teamleider KCC", "status": "in uitvoering", "deadline": "2027-01-15"}
        },
        "added_rows": [],
        "deleted_rows": [],
    }
    ok(at.run())
    action = db.get_assessment(aid)[0].actions[first]
    assert (action.owner, action.status, str(action.deadline)) == (
        "Teamleider KCC",
        "in_progress",
        "2027-01-15",
    )
    assert "Verbeterplan opgeslagen." in text(at)

    # report: the PDF is generated and offered for download
    page(at, "report")
    ok(at.button(key="make-pdf").click().run())
    assert "Het rapport is klaar" in text(at)
    assert at.get("download_button")
    from ui import services

    pdf = services._pdf(aid, db.get_summary(aid).version, "nl", services._votes(aid))
    assert pdf.startswith(b"%PDF")


def test_refresh_returns_to_the_same_assessment_and_criterion(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid), c="HANDLE-03").switch_page("ui/assess.py").run())
    assert at.session_state["c"] == "HANDLE-03"
    assert "HANDLE-03 · Snel eigenaarschap van de klacht" in text(at)
    ok(at.switch_page("ui/results.py").run())
    assert at.query_params["a"] == str(aid)  # the ids stay in the URL on every page
    assert at.query_params["c"] == "HANDLE-03"


def test_english_by_the_switch(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid), lang="en").run())
    assert "Ready for the complaint-management pre-audit?" in text(at)
    page(at, "assess")
    assert re.search(r"\d+ of 49 criteria answered", text(at))
    at.segmented_control(key="lang").set_value("nl")
    ok(at.run())
    assert re.search(r"\d+ van 49 criteria beantwoord", text(at))
    assert "lang" not in at.query_params  # Dutch is the default


def test_pages_without_an_assessment_say_what_to_do(db):
    at = ok(app().run())
    for name in ("assess", "evidence", "results", "plan"):
        page(at, name)
        assert "Open eerst een beoordeling" in text(at)
    at = ok(app(a="999").switch_page("ui/assess.py").run())
    assert "Beoordeling 999 bestaat niet" in text(at)


def test_bad_pack_upload_shows_every_problem_with_its_line(db):
    at = ok(app().run())
    raw = (DATA / "packs" / "target-above-top.yaml").read_bytes()
    at.file_uploader(key="new-pack-upload").upload("mijn-set.yaml", raw, "application/x-yaml")
    ok(at.run())
    (error,) = at.error
    assert "mijn-set.yaml is geen geldige criteriaset" in error.value.replace("\\", "")
    assert re.search(r"mijn-set\.yaml:\d+: .*target", error.value.replace("\\", ""))


def test_good_pack_upload_is_used_for_the_new_assessment(db):
    at = ok(app().run())
    raw = (DATA / "mini.yaml").read_bytes()
    at.file_uploader(key="new-pack-upload").upload("mini.yaml", raw, "application/x-yaml")
    ok(at.run())
    assert "is geldig" in text(at)
    at.text_input(key="new-name").set_value("Eigen Set BV")
    ok(at.button(key="create").click().run())
    summary = db.get_summary(int(at.session_state["a"]))
    assert summary.pack_id != "ikm-readiness"
    assert summary.pack_id in db.catalog()  # kept in the store for later sessions


def test_bad_import_names_the_file_and_keeps_the_data(db):
    aid = db.ensure_demo()
    before = db.get_summary(aid).version
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    key = next(u.key for u in at.get("file_uploader") if u.key.startswith("import-file"))
    at.file_uploader(key=key).upload("kapot.json", b'{"schema_version": 1,', "application/json")
    ok(at.run())
    ok(at.button(key="do-import").click().run())
    (error,) = at.error
    assert "kapot.json kan niet worden geïmporteerd" in error.value.replace("\\", "")
    assert "JSON" in error.value
    assert at.session_state["a"] == str(aid)
    assert db.get_summary(aid).version == before
    assert len(db.list_organisations()) == 1


def test_good_import_opens_the_new_assessment(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    key = next(u.key for u in at.get("file_uploader") if u.key.startswith("import-file"))
    at.file_uploader(key=key).upload(
        "uitwisseling.json", db.export_json(aid).encode(), "application/json"
    )
    ok(at.run())
    ok(at.button(key="do-import").click().run())
    assert at.session_state["a"] != str(aid)
    assert "uitwisseling.json geïmporteerd" in text(at)


def test_user_text_is_never_markup(db, new_assessment):
    evil = "<img src=x onerror=alert(1)> [klik](javascript:alert(1)) **vet**"
    aid = db.create_assessment(
        new_assessment(
            evil,
            responses={"OPEN-01": {"level": 1, "note": evil}},
            evidence=[{"id": "E1", "kind": "document", "title": evil, "criteria": ["OPEN-01"]}],
        )
    )
    at = ok(app(a=str(aid)).run())
    shown = 0
    for name in ("start", "assess", "evidence", "results", "plan", "report"):
        page(at, name)
        shown += sum("\\<img" in m.value for m in at.markdown)
        for element in at.markdown:
            assert not re.search(r"(?<!\\)<img", element.value)  # only as \<img
            assert not re.search(r"(?<!\\)\]\(javascript", element.value)
            assert not element.proto.allow_html
    assert shown >= 3  # the name, the note and the evidence title were on screen


def test_details_history_restore_and_erase(db, new_assessment):
    pdf = {"name": "klachten.pdf", "media_type": "application/pdf"}
    stored = db.add_file(PDF_BYTES, pdf["name"])
    aid = db.create_assessment(
        new_assessment(
            "Gemeente Historie",
            evidence=[
                {
                    "id": "E1",
                    "kind": "record",
                    "title": "Klachtdossier met naam en adres",
                    "criteria": ["OPEN-01"],
                    "personal_data": True,
                    "file": stored.model_dump(mode="json", exclude_defaults=True),
                }
            ],
        )
    )
    at = ok(app(a=str(aid)).run())
    at.text_input(key="author").set_value("C. Coördinator")
    version = db.get_summary(aid).version
    key = f"details-{aid}-{version}"
    at.date_input(key=f"{key}-audit").set_value(date(2027, 6, 1))
    ok(at.button(key=f"{key}-save").click().run())
    assert str(db.get_assessment(aid)[0].audit_date) == "2027-06-01"
    assert db.history(aid)[0].author == "C. Coördinator"

    # the earlier version comes back as a new version
    page(at, "report")
    ok(at.button(key="restore-1").click().run())
    assert db.get_assessment(aid)[0].audit_date is None
    assert "Versie 1 teruggezet." in text(at)

    # erasing the file of evidence with personal data needs a confirmation
    page(at, "evidence")
    assert "erase-E1" not in [b.key for b in at.button]  # behind the closed remove button
    unfold(at, "ev-rm-E1")
    assert at.button(key="erase-E1").disabled
    ok(at.checkbox(key="erase-ok-E1").check().run())
    ok(at.button(key="erase-E1").click().run())
    assert db.get_file(stored.sha256) is None
    assert db.get_assessment(aid)[0].evidence[0].file.erased
    assert "Bestand klachten.pdf is gewist." in text(at)


def test_overview_jumps_and_a_refused_file_is_named(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).switch_page("ui/assess.py").run())
    ok(at.pills(key="ov-handle").set_value("HANDLE-03").run())
    assert at.session_state["c"] == "HANDLE-03"
    assert at.query_params["c"] == "HANDLE-03"
    before = db.get_summary(aid).version
    unfold(at, "add-HANDLE-03")
    at.text_input(key="add-HANDLE-03-title").set_value("Geen echte PDF")
    at.file_uploader(key="add-HANDLE-03-file").upload(
        "rapport.pdf", b"MZ\x90\x00 a program, not a PDF", "application/pdf"
    )
    ok(at.button(key="add-HANDLE-03-submit").click().run())
    (error,) = at.error
    assert "rapport.pdf" in error.value.replace("\\", "")
    assert db.get_summary(aid).version == before  # nothing saved


def test_export_can_leave_out_files_with_personal_data(db, new_assessment):
    sha = db.add_file(b"%PDF-1.4\nklachtbrief met naam en adres\n", "klachtbrief.pdf")
    evidence = [
        {"id": "E1", "kind": "record", "title": "Klachtbrief", "criteria": ["OPEN-01"],
         "personal_data": True, "file": sha.model_dump(mode="json")},
    ]  # fmt: skip
    aid = db.create_assessment(new_assessment("Privacy BV", evidence=evidence))
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    box = at.checkbox(key="export-no-personal")
    assert box.label == "Bestanden met persoonsgegevens weglaten uit de .ikmz"
    ok(box.check().run())
    # the download itself cannot be clicked in AppTest (streamlit issue #9003): check the bytes
    from ui import services

    with_files = services.export_ikmz(aid)
    without = services.export_ikmz(aid, include_personal_data=False)
    assert f"evidence/{sha.sha256}".encode() in with_files
    assert f"evidence/{sha.sha256}".encode() not in without


def test_import_problems_stand_beside_the_uploader_in_dutch(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    page(at, "report")
    key = next(u.key for u in at.get("file_uploader") if u.key.startswith("import-file"))
    at.file_uploader(key=key).upload("notities.txt", b"hallo", "text/plain")
    ok(at.run())
    ok(at.button(key="do-import").click().run())
    (error,) = at.error
    plain = error.value.replace("\\", "")
    assert plain == "notities.txt kan niet worden geïmporteerd: alleen .json- en .ikmz-bestanden."
    at.file_uploader(key=key).upload("schema.json", b'{"foo": 1}', "application/json")
    ok(at.run())
    ok(at.button(key="do-import").click().run())
    (error,) = at.error
    plain = error.value.replace("\\", "")
    assert "schema.json kan niet worden geïmporteerd" in plain
    assert "verplicht veld ontbreekt" in plain and "onbekend veld 'foo'" in plain
    assert "required" not in plain
    assert len(db.list_organisations()) == 1  # nothing imported
