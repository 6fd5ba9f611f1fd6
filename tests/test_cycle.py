"""The next cycle: carried-over responses to re-confirm, stale evidence, actions, pack changes."""

from datetime import date

import pytest

from assessment.assessments import Evidence, check_against_pack, parse_assessment
from assessment.cycle import is_stale, next_cycle, pack_changes, year_before
from assessment.errors import IkmError
from assessment.method import score
from assessment.packs import load_pack_bytes
from tests.helpers import DATA, method_data, method_pack

PACK = method_pack()
ON = date(2027, 11, 22)


def previous(**changes):
    data = method_data()
    data["evidence"][0]["date"] = "2026-11-22"  # exactly a year before ON: not stale
    data["evidence"][1]["date"] = "2026-11-21"  # a day older: stale
    data["actions"]["A-2"] = {"owner": "X", "status": "done"}
    data.update(changes)
    return parse_assessment(data, "prev.json")


def newer_pack(replace):
    text = (
        (DATA / "method.yaml")
        .read_text(encoding="utf-8")
        .replace('version: "1.0"', 'version: "2.0"')
    )
    for old, new in replace:
        assert old in text
        text = text.replace(old, new)
    return load_pack_bytes(text.encode(), "method-2.yaml")


def test_is_stale_is_more_than_a_year_before():
    def item(day):
        return Evidence(id="E", kind="document", title="t", date=day)

    assert not is_stale(item(date(2026, 11, 22)), ON)
    assert is_stale(item(date(2026, 11, 21)), ON)
    assert not is_stale(Evidence(id="E", kind="document", title="t"), ON)
    assert year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_responses_are_carried_over_to_reconfirm_and_count_as_unanswered():
    cycle = next_cycle(previous(), PACK, ON, PACK)
    new = cycle.assessment
    assert new.assessment_date == ON
    assert new.organisation == previous().organisation
    assert new.audit_date is None  # the previous audit date has passed
    assert cycle.to_confirm == ("A-1", "A-2", "B-1", "C-1")
    assert all(new.responses[cid].to_confirm for cid in cycle.to_confirm)
    assert new.responses["A-1"].level == 3
    result = score(PACK, new)
    assert not any(c.answered for c in result.criteria)
    # confirming one (removing the mark) makes it answered again
    confirmed = new.model_copy(
        update={
            "responses": {
                **new.responses,
                "A-1": new.responses["A-1"].model_copy(update={"to_confirm": False}),
            }
        }
    )
    assert score(PACK, confirmed).criterion("A-1").answered
    # the carried-over open action keeps last year's deadline: valid, and flagged as overdue
    assert [(x.path, x.severity) for x in check_against_pack(new, PACK, "n")] == [
        ("actions.B-1.deadline", "warning")
    ]


def test_evidence_keeps_dates_and_stale_items_are_listed():
    cycle = next_cycle(previous(), PACK, ON, PACK)
    assert [e.date for e in cycle.assessment.evidence][:2] == [
        date(2026, 11, 22),
        date(2026, 11, 21),
    ]
    assert cycle.stale == ("E2",)
    from assessment.cycle import cycle_lines

    lines = cycle_lines(cycle, PACK, "nl")
    assert "Ouder dan een jaar: 1 bewijsstuk (E2)" in lines  # one item, singular
    assert "Afgeronde acties die in de vorige zelfevaluatie blijven: 1 (A-2)" in lines


def test_open_actions_carried_done_ones_listed():
    cycle = next_cycle(previous(), PACK, ON, PACK)
    assert list(cycle.assessment.actions) == ["B-1"]
    assert cycle.assessment.actions["B-1"].owner == "Team KCC"
    assert cycle.carried_actions == ("B-1",)
    assert cycle.done_actions == ("A-2",)


def test_a_future_audit_date_is_kept():
    cycle = next_cycle(previous(audit_date="2028-03-01"), PACK, ON, PACK)
    assert cycle.assessment.audit_date == date(2028, 3, 1)


def test_newer_pack_changes_are_listed_and_the_result_is_valid():
    new = newer_pack(
        [
            (
                "      - id: C-1\n        title: Not applicable here",
                "      - id: C-1\n        mandatory: true\n        title: Not applicable here",
            ),
            ("      - id: B-2\n", "      - id: B-3\n"),
            ("title: Low target", "title: Low target, renamed"),
        ]
    )
    cycle = next_cycle(previous(), new, ON, PACK)
    changes = cycle.changes
    assert (changes.old_version, changes.new_version, changes.known) == ("1.0", "2.0", True)
    assert changes.added == ("B-3",)
    assert changes.removed == ("B-2",)
    assert [(c.id, c.fields) for c in changes.changed] == [
        ("A-2", ("title",)),
        ("C-1", ("mandatory",)),
    ]
    c1 = cycle.assessment.responses["C-1"]
    assert not c1.not_applicable and c1.to_confirm is False
    assert "niet van toepassing: Geen decentrale eenheden" in c1.note
    assert any("C-1: not applicable, but now a knock-out" in d for d in cycle.dropped)
    assert cycle.assessment.criteria_set.version == "2.0"
    problems = check_against_pack(cycle.assessment, new, "n")
    assert all(x.severity == "warning" and x.path.endswith(".deadline") for x in problems)


def test_removed_criteria_without_the_old_pack():
    new = newer_pack([("      - id: B-1\n", "      - id: B-9\n")])
    cycle = next_cycle(previous(), new, ON)
    assert cycle.changes.known is False
    assert cycle.changes.removed == ("B-1",)
    assert "B-1" not in cycle.assessment.responses and "B-1" not in cycle.assessment.actions
    assert all("B-1" not in e.criteria for e in cycle.assessment.evidence)
    assert pack_changes(PACK, PACK).any is False


def test_the_new_date_must_be_later():
    with pytest.raises(IkmError, match="must be after the previous assessment date"):
        next_cycle(previous(), PACK, date(2026, 11, 21), PACK)
