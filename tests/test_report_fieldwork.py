"""The report's fieldwork chapter: its content, the partial, and the PDF with its chart."""

from __future__ import annotations

import importlib
import io
import re
from datetime import date
from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from weasyprint.formatting_structure.boxes import TableBox

from assessment.fieldwork.analysis import analyse, terms_for
from assessment.fieldwork.evidence import add_register_evidence, add_review_evidence
from assessment.fieldwork.reading import parse_register
from assessment.fieldwork.record import (
    register_record,
    sample_record,
    set_analysis,
    set_answer,
    set_sample,
)
from assessment.fieldwork.sampling import draw_sample
from assessment.report.context import build_context
from assessment.report.fieldwork import fieldwork_chapter, month_bars
from assessment.report.rendering import environment
from tests.fieldwork_registers import MESSY, PERSONAL, TODAY, to_csv
from tests.test_fieldwork_filereview import sampled
from tests.test_fieldwork_record import PACK

render_module = importlib.import_module("assessment.report.rendering")


def with_fieldwork(department: str = "Burgerzaken"):
    rows = [list(r) for r in MESSY]
    rows[1][6] = department
    register = parse_register(to_csv(rows), "klachten.csv")
    analysis = analyse(register, terms_for(PACK), TODAY)
    sample = draw_sample(
        analysis.complaints, 4, 3, by="department", register_sha256=register.sha256
    )
    a = sampled()
    a = set_analysis(a, register_record(analysis, date(2026, 3, 2)))
    a = set_sample(a, sample_record(sample, date(2026, 3, 2)), discard_review=True)
    for i, file_id in enumerate(sample.ids):
        a = set_answer(a, file_id, "H-1", "ack", "fail" if i == 0 else "pass")
    a, _ = add_register_evidence(a, ["H-1", "H-2"], "nl")
    a, _ = add_review_evidence(a, PACK, "nl", date(2026, 3, 3))
    return a, register, sample


def test_chapter_content():
    a, register, sample = with_fieldwork()
    chapter = fieldwork_chapter(PACK, a, "nl")
    reg = chapter.register
    assert reg.sha256 == register.sha256 and reg.name == "klachten.csv"
    assert dict(reg.figures) == {
        "Klachten": "6",
        "Overgeslagen rijen": "4",
        "Ontvangst tijdig bevestigd": "50,0% (3 van 6)",
        "Tijdig afgehandeld (van de afgehandelde)": "66,7% (2 van 3)",
        "Open": "3",
        "Open en over de termijn": "1",
    }
    assert reg.terms == "ontvangstbevestiging 5 werkdagen, besluit 42 kalenderdagen " \
        "(criteriaset fieldwork-test)"  # fmt: skip
    assert reg.dropped == "Naam klager, E-mail"
    assert [(b.month, b.complaints) for b in reg.bars] == [("2026-01", 3), ("2026-02", 3)]
    assert chapter.sample.ids == ", ".join(sample.ids)
    assert chapter.sample.text == (  # Dutch words and a Dutch date
        "4 dossiers uit 6 klachten, startgetal 3, gestratificeerd naar afdeling, getrokken op "
        "2 maart 2026."
    )
    total = chapter.review[0]
    assert (total.criterion, total.total, total.passes, total.fails) == ("H-1", True, 3, 1)
    assert total.conformity == "75,0%" and total.interval == "30,1% – 95,4%"
    assert [row.check for row in chapter.review if row.criterion == "H-1"] == [
        "alle controles",
        "Ontvangst tijdig bevestigd",
        "Besluit gemotiveerd",
    ]
    assert [(b.criterion, b.evidence) for b in chapter.backs] == [("H-1", "E1, E2"), ("H-2", "E1")]
    assert fieldwork_chapter(PACK, sampled().model_copy(update={"fieldwork": None}), "nl") is None


def test_each_fail_traces_to_its_file_and_unreviewed_files_are_named():
    # an auditor could not trace a conformity to the files behind it, nor see that 2 of the
    # 12 sampled files had no answer at all
    a, _, sample = with_fieldwork()
    chapter = fieldwork_chapter(PACK, a, "nl")
    assert [(f.file, f.answered, f.asked, f.fails) for f in chapter.files] == [
        (sample.ids[0], 1, 3, "H-1 (ack)"),
        *((file_id, 1, 3, "–") for file_id in sample.ids[1:]),
    ]
    assert [row.check_id for row in chapter.review if row.criterion == "H-1"] == [
        "",
        "ack",
        "answer",
    ]
    assert chapter.unreviewed == ""
    # one file's answer taken back: it is named, and the table still lists it
    review = dict(a.fieldwork.review)
    del review[sample.ids[-1]]
    fieldwork = a.fieldwork.model_copy(update={"review": review})
    fewer = fieldwork_chapter(PACK, a.model_copy(update={"fieldwork": fieldwork}), "en")
    assert fewer.unreviewed == (
        f"Not reviewed yet: 1 file of the sample ({sample.ids[-1]}); the conformity above "
        "counts only the reviewed files."
    )
    assert fewer.files[-1].answered == 0
    html = html_of(a.model_copy(update={"fieldwork": fieldwork}))
    assert "Nog niet getoetst: 1 dossier uit de steekproef" in html
    assert "H-1 (ack)" in html and "Per dossier" in html
    # nothing reviewed: "no files reviewed yet", no table of empty rows
    none = fieldwork.model_copy(update={"review": {}})
    empty = fieldwork_chapter(PACK, a.model_copy(update={"fieldwork": none}), "nl")
    assert empty.files == () and empty.unreviewed == ""


def test_month_bars_fill_the_gaps_and_scale_to_the_highest():
    from assessment.fieldwork.record import GroupFigures

    bars = month_bars(
        {"2025-11": GroupFigures(complaints=4), "2026-01": GroupFigures(complaints=2)}
    )
    assert [(b.month, b.complaints) for b in bars] == [
        ("2025-11", 4),
        ("2025-12", 0),
        ("2026-01", 2),
    ]
    assert bars[1].height == 0 and bars[0].height == pytest.approx(2 * bars[2].height)


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.sections = [], []

    def handle_starttag(self, tag, attrs):
        if tag == "section":
            self.sections.append(dict(attrs).get("id"))

    def handle_data(self, data):
        self.parts.append(data)


def html_of(a):
    ctx = build_context(PACK, a, "nl")
    charts = {n: f"charts/{n}.svg" for n in render_module.chart_names(ctx)}
    template = environment().get_template("report.html")
    alts = {n: render_module.chart_alt(ctx, n) for n in charts}
    return template.render(
        r=ctx, t=ctx.t, charts=charts, chart_alt=alts, created="2026-03-03T00:00:00Z"
    )


def test_the_partial_is_included_only_with_fieldwork_and_escapes_text():
    a, register, _ = with_fieldwork(department="<b>Zorg & Welzijn</b>")
    html = html_of(a)
    parser = _Text()
    parser.feed(html)
    assert "fieldwork" in parser.sections
    assert '<li><a href="#fieldwork">Veldwerk: klachtenregister en dossiertoets</a></li>' in html
    assert "&lt;b&gt;Zorg &amp; Welzijn&lt;/b&gt;" in html and "<b>Zorg" not in html
    assert register.sha256 in html
    assert len(re.findall(r"<rect ", html)) == 2
    for secret in PERSONAL:
        assert secret not in html
    # without fieldwork the chapter and its contents line are left out
    plain = a.model_copy(update={"fieldwork": None})
    assert build_context(PACK, plain, "nl").fieldwork is None
    assert 'id="fieldwork"' not in html_of(plain) and "#fieldwork" not in html_of(plain)


def test_the_pdf_shows_the_chapter():
    a, register, sample = with_fieldwork()
    out = render_module.render(PACK, a, "en", keep_document=True)
    pdf = out.pdf
    # the check's text gets room: it is the widest column of the review table
    (table,) = [
        box
        for page in out.document.pages
        for box in page._page_box.descendants()
        if isinstance(box, TableBox) and "fieldwork-review" in box.element.get("class", "")
    ]
    widths = list(table.column_widths)
    assert len(widths) == 8 and widths[1] == max(widths) and widths[1] > 30 * 96 / 25.4
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert text.count("Fieldwork: complaint register and file review") >= 2  # contents, heading
    assert "75.0%" in text and sample.ids[0] in text
    assert register.sha256[:20] in text.replace("\n", "")


def test_the_fieldworks_words_read_in_the_reports_language():
    a, _, _ = with_fieldwork()
    analysis = a.fieldwork.analysis.model_copy(
        update={"dropped_columns": ["Naam klager", "(2 without a header)"]}
    )
    a = a.model_copy(update={"fieldwork": a.fieldwork.model_copy(update={"analysis": analysis})})
    for lang, dropped, sources in (
        ("nl", "Naam klager, (2 zonder kolomkop)", {"klachtenregister", "dossiertoets"}),
        ("en", "Naam klager, (2 without a header)", {"complaint register", "file review"}),
    ):
        ctx = build_context(PACK, a, lang)
        assert ctx.fieldwork.register.dropped == dropped
        assert {e.source for e in ctx.evidence} == sources
