"""The app's labels and safe text: every label in Dutch and English, user text never markup."""

from __future__ import annotations

import re
import string

from tests.helpers import ROOT
from ui.labels import LABELS, md, t

UI = ROOT / "ui"
# The pages of the guided flow (the workshop pages test their own markup).
FLOW = [
    "app.py",
    *(
        f"ui/{name}.py"
        for name in (
            "start",
            "assess",
            "evidence",
            "results",
            "plan",
            "report",
            "layout",
            "labels",
            "state",
            "services",
            "nav",
        )
    ),
]


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_label_has_dutch_and_english_with_the_same_placeholders():
    for key, (nl, en) in LABELS.items():
        assert nl.strip() and en.strip(), key
        assert _fields(nl) == _fields(en), key


def test_every_label_the_pages_use_exists():
    used: set[str] = set()
    for path in UI.glob("*.py"):
        used |= set(re.findall(r"\bt\(\s*\"([a-z_0-9]+)\"", path.read_text(encoding="utf-8")))
    assert used, "no labels found"
    assert not used - set(LABELS)


def test_t_picks_the_language_and_fills_values():
    assert t("at_risk_count", "nl", n=2) == (
        "Verbeterpunten die niet op tijd klaar zijn voor de audit: 2."
    )
    assert t("at_risk_count", "en", n=2) == (
        "Improvement points that will not be done in time for the audit: 2."
    )


def test_md_escapes_every_markup_character_and_keeps_lines():
    text = "<b>x</b> [a](http://e) ![i](x) *y* _z_ `c` # h :smile: $x$\nline 2"
    escaped = md(text)
    assert not re.search(r"(?<!\\)[<>\[\]()*_`#:$]", escaped)
    assert escaped.replace("\\", "").replace("  \n", "\n") == text


def test_no_page_renders_html():
    for name in FLOW:
        path = ROOT / name
        source = path.read_text(encoding="utf-8")
        assert "unsafe_allow_html" not in source, path.name
        assert "st.html(" not in source, path.name


def test_the_stylesheet_words_streamlits_own_texts_in_the_pages_language():
    from ui.style import stylesheet

    assert 'content: "Bestand kiezen"' in stylesheet("nl")
    assert 'content: "Choose file"' in stylesheet("en")
    assert 'content: "Alles kiezen"' in stylesheet("nl")
    assert "<" not in stylesheet("nl") + stylesheet("en")  # nothing can close the style tag
