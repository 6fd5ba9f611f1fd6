"""The field-by-field changes an import would make."""

from assessment.assessments import parse_assessment
from assessment.diff import assessment_changes
from tests.helpers import method_data


def test_changes_by_path_with_evidence_by_id():
    before = parse_assessment(method_data(), "a.json")
    data = method_data()
    data["responses"]["A-1"]["level"] = 2
    data["responses"]["B-2"] = {"note": "nieuw"}
    del data["actions"]["B-1"]["owner"]
    data["evidence"] = data["evidence"][1:]  # E1 removed; the others keep their ids
    data["evidence"][0]["criteria"] = ["A-1", "B-1"]
    after = parse_assessment(data, "b.json")
    changes = [(c.path, c.before, c.after, c.kind) for c in assessment_changes(before, after)]
    assert changes == [
        ("responses.A-1.level", 3, 2, "changed"),
        ("responses.B-2.note", None, "nieuw", "added"),
        ("evidence.E2.criteria", "A-1", "A-1, B-1", "changed"),
        ("actions.B-1.owner", "Team KCC", None, "removed"),
        ("evidence.E1.kind", "document", None, "removed"),
        ("evidence.E1.title", "Regeling", None, "removed"),
        ("evidence.E1.criteria", "A-1, A-2, B-1", None, "removed"),
        ("evidence.E1.link", "https://intranet.example/regeling", None, "removed"),
    ]
    assert assessment_changes(before, before) == []


def test_a_change_keeps_its_keys_for_a_reader():  # an id may hold a dot: LEARN.2
    data = method_data()
    before = parse_assessment(data, "a.json")
    data["responses"]["A-1"]["note"] = "anders"
    (change,) = assessment_changes(before, parse_assessment(data, "b.json"))
    assert change.parts == ("responses", "A-1", "note") and change.path == "responses.A-1.note"
    from ui.conflict import field_label

    assert field_label(change.parts, "nl") == "Criterium A-1 · toelichting"
    assert field_label(("responses", "LEARN.2", "level"), "en") == "Criterion LEARN.2 · level"


def test_every_field_of_the_demo_has_a_name_for_a_reader():
    """The dry run's table names each field in the page's language, ids aside."""
    from assessment.demo import demo_assessment
    from assessment.diff import _fields
    from ui.conflict import field_label

    demo = demo_assessment("nl")
    assert field_label(("organisation", "sector"), "nl") == "Organisatie · sector"
    assert field_label(("organisation", "handling"), "nl") == "Organisatie · klachtbehandeling"
    assert field_label(("evidence", "E3", "file", "media_type"), "nl") == (
        "Bewijs E3 · bestand · mediatype"
    )
    assert field_label(("criteria_set", "id"), "nl") == "criteriaset · id"
    sample_seed = field_label(("fieldwork", "sample", "seed"), "nl")
    assert sample_seed == "Veldwerk · steekproef · startgetal"
    ids = set(demo.responses) | set(demo.actions) | {e.id for e in demo.evidence}
    for parts in _fields(demo):
        words = field_label(parts, "nl").replace(" · ", " ").split()
        unnamed = [w for w in words if "_" in w and w not in ids]
        assert not unnamed, (parts, unnamed)
