"""The Store: organisations, assessments, versions, history and restore, on both backends."""

from __future__ import annotations

import pytest

from assessment.assessments import Action, Response
from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.errors import AssessmentError, PackError
from assessment.method import score
from assessment.store import NotFoundError, StaleVersionError


def _with(assessment, **changes):
    return assessment.model_copy(update=changes)


def test_create_get_and_list(store, new_assessment):
    first = store.create_assessment(new_assessment("Gemeente Aa"), author="Anna")
    second = store.create_assessment(
        new_assessment("gemeente aa", assessment_date="2027-05-01"), author="Bram"
    )
    other = store.create_assessment(new_assessment("Waterschap Bb"))

    assessment, version = store.get_assessment(first)
    assert version == 1
    assert assessment.organisation.name == "Gemeente Aa"

    orgs = store.list_organisations()
    assert [o.name for o in orgs] == ["Gemeente Aa", "Waterschap Bb"]
    aa = orgs[0]
    # same name (any case) joins the same organisation; newest assessment date first
    assert [a.id for a in aa.assessments] == [second, first]
    assert aa.assessments[0].updated_by == "Bram"
    assert orgs[1].assessments[0].id == other
    summary = store.get_summary(first)
    assert summary.version == 1
    assert summary.verdict == "not_ready"
    assert summary.readiness == pytest.approx(0.0)
    assert summary.pack_id == "ikm-readiness"
    assert aa.last_change >= aa.assessments[0].updated_at


def test_save_scores_and_records_history(store, new_assessment):
    catalog = load_catalog()
    demo = demo_assessment()
    new_id = store.create_assessment(demo, author="Anna")
    summary = store.get_summary(new_id)
    expected = score(catalog.get("ikm-readiness"), demo)
    assert summary.readiness == pytest.approx(expected.overall.readiness)
    assert summary.verdict == expected.verdict

    changed = demo.model_copy(deep=True)
    changed.responses["OPEN-02"] = Response(level=1, note="changed")
    changed.actions["OPEN-01"] = Action(owner="Teamleider", status="done")
    changed.evidence = changed.evidence[1:]
    changed = _with(changed, audit_date=None)
    version = store.save(new_id, changed, 1, "Bram")
    assert version == 2
    loaded, current = store.get_assessment(new_id)
    assert current == 2
    assert loaded == changed

    history = store.history(new_id)
    assert [h.version for h in history] == [2, 1]
    assert [h.author for h in history] == ["Bram", "Anna"]
    kinds = {c["kind"] for c in history[0].changes}
    assert {"level", "note", "action", "evidence_removed", "field"} <= kinds
    text = history[0].summary("en")
    assert "audit date" in text or "OPEN-02: level" in text
    assert history[1].summary("nl") == "aangemaakt"
    assert store.get_version(new_id, 1) == demo


def test_save_without_change_writes_nothing(store, new_assessment):
    new_id = store.create_assessment(new_assessment())
    assessment, version = store.get_assessment(new_id)
    assert store.save(new_id, assessment, version, "Anna") == version
    assert len(store.history(new_id)) == 1


def test_stale_save_is_refused_and_nothing_lost(store, new_assessment):
    new_id = store.create_assessment(new_assessment())
    base, version = store.get_assessment(new_id)
    mine = base.model_copy(deep=True)
    mine.responses["OPEN-01"] = Response(level=2)
    theirs = base.model_copy(deep=True)
    theirs.responses["OPEN-02"] = Response(level=3)
    assert store.save(new_id, mine, version, "Anna") == 2
    with pytest.raises(StaleVersionError) as caught:
        store.save(new_id, theirs, version, "Bram")
    assert caught.value.current_version == 2
    assert "Anna" in str(caught.value) and "reload" in str(caught.value)
    current, now = store.get_assessment(new_id)
    assert now == 2
    assert current.responses["OPEN-01"].level == 2
    assert "OPEN-02" not in current.responses


def test_invalid_assessment_is_refused(store, new_assessment):
    new_id = store.create_assessment(new_assessment())
    base, version = store.get_assessment(new_id)
    bad = base.model_copy(deep=True)
    bad.responses["NOPE-01"] = Response(level=1)
    bad.responses["OPEN-01"] = Response(level=9)
    with pytest.raises(AssessmentError) as caught:
        store.save(new_id, bad, version, "Anna")
    message = str(caught.value)
    assert "NOPE-01" in message and "level 9" in message
    assert store.get_assessment(new_id)[1] == 1


def test_restore_makes_a_new_version(store, new_assessment):
    new_id = store.create_assessment(new_assessment())
    base, _ = store.get_assessment(new_id)
    v2 = base.model_copy(deep=True)
    v2.responses["OPEN-01"] = Response(level=2)
    store.save(new_id, v2, 1, "Anna")
    v3 = v2.model_copy(deep=True)
    v3.responses["OPEN-01"] = Response(level=3)
    store.save(new_id, v3, 2, "Bram")

    assert store.restore_version(new_id, 2, "Carla") == 4
    restored, version = store.get_assessment(new_id)
    assert version == 4 and restored == v2
    top = store.history(new_id)[0]
    assert top.restored_from == 2 and top.author == "Carla"
    assert top.summary("en") == "version 2 restored"
    with pytest.raises(StaleVersionError):
        store.restore_version(new_id, 1, "Dirk", expected_version=3)
    assert store.get_version(new_id, 3) == v3


def test_missing_things_raise_not_found(store):
    with pytest.raises(NotFoundError, match="assessment 99 does not exist"):
        store.get_assessment(99)
    with pytest.raises(NotFoundError):
        store.history(99)
    with pytest.raises(NotFoundError, match="no version 5"):
        store.get_version(99, 5)
    with pytest.raises(NotFoundError):
        store.delete_organisation(99)


def test_delete_assessment_and_organisation(store, new_assessment):
    org = store.create_organisation("Provincie Cc", sector="public sector")
    first = store.create_assessment(new_assessment("whatever"), organisation_id=org)
    second = store.create_assessment(new_assessment("whatever"), organisation_id=org)
    assert [o.id for o in store.list_organisations() if o.name == "Provincie Cc"] == [org]
    store.delete_assessment(first)
    with pytest.raises(NotFoundError):
        store.get_assessment(first)
    assert [a.id for a in store.get_organisation(org).assessments] == [second]
    store.delete_organisation(org)
    with pytest.raises(NotFoundError):
        store.get_assessment(second)
    assert store.list_organisations() == []


def test_uploaded_pack_survives_and_pins_the_assessment(store_url, new_assessment):
    from assessment.store import open_store

    text = (
        "id: custom\nversion: '1'\ntitle: Custom\nscale:\n"
        "  - {level: 0, label: None}\n  - {level: 1, label: Some}\n"
        "  - {level: 2, label: Full, requires: [document]}\n"
        "defaults: {target: 2}\n"
        "pillars:\n  - id: p\n    title: P\n    criteria:\n"
        "      - {id: C-1, title: C, question: Q, improvement: I}\n"
    )
    with open_store(store_url) as first:
        pack = first.save_pack_text(text, "uploads/custom.yaml")
        first.save_pack_text(text, "again.yaml")
        assessment = new_assessment(
            criteria_set={"id": "custom", "version": "1"}, responses={"C-1": {"level": 1}}
        )
        new_id = first.create_assessment(assessment, pack)
        with pytest.raises(PackError):
            first.save_pack_text("id: [", "broken.yaml")
    with open_store(store_url) as second:  # a restart
        stored = second.stored_packs()
        assert [(p.pack_id, p.name) for p in stored] == [("custom", "custom.yaml")]
        assert "custom" in second.catalog()
        assert second.pack_for(new_id).sha256 == pack.sha256
        summary = second.get_summary(new_id)
        assert summary.readiness == pytest.approx(50.0)  # level 1 of target 2
        loaded, version = second.get_assessment(new_id)
        loaded.responses["C-1"] = Response(level=0)
        assert second.save(new_id, loaded, version, "Anna") == 2


def test_ensure_demo_imports_once(store):
    first = store.ensure_demo()
    assert first is not None
    assert store.ensure_demo() == first
    demo, version = store.get_assessment(first)
    assert version == 1 and demo == demo_assessment()
    store.delete_assessment(first)
    assert store.ensure_demo() is None  # deleted by the user: not brought back


def test_a_stored_pack_that_no_longer_loads_is_skipped(store):
    from sqlalchemy import text

    text_ok = (
        "id: custom\nversion: '1'\ntitle: Custom\nscale:\n"
        "  - {level: 0, label: None}\n  - {level: 1, label: Some}\n  - {level: 2, label: Full}\n"
        "defaults: {target: 2}\n"
        "pillars:\n  - id: p\n    title: P\n    criteria:\n"
        "      - {id: C-1, title: C, question: Q, improvement: I}\n"
    )
    pack = store.save_pack_text(text_ok, "custom.yaml")
    with store._engine.begin() as conn:  # as if the rules had become stricter
        conn.execute(text("UPDATE packs SET text = 'id: [' WHERE sha256 = :s"), {"s": pack.sha256})
    store._parsed_packs.clear()
    catalog = store.catalog()
    assert "custom" not in catalog and "ikm-readiness" in catalog


def test_problems_the_stored_version_had_do_not_block_saving(store, new_assessment):
    from sqlalchemy import text

    new_id = store.create_assessment(new_assessment())
    stored, version = store.get_assessment(new_id)
    # As if a pack update removed a criterion the assessment still answers.
    broken = stored.model_copy(deep=True)
    broken.responses["GONE-01"] = Response(level=2)
    with store._engine.begin() as conn:
        conn.execute(
            text("UPDATE assessments SET document = :d WHERE id = :i"),
            {"d": broken.to_json(), "i": new_id},
        )
    loaded, version = store.get_assessment(new_id)
    loaded.responses["OPEN-01"] = Response(level=1)
    assert store.save(new_id, loaded, version, "Anna") == 2
    loaded.responses["OPEN-02"] = Response(level=42)
    with pytest.raises(AssessmentError) as caught:
        store.save(new_id, loaded, 2, "Anna")
    assert [p.path for p in caught.value.problems] == ["responses.OPEN-02.level"]
