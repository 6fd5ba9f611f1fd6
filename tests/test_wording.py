"""One place per text (docs/wording.md): the app's labels take a text another table holds
from that table instead of repeating it."""

from __future__ import annotations

import ast

from assessment import charts, messages
from assessment.compare import COMPARE_WORDS
from assessment.i18n import LANGUAGES
from assessment.workshop import APPENDIX_WORDS
from tests.helpers import ROOT
from ui.labels import LABELS, t


def _homes() -> dict[tuple[str, str], str]:
    """Each (nl, en) pair a home table holds, and where."""
    homes: dict[tuple[str, str], str] = {}
    for name, table in (
        ("compare.COMPARE_WORDS", COMPARE_WORDS),
        ("messages.VERDICTS", messages.VERDICTS),
        ("messages.KIND_WORDS", messages.KIND_WORDS),
        ("messages.STATUS_WORDS", messages.STATUS_WORDS),
    ):
        for key, text in table.items():
            homes[(text["nl"], text["en"])] = f"{name}[{key!r}]"
    # the appendix's and the charts' phrases; their single words (Criterion, Level, Who) are
    # everyone's, and the entries that share one are listed in SHARED below
    for key in APPENDIX_WORDS["nl"]:
        pair = (APPENDIX_WORDS["nl"][key], APPENDIX_WORDS["en"][key])
        if " " in pair[1]:
            homes[pair] = f"APPENDIX_WORDS {key}"
    for key in charts._LABELS["nl"]:
        pair = (charts.chart_label(key, "nl"), charts.chart_label(key, "en"))
        if " " in pair[1]:
            homes[pair] = f"charts {key}"
    return homes


# App labels whose text lives in another table: each is built from it, never a literal.
SHARED = (
    "verdict",
    "overall_readiness",
    "per_pillar",
    "cmp_overall",
    "cmp_verdict",
    "cmp_answered",
    "cmp_not_in_pack",
    "ws_low",
    "ws_median",
    "ws_high",
    "ws_col_who",
    "ws_comments",
    "ws_anonymous_badge",
    "on_audit_day",
    "col_claimed",
    "col_evidenced",
    "col_point",
    "col_at_risk",
)


def test_a_shared_label_is_taken_from_its_table() -> None:
    tree = ast.parse((ROOT / "ui" / "labels.py").read_text(encoding="utf-8"))
    built = {
        key.value: isinstance(value, ast.Call)
        for node in ast.walk(tree)
        if isinstance(node, ast.Dict)
        for key, value in zip(node.keys, node.values, strict=True)
        if isinstance(key, ast.Constant)
    }
    assert [key for key in SHARED if not built.get(key)] == []


def _literal_pairs() -> list[tuple[int, tuple[str, str]]]:
    tree = ast.parse((ROOT / "ui" / "labels.py").read_text(encoding="utf-8"))
    return [
        (node.lineno, (node.elts[0].value, node.elts[1].value))
        for node in ast.walk(tree)
        if isinstance(node, ast.Tuple)
        and len(node.elts) == 2
        and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
    ]


def test_the_app_labels_repeat_no_text_of_another_table() -> None:
    homes = _homes()
    copies = [
        f"ui/labels.py:{line}: {pair} is {homes[pair]}"
        for line, pair in _literal_pairs()
        if pair in homes
    ]
    assert copies == [], "take the text from its table (see docs/wording.md)"


def test_a_shared_entry_reads_the_same_as_its_home() -> None:
    assert t("cmp_overall", "nl") == COMPARE_WORDS["overall"]["nl"]
    assert t("ws_median", "en") == APPENDIX_WORDS["en"]["median"]
    assert t("col_at_risk", "nl") == charts.chart_label("at_risk", "nl")
    for key, pair in LABELS.items():
        assert len(pair) == len(LANGUAGES) and all(isinstance(s, str) for s in pair), key
