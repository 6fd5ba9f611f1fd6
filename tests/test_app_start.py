"""AppTest of the start page: the demo opens on Assess and can be reset, an import is told
apart from its original, a deleted assessment goes to the bin and comes back, a renamed
organisation shows in the list, and a refused new assessment keeps its form."""

from __future__ import annotations

from datetime import date

from tests.test_app import app, ok, text


def test_open_demo_goes_to_assess(db):
    at = ok(app().run())
    ok(at.button(key="open-demo").click().run())
    assert at.session_state["a"] == str(db.ensure_demo())
    assert "criteria beantwoord" in text(at)  # the Assess page's progress line


def test_an_import_is_told_apart_from_its_original(db):
    aid = db.ensure_demo()
    copy = db.import_file(db.export_json(aid).encode(), "uitwisseling.json", author="x")
    at = ok(app().run())
    said = text(at)
    assert f"Beoordeling {aid} · de demo" in said
    assert f"Beoordeling {copy} · geïmporteerd uit uitwisseling.json op " in said


def test_delete_goes_to_the_bin_and_comes_back(db, new_assessment):
    aid = db.create_assessment(new_assessment("Gemeente Weg"))
    at = ok(app(a=str(aid)).run())
    at.text_input(key="author").set_value("A. Opruimer")
    ok(at.button(key=f"bin-{aid}").click().run())
    assert "a" not in at.session_state or at.session_state["a"] is None  # closed
    assert f"open-{aid}" not in [b.key for b in at.button]  # gone from the list
    assert "Prullenbak (1)" in [e.label for e in at.expander]
    said = text(at)
    assert "Gemeente Weg" in said and "A. Opruimer" in said
    assert db.get_assessment(aid)  # still in the store, with its history
    ok(at.button(key=f"unbin-{aid}").click().run())
    assert f"open-{aid}" in [b.key for b in at.button]
    assert not any(e.label.startswith("Prullenbak") for e in at.expander)


def test_renaming_the_organisation_changes_the_list(db, new_assessment):
    aid = db.create_assessment(new_assessment("Gemeente Oud"))
    at = ok(app(a=str(aid)).run())
    key = f"details-{aid}-{db.get_summary(aid).version}"
    at.text_input(key=f"{key}-name").set_value("Gemeente Nieuw")
    ok(at.button(key=f"{key}-save").click().run())
    names = [org.name for org in db.list_organisations() if org.assessments]
    assert "Gemeente Nieuw" in names and "Gemeente Oud" not in names
    assert "Gemeente Nieuw" in [s.value for s in at.subheader]


def test_the_demo_can_be_reset(db):
    from assessment.demo import demo_assessment

    aid = db.ensure_demo()
    assessment, version = db.get_assessment(aid)
    changed = assessment.model_copy(update={"assessors": ["Iemand die rondkeek"]})
    db.save(aid, changed, version, "collega")
    at = ok(app().run())
    ok(at.button(key=f"reset-demo-{aid}").click().run())
    assert db.get_assessment(aid)[0].to_json() == demo_assessment().to_json()
    assert "De demo is teruggezet." in text(at)
    assert len(db.history(aid)) == 3  # the change and the reset stay in the history


def test_a_new_assessment_without_a_name_keeps_the_form_and_says_so_beside_the_field(db):
    at = ok(app().run())
    at.text_input(key="new-sector").set_value("zorg")
    ok(at.button(key="create").click().run())
    assert "Vul de naam van de organisatie in." in [e.value.replace("\\", "") for e in at.error]
    assert at.text_input(key="new-sector").value == "zorg"
    new = next(e for e in at.expander if e.label == "Nieuwe beoordeling")
    assert new.proto.expanded  # the form stays open
    at.text_input(key="new-name").set_value("Zorg BV")
    ok(at.button(key="create").click().run())
    assert not at.error
    assert "Zorg BV" in text(at)


def test_a_pack_of_the_wrong_type_is_refused_in_dutch(db):
    at = ok(app().run())
    at.file_uploader(key="new-pack-upload").upload("set.txt", b"id: x", "text/plain")
    ok(at.run())
    (error,) = at.error
    assert error.value.replace("\\", "") == (
        "set.txt is geen criteriaset: kies een .yaml- of .yml-bestand."
    )


def test_an_audit_date_before_the_assessment_is_refused_beside_the_field(db, new_assessment):
    at = ok(app().run())
    before = {s.id for org in db.list_organisations() for s in org.assessments}
    at.text_input(key="new-name").set_value("Gemeente Vroeg")
    at.date_input(key="new-date").set_value(date(2026, 12, 4))
    at.date_input(key="new-audit").set_value(date(2020, 2, 29))
    ok(at.button(key="create").click().run())
    said = [e.value.replace("\\", "") for e in at.error]
    assert "De geplande auditdatum (2020-02-29) ligt vóór de datum van de beoordeling " \
        "(2026-12-04). Kies een latere datum of laat het veld leeg." in said  # fmt: skip
    assert {s.id for org in db.list_organisations() for s in org.assessments} == before

    # the same on the details of an assessment: nothing is saved
    aid = db.create_assessment(new_assessment("Gemeente Later"))
    at = ok(app(a=str(aid)).run())
    version = db.get_summary(aid).version
    key = f"details-{aid}-{version}"
    at.date_input(key=f"{key}-audit").set_value(date(2020, 2, 29))
    ok(at.button(key=f"{key}-save").click().run())
    assert any("ligt vóór de datum van de beoordeling" in e.value for e in at.error)
    assert db.get_summary(aid).version == version
    # a cleared assessment date keeps the stored one, and so is checked against it
    at.date_input(key=f"{key}-date").set_value(None)
    ok(at.button(key=f"{key}-save").click().run())
    assert any("ligt vóór de datum van de beoordeling" in e.value for e in at.error)
    assert db.get_summary(aid).version == version
