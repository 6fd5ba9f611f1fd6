"""Wording shared by the command line, the app and the report."""

from assessment.messages import level_needs, one_decimal, pct, signed, threshold
from tests.helpers import method_pack


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


def test_level_needs_names_what_is_missing():
    pack = method_pack()
    assert level_needs(pack, "A-1", 3, {"document"}, "nl") == (
        "niveau 3 vraagt een registratie of een interview"
    )
    assert (
        level_needs(pack, "A-1", 3, {"document"}, "en") == "level 3 needs a record or an interview"
    )
    assert level_needs(pack, "A-1", 3, {"document", "interview"}, "en") == ""
    assert level_needs(pack, "B-2", 4, set(), "en") == (
        "level 4 needs a document, a record or an interview and a metric"
    )


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
