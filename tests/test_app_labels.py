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
            "details",
            "new_assessment_form",
            "assess",
            "criterion_nav",
            "criterion_text",
            "answer",
            "answer_evidence",
            "fieldwork",
            "fieldwork_register",
            "fieldwork_sample",
            "fieldwork_review",
            "exchange",
            "comparison",
            "next_cycle",
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
    for key, texts in LABELS.items():
        nl, en = texts["nl"], texts["en"]
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


def test_the_stylesheet_holds_no_words_a_screen_reader_would_not_hear():
    from ui.style import stylesheet

    # words drawn by CSS (content: "…") are seen but not read aloud with the element's name
    assert "content:" not in stylesheet() and "font-size: 0" not in stylesheet()
    assert "<" not in stylesheet()  # nothing can close the style tag


def test_widget_text_puts_streamlits_own_words_in_dutch_and_leaves_english_alone():
    from ui import widget_text

    def say(text: str) -> str:  # the script's lookup, in Python
        table = widget_text.table("nl")
        if text in table["words"]:
            return table["words"][text]
        for pattern, to, names in table["patterns"]:
            if re.search(pattern, text):
                # an unmatched group is "" in JavaScript
                match = re.search(pattern, text)
                assert match is not None
                out = re.sub(r"\$(\d)", lambda g, m=match: m.group(int(g.group(1))) or "", to)
                if names:
                    out = re.sub(
                        r"Today, |[A-Z][a-z]+",
                        lambda w: table["names"].get(w.group(), w.group()),
                        out,
                    )
                return out
        return text

    assert say("Help for Bron (waar te vinden)") == "Uitleg bij Bron (waar te vinden)"
    assert say("Today, Thursday, December 3, 2026") == "vandaag, donderdag 3 december 2026"
    assert say("Friday, May 1, 2026") == "vrijdag 1 mei 2026"
    assert say("Choose date, March 2027") == "Datum kiezen, maart 2027"
    assert say("12 – December") == "12 – december"
    assert say("a.pdf, 1.2MB") == "a.pdf, 1,2 MB" and say("800KB") == "800 KB"
    assert say("Remove March report.pdf") == "March report.pdf verwijderen"  # a name stays
    assert say("Choose date") == "Datum kiezen" and say("yyyy") == "jjjj"
    # the uploader's button and "Select all" in our words, as text (heard as it is shown)
    assert say("Upload") == "Bestand kiezen" and say("Select all") == "Alles kiezen"
    english = widget_text.table("en")
    assert english["words"] == {"Upload": "Choose file"}  # "Select all" is ours already
    assert not english["patterns"] and not english["names"]
    assert "<" not in widget_text.script("nl").split("<script>", 1)[1].split("</script>")[0]


def test_a_count_of_one_takes_the_singular_where_there_is_one():
    from ui.labels import tn

    assert tn("fw_skipped", "nl", 1).startswith("1 rij overgeslagen")
    assert tn("fw_skipped", "nl", 2).startswith("2 rijen overgeslagen")
    assert tn("fw_warnings", "en", 1) == "1 warning:"
    assert tn("fw_warnings", "en", 3) == "3 warnings:"
    assert tn("ws_participants", "nl", 1) == "1 deelnemer"
    assert tn("fw_of", "nl", 1, c=1, o=2) == "1 van 2"  # no singular form: the plain label
