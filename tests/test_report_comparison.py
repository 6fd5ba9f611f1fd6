"""The comparison appendix: this assessment against an earlier one (issue 16)."""

from __future__ import annotations

import io
import json
import re
from datetime import UTC, datetime

from pypdf import PdfReader

from assessment.assessments import parse_assessment
from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.method import score
from assessment.report.comparison import comparison_appendix
from assessment.report.context import build_context
from assessment.report.rendering import render
from tests.helpers import run_ikm
from tests.report_sample import MINI_PACK, mini_assessment


def two_cycles():
    before = demo_assessment("nl")
    pack = load_catalog().pack_for(before.criteria_set)
    data = json.loads(before.to_json())
    data["assessment_date"] = "2027-11-22"
    data["responses"]["OPEN-01"] = {"level": 1}  # worse: 3 -> 1
    data["responses"]["RESULT-05"] = {"level": 2}  # claimed higher, but no evidence -> level 1
    after = parse_assessment(data, "after.json")
    return pack, before, after


def test_the_appendix_recomputes_both_and_lists_worse_first():
    pack, before, after = two_cycles()
    result = score(pack, after)
    appendix = comparison_appendix((pack, before), (pack, after, result), "nl")
    overall = next(r for r in appendix.groups if r.label == "Totaal")
    assert overall.before == f"{score(pack, before).overall.readiness:.1f}%".replace(".", ",")
    assert overall.worse
    first = appendix.criteria[0]
    assert first.label.startswith("OPEN-01 ") and (first.before, first.after) == ("3", "1")
    assert first.change == "-2" and first.worse
    assert any(r.label.startswith("RESULT-05") and r.change == "+1" for r in appendix.criteria)
    assert appendix.summary.startswith("Achteruitgegaan: 1 criterium; vooruitgegaan: ")


def mini_cycles():
    """Two cycles of the one-criterion pack: M-1 went from 1 to 0 (fast to render; the
    appendix's content is checked on the demo above, without a render)."""
    pack, before = mini_assessment(assessment_date="2026-11-23")
    _, after = mini_assessment(assessment_date="2027-11-22", responses={"M-1": {"level": 0}})
    return pack, before, after


def test_the_pdf_carries_the_appendix_and_its_contents_line():
    pack, before, after = mini_cycles()
    pdf = render(
        pack,
        after,
        "en",
        created=datetime(2027, 11, 23, tzinfo=UTC),
        previous=(pack, before),
    ).pdf
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]
    text = "\n".join(pages)
    assert text.count("Comparison with the previous assessment") >= 2  # contents and heading
    appendix = next(p for p in pages if "This assessment (22 November 2027) beside" in p)
    assert re.search(r"M-1 .{0,80}?\b1 0 -1\b", appendix, re.S), appendix
    assert build_context(pack, after, "en").comparison is None  # only when asked for


def test_ikm_report_compare(tmp_path):
    # the command's wiring of --compare, in Dutch, on the one-criterion pack
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "mini-pack.yaml").write_text(MINI_PACK, encoding="utf-8")
    _, before, after = mini_cycles()
    (tmp_path / "before.json").write_text(before.to_json())
    (tmp_path / "after.json").write_text(after.to_json())
    out = tmp_path / "r.pdf"
    criteria = ("--criteria", packs)
    done = run_ikm(
        "report", tmp_path / "after.json", "--compare", tmp_path / "before.json", "-o", out,
        *criteria,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    text = "".join(p.extract_text() for p in PdfReader(out).pages)
    assert "Vergelijking met de vorige beoordeling" in text
    assert re.search(r"M-1 .{0,80}?\b1 0 -1\b", text, re.S), text  # the one change, worse
    bad = run_ikm(
        "report", tmp_path / "after.json", "--compare", tmp_path / "no.json", "-o", out, *criteria
    )
    assert bad.returncode == 1 and "no.json" in bad.stderr and "Traceback" not in bad.stderr


def test_the_app_adds_the_appendix_when_a_comparison_is_chosen(db):
    import io as _io

    from tests.apptest_support import app, ok, page
    from ui import pdf as ui_pdf

    pack, before, after = mini_cycles()
    pack = db.save_pack_text(MINI_PACK, "mini-pack.yaml")
    first = db.create_assessment(before, pack)
    organisation = db.get_summary(first).organisation_id
    second = db.create_assessment(after, pack, organisation_id=organisation)
    at = ok(app(a=str(second)).run())
    page(at, "report")
    at.selectbox(key="report-compare").set_value(first)
    ok(at.button(key="make-pdf").click().run())
    kept = ui_pdf._pdf_cache().kept
    (made,) = [pdf for key, pdf in kept.items() if key[0] == second and key[-1] == first]
    text = "".join(p.extract_text() for p in PdfReader(_io.BytesIO(made)).pages)
    assert "Vergelijking met de vorige beoordeling" in text
