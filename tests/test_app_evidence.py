"""AppTest of keeping evidence: the Evidence page (add, edit, file, filters, bulk upload), the
linked evidence at a criterion, not-checkable items, and refused uploads that keep the form."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.apptest_support import unfold
from tests.test_app import PDF_BYTES, app, ok, page, text

ITEMS = [
    {"id": "E1", "kind": "document", "title": "Klachtenregeling", "criteria": ["OPEN-01"],
     "link": "https://example.org/regeling", "date": "2025-06-01"},
    {"id": "E2", "kind": "interview", "title": "Alleen een titel",
     "criteria": ["OPEN-01", "OPEN-02"]},
    {"id": "E3", "kind": "record", "title": "Dossiers", "criteria": ["HANDLE-03"],
     "source": "zaaksysteem"},
]  # fmt: skip


@pytest.fixture
def aid(db, new_assessment):
    return db.create_assessment(
        new_assessment("Gemeente Bewijs", evidence=ITEMS, responses={"OPEN-01": {"level": 2}})
    )


def errors(at) -> list[str]:
    return [e.value.replace("\\", "") for e in at.error]


def test_a_refused_file_saves_nothing_keeps_the_form_and_says_why_beside_it(db, aid, monkeypatch):
    monkeypatch.setenv("IKM_MAX_UPLOAD_MB", "1")
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-add")
    before = db.get_summary(aid).version
    at.text_input(key="ev-add-title").set_value("Jaarverslag")
    at.text_input(key="ev-add-source").set_value("intranet")
    big = b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10)
    at.file_uploader(key="ev-add-file").upload("jaarverslag.pdf", big, "application/pdf")
    ok(at.button(key="ev-add-submit").click().run())
    assert db.get_summary(aid).version == before  # nothing saved
    assert len(db.get_assessment(aid)[0].evidence) == 3
    (message,) = errors(at)
    assert message.startswith("jaarverslag.pdf is 1,0 MB; een bestand mag hoogstens 1,0 MB zijn")
    # the form keeps what was typed, and the message sits inside it, beside the file field
    assert at.text_input(key="ev-add-title").value == "Jaarverslag"
    assert at.text_input(key="ev-add-source").value == "intranet"
    assert message in [e.value.replace("\\", "") for e in _form(at, "ev-add").get("error")]


def test_a_wrong_type_is_refused_in_the_pages_language(db, aid):
    at = ok(app(a=str(aid), lang="en").run())
    page(at, "evidence")
    unfold(at, "ev-add")
    at.text_input(key="ev-add-title").set_value("Program")
    at.file_uploader(key="ev-add-file").upload(
        "tool.exe", b"MZ\x90\x00", "application/x-msdownload"
    )
    ok(at.button(key="ev-add-submit").click().run())
    (message,) = errors(at)
    assert message.startswith("tool.exe: this type of file is not accepted as evidence")
    assert len(db.get_assessment(aid)[0].evidence) == 3
    at.text_input(key="ev-add-title").set_value("")
    ok(at.button(key="ev-add-submit").click().run())
    assert "Give the evidence a title." in errors(at)


def test_content_that_is_not_what_the_name_says_is_refused(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-add")
    at.text_input(key="ev-add-title").set_value("Nep")
    at.file_uploader(key="ev-add-file").upload("nep.pdf", b"gewone tekst", "application/pdf")
    ok(at.button(key="ev-add-submit").click().run())
    (message,) = errors(at)
    assert message.startswith("nep.pdf: de inhoud is niet wat de naam zegt")


def test_add_on_the_evidence_page_with_criteria_and_a_file_then_the_form_is_empty(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-add")
    at.selectbox(key="ev-add-kind").set_value("metric")
    at.text_input(key="ev-add-title").set_value("Doorlooptijden 2026")
    at.date_input(key="ev-add-date").set_value(date(2026, 10, 1))
    at.multiselect(key="ev-add-criteria").set_value(["LEARN-01", "HANDLE-02"])
    at.file_uploader(key="ev-add-file").upload("cijfers.pdf", PDF_BYTES, "application/pdf")
    ok(at.button(key="ev-add-submit").click().run())
    item = db.get_assessment(aid)[0].evidence[-1]
    assert (item.id, item.kind, item.title, item.criteria) == (
        "E4",
        "metric",
        "Doorlooptijden 2026",
        ["LEARN-01", "HANDLE-02"],
    )
    assert db.get_file(item.file.sha256) == PDF_BYTES
    assert not errors(at)
    # the form starts empty again (its widgets have new keys)
    title = next(
        w for w in at.text_input if w.key.startswith("ev-add~") and w.key.endswith("title")
    )
    assert title.value == ""


def test_edit_an_item_and_attach_then_replace_its_file(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    ok(at.button(key="edit-E2").click().run())
    key = f"edit-{aid}-E2-{db.get_summary(aid).version}"
    assert at.text_input(key=f"{key}-title").value == "Alleen een titel"
    at.text_input(key=f"{key}-title").set_value("Interview teamleider")
    at.text_input(key=f"{key}-source").set_value("teamleider KCC")
    at.file_uploader(key=f"{key}-file").upload("verslag.pdf", PDF_BYTES, "application/pdf")
    ok(at.button(key=f"{key}-submit").click().run())
    item = next(e for e in db.get_assessment(aid)[0].evidence if e.id == "E2")
    assert (item.title, item.source, item.file.name) == (
        "Interview teamleider",
        "teamleider KCC",
        "verslag.pdf",
    )
    assert item.criteria == ["OPEN-01", "OPEN-02"]  # kept
    assert item.checkable
    # replace the file
    ok(at.button(key="edit-E2").click().run())
    key = f"edit-{aid}-E2-{db.get_summary(aid).version}"
    other = PDF_BYTES.replace(b"1.4", b"1.7")
    at.file_uploader(key=f"{key}-file").upload("verslag-v2.pdf", other, "application/pdf")
    ok(at.button(key=f"{key}-submit").click().run())
    item = next(e for e in db.get_assessment(aid)[0].evidence if e.id == "E2")
    assert item.file.name == "verslag-v2.pdf"
    assert db.get_file(item.file.sha256) == other


def test_filters_by_kind_criterion_checkable_and_missing_file(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")

    def shown() -> list[str]:  # the items listed, by their edit buttons
        return sorted(b.key.removeprefix("edit-") for b in at.button if b.key.startswith("edit-E"))

    assert shown() == ["E1", "E2", "E3"]
    assert "3 van 3 bewijsstukken" in text(at)
    ok(at.selectbox(key="ev-f-kind").set_value("record").run())
    assert shown() == ["E3"]
    ok(at.selectbox(key="ev-f-kind").set_value(None).run())
    ok(at.selectbox(key="ev-f-criterion").set_value("OPEN-01").run())
    assert shown() == ["E1", "E2"]
    ok(at.selectbox(key="ev-f-checkable").set_value(False).run())
    assert shown() == ["E2"]
    ok(at.selectbox(key="ev-f-criterion").set_value(None).run())
    assert shown() == ["E2", "E3"]  # E3 has a source but no date
    ok(at.selectbox(key="ev-f-checkable").set_value(None).run())
    ok(at.checkbox(key="ev-f-nofile").check().run())
    assert shown() == ["E1", "E2", "E3"]  # none has a file
    ok(at.text_input(key="ev-f-text").set_value("dossier").run())
    assert shown() == ["E3"]
    assert "1 van 3 bewijsstukken" in text(at)


def test_a_long_list_shows_ten_then_more_and_keeps_a_new_or_open_item_in_view(db, new_assessment):
    many = [
        {"id": f"E{i}", "kind": "document", "title": f"Stuk {i}", "criteria": ["OPEN-01"]}
        for i in range(1, 24)
    ]
    aid = db.create_assessment(new_assessment("Gemeente Veel", evidence=many))
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")

    def shown() -> list[str]:
        return [b.key.removeprefix("edit-") for b in at.button if b.key.startswith("edit-E")]

    assert shown() == [f"E{i}" for i in range(1, 11)]
    assert "23 van 23 bewijsstukken" in text(at)
    assert "De eerste 10 van 23 getoond." in text(at)
    ok(at.button(key="ev-shown-more").click().run())
    assert len(shown()) == 20 and "De eerste 20 van 23 getoond." in text(at)
    assert at.button(key="ev-shown-more").label == "3 meer tonen"
    ok(at.button(key="ev-shown-all").click().run())
    assert len(shown()) == 23 and "van 23 getoond" not in text(at)
    assert not [b for b in at.button if b.key in ("ev-shown-more", "ev-shown-all")]
    # a filter finds items anywhere in the list
    ok(at.text_input(key="ev-f-text").set_value("Stuk 2").run())
    assert shown() == ["E2", "E20", "E21", "E22", "E23"]
    # a new item is shown where the list is cut short
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-add")
    at.text_input(key="ev-add-title").set_value("Nieuw stuk")
    ok(at.button(key="ev-add-submit").click().run())
    assert shown() == [*(f"E{i}" for i in range(1, 11)), "E24"]


def test_the_criteria_that_lack_evidence_are_counted_and_listed_ten_at_a_time(db):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    opened = db.get_assessment(aid)[0]
    from assessment.catalog import load_catalog
    from assessment.method import score

    result = score(load_catalog().pack_for(opened.criteria_set), opened)
    lacking = [c.id for c in result.criteria if c.applicable and c.missing]
    assert len(lacking) > 10  # the demo lacks evidence for many criteria

    def listed() -> list[str]:
        return [b.key.removeprefix("go-") for b in at.button if b.key.startswith("go-")]

    assert f"{len(lacking)} criteria hebben nog niet het bewijs voor hun doelniveau." in text(at)
    assert listed() == lacking[:10]
    ok(at.button(key="ev-missing-shown-all").click().run())
    assert listed() == lacking


def test_not_checkable_is_said_at_the_item_and_at_every_criterion_it_is_linked_to(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    said = text(at)
    assert "Niet controleerbaar, telt niet mee: voeg een bestand of een link toe" in said
    assert "vul de datum in (de bron staat er al)" in said  # E3: the source is there
    for cid in ("OPEN-01", "OPEN-02"):
        at.session_state["c"] = cid
        page(at, "assess")
        said = text(at)
        assert "E2 · Alleen een titel" in said
        assert (
            "niet controleerbaar: voeg een bestand of een link toe, of een bron met een datum"
            in said
        )
    at.session_state["c"] = "OPEN-01"
    at.query_params["lang"] = "en"
    at = ok(app(a=str(aid), c="OPEN-01", lang="en").switch_page("ui/assess.py").run())
    assert "not checkable: add a file or a link, or a source with a date" in text(at)
    assert "checkable" in text(at)


def test_linked_evidence_is_a_list_with_kind_and_date_and_can_be_unlinked_and_linked(db, aid):
    at = ok(app(a=str(aid), c="OPEN-01").switch_page("ui/assess.py").run())
    said = text(at)
    assert "E1 · Klachtenregeling" in said
    assert "document · 2025-06-01" in said
    assert "interview" in said
    ok(at.button(key="unlink-OPEN-01-E2").click().run())
    assert [e.criteria for e in db.get_assessment(aid)[0].evidence if e.id == "E2"] == [["OPEN-02"]]
    box = at.selectbox(key="ev-OPEN-01")
    assert box.options == ["E2 · interview · Alleen een titel (niet controleerbaar)",
                           "E3 · registratie · Dossiers (niet controleerbaar)"]  # fmt: skip
    ok(box.set_value("E3").run())
    e3 = next(e for e in db.get_assessment(aid)[0].evidence if e.id == "E3")
    assert e3.criteria == ["HANDLE-03", "OPEN-01"]


def test_the_next_level_says_what_it_still_needs_once(db, new_assessment):
    from assessment.messages import level_needs

    # OPEN-01 (target 3) claims 1, which needs no evidence; level 2 needs a document
    aid = db.create_assessment(new_assessment(responses={"OPEN-01": {"level": 1}}))
    at = ok(app(a=str(aid), c="OPEN-01").switch_page("ui/assess.py").run())
    said = text(at)
    assert "Niveau 1 vraagt geen bewijs; het telt zoals geclaimd." in said
    assert "Het bewijs onderbouwt niveau 1." not in said
    needs = level_needs(db.pack_for(aid), "OPEN-01", 2, set(), "nl")  # the method's words
    assert "document" in needs
    assert needs[0].upper() + needs[1:] + "." in said
    # claimed 2 without the document: the warning says what is missing, and only it
    ok(at.radio(key="level-OPEN-01").set_value(2).run())
    assert text(at).count(needs) == 1
    # no level chosen yet: no word on what "level 1" needs beside the linked evidence
    aid = db.create_assessment(new_assessment())
    at = ok(app(a=str(aid), c="OPEN-01").switch_page("ui/assess.py").run())
    assert "vraagt geen bewijs" not in text(at) and needs not in text(at)


def test_bulk_upload_adds_one_item_per_file_or_nothing(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-bulk")
    uploader = at.file_uploader(key="ev-bulk-files")
    uploader.upload("a.pdf", PDF_BYTES, "application/pdf")
    uploader.upload("b.exe", b"MZ", "application/x-msdownload")
    at.multiselect(key="ev-bulk-criteria").set_value(["OPEN-03"])
    ok(at.button(key="ev-bulk-submit").click().run())
    assert len(db.get_assessment(aid)[0].evidence) == 3  # one refused: nothing saved
    assert any(m.startswith("b.exe:") for m in errors(at))

    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    unfold(at, "ev-bulk")
    uploader = at.file_uploader(key="ev-bulk-files")
    uploader.upload("verslag-mei.pdf", PDF_BYTES, "application/pdf")
    uploader.upload("verslag-juni.pdf", PDF_BYTES.replace(b"1.4", b"1.5"), "application/pdf")
    at.selectbox(key="ev-bulk-kind").set_value("record")
    at.multiselect(key="ev-bulk-criteria").set_value(["OPEN-03"])
    ok(at.button(key="ev-bulk-submit").click().run())
    added = db.get_assessment(aid)[0].evidence[3:]
    assert [(e.id, e.title, e.kind, e.criteria) for e in added] == [
        ("E4", "verslag-mei", "record", ["OPEN-03"]),
        ("E5", "verslag-juni", "record", ["OPEN-03"]),
    ]
    assert "2 bewijsstukken toegevoegd." in text(at)


def _form(at, form_id: str):
    """The block of the form ``form_id``."""

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None and getattr(proto, "form", None) and proto.form.form_id == form_id:
            return node
        for child in getattr(node, "children", {}).values():
            found = walk(child)
            if found is not None:
                return found
        return None

    found = walk(at._tree)
    assert found is not None, form_id
    return found


def test_evidence_older_than_a_year_shows_as_stale(db):
    from tests.apptest_support import app, ok, page

    at = ok(app(a=str(db.ensure_demo())).run())
    page(at, "evidence")
    badges = "\n".join(m.value for m in at.markdown)  # st.badge is Markdown: :gray-badge[...]
    assert "meer dan een jaar vóór de beoordeling]" in badges


def test_forms_and_the_remove_buttons_are_drawn_only_when_opened(db, aid):
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    keys = [w.key for w in (*at.text_input, *at.button, *at.file_uploader)]
    assert not [k for k in keys if k.startswith(("ev-add-", "ev-bulk-", "del-", "erase-"))]
    unfold(at, "ev-add", "ev-rm-E2")
    assert at.text_input(key="ev-add-title").value == ""
    assert at.button(key="del-E2") and "ev-bulk-files" not in [u.key for u in at.file_uploader]
    # a refused submit keeps the form open with the message beside the field; closed by the
    # user, it stays closed (the message is not lost: it is there when opened again)
    ok(at.button(key="ev-add-submit").click().run())
    assert at.text_input(key="ev-add-title") and "Geef het bewijs een titel." in errors(at)
    at.session_state["ev-add-open"] = False
    ok(at.run())
    assert "ev-add-title" not in [w.key for w in at.text_input] and not errors(at)
    unfold(at, "ev-add")
    assert "Geef het bewijs een titel." in errors(at)


def test_a_card_says_everything_in_one_text_with_only_web_links_clickable(db, new_assessment):
    items = [
        {"id": "E1", "kind": "document", "title": "Regeling", "criteria": ["OPEN-01"],
         "link": "https://example.org/regeling", "date": "2025-06-01", "source": "intranet"},
        {"id": "E2", "kind": "document", "title": "Schijf", "criteria": [],
         "link": "file://server/share/x.pdf"},
        {"id": "E3", "kind": "document", "title": "Haak", "criteria": [],
         "link": "https://example.org/a]![x](https://evil.example/p.png)"},
    ]  # fmt: skip
    aid = db.create_assessment(new_assessment("Gemeente Link", evidence=items))
    at = ok(app(a=str(aid)).run())
    page(at, "evidence")
    (first,) = [m.value for m in at.markdown if m.value.startswith("**E1 ")]
    assert "](<https://example.org/regeling>)" in first
    said = first.replace("\\", "")  # without Markdown's escapes
    assert "2025-06-01 · intranet" in said and "OPEN-01 Klagen via meerdere kanalen" in said
    (second,) = [m.value for m in at.markdown if m.value.startswith("**E2 ")]
    assert "](" not in second and "file://server/share/x.pdf" in second.replace("\\", "")
    assert "Gekoppeld aan: nog geen criterium" in second.replace("\\", "")
    # a web address with brackets stays one link: no "]" ends the text around it early
    (third,) = [m.value for m in at.markdown if m.value.startswith("**E3 ")]
    assert "(<https://example.org/a\\]!\\[x\\](https://evil.example/p.png)>)" in third
    assert not re.search(r"(?<!\\)!\[|(?<!\\)\]\(https://evil", third), third


def test_the_assess_page_marks_old_linked_evidence_too(db):
    from tests.apptest_support import app, ok

    at = ok(app(a=str(db.ensure_demo()), c="LEARN-09").switch_page("ui/assess.py").run())
    (item,) = [m.value for m in at.markdown if m.value.startswith("**E19 ")]
    assert "2024-11-01 · meer dan een jaar vóór de beoordeling" in item.replace("\\", "")


def test_the_assess_page_marks_linked_evidence_dated_in_the_future(db, new_assessment):
    from tests.apptest_support import app, ok

    items = [
        {"id": "E1", "kind": "document", "title": "Regeling", "criteria": ["OPEN-01"],
         "source": "intranet", "date": "2099-01-01"},
    ]  # fmt: skip
    aid = db.create_assessment(new_assessment("Gemeente Toekomst", evidence=items))
    at = ok(app(a=str(aid), c="OPEN-01").switch_page("ui/assess.py").run())
    (item,) = [m.value for m in at.markdown if m.value.startswith("**E1 ")]
    assert "2099-01-01 · datum ligt in de toekomst" in item.replace("\\", "")
