"""The store's merging save (Store.save_merged) on SQLite and PostgreSQL: colleagues' changes
to different fields both survive; the same field is a conflict naming who and when."""

from __future__ import annotations

import threading

import pytest

from assessment import edits
from assessment.store import AccessDenied, MergeConflict, Principal


def test_changes_to_different_criteria_both_survive(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    base, version = store.get_assessment(aid)
    anna = edits.set_response(base, "OPEN-01", level=2)
    bram = edits.set_response(base, "OPEN-02", level=3, note="ok")
    assert store.save_merged(aid, anna, version, "Anna") == 2
    assert store.save_merged(aid, bram, version, "Bram") == 3
    now, _ = store.get_assessment(aid)
    assert now.responses["OPEN-01"].level == 2
    assert (now.responses["OPEN-02"].level, now.responses["OPEN-02"].note) == (3, "ok")
    assert [v.author for v in store.history(aid)][:2] == ["Bram", "Anna"]


def test_different_fields_of_one_plan_row_and_one_evidence_item_both_survive(store, new_assessment):
    start = new_assessment(evidence=[{"id": "E1", "kind": "document", "title": "Regeling"}])
    aid = store.create_assessment(start)
    base, version = store.get_assessment(aid)
    anna = edits.set_actions(base, {"OPEN-01": {"owner": "KCC"}})
    anna = edits.update_evidence(anna, "E1", title="Klachtenregeling")
    bram = edits.set_actions(base, {"OPEN-01": {"deadline": "2027-01-15"}})
    bram = edits.update_evidence(bram, "E1", source="intranet")
    store.save_merged(aid, anna, version, "Anna")
    store.save_merged(aid, bram, version, "Bram")
    now, _ = store.get_assessment(aid)
    action = now.actions["OPEN-01"]
    assert (action.owner, str(action.deadline)) == ("KCC", "2027-01-15")
    assert (now.evidence[0].title, now.evidence[0].source) == ("Klachtenregeling", "intranet")


def test_the_same_field_is_a_conflict_that_names_who_and_when(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    base, version = store.get_assessment(aid)
    store.save_merged(aid, edits.set_response(base, "OPEN-01", level=2), version, "Anna")
    seen, seen_version = store.get_assessment(aid)
    store.save_merged(aid, edits.set_response(seen, "OPEN-03", level=1), seen_version, "Carla")
    mine = edits.set_response(base, "OPEN-01", level=4)
    mine = edits.set_response(mine, "OPEN-02", note="mine too")
    with pytest.raises(MergeConflict) as caught:
        store.save_merged(aid, mine, version, "Bram")
    (conflict,) = caught.value.conflicts
    assert conflict.path == ("responses", "OPEN-01", "level")
    assert (conflict.base, conflict.theirs, conflict.mine) == (None, 2, 4)
    assert (conflict.author, conflict.version) == ("Anna", 2)  # not Carla, who saved last
    assert conflict.changed_at == store.history(aid)[-2].created_at
    assert caught.value.current_version == 3
    assert store.get_summary(aid).version == 3  # nothing written


@pytest.mark.parametrize(("prefer", "level"), [("mine", 4), ("theirs", 2)])
def test_a_conflict_resolved_by_the_persons_choice(store, new_assessment, prefer, level):
    aid = store.create_assessment(new_assessment())
    base, version = store.get_assessment(aid)
    store.save_merged(aid, edits.set_response(base, "OPEN-01", level=2), version, "Anna")
    mine = edits.set_response(base, "OPEN-01", level=4, note="see minutes")
    assert store.save_merged(aid, mine, version, "Bram", prefer=prefer) == 3
    now, _ = store.get_assessment(aid)
    assert (now.responses["OPEN-01"].level, now.responses["OPEN-01"].note) == (
        level,
        "see minutes",
    )


def test_concurrent_merging_saves_of_different_criteria_all_survive(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    base, version = store.get_assessment(aid)
    criteria = ["OPEN-01", "OPEN-02", "OPEN-03", "OPEN-04"]
    errors: list[BaseException] = []

    def save(cid: str) -> None:
        try:
            store.save_merged(aid, edits.set_response(base, cid, level=1), version, cid)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=save, args=(cid,)) for cid in criteria]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    now, current = store.get_assessment(aid)
    assert current == 1 + len(criteria)
    assert {cid: now.responses[cid].level for cid in criteria} == dict.fromkeys(criteria, 1)


def test_a_reviewer_may_not_save_merged(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    org = store.get_summary(aid).organisation_id
    store.set_member(org, "rita@example.org", "reviewer", "operator")
    view = store.as_principal(Principal.identity("rita@example.org", "Rita"))
    base, version = view.get_assessment(aid)
    with pytest.raises(AccessDenied):
        view.save_merged(aid, edits.set_response(base, "OPEN-01", level=1), version, "Rita")
