"""Changes to an assessment as pure functions (assessment.edits)."""

from datetime import date

from assessment import edits
from tests.helpers import method_assessment


def test_set_response_rules():
    a = method_assessment()
    b = edits.set_response(a, "B-2", level=2, note="nieuw")
    assert b.responses["B-2"].level == 2 and b.responses["B-2"].note == "nieuw"
    assert "B-2" not in a.responses  # the input is never changed
    na = edits.set_response(b, "B-2", not_applicable=True, justification="geen")
    assert na.responses["B-2"].level is None and na.responses["B-2"].not_applicable
    assert na.responses["B-2"].note == "nieuw"
    back = edits.set_response(na, "B-2", not_applicable=False, level=1)
    assert back.responses["B-2"].justification is None
    assert not back.responses["B-2"].not_applicable
    assert back.responses["B-2"].level == 1
    gone = edits.set_response(edits.set_response(a, "B-2", level=1), "B-2", level=None)
    assert "B-2" not in gone.responses  # an empty response disappears


def test_evidence_links_and_ids():
    a = method_assessment()
    b = edits.link_evidence(a, "B-2", ["E1", "E3"])
    assert [e.id for e in b.evidence if "B-2" in e.criteria] == ["E1", "E3"]
    c = edits.link_evidence(b, "A-1", ["E3"])
    assert [e.id for e in c.evidence if "A-1" in e.criteria] == ["E3"]  # E1, E2 unlinked
    assert c.evidence[0].criteria == ["A-2", "B-1", "B-2"]
    # linking one more item leaves the items already linked as they were (no change in the
    # history for them): E1's criteria keep their order
    first = c.evidence[0].criteria
    linked = edits.link_evidence(
        c, "A-2", [e.id for e in c.evidence if "A-2" in e.criteria] + ["E4"]
    )
    assert linked.evidence[0] is c.evidence[0] and linked.evidence[0].criteria == first
    assert linked.evidence[3].criteria[-1] == "A-2"
    d = edits.set_supports(a, "E2", ["B-1", "B-2"])
    assert d.evidence[1].criteria == ["B-1", "B-2"]

    assert edits.next_evidence_id(a) == "E5"  # the fixture holds E1 to E4
    e, new = edits.add_evidence(
        a, kind="metric", title="NPS", criteria=["B-2"], date=date(2026, 1, 5)
    )
    assert new == "E5" and e.evidence[-1].kind == "metric"
    f = edits.remove_evidence(e, "E2")
    assert [x.id for x in f.evidence] == ["E1", "E3", "E4", "E5"]
    assert edits.next_evidence_id(f) == "E6"  # ids are never reused while a higher one exists


def test_set_actions_and_details():
    a = method_assessment()
    b = edits.set_actions(a, {"B-2": {"owner": "KCC", "status": "open"}})
    assert b.actions["B-2"].owner == "KCC"
    assert b.actions["B-2"].status is None  # open is the default, not stored
    c = edits.set_actions(b, {"B-2": {"owner": None}, "B-1": {"status": "done"}})
    assert "B-2" not in c.actions
    assert c.actions["B-1"].status == "done" and c.actions["B-1"].owner == "Team KCC"

    d = edits.set_details(a, name="Nieuwe naam", sector="zorg", assessors=["X"])
    assert d.organisation.name == "Nieuwe naam" and d.organisation.sector == "zorg"
    assert d.assessment_date == a.assessment_date and d.audit_date is None
    assert d.language == a.language and d.assessors == ["X"]


def test_changing_the_level_confirms_a_carried_over_response_a_note_does_not():
    from assessment.edits import set_response

    a = method_assessment()
    a = a.model_copy(
        update={
            "responses": {
                **a.responses,
                "A-1": a.responses["A-1"].model_copy(update={"to_confirm": True}),
            }
        }
    )
    assert set_response(a, "A-1", note="n").responses["A-1"].to_confirm
    assert not set_response(a, "A-1", level=2).responses["A-1"].to_confirm
    confirmed = set_response(a, "A-1", to_confirm=None).responses["A-1"]
    assert (confirmed.level, confirmed.to_confirm, confirmed.answered) == (3, False, True)


def test_update_evidence_changes_fields_and_keeps_the_id():
    import pytest

    from assessment import edits
    from tests.helpers import method_assessment

    a = method_assessment()
    first = a.evidence[0]
    changed = edits.update_evidence(a, first.id, title="Nieuwe titel", source="intranet")
    item = changed.evidence[0]
    assert (item.id, item.title, item.source, item.kind) == (
        first.id,
        "Nieuwe titel",
        "intranet",
        first.kind,
    )
    assert changed.evidence[1:] == a.evidence[1:]
    assert a.evidence[0].title == first.title  # the original is untouched
    with pytest.raises(KeyError):
        edits.update_evidence(a, "E999", title="x")
