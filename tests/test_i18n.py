"""The language rules of assessment/i18n.py, and that no module keeps a copy of the fallback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assessment.i18n import DEFAULT_LANGUAGE, LANGUAGES, language, localise
from tests.helpers import ROOT


@pytest.mark.parametrize(
    ("asked", "shown"),
    [("nl", "nl"), ("en", "en"), ("de", "nl"), ("", "nl"), (None, "nl"), ("EN", "nl")],
)
def test_language_falls_back_to_dutch(asked: str | None, shown: str) -> None:
    assert language(asked) == shown


def test_every_supported_language_is_itself_and_the_default_is_dutch() -> None:
    assert DEFAULT_LANGUAGE == "nl"
    assert all(language(lang) == lang for lang in LANGUAGES)


def test_localise_falls_back_to_the_other_language() -> None:
    assert localise({"nl": "ja", "en": "yes"}, "en") == "yes"
    assert localise({"nl": "ja"}, "en") == "ja"
    assert localise({"en": "yes"}, "nl") == "yes"
    assert localise(None, "nl") == ""


# Copies of the fallback rule, in the shapes they had before it got one home.
_COPIES = re.compile(
    r'"en" if \w+ == "en" else "nl"'  # "en" if lang == "en" else "nl"
    r"|\w+ if \w+ in \(?\s*\"nl\", \"en\"\s*\)? else"  # lang if lang in ("nl", "en") else
    r"|\w+ if \w+ in (LANGUAGES|_\w+) else"  # value if value in LANGUAGES else ...
    r"|def _lang\("  # a private helper of one's own
    r'|\.get\(lang, \w+\["(nl|en)"\]\)'  # words.get(lang, words["en"])
)

# The report package is being reworked in another branch; its copies are known and switch to
# i18n.language there. The count may only go down.
_KNOWN: dict[str, int] = {}


def _copies() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for package in ("assessment", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "assessment/i18n.py":
                continue
            lines = [
                f"{rel}:{n}: {line.strip()}"
                for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1)
                if _COPIES.search(line)
            ]
            if lines:
                found[rel] = lines
    return found


def test_the_language_fallback_has_one_home() -> None:
    extra = [
        line
        for rel, lines in _copies().items()
        if len(lines) > _KNOWN.get(rel, 0)
        for line in lines
    ]
    assert extra == [], "use assessment.i18n.language instead of a copy of the fallback"


def test_the_pattern_finds_the_old_shapes() -> None:
    for old in (
        't = APPENDIX_WORDS["en" if lang == "en" else "nl"]',
        'return _TEXT[key][lang if lang in ("nl", "en") else "nl"]',
        "return value if value in LANGUAGES else DEFAULT_LANGUAGE",
        'return _OR[lang if lang in _OR else "nl"]',
        "def _lang(lang: str) -> str:",
        'return words.get(lang, words["en"]).format(**values)',
    ):
        assert _COPIES.search(old), old


def test_a_count_takes_the_noun_that_fits_it():
    from assessment.i18n import NOUNS, counted

    assert counted(1, "criterion", "nl") == "1 criterium"
    assert counted(3, "criterion", "nl") == "3 criteria"
    assert counted(0, "file", "nl") == "0 dossiers"
    assert counted(1, "complaint", "en") == "1 complaint"
    assert counted(2, "participant", None) == "2 deelnemers"  # Dutch by default
    for forms in NOUNS.values():
        assert set(forms) == {"nl", "en"}


def test_the_app_counts_with_the_nouns_too():
    from assessment.i18n import counted

    assert counted(1, "response", "nl") == "1 antwoord"
    assert counted(1, "evidence", "en") == "1 evidence item"
    assert counted(29, "evidence", "nl") == "29 bewijsstukken"
