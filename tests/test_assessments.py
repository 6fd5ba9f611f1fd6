"""Assessment files (SPEC section 2): one bad file per rule in tests/data/assessments/."""

import json

import pytest

from assessment.assessments import (
    Assessment,
    load_assessment,
    load_assessment_bytes,
    parse_json_text,
)
from assessment.catalog import Catalog
from assessment.errors import AssessmentError, InputFileError
from tests.helpers import DATA, method_pack

BAD = DATA / "assessments"

EXPECTED = {
    "unknown-criterion-response.json": ["responses.Z-9: unknown criterion id 'Z-9'"],
    "unknown-criterion-evidence.json": ["evidence[1].criteria[1]: unknown criterion id 'Z-9'"],
    "unknown-criterion-action.json": ["actions.Z-9: unknown criterion id 'Z-9'"],
    "level-outside-scale.json": ["responses.A-1.level: level 5 is outside the scale 0..4"],
    "unknown-kind.json": [
        "evidence[0].kind: unknown evidence kind 'memo' "
        "(use one of: document, record, interview, observation, metric, other)"
    ],
    "duplicate-evidence-id.json": ["evidence[2].id: duplicate evidence id 'E1' (also evidence[0])"],
    "na-without-justification.json": [
        "responses.C-1.justification: not applicable needs a justification"
    ],
    "mandatory-na.json": [
        "responses.A-1.not_applicable: a mandatory criterion cannot be not applicable"
    ],
    "bad-date.json": ["audit_date: '2027-02-30' is not a valid date"],
    "bad-date-format.json": ["assessment_date: '23-11-2026' is not a date in the form YYYY-MM-DD"],
    "bad-deadline.json": ["actions.B-1.deadline: 'next week' is not a date in the form YYYY-MM-DD"],
    "bad-status.json": ["actions.B-1.status: must be 'open', 'in_progress' or 'done'"],
    "unknown-top-level-field.json": ["score: unknown field 'score'"],
    "missing-required.json": ["assessment_date: required field is missing"],
    "missing-organisation-name.json": ["organisation.name: required field is missing"],
    "unknown-pack.json": [
        "criteria_set.id: criteria pack 'no-such-pack' is not loaded (loaded: method-test); "
        "add it with --criteria PATH"
    ],
    "duplicate-key.json": ["duplicate key 'audit_date' (a value would be lost)"],
    "not-an-object.json": ["an assessment must be a JSON object"],
}


@pytest.fixture(scope="module")
def catalog():
    return Catalog([method_pack()])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_assessment_reports_exact_problems(name, catalog):
    path = BAD / name
    with pytest.raises(AssessmentError) as info:
        load_assessment(path, catalog.pack_for)
    assert [str(p) for p in info.value.problems] == [f"{path}: {e}" for e in EXPECTED[name]]


def test_every_bad_file_is_covered():
    on_disk = {p.name for p in BAD.glob("*.json")}
    assert on_disk == set(EXPECTED) | {"syntax-error.json", "empty.json", "version-mismatch.json"}


def test_syntax_error_has_line_and_column(catalog):
    with pytest.raises(AssessmentError, match=r"syntax-error.json:11: JSON syntax error, column"):
        load_assessment(BAD / "syntax-error.json", catalog.pack_for)


def test_empty_file(catalog):
    with pytest.raises(InputFileError, match=r"empty.json: file is empty"):
        load_assessment(BAD / "empty.json", catalog.pack_for)
    with pytest.raises(InputFileError, match=r"missing.json: file not found"):
        load_assessment(BAD / "missing.json", catalog.pack_for)


def test_version_mismatch_is_a_warning_not_an_error(catalog):
    _, pack, warnings = load_assessment(BAD / "version-mismatch.json", catalog.pack_for)
    assert pack.id == "method-test"
    assert [str(w) for w in warnings] == [
        f"{BAD / 'version-mismatch.json'}: criteria_set.version: warning: version '0.9' "
        "differs from the loaded pack's version '1.0'; scores use the loaded pack"
    ]


def test_several_errors_are_reported_together(catalog):
    data = json.loads((DATA / "method-assessment.json").read_text())
    data["responses"]["A-1"]["level"] = 9
    data["responses"]["Q-1"] = {"level": 1}
    data["evidence"][2]["id"] = "E1"
    raw = json.dumps(data).encode()
    with pytest.raises(AssessmentError) as info:
        load_assessment_bytes(raw, "upload.json", catalog.pack_for)
    assert [p.path for p in info.value.problems] == [
        "evidence[2].id",
        "responses.A-1.level",
        "responses.Q-1",
    ]


def test_round_trip_keeps_everything(catalog):
    assessment, _, _ = load_assessment(DATA / "method-assessment.json", catalog.pack_for)
    again = Assessment.model_validate(parse_json_text(assessment.to_json(), "again.json"))
    assert again == assessment
    data = json.loads(assessment.to_json())
    assert list(data)[:4] == ["schema_version", "criteria_set", "organisation", "assessment_date"]
    assert data["actions"]["B-1"] == {
        "owner": "Team KCC",
        "deadline": "2027-01-08",
        "status": "in_progress",
    }


def test_levels_must_be_whole_numbers_not_strings_or_booleans(catalog):
    for bad in ("3", True, 2.5):
        data = json.loads((DATA / "method-assessment.json").read_text())
        data["responses"]["A-1"]["level"] = bad
        with pytest.raises(AssessmentError, match=r"responses.A-1.level"):
            load_assessment_bytes(json.dumps(data).encode(), "x.json", catalog.pack_for)


def test_unsupported_schema_version(catalog):
    data = json.loads((DATA / "method-assessment.json").read_text())
    data["schema_version"] = 2
    with pytest.raises(AssessmentError, match="schema_version 2 is not supported"):
        load_assessment_bytes(json.dumps(data).encode(), "x.json", catalog.pack_for)


def test_an_open_action_due_before_the_assessment_date_is_a_warning(catalog):
    data = json.loads((DATA / "method-assessment.json").read_text())
    data["actions"]["B-1"]["deadline"] = "2026-11-20"
    data["actions"]["A-2"] = {"deadline": "2026-10-01", "status": "done"}  # history: no warning
    _, _, warnings = load_assessment_bytes(json.dumps(data).encode(), "a.json", catalog.pack_for)
    assert [str(w) for w in warnings] == [
        "a.json: actions.B-1.deadline: warning: deadline 2026-11-20 is before the assessment "
        "date 2026-11-21; the point shows as overdue"
    ]


def test_an_audit_date_before_the_assessment_date_is_a_warning(catalog):
    from assessment.problem_words import in_language

    data = json.loads((DATA / "method-assessment.json").read_text())
    data["audit_date"] = "2020-02-29"
    _, _, warnings = load_assessment_bytes(json.dumps(data).encode(), "a.json", catalog.pack_for)
    english = [str(w) for w in warnings if "audit_date" in str(w)]
    assert english == [
        "a.json: audit_date: warning: audit date 2020-02-29 is before the assessment date "
        "2026-11-21; every improvement point is at risk"
    ]
    assert in_language(english[0], "nl") == (
        "a.json: audit_date: waarschuwing: auditdatum 2020-02-29 ligt vóór de datum van de "
        "beoordeling 2026-11-21; elk verbeterpunt loopt risico"
    )
    data["audit_date"] = data["assessment_date"]  # the same day: late, but not a mistake
    _, _, warnings = load_assessment_bytes(json.dumps(data).encode(), "a.json", catalog.pack_for)
    assert not [w for w in warnings if "audit_date" in str(w)]


def test_a_bad_evidence_date_names_the_date_field():
    from assessment.assessments import parse_assessment
    from tests.helpers import method_data

    data = method_data()
    data["evidence"][0]["date"] = "gisteren"
    with pytest.raises(AssessmentError) as info:
        parse_assessment(data, "a.json")
    assert [p.path for p in info.value.problems] == ["evidence[0].date"]
