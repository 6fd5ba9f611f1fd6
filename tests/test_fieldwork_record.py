"""The assessment file's ``fieldwork`` field: round trip, checks against the pack, edits."""

from __future__ import annotations

import json
from datetime import date

import pytest

from assessment.assessments import load_assessment_text
from assessment.fieldwork.analysis import analyse, terms_for
from assessment.fieldwork.reading import parse_register
from assessment.fieldwork.record import (
    FieldworkError,
    SampleRecord,
    register_record,
    sample_record,
    set_analysis,
    set_answer,
    set_sample,
)
from assessment.fieldwork.sampling import draw_sample
from assessment.packs import load_pack
from tests.fieldwork_registers import MESSY, PERSONAL, TODAY, to_xlsx
from tests.helpers import DATA
from tests.test_fieldwork_filereview import sampled

PACK = load_pack(DATA / "fieldwork.yaml")


def pack_for(_ref):
    return PACK


def with_everything():
    register = parse_register(to_xlsx(MESSY), "/tmp/secret folder/klachten.xlsx")
    analysis = analyse(register, terms_for(PACK), TODAY)
    sample = draw_sample(analysis.complaints, 3, 5, register_sha256=register.sha256)
    a = sampled()
    a = set_analysis(a, register_record(analysis, date(2026, 3, 2)))
    a = set_sample(a, sample_record(sample, date(2026, 3, 2)), discard_review=True)
    first = sample.ids[0]
    a = set_answer(a, first, "H-1", "ack", "pass", "binnen 2 dagen")
    return a, register, sample


def test_round_trip_through_the_assessment_file():
    a, register, sample = with_everything()
    text = a.to_json()
    data = json.loads(text)
    assert list(data)[-1] == "fieldwork"
    fw = data["fieldwork"]
    assert fw["analysis"]["name"] == "klachten.xlsx"  # no folder of the user's computer
    assert fw["analysis"]["sha256"] == register.sha256
    assert fw["analysis"]["complaints"] == 6 and fw["analysis"]["skipped"] == 4
    assert fw["analysis"]["acknowledged_on_time"] == {"count": 3, "of": 6}
    assert fw["analysis"]["terms"] == {
        "ack_days": 5,
        "decide_days": 42,
        "source": "pack fieldwork-test",
    }
    assert fw["sample"]["ids"] == list(sample.ids) and fw["sample"]["seed"] == 5
    assert fw["sample"]["register_sha256"] == register.sha256
    assert fw["review"] == {
        sample.ids[0]: {"H-1": {"ack": {"answer": "pass", "note": "binnen 2 dagen"}}}
    }
    for secret in PERSONAL:
        assert secret not in text
    again, _, warnings = load_assessment_text(text, "a.json", pack_for)
    assert again == a and warnings == []


def test_problems_against_the_pack():
    a, _, sample = with_everything()
    data = json.loads(a.to_json())
    data["fieldwork"]["review"]["NOT-SAMPLED"] = {"H-9": {"x": {"answer": "pass"}}}
    data["fieldwork"]["review"][sample.ids[1]] = {"H-1": {"nope": {"answer": "fail"}}}
    data["fieldwork"]["sample"]["ids"].append(sample.ids[0])
    with pytest.raises(Exception) as caught:
        load_assessment_text(json.dumps(data), "a.json", pack_for)
    assert [str(p) for p in caught.value.problems] == [
        "a.json: fieldwork.sample.ids: an id is listed twice",
        "a.json: fieldwork.sample.ids: holds 4 ids, not size 3",
        "a.json: fieldwork.review.NOT-SAMPLED: file 'NOT-SAMPLED' is not in the sample",
        "a.json: fieldwork.review.NOT-SAMPLED.H-9: unknown criterion id 'H-9'",
    ]
    del data["fieldwork"]["review"]["NOT-SAMPLED"]
    data["fieldwork"]["sample"]["ids"].pop()
    _, _, warnings = load_assessment_text(json.dumps(data), "a.json", pack_for)
    assert [str(w) for w in warnings] == [
        f"a.json: fieldwork.review.{sample.ids[1]}.H-1.nope: warning: criterion H-1 has no file "
        "check 'nope'; the answer is kept but not counted"
    ]


def test_a_bad_answer_or_date_is_a_structure_error():
    a, _, _ = with_everything()
    data = json.loads(a.to_json())
    data["fieldwork"]["sample"]["drawn"] = "02-03-2026"
    first = data["fieldwork"]["sample"]["ids"][0]
    data["fieldwork"]["review"][first]["H-1"]["ack"]["answer"] = "maybe"
    with pytest.raises(Exception) as caught:
        load_assessment_text(json.dumps(data), "a.json", pack_for)
    paths = [p.path for p in caught.value.problems]
    assert paths == ["fieldwork.sample.drawn", f"fieldwork.review.{first}.H-1.ack.answer"]


def test_a_new_sample_never_silently_drops_review_answers():
    a, _, _ = with_everything()
    other = SampleRecord(seed=9, size=1, population=6, register_sha256="1" * 64, ids=["Z-999"],
                         drawn=date(2026, 3, 3))  # fmt: skip
    with pytest.raises(FieldworkError, match="answers for 1 file outside the new sample") as info:
        set_sample(a, other)
    from assessment.problem_words import in_language

    assert in_language(str(info.value), "nl") == (
        "de dossiertoets heeft antwoorden voor 1 dossier buiten de nieuwe steekproef; bevestig "
        "dat die weg mogen"
    )
    replaced = set_sample(a, other, discard_review=True)
    assert replaced.fieldwork.review == {} and replaced.fieldwork.sample.ids == ["Z-999"]


def test_answers_only_for_sampled_files_and_removal():
    a, _, sample = with_everything()
    with pytest.raises(FieldworkError, match="file 'Z-999' is not in the sample"):
        set_answer(a, "Z-999", "H-1", "ack", "pass")
    cleared = set_answer(a, sample.ids[0], "H-1", "ack", None)
    assert cleared.fieldwork.review == {}


def test_the_version_history_names_fieldwork_changes():
    from assessment.store.history import diff, summarise

    a, _, sample = with_everything()
    base = a.model_copy(update={"fieldwork": None})
    assert summarise(diff(base, a), "en") == (
        "register analysis klachten.xlsx: 6 complaints; sample of 3 drawn (seed 5); "
        f"file review {sample.ids[0]} changed"
    )
    assert summarise(diff(base, a), "nl").startswith(
        "registeranalyse klachten.xlsx: 6 klachten; steekproef van 3 getrokken (startgetal 5)"
    )
    assert summarise(diff(a, base), "nl") == (
        f"registeranalyse verwijderd; steekproef verwijderd; dossiertoets {sample.ids[0]} gewijzigd"
    )
