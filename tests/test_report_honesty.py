"""The report says only what is true and traceable (issue 12): read from the demo's PDF.

One render of the demo (Dutch), its text read page by page; the English wording is checked on
the report's context, which the template prints as it is.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.method import score
from assessment.report import render
from assessment.report.context import build_context

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def demo():
    assessment = demo_assessment("nl")
    return load_catalog().pack_for(assessment.criteria_set), assessment


@pytest.fixture(scope="module")
def pdf(demo):
    pack, assessment = demo
    return render(pack, assessment, "nl", created=WHEN).pdf


@pytest.fixture(scope="module")
def pages(pdf):
    return [flat(p.extract_text()) for p in PdfReader(io.BytesIO(pdf)).pages]


def test_metadata_names_each_assessor_the_language_and_the_source_once(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    xmp = root["/Metadata"].get_object().get_data().decode()
    assert "<dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>" in xmp
    assert ">A. de Vries</rdf:li>" in xmp and ">M. Bakker</rdf:li>" in xmp
    assert len(root["/AF"]) == 1  # the attached assessment.json, listed once


def test_page_two_holds_the_verdict_with_its_condition_and_completeness(pages, demo):
    pack, assessment = demo
    result = score(pack, assessment, today=WHEN.date())
    done = result.completeness
    assert (done.answered, done.applicable) == (44, 49)
    page2 = pages[1]
    assert "Managementsamenvatting" in page2
    assert "44 van 49 criteria beantwoord" in page2.lower()  # in the panel's label
    assert "Voorwaardelijk gereed" in page2
    assert "Voorwaarde: Gereed als knock-out OPEN-08, HANDLE-02 en LEARN-04" in page2
    assert "uiterlijk 18 maart 2027 hun doelniveau halen" in page2
    # and the cover says it too
    assert "44 van 49 criteria beantwoord" in pages[0]
    assert "Rapportdatum 3 december 2026" in pages[0]


def test_the_forecast_is_labelled_and_counts_only_planned_points(pages, demo):
    pack, assessment = demo
    result = score(pack, assessment, today=WHEN.date())
    figure = f"{result.forecast.overall.readiness:.1f}".replace(".", ",")
    text = " ".join(pages[1:3])
    assert (
        f"Op de auditdag (1 april 2027), als elk gepland punt op tijd klaar is: totale "
        f"gereedheid {figure}%" in text
    )
    planned = len(result.forecast.planned)
    assert (
        f"Meegeteld zijn {planned} van de {len(result.improvement_points)} verbeterpunten" in text
    )
    assert "Niet gepland, dus niet meegeteld:" in text
    assert "loopt risico (niet af op de uiterste datum) (LEARN-01)" in text
    assert "1 knock-outpunt heeft geen eigenaar: HANDLE-02" in text
    # the at-risk knock-out LEARN-01 and the unowned HANDLE-02 are not counted
    assert "LEARN-01" not in result.forecast.planned and "HANDLE-02" not in result.forecast.planned
    assert result.forecast.verdict != "ready"


def test_not_checkable_items_are_marked_with_what_would_fix_them(pages):
    index = " ".join(p for p in pages if "Bewijsregister" in p)
    assert "niet controleerbaar: vul de datum in (de bron staat er al)" in index  # E27
    assert (
        "niet controleerbaar: voeg een bestand of een link toe, of een bron met een datum" in index
    )
    criteria = " ".join(p for p in pages if "Beoordeling per criterium" in p)
    assert re.search(r"E28 document · Klachtenjaarverslag 2025 \(niet controleerbaar", criteria)


def test_a_criterion_prints_its_own_rule_effort_and_how_the_deadline_was_made(pages, demo):
    pack, _ = demo
    own = next(c for _, c in pack.criteria() if c.requires)
    text = " ".join(pages)
    chapter = " ".join(p for p in pages if "Beoordeling per criterium" in p)
    section = chapter[chapter.index(f"{own.id} ") :]
    level = min(own.requires)
    assert re.search(rf"{level}: [^·]+\(eigen eis\)", section[:3000])
    # a point with a proposed deadline shows effort x gap and the count from the assessment date
    assert re.search(
        r"\d+ werkdagen per niveau × tekort \d = \d+ werkdagen; voorgesteld: \d+ werkdagen na "
        r"23 november 2026 = \d+ \w+ 202\d",
        text,
    )
    assert "eigen deadline 26 maart 2027 (voorgesteld was" in text


def test_missing_evidence_names_the_level_that_asks_for_it(pages):
    text = " ".join(pages)
    assert "Voor niveau 3 ontbreekt nog: een document (eis van niveau 2)." in text
    assert "Het bewijs is er" not in text
    assert "vraagt een document" not in text


def test_the_plan_names_its_exceptions_overdue_points_and_an_overloaded_owner(pages, demo):
    text = " ".join(p for p in pages if "Verbeterplan" in p)
    assert "een voorgestelde datum ligt nooit na 18 maart 2027" in text
    assert "Eigen deadlines na 18 maart 2027, dus met risico: LEARN-01 (26 maart 2027)." in text
    assert "Verlopen betekent: niet gereed en de deadline ligt vóór 3 december 2026." in text
    assert "VERLOPEN" in text
    assert re.search(r"Klachtencoördinator .{0,120}95 75 \(tot 18 maart 2027\) OVERBELAST", text)
    assert "december 2026" in text and "Per maand van de deadline" in text


def test_the_english_context_says_the_same(demo):
    pack, assessment = demo
    ctx = build_context(pack, assessment, "en", today=WHEN.date())
    assert ctx.completeness == "44 of 49 criteria answered"
    assert ctx.verdict.condition.startswith("Ready when knock-out OPEN-08, HANDLE-02 and LEARN-04")
    assert ctx.forecast.text.startswith(
        "On the audit day (1 April 2027), if every planned point is finished on time"
    )
    unchecked = {e.id: e.not_checkable for e in ctx.evidence if e.not_checkable}
    assert unchecked == {
        "E27": "not checkable: fill in the date (the source is there), or add a file or a link",
        "E28": "not checkable: add a file or a link, or a source with a date",
    }


def test_evidence_older_than_a_year_is_marked(pages, demo):
    _, assessment = demo
    old = [e.id for e in assessment.evidence if e.date and e.date.year < 2025]
    assert "E19" in old  # the demo's function profile of November 2024
    index = " ".join(p for p in pages if "Bewijsregister" in p)
    assert re.search(r"E19 .{0,200}?1 nov\.? 2024 meer dan een jaar vóór de beoordeling", index)
