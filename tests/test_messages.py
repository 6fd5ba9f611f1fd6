"""Wording shared by the command line, the app and the report."""

from datetime import date

from assessment.assessments import parse_assessment
from assessment.messages import (
    completeness_text,
    level_needs,
    one_decimal,
    pct,
    signed,
    threshold,
    unowned_knockouts_text,
    unplanned_text,
    verdict_condition,
)
from assessment.method import score
from tests.helpers import method_assessment, method_data, method_pack


def test_numbers_use_a_decimal_comma_in_dutch():
    assert pct(67.857, "nl") == "67,9%"
    assert pct(67.857, "en") == "67.9%"
    assert pct(None, "nl") == "–"
    assert one_decimal(2.04, "nl") == "2,0"
    assert one_decimal(None) == "–"
    assert signed(32.14, "nl") == "+32,1"
    assert signed(-3.0, "en") == "-3.0"
    assert threshold(62.5, "nl") == "62,5%"
    assert threshold(75, "en") == "75%"


def test_level_needs_names_what_is_missing_and_which_level_asks_it():
    pack = method_pack()
    assert level_needs(pack, "A-1", 3, {"document"}, "nl") == (
        "voor niveau 3 ontbreekt nog: een registratie of een interview (eis van niveau 3)"
    )
    assert level_needs(pack, "A-1", 3, {"document"}, "en") == (
        "for level 3 still missing: a record or an interview (required from level 3)"
    )
    assert level_needs(pack, "A-1", 3, {"document", "interview"}, "en") == ""
    # the missing document is level 2's requirement, even when level 3 is asked about
    assert level_needs(pack, "A-1", 3, {"record"}, "nl") == (
        "voor niveau 3 ontbreekt nog: een document (eis van niveau 2)"
    )
    assert level_needs(pack, "B-2", 4, set(), "en") == (
        "for level 4 still missing: a document (required from level 2), a record or an "
        "interview (required from level 3) and a metric (required from level 4)"
    )
    # B-1 replaces level 3 by an observation: its own rule is the one named
    assert level_needs(pack, "B-1", 3, {"document", "record"}, "en") == (
        "for level 3 still missing: an observation (required from level 3)"
    )


def test_completeness_wording():
    assert completeness_text(6, 7, "nl") == "6 van 7 criteria beantwoord"
    assert completeness_text(6, 7, "en") == "6 of 7 criteria answered"


def test_unplanned_points_and_unowned_knockouts_are_named():
    r = score(method_pack(), method_assessment(), today=date(2026, 12, 1))
    assert unplanned_text(r.improvement_points, "nl") == (
        "Niet gepland, dus niet meegeteld: 1 punt zonder eigenaar (B-2); 1 punt loopt risico "
        "(niet af op de uiterste datum) (B-1)."
    )
    assert unowned_knockouts_text(r.improvement_points, "en") == ""
    mandatory = score(
        method_pack(),
        method_assessment(responses={"A-1": {"level": 2}}),
        today=date(2026, 12, 1),
    )
    assert unowned_knockouts_text(mandatory.improvement_points, "nl") == (
        "1 knock-outpunt heeft geen eigenaar: A-1"
    )
    assert unowned_knockouts_text(mandatory.improvement_points, "en") == (
        "1 knock-out point has no owner: A-1"
    )


def test_the_verdict_names_its_condition():
    data = method_data()
    data["responses"]["A-1"] = {"level": 2}
    r = score(method_pack(), parse_assessment(data, "t.json"), today=date(2026, 12, 1))
    # A-1 (knock-out) gap 1; overall and p2 below their thresholds; 3 of 4 unanswered
    assert verdict_condition(r, method_pack(), "nl") == (
        "Gereed als knock-out A-1 uiterlijk 1 januari 2027 zijn doelniveau haalt, de totale "
        "gereedheid 75% haalt, pijler ‘Pillar two’ 60% haalt en het open criterium "
        "beantwoord is."
    )
    assert verdict_condition(r, method_pack(), "en") == (
        "Ready when knock-out A-1 reaches its target by 1 January 2027, overall readiness "
        "reaches 75%, pillar ‘Pillar two’ reaches 60% and the open criterion is answered."
    )


def test_the_condition_names_answers_to_reconfirm():
    data = method_data()
    data["responses"]["A-1"]["to_confirm"] = True
    r = score(method_pack(), parse_assessment(data, "t.json"))
    text = verdict_condition(r, method_pack(), "en")
    assert text.endswith("1 carried-over answer is confirmed and the open criterion is answered.")
    assert completeness_text(2, 4, "nl", 1) == "2 van 4 criteria beantwoord; 1 nog te bevestigen"


def test_checkable_wording_says_what_would_make_an_item_checkable():
    from assessment.assessments import Evidence
    from assessment.messages import checkable_label, checkable_text

    def item(**fields):
        return Evidence(id="E1", kind="document", title="Regeling", **fields)

    assert checkable_text(item(), "nl") == (
        "niet controleerbaar: voeg een bestand of een link toe, of een bron met een datum"
    )
    assert checkable_text(item(), "en") == (
        "not checkable: add a file or a link, or a source with a date"
    )
    assert checkable_text(item(source="intranet"), "nl").startswith(
        "niet controleerbaar: vul de datum in"
    )
    assert checkable_text(item(date="2025-01-01"), "en").startswith(
        "not checkable: fill in the source"
    )
    assert checkable_text(item(link="https://example.org"), "nl") == "controleerbaar"
    assert checkable_label(item(source="intranet", date="2025-01-01"), "en") == "checkable"


def test_a_latest_day_that_has_passed_is_not_asked_for():
    # the condition asked for target levels "vóór 27 november 2026" in a report of December
    data = method_data()
    data["responses"]["A-1"] = {"level": 2}
    r = score(method_pack(), parse_assessment(data, "t.json"), today=date(2027, 1, 4))
    assert verdict_condition(r, method_pack(), "nl").startswith(
        "Gereed als knock-out A-1 zijn doelniveau haalt (de uiterste datum, 1 januari 2027, is "
        "al voorbij), "
    )
    assert verdict_condition(r, method_pack(), "en").startswith(
        "Ready when knock-out A-1 reaches its target (the latest date, 1 January 2027, has "
        "passed), "
    )


def test_planned_points_past_their_deadline_are_named():
    # the forecast counts a planned point (an owner, no risk) even when its deadline has
    # passed; "if every planned point is finished on time" then needs saying which cannot be
    from assessment.messages import late_planned_text

    data = method_data()
    data["actions"]["B-2"] = {"owner": "Team KCC"}
    r = score(method_pack(), parse_assessment(data, "t.json"), today=date(2026, 12, 21))
    assert [p.criterion for p in r.improvement_points if p.planned and p.overdue] == ["B-2"]
    assert late_planned_text(r.improvement_points, "nl") == (
        "Meegeteld, maar al over de deadline: 1 punt (B-2)."
    )
    assert late_planned_text(r.improvement_points, "en") == (
        "Counted, but already past the deadline: 1 point (B-2)."
    )
    on_time = score(method_pack(), parse_assessment(data, "t.json"), today=date(2026, 12, 1))
    assert late_planned_text(on_time.improvement_points, "nl") == ""
