"""The problems of reading a file, in Dutch for the Dutch app: real loader output, translated."""

from __future__ import annotations

import json

import pytest

from assessment.errors import IkmError
from assessment.problem_words import _DUTCH, in_language


def _problem(store, raw: bytes, name: str) -> str:
    with pytest.raises(IkmError) as info:
        store.import_file(raw, name)
    return str(info.value)


def test_import_problems_read_in_dutch(sqlite_store):
    garbage = _problem(sqlite_store, b"dit is geen json", "rommel.json")
    assert in_language(garbage, "nl").endswith("geen geldige JSON, kolom 1")
    empty = _problem(sqlite_store, b"", "leeg.json")
    assert in_language(empty, "nl") == "leeg.json: het bestand is leeg"
    binary = _problem(sqlite_store, b"%PDF\xff\xfe", "echt.json")
    assert "geen UTF-8-tekst (ongeldige byte op positie" in in_language(binary, "nl")
    schema = _problem(sqlite_store, json.dumps({"foo": 1}).encode(), "schema.json")
    dutch = in_language(schema, "nl")
    assert "verplicht veld ontbreekt" in dutch and "onbekend veld 'foo'" in dutch
    assert "required" not in dutch and "unknown" not in dutch
    archive = _problem(sqlite_store, b"PK\x03\x04 kapot", "kapot.ikmz")
    assert in_language(archive, "nl") == (
        "kapot.ikmz: geen geldig .ikmz-archief (het zip-bestand is beschadigd of onvolledig); "
        "er is niets geïmporteerd"
    )


def test_english_stays_english_and_unknown_phrases_are_kept():
    assert in_language("x.json: file is empty", "en") == "x.json: file is empty"
    assert in_language("something new went wrong", "nl") == "something new went wrong"


def test_every_pattern_is_a_valid_expression_with_a_dutch_text():
    import re

    for english, dutch in _DUTCH:
        re.compile(english)
        assert dutch and dutch != english
