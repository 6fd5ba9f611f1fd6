"""Localised text: a plain string for every language, or a mapping ``{nl: ..., en: ...}``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, TypeVar, cast

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
DEFAULT_LANGUAGE: Language = "nl"

LocalText = str | dict[str, str]

_V = TypeVar("_V")

# The one shape of every wording table: {key: {"nl": text, "en": text}}, each text beside its
# translation (docs/wording.md). A value may be a format string or, rarely, a list of them.
Wording = Mapping[str, Mapping[str, _V]]


def language(lang: str | None) -> Language:
    """The language to show for ``lang``: itself when supported, else the default (Dutch).

    The one home of the fallback: every table keyed by language is read with
    ``table[language(lang)]``.
    """
    return cast(Language, lang) if lang in LANGUAGES else DEFAULT_LANGUAGE


def localise(text: LocalText | None, lang: str = DEFAULT_LANGUAGE) -> str:
    """The text in ``lang``; a missing language falls back to the other one; ``None`` gives ''."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    if text.get(lang):
        return text[lang]
    for other in LANGUAGES:
        if text.get(other):
            return text[other]
    return next((value for value in text.values() if value), "")


def languages_of(text: LocalText | None) -> set[str]:
    """The languages a text declares explicitly (empty for a plain string)."""
    if isinstance(text, dict):
        return {lang for lang, value in text.items() if value}
    return set()


def say(table: Wording[_V], key: str, lang: str | None) -> _V:
    """The text of ``key`` in a wording table, in the language to show for ``lang``."""
    return table[key][language(lang)]


def in_language(table: Wording[_V], lang: str | None) -> dict[str, _V]:
    """A wording table read in one language: ``{key: text}`` (for templates and tables)."""
    chosen = language(lang)
    return {key: texts[chosen] for key, texts in table.items()}


# Nouns that follow a count, singular and plural: "1 criterium", "3 criteria" (see counted)
NOUNS: Wording[tuple[str, str]] = {
    "criterion": {"nl": ("criterium", "criteria"), "en": ("criterion", "criteria")},
    "file": {"nl": ("dossier", "dossiers"), "en": ("file", "files")},
    "complaint": {"nl": ("klacht", "klachten"), "en": ("complaint", "complaints")},
    "participant": {"nl": ("deelnemer", "deelnemers"), "en": ("participant", "participants")},
    "workshop": {"nl": ("workshop", "workshops"), "en": ("workshop", "workshops")},
    "response": {"nl": ("antwoord", "antwoorden"), "en": ("response", "responses")},
    "evidence": {"nl": ("bewijsstuk", "bewijsstukken"), "en": ("evidence item", "evidence items")},
    "point": {"nl": ("punt", "punten"), "en": ("point", "points")},
}


def counted(n: int, noun: str, lang: str | None) -> str:
    """A count with the noun that fits it, in ``lang``: ``1 criterium``, ``3 criteria``."""
    one, many = say(NOUNS, noun, lang)
    return f"{n} {one if n == 1 else many}"
