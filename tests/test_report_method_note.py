"""The report's method chapter says that readiness is not a score in Gouden Oor points."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest

from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.report.context import build_context
from assessment.report.rendering import render_html


class _NoCharts(dict):
    def __missing__(self, key: str) -> str:
        return ""


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("nl", "Gereedheid is geen score in punten van het Gouden Oor"),
        ("en", "Readiness is not a score in Gouden Oor points"),
    ],
)
def test_method_chapter_says_readiness_is_not_gouden_oor_points(lang, sentence):
    pack = load_catalog().get("ikm-readiness")
    html = render_html(
        build_context(pack, demo_assessment(lang), lang), _NoCharts(), datetime.now(UTC)
    )
    method = re.search(r'<section class="chapter" id="method">(.*?)</section>', html, re.S)
    assert method is not None
    # the pack's own description (shown as a note) says it too: look outside it
    chapter = re.sub(r'<p class="note">.*?</p>', "", method.group(1), flags=re.S)
    assert sentence in chapter
    other = "Readiness is not" if lang == "nl" else "Gereedheid is geen"
    assert other not in chapter
