"""The PDF report: sections in both languages, metadata, the attached assessment, PDF/A,
determinism, the time limit and the ``ikm report`` command."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader
from report_sample import MINI_PACK, generated, mini_assessment, sample_assessment
from weasyprint.formatting_structure.boxes import TableRowGroupBox

from assessment import messages
from assessment.cli import main
from assessment.i18n import localise
from assessment.method import score
from assessment.report import ReportTimeout, render, render_pdf
from assessment.report.context import build_context, format_date
from assessment.report.errors import ReportCancelled
from assessment.report.labels import LABELS, labels
from assessment.report.rendering import checkpoint, run_with_timeout

SECTIONS = [
    "contents",
    "summary",
    "pillars",
    "plan",
    "criteria_detail",
    "tags",
    "evidence_index",
    "method",
    "signoff",
]


@pytest.fixture(scope="module")
def sample():
    return sample_assessment()


@pytest.fixture(scope="module", params=["nl", "en"])
def rendered(request, sample_render):
    out = sample_render(request.param)
    reader = PdfReader(io.BytesIO(out.pdf))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return request.param, out, reader, text


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_report_holds_every_section_and_the_facts(rendered, sample):
    lang, out, reader, text = rendered
    pack, assessment = sample
    t = labels(lang)
    body = flat(text)
    for key in SECTIONS:
        assert t[key] in body, key
    result = score(pack, assessment)
    assert messages.verdict_label(result.verdict, lang) in body
    assert messages.pct(result.overall.readiness, lang) in body
    assert assessment.organisation.name in body
    assert format_date(assessment.audit_date, lang) in body
    for pillar in pack.pillars:
        assert localise(pillar.title, lang) in body
    for point in result.improvement_points:
        assert point.criterion in body
    for item in assessment.evidence:
        assert item.id in body
    assert pack.sha256 in body.replace(" ", "")
    assert f"{t['page']} 2 {t['of']} {out.pages}" in body
    assert out.pages == len(reader.pages) > 10


def test_metadata_attachment_and_pdfa(rendered, sample):
    lang, out, reader, _ = rendered
    _, assessment = sample
    meta = reader.metadata
    assert assessment.organisation.name in meta.title
    assert meta.author == ", ".join(assessment.assessors)
    assert "ikm-readiness" in meta.subject
    assert reader.trailer["/Root"]["/Lang"] == lang
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged for screen readers
    attachments = reader.attachments
    assert list(attachments) == ["assessment.json"]
    embedded = attachments["assessment.json"][0].decode()
    assert embedded == assessment.to_json()
    assert json.loads(embedded)["organisation"]["name"] == assessment.organisation.name
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert out.fetcher.refused == []


def test_only_the_shipped_fonts_are_embedded(rendered):
    _, _, reader, _ = rendered
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(font.get_object()["/BaseFont"]).split("+")[-1])
    assert fonts and all(f.startswith(("Open-Sans", "Report-Mono")) for f in fonts), fonts


def test_table_of_contents_has_page_numbers(rendered):
    lang, _, reader, _ = rendered
    # the summary comes first after the cover, the contents after it
    assert re.search(rf"^1 ?{labels(lang)['summary']}$", reader.pages[1].extract_text(), re.M)
    toc = next(
        p.extract_text() for p in reader.pages if labels(lang)["contents"] in p.extract_text()
    )
    for chapter in ("summary", "plan", "evidence_index"):
        line = next(x for x in toc.splitlines() if labels(lang)[chapter] in x)
        page = int(re.search(r"(\d+)\s*$", line).group(1))
        assert labels(lang)[chapter] in reader.pages[page - 1].extract_text()


def test_table_headers_repeat_on_every_page_of_the_plan(rendered):
    lang, _, reader, _ = rendered
    t = labels(lang)
    texts = [page.extract_text() for page in reader.pages]
    start = next(i for i, text in enumerate(texts) if re.match(rf"\d+ ?{t['plan']}\n", text))
    # the pages after the plan's first one that carry its running header
    continued = []
    for text in texts[start + 1 :]:
        if not any(t["plan"] in line for line in text.splitlines()[-2:]) or t["timeline"] in text:
            break
        continued.append(text)
    assert continued, "the plan should span several pages"
    for text in continued:
        header = text.splitlines()[0]
        assert t["priority"] in header and t["owner"] in header, header


def test_rows_that_belong_together_are_never_split_over_pages():
    # An improvement point's text row and an evidence item's file row stay with their head
    # row; every table is one row group, so only break-before: avoid keeps them together.
    pack, assessment = generated(24, 120)
    out = render(pack, assessment, "nl", timeout=None, keep_document=True)
    firsts = []  # the classes of the first body row of a table on each page
    for page in out.document.pages:
        for group in page._page_box.descendants():
            if isinstance(group, TableRowGroupBox) and not group.is_header and group.children:
                firsts.append(set((group.children[0].element.get("class") or "").split()))
    evidence = [f for f in firsts if f & {"ev", "ev-file"}]
    plan = [f for f in firsts if f & {"point-head", "point-body"}]
    assert len(evidence) >= 3 and len(plan) >= 2, "both tables should span pages"
    assert all("ev" in f for f in evidence), evidence
    assert all("point-head" in f for f in plan), plan


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_pages_are_not_blank(rendered, tmp_path):
    from PIL import Image, ImageStat

    _, out, reader, _ = rendered
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(out.pdf)
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(pdf), str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(reader.pages)
    for png in pages:
        stat = ImageStat.Stat(Image.open(png).convert("L"))
        assert stat.stddev[0] > 5, f"{png.name} looks blank"


def test_context_traces_scores_to_evidence(sample):
    pack, assessment = sample
    ctx = build_context(pack, assessment, "en")
    result = ctx.result
    views = {c.id: c for p in ctx.pillars for c in p.criteria}
    for c in result.criteria:
        view = views[c.id]
        assert [e.id for e in view.evidence] == list(c.evidence_ids)
        if c.applicable and c.unbacked:
            finding = next(f for p in ctx.pillars for f in p.findings if f.criterion == c.id)
            assert f"claimed level {c.claimed}" in finding.text.lower()
    assert [p.criterion for p in ctx.points] == [p.criterion for p in result.improvement_points]
    assert ctx.forecast is not None and ctx.forecast.readiness in ctx.forecast_note


def test_same_input_same_file_apart_from_the_creation_date():
    pack, assessment = mini_assessment()
    when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    first = render(pack, assessment, "nl", created=when).pdf
    second = render(pack, assessment, "nl", created=when).pdf
    assert first == second
    # later the same day: the report date (and so every sentence) stays, the stamp changes
    later = render(pack, assessment, "nl", created=datetime(2026, 12, 1, 17, tzinfo=UTC)).pdf
    assert later != first
    a, b = PdfReader(io.BytesIO(first)), PdfReader(io.BytesIO(later))
    assert a.metadata["/CreationDate"].startswith("D:20261201093000")
    assert [p.extract_text() for p in a.pages] == [p.extract_text() for p in b.pages]

    # and in a fresh process with another hash seed (no shared fonts or stylesheets)
    code = (
        "import sys; from datetime import datetime, UTC\n"
        "from report_sample import mini_assessment\n"
        "from assessment.report import render\n"
        "pack, a = mini_assessment()\n"
        "sys.stdout.buffer.write(render(pack, a, 'nl', "
        "created=datetime(2026, 12, 1, 9, 30, tzinfo=UTC)).pdf)\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    other = subprocess.run(
        [sys.executable, "-c", code],
        cwd=Path(__file__).parent,
        env=env,
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    assert other == first


def _font_dates(pdf: bytes) -> set[int]:
    """The ``head.modified`` time of every font embedded in ``pdf`` (seconds since 1904)."""
    from fontTools.ttLib import TTFont

    dates = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            program = described["/FontDescriptor"].get_object().get("/FontFile2")
            if program is not None:
                dates.add(TTFont(io.BytesIO(program.get_object().get_data()))["head"].modified)
    return dates


def test_the_fonttools_subsetting_path_is_deterministic_too(monkeypatch):
    # Without libharfbuzz-subset0 WeasyPrint subsets the fonts with fontTools, which writes
    # the current time into each font. Force that path, and a clock that moves on by an
    # hour each time fontTools reads it: the two files must still be byte-identical.
    import weasyprint.pdf.fonts as pdf_fonts
    from fontTools.misc import timeTools

    class Clock:
        now = time.time()

        @classmethod
        def time(cls) -> float:
            cls.now += 3600
            return cls.now

    monkeypatch.setattr(pdf_fonts, "harfbuzz_subset", None)
    monkeypatch.setattr(timeTools, "time", Clock)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    used = []
    original = pdf_fonts.Font._fonttools_subset
    monkeypatch.setattr(
        pdf_fonts.Font,
        "_fonttools_subset",
        lambda font, *args: used.append(font.family) or original(font, *args),
    )
    pack, assessment = mini_assessment()
    when = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
    first = render(pack, assessment, "nl", created=when, timeout=None).pdf
    second = render(pack, assessment, "nl", created=when, timeout=None).pdf
    assert used, "the fontTools path was not taken"
    assert first == second
    # the fonts carry the report's creation date, and the variable is gone again
    assert _font_dates(first) == {timeTools.timestampSinceEpoch(int(when.timestamp()))}
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_a_cancelled_render_stops_at_its_next_checkpoint_and_says_so():
    calls = 0

    def asked() -> bool:  # as the report worker's check of its job's slot
        return calls >= 50

    def pages() -> None:  # like WeasyPrint: a checkpoint for every page
        nonlocal calls
        while True:
            calls += 1
            checkpoint()

    with pytest.raises(ReportCancelled, match="cancelled"):
        run_with_timeout(pages, 30, asked)
    assert calls == 50
    checkpoint()  # the check is gone with the render: nothing stops this thread
    assert run_with_timeout(lambda: "done", 30, lambda: False) == "done"


def test_a_runaway_render_is_stopped_from_any_thread():
    stopped = threading.Event()

    def runaway() -> None:  # like WeasyPrint: a checkpoint for every page
        try:
            while True:
                sum(range(1000))
                checkpoint()
        finally:
            stopped.set()

    start = time.monotonic()
    with pytest.raises(ReportTimeout):
        run_with_timeout(runaway, 0.2)
    assert time.monotonic() - start < 1
    assert stopped.wait(3), "the worker kept running"

    pack, assessment = sample_assessment()
    caught: list[BaseException] = []

    def in_other_thread() -> None:  # as in Streamlit's script thread
        try:
            render_pdf(pack, assessment, timeout=0.5)
        except BaseException as exc:
            caught.append(exc)

    worker = threading.Thread(target=in_other_thread)
    start = time.monotonic()
    worker.start()
    worker.join(10)
    assert time.monotonic() - start < 2
    assert len(caught) == 1 and isinstance(caught[0], ReportTimeout)
    assert "0.5 seconds" in str(caught[0])
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        t.name == "ikm-report-render" for t in threading.enumerate()
    ):
        time.sleep(0.05)
    assert not any(t.name == "ikm-report-render" for t in threading.enumerate())


def test_cli_report_writes_a_pdf_and_nothing_on_failure(tmp_path):
    _, assessment = mini_assessment()
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "mini.yaml").write_text(MINI_PACK, encoding="utf-8")
    source = tmp_path / "a.json"
    source.write_text(assessment.to_json(), encoding="utf-8")
    out = tmp_path / "report.pdf"
    args = ["report", str(source), "-o", str(out), "--criteria", str(tmp_path / "packs")]
    result = CliRunner().invoke(main, [*args, "--lang", "en"])
    assert result.exit_code == 0, result.output
    assert out.read_bytes().startswith(b"%PDF-")
    assert "Executive summary" in PdfReader(out).pages[2].extract_text()

    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1,', encoding="utf-8")
    bad_out = tmp_path / "bad.pdf"
    result = CliRunner().invoke(main, ["report", str(broken), "-o", str(bad_out)])
    assert result.exit_code == 1
    assert "broken.json" in result.output and "Traceback" not in result.output
    assert not bad_out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "a.json",
        "broken.json",
        "packs",
        "report.pdf",
    ]


def test_cli_report_refuses_a_missing_folder_before_rendering(tmp_path):
    _, assessment = sample_assessment()
    source = tmp_path / "a.json"
    source.write_text(assessment.to_json(), encoding="utf-8")
    result = CliRunner().invoke(main, ["report", str(source), "-o", str(tmp_path / "no" / "r.pdf")])
    assert result.exit_code == 1
    assert "does not exist" in result.output


def test_workshop_appendix_is_included_when_given():
    from assessment.workshop import RoundRecord, Vote, WorkshopSession, findings, workshop_appendix

    pack, assessment = mini_assessment()
    day = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    votes = findings(
        [RoundRecord("M-1", 1, (Vote("Anna <b>", 0, "<i>no</i>"), Vote("Bo", 2)), 2, day)],
        ["M-1"],
        [WorkshopSession(day, None, "Carla")],
    )
    appendix = workshop_appendix(votes, {"M-1": "One"}, "en")
    out = render(pack, assessment, "en", workshop=appendix)
    text = flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(out.pdf)).pages))
    assert text.count(appendix.t["title"]) >= 2  # the table of contents and the heading
    assert "Anna <b> 0" in text and "<i>no</i>" in text
    plain = render(pack, assessment, "en")
    assert appendix.t["title"] not in "".join(
        p.extract_text() for p in PdfReader(io.BytesIO(plain.pdf)).pages
    )


def test_report_wording_exists_in_both_languages():
    from datetime import date

    from assessment.report.labels import METHOD

    assert all(texts.keys() == {"nl", "en"} for texts in LABELS.values())
    assert len(METHOD["nl"]) == len(METHOD["en"])
    assert format_date(date(2027, 4, 1), "nl") == "1 april 2027"
    assert format_date(date(2027, 4, 1), "en") == "1 April 2027"
    assert format_date(None, "nl") == ""


def test_released_fonts_leave_no_temporary_folder_and_renders_go_on():
    from assessment.report.rendering import release_fonts

    render_module = sys.modules["assessment.report.rendering"]
    pack, assessment = mini_assessment()  # the fonts are the same for every report
    render(pack, assessment, "nl", timeout=None)
    folder = render_module._FONTS._folder
    assert folder is not None and Path(folder).is_dir()  # the @font-face fonts, copied
    release_fonts()
    assert not Path(folder).exists()
    assert render_module._FONTS is None
    again = render(pack, assessment, "nl", timeout=None)  # a new configuration
    assert again.pages >= 3 and again.pdf.startswith(b"%PDF-")
    assert render_module._FONTS._folder != folder


def test_releasing_the_fonts_does_not_wait_for_a_runaway_render():
    from assessment.report.rendering import RELEASE_WAIT, release_fonts

    render_module = sys.modules["assessment.report.rendering"]
    pack, assessment = mini_assessment()
    render(pack, assessment, "nl", timeout=None)
    folder = render_module._FONTS._folder
    held, done = threading.Event(), threading.Event()

    def runaway() -> None:  # holds the render lock like a render that was given up on
        with render_module._WEASYPRINT_LOCK:
            held.set()
            done.wait(10)

    thread = threading.Thread(target=runaway, daemon=True)
    thread.start()
    held.wait(5)
    start = time.monotonic()
    try:
        release_fonts()  # as at exit
    finally:
        done.set()
        thread.join(5)
    assert time.monotonic() - start < RELEASE_WAIT + 1
    assert not Path(folder).exists()


def test_each_figure_in_the_tagged_pdf_carries_its_data_as_alternative_text(rendered):
    lang, _, reader, _ = rendered
    alts: list[str] = []

    def walk(node) -> None:
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure":
            alts.append(str(node.get("/Alt", "")))
        kids = node.get("/K")
        if kids is not None:
            walk(kids)

    walk(reader.trailer["/Root"]["/StructTreeRoot"])
    assert alts, "no Figure in the structure tree"
    # every chart says its figures (a percentage or a date), not only its title
    assert all(re.search(r"\d", alt) and ";" in alt for alt in alts), alts
    assert any(labels(lang)["overall_readiness"].split()[-1].lower() in a.lower() for a in alts)
