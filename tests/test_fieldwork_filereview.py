"""File review: conformity per check and per criterion, with its Wilson interval."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.assessments import Assessment
from assessment.edits import set_response
from assessment.fieldwork.evidence import interval_text
from assessment.fieldwork.filereview import (
    check_texts,
    file_progress,
    file_review,
    wilson,
)
from assessment.fieldwork.record import SampleRecord, set_answer, set_sample
from assessment.packs import load_pack
from tests.helpers import DATA

PACK = load_pack(DATA / "fieldwork.yaml")
SHA = "0" * 64


def sampled(ids=("Z1", "Z2", "Z3", "Z4")) -> Assessment:
    base = Assessment(
        schema_version=1,
        criteria_set={"id": PACK.id},
        organisation={"name": "Test"},
        assessment_date=date(2026, 3, 2),
    )
    record = SampleRecord(
        seed=1, size=len(ids), population=10, register_sha256=SHA, ids=list(ids),
        drawn=date(2026, 3, 2),
    )  # fmt: skip
    return set_sample(base, record)


@pytest.mark.parametrize(
    ("passes", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (23, 25, 0.7503, 0.9778),
    ],
)
def test_wilson_against_published_values(passes, n, low, high):
    got = wilson(passes, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_without_answers():
    assert wilson(0, 0) is None


def test_conformity_per_check_and_per_criterion():
    a = sampled()
    for file_id, ack, answer in [
        ("Z1", "pass", "pass"),
        ("Z2", "pass", "fail"),
        ("Z3", "fail", "not_relevant"),
        ("Z4", "pass", None),
    ]:
        a = set_answer(a, file_id, "H-1", "ack", ack)
        if answer:
            a = set_answer(a, file_id, "H-1", "answer", answer, note="  ")
    a = set_answer(a, "Z1", "H-2", "heard", "not_relevant", note="telefonisch opgelost")
    (h1, h2) = file_review(PACK, a)
    assert (h1.total.passes, h1.total.fails, h1.total.not_relevant) == (4, 2, 1)
    assert h1.total.files == 4
    assert h1.total.rate == pytest.approx(100 * 4 / 6)
    low, high = h1.total.interval
    assert (low, high) == pytest.approx(tuple(100 * x for x in wilson(4, 6)))
    ack, answer = h1.checks
    assert (ack.passes, ack.fails, ack.rate) == (3, 1, 75.0)
    assert (answer.passes, answer.fails, answer.not_relevant) == (1, 1, 1)
    assert h2.total.rate is None and h2.total.interval is None and h2.total.files == 1
    assert a.fieldwork.review["Z1"]["H-2"]["heard"].note == "telefonisch opgelost"
    assert a.fieldwork.review["Z2"]["H-1"]["answer"].note is None
    assert file_progress(PACK, a, "Z1") == (3, 3)
    assert file_progress(PACK, a, "Z4") == (1, 3)


def test_not_applicable_criteria_are_not_reviewed():
    a = sampled()
    a = set_answer(a, "Z1", "H-2", "heard", "pass")
    a = set_response(a, "H-2", not_applicable=True, justification="geen")
    assert file_review(PACK, a) == []
    assert file_progress(PACK, a, "Z1") == (0, 2)


def test_rows_are_named_and_intervals_written_as_a_reader_sees_them():
    a = set_answer(sampled(), "Z1", "H-1", "ack", "pass")
    a = set_answer(a, "Z2", "H-1", "ack", "fail")
    a = set_answer(a, "Z1", "H-2", "heard", "not_relevant")
    (h1, h2) = file_review(PACK, a)
    texts = check_texts(PACK.criteria_by_id["H-1"], "nl")
    assert [texts[item.check] for item in (h1.total, *h1.checks)] == [
        "alle controles",
        "Ontvangst tijdig bevestigd",
        "Besluit gemotiveerd",
    ]
    assert check_texts(PACK.criteria_by_id["H-2"], "en") == {
        "heard": "Complainant heard",
        None: "all checks",
    }
    low, high = (100 * x for x in wilson(1, 2))
    assert interval_text(h1.total, "nl") == f"{low:.1f}% – {high:.1f}%".replace(".", ",")
    assert interval_text(h1.total, "en") == "9.5% – 90.5%"
    assert interval_text(h2.total, "en") == "–"  # not relevant only: no interval
