"""AppTest of saving with colleagues: a change to another field is merged, the same field
gives the conflict panel (who, when, theirs, yours) with "keep theirs" and "use mine"."""

from __future__ import annotations

from assessment import edits
from tests.apptest_support import app, ok, text


def _colleague_saves(db, aid: int, cid: str, **changes) -> int:
    assessment, version = db.get_assessment(aid)
    return db.save(aid, edits.set_response(assessment, cid, **changes), version, "Anna Collega")


def _open(db, cid: str):
    aid = db.ensure_demo()
    at = ok(app(a=str(aid), c=cid).switch_page("ui/assess.py").run())
    return aid, at


def test_a_colleagues_change_to_another_field_is_merged_not_refused(db):
    aid, at = _open(db, "OPEN-06")
    assessment, version = db.get_assessment(aid)
    db.save(aid, assessment.model_copy(update={"assessors": ["Iemand Anders"]}), version, "x")
    _colleague_saves(db, aid, "OPEN-01", note="van Anna")
    ok(at.radio(key="level-OPEN-06").set_value(3).run())
    assert "Uw wijziging botst" not in text(at)
    now, _ = db.get_assessment(aid)
    assert now.assessors == ["Iemand Anders"]
    assert now.responses["OPEN-01"].note == "van Anna"
    assert now.responses["OPEN-06"].level == 3


def _conflict(db, lang: str = "nl"):
    aid, at = _open(db, "OPEN-06")
    if lang == "en":
        at.session_state["lang"] = "en"
        ok(at.run())
    before, _ = db.get_assessment(aid)
    theirs = 0 if before.responses["OPEN-06"].level != 0 else 1
    _colleague_saves(db, aid, "OPEN-06", level=theirs)
    ok(at.radio(key="level-OPEN-06").set_value(3).run())
    return aid, at, theirs


def test_the_same_field_shows_who_changed_it_and_both_values(db):
    aid, at, theirs = _conflict(db)
    said = text(at).replace("**", "")
    assert "Uw wijziging botst met die van een collega" in said
    assert "Criterium OPEN-06 · niveau is gewijzigd door Anna Collega" in said
    assert f"Hun waarde: {theirs} · Uw waarde: 3" in said
    assert db.get_assessment(aid)[0].responses["OPEN-06"].level == theirs  # nothing written
    assert at.button(key="merge-keep-theirs").label == "Hun versie houden"


def test_the_conflict_in_english(db):
    _aid, at, theirs = _conflict(db, "en")
    said = text(at).replace("**", "")
    assert "Criterion OPEN-06 · level was changed by Anna Collega" in said
    assert f"Their value: {theirs} · Your value: 3" in said
    assert at.button(key="merge-use-mine").label == "Use mine"


def test_use_mine_saves_mine_on_top_of_the_newest_version(db):
    aid, at, _theirs = _conflict(db)
    version = db.get_summary(aid).version
    ok(at.button(key="merge-use-mine").click().run())
    assert db.get_summary(aid).version == version + 1
    assert db.get_assessment(aid)[0].responses["OPEN-06"].level == 3
    assert at.radio(key="level-OPEN-06").value == 3
    assert "Uw wijziging botst" not in text(at)


def test_keep_theirs_keeps_the_colleagues_value(db):
    aid, at, theirs = _conflict(db)
    version = db.get_summary(aid).version
    ok(at.button(key="merge-keep-theirs").click().run())
    assert db.get_summary(aid).version == version  # nothing else of mine to save
    assert at.radio(key="level-OPEN-06").value == theirs
    assert "Uw wijziging botst" not in text(at)
