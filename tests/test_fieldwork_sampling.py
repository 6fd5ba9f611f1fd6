"""The seeded sample: reproducible, never twice, stratified by largest remainder."""

from __future__ import annotations

import random

import pytest

from assessment.fieldwork.analysis import complaints_of
from assessment.fieldwork.reading import parse_register
from assessment.fieldwork.sampling import SampleError, allocate, draw_key, draw_sample
from tests.fieldwork_registers import MESSY, big_register, to_csv


def population(rows):
    return complaints_of(parse_register(to_csv(rows), "r.csv"))[0]


@pytest.fixture(scope="module")
def big():
    return big_register(500)


def test_same_seed_same_sample_other_seed_other_sample(big):
    complaints = population(big)
    first = draw_sample(complaints, 25, 7)
    assert draw_sample(complaints, 25, 7) == first
    assert draw_sample(complaints, 25, 8).ids != first.ids
    assert len(set(first.ids)) == 25
    assert first.population == 500


def test_the_sample_does_not_depend_on_the_order_of_the_rows(big):
    shuffled = [big[0], *random.Random(3).sample(big[1:], len(big) - 1)]
    assert set(draw_sample(population(big), 25, 7).ids) == set(
        draw_sample(population(shuffled), 25, 7).ids
    )


def test_the_draw_can_be_redone_by_hand(big):
    complaints = population(big)
    by_key = sorted(c.id for c in complaints)
    by_key.sort(key=lambda cid: draw_key(7, cid))
    assert set(draw_sample(complaints, 10, 7).ids) == set(by_key[:10])
    assert draw_key(7, "Z-1") == __import__("hashlib").sha256(b"7:Z-1").hexdigest()


def test_ids_are_listed_in_register_order(big):
    sample = draw_sample(population(big), 25, 7)
    assert list(sample.ids) == sorted(sample.ids)  # the ids of big_register rise with the line


def test_skipped_rows_are_never_drawn():
    complaints = population(MESSY)
    sample = draw_sample(complaints, 6, 1)
    assert sorted(sample.ids) == ["Z-001", "Z-002", "Z-003", "Z-006", "Z-007", "Z-008"]
    with pytest.raises(SampleError, match="a sample of 7 is larger than the register's 6"):
        draw_sample(complaints, 7, 1)
    with pytest.raises(SampleError, match="at least 1"):
        draw_sample(complaints, 0, 1)


def test_allocation_by_largest_remainder():
    # one each; the other 7 in proportion to 49, 29 and 19: 3.536, 2.093, 1.371
    assert allocate({"A": 50, "B": 30, "C": 20}, 10) == {"A": 5, "B": 3, "C": 2}
    # a stratum of one never gets a second file
    assert allocate({"A": 99, "B": 1}, 50) == {"A": 49, "B": 1}
    assert allocate({"A": 1, "B": 1}, 2) == {"A": 1, "B": 1}
    with pytest.raises(SampleError, match="cannot hold one file of each of the 3 strata"):
        allocate({"A": 5, "B": 5, "C": 5}, 2)


def test_stratified_sample(big):
    complaints = population(big)
    sample = draw_sample(complaints, 20, 11, by="department", register_sha256="ab" * 32)
    assert sum(s.sample for s in sample.strata.values()) == 20
    assert all(s.sample >= 1 for s in sample.strata.values())
    assert sum(s.population for s in sample.strata.values()) == 500
    department = {c.id: c.department for c in complaints}
    for name, stratum in sample.strata.items():
        assert sum(1 for i in sample.ids if department[i] == name) == stratum.sample
    data = sample.to_json()
    assert data["by"] == "department" and data["seed"] == 11 and data["size"] == 20
    assert data["register_sha256"] == "ab" * 32
    assert set(data) >= {"seed", "size", "population", "ids", "strata"}


def test_stratified_by_channel_with_a_blank_stratum():
    rows = [["id", "received", "kanaal"]] + [
        [f"{i}", "2026-01-05", "" if i % 5 == 0 else "telefoon"] for i in range(1, 21)
    ]
    sample = draw_sample(population(rows), 5, 2, by="channel")
    assert sample.strata[""].sample >= 1
    assert set(sample.strata) == {"", "telefoon"}
