"""The bin (deleted assessments kept 30 days) and the organisation list following a rename."""

from __future__ import annotations

from datetime import timedelta

import pytest

from assessment.store import NotFoundError
from assessment.store import bin as store_bin
from assessment.store.orgname import follow_rename


def test_bin_hides_keeps_and_restores(store, new_assessment):
    aid = store.create_assessment(new_assessment("Gemeente Bak"))
    assert store_bin.binned(store) == {}
    store_bin.move_to_bin(store, aid, "A. Opruimer")
    entry = store_bin.binned(store)[aid]
    assert entry.deleted_by == "A. Opruimer"
    assert entry.kept_until - entry.deleted_at == timedelta(days=30)
    assert store.get_assessment(aid)  # nothing deleted yet
    store_bin.take_out(store, aid)
    assert store_bin.binned(store) == {}
    with pytest.raises(NotFoundError):
        store_bin.take_out(store, aid)
    with pytest.raises(NotFoundError):
        store_bin.move_to_bin(store, 9999)


def test_purge_deletes_only_what_was_in_the_bin_for_30_days(store, new_assessment):
    old = store.create_assessment(new_assessment("Gemeente Oud"))
    recent = store.create_assessment(new_assessment("Gemeente Recent"))
    store_bin.move_to_bin(store, old)
    store_bin.move_to_bin(store, recent)
    deleted_at = store_bin.binned(store)[old].deleted_at
    assert store_bin.purge(store, now=deleted_at + timedelta(days=29, hours=23)) == []
    # the boundary: exactly 30 days after deletion it goes
    gone = store_bin.purge(store, now=deleted_at + timedelta(days=30))
    assert old in gone
    with pytest.raises(NotFoundError):
        store.get_assessment(old)
    assert old not in store_bin.binned(store)


def test_rename_of_an_only_assessment_renames_its_organisation(store, new_assessment):
    aid = store.create_assessment(new_assessment("Gemeente Tikfout"))
    follow_rename(store, aid, "Gemeente Goed", "publiek")
    (org,) = store.list_organisations()
    assert (org.name, org.sector, [a.id for a in org.assessments]) == (
        "Gemeente Goed",
        "publiek",
        [aid],
    )


def test_rename_of_one_of_several_moves_it_and_keeps_the_others(store, new_assessment):
    first = store.create_assessment(new_assessment("Gemeente Een"))
    second = store.create_assessment(new_assessment("Gemeente Een"))
    follow_rename(store, second, "Gemeente Twee", None)
    by_name = {o.name: [a.id for a in o.assessments] for o in store.list_organisations()}
    assert by_name == {"Gemeente Een": [first], "Gemeente Twee": [second]}
    # renamed to an existing organisation: joins it, the emptied one is removed
    follow_rename(store, second, "gemeente een", None)
    by_name = {o.name: sorted(a.id for a in o.assessments) for o in store.list_organisations()}
    assert by_name == {"Gemeente Een": sorted([first, second])}
