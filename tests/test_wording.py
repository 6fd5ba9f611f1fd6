"""One place per text (docs/wording.md): the app's labels take a text another table holds
from that table instead of repeating it."""

from __future__ import annotations

import ast
from pathlib import Path

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
    for key, texts in APPENDIX_WORDS.items():
        pair = (texts["nl"], texts["en"])
        if " " in pair[1]:
            homes[pair] = f"APPENDIX_WORDS {key}"
    for key in charts._LABELS:
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
    pairs: list[tuple[int, tuple[str, str]]] = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Dict):
            continue
        keys = [k.value if isinstance(k, ast.Constant) else None for k in node.keys]
        if keys == list(LANGUAGES) and all(
            isinstance(v, ast.Constant) and isinstance(v.value, str) for v in node.values
        ):
            pairs.append((node.lineno, (node.values[0].value, node.values[1].value)))
    return pairs


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
    assert t("ws_median", "en") == APPENDIX_WORDS["median"]["en"]
    assert t("col_at_risk", "nl") == charts.chart_label("at_risk", "nl")
    for key, texts in LABELS.items():
        assert list(texts) == list(LANGUAGES), key
        assert all(isinstance(texts[lang], str) and texts[lang] for lang in LANGUAGES), key


def _assigned_names(path: str | None) -> list[str]:
    """The names a module assigns at its top level (not those it imports)."""
    if path is None:
        return []
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    names: list[str] = []
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        names += [t.id for t in targets if isinstance(t, ast.Name)]
    return names


def _module_tables() -> list[tuple[str, dict]]:
    """Every module-level dict of assessment/ and ui/ (the places wording tables live)."""
    import importlib
    import pkgutil

    import assessment
    import ui

    found: list[tuple[str, dict]] = []
    for package in (assessment, ui):
        for info in pkgutil.walk_packages(package.__path__, f"{package.__name__}."):
            if ".migrations." in info.name:
                continue
            module = importlib.import_module(info.name)
            for name in _assigned_names(module.__file__):
                value = getattr(module, name, None)
                if isinstance(value, dict):
                    found.append((f"{info.name}.{name}", value))
    return found


def _shape(table: dict) -> str | None:
    """The old shapes a wording table must not have, by name; ``None`` when it is fine."""
    if not table:
        return None
    if set(table) == set(LANGUAGES) and all(isinstance(v, dict) for v in table.values()):
        return "{lang: {key: text}}"
    values = list(table.values())
    if all(
        isinstance(v, tuple) and len(v) == len(LANGUAGES) and all(isinstance(x, str) for x in v)
        for v in values
    ):
        return "{key: (nl, en)}"
    return None


def test_every_wording_table_has_the_one_shape() -> None:
    """{key: {nl, en}}: each text beside its translation, read with i18n.say / in_language."""
    wrong = [(name, shape) for name, table in _module_tables() if (shape := _shape(table))]
    assert wrong == [], "reshape to {key: {'nl': ..., 'en': ...}} (docs/wording.md)"


def test_the_shape_check_finds_the_old_shapes() -> None:
    assert _shape({"nl": {"a": "x"}, "en": {"a": "y"}}) == "{lang: {key: text}}"
    assert _shape({"a": ("x", "y"), "b": ("z", "w")}) == "{key: (nl, en)}"
    assert _shape({"a": {"nl": "x", "en": "y"}}) is None
    assert _shape({"nl": ["x"], "en": ["y"]}) is None  # one text of several paragraphs
