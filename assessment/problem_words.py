"""Dutch wording of the problems that reading a file reports in English.

The loaders (assessment JSON, .ikmz archives, packs, evidence files) describe each problem in
English, the language of the command line and the logs. The app shows them in the page's
language: :func:`in_language` rewrites the known phrases, keeping file names, paths, line
numbers and values as they are. A phrase it does not know stays in English rather than being
guessed at; add it to :data:`_DUTCH` (the tests check every entry).
"""

from __future__ import annotations

import re

# (English pattern, Dutch replacement): whole phrases, most specific first.
_DUTCH: tuple[tuple[str, str], ...] = (
    (r"JSON syntax error, column (\d+): Expecting value", r"geen geldige JSON, kolom \1"),
    (r"JSON syntax error, column (\d+): (.+)", r"geen geldige JSON, kolom \1 (\2)"),
    (r"YAML syntax error", "geen geldige YAML"),
    (r"not UTF-8 text \(invalid byte at position (\d+)\)",
     r"geen UTF-8-tekst (ongeldige byte op positie \1)"),
    (r"\bthe file is empty\b", "het bestand is leeg"),
    (r"\bfile is empty\b", "het bestand is leeg"),
    (r"file not found", "bestand niet gevonden"),
    (r"duplicate key '([^']*)' \(a value would be lost\)",
     r"sleutel '\1' staat er twee keer (een waarde zou verloren gaan)"),
    (r"an assessment must be a JSON object", "een beoordeling moet een JSON-object zijn"),
    (r"required field is missing", "verplicht veld ontbreekt"),
    (r"unknown field '([^']*)'", r"onbekend veld '\1'"),
    (r"unknown criterion id '([^']*)'", r"onbekend criterium '\1'"),
    (r"unknown evidence kind ('[^']*') \(use one of: ([^)]*)\)",
     r"onbekende soort bewijs \1 (kies uit: \2)"),
    (r"a criterion is listed twice", "een criterium staat er twee keer"),
    (r"level (\d+) is outside the scale 0\.\.(\d+)", r"niveau \1 valt buiten de schaal 0..\2"),
    (r"a mandatory criterion cannot be not applicable",
     "een verplicht criterium kan niet 'niet van toepassing' zijn"),
    (r"not applicable needs a justification", "'niet van toepassing' vraagt een toelichting"),
    (r"a criterion marked not applicable cannot have a level",
     "een criterium dat niet van toepassing is, kan geen niveau hebben"),
    (r"names pack '([^']*)', not '([^']*)'", r"noemt criteriaset '\1', niet '\2'"),
    (r"'([^']*)' is not a date in the form YYYY-MM-DD", r"'\1' is geen datum als JJJJ-MM-DD"),
    (r"'([^']*)' is not a valid date", r"'\1' is geen bestaande datum"),
    (r"must be a string", "moet tekst zijn"),
    (r"must be a whole number", "moet een geheel getal zijn"),
    (r"must be true or false", "moet true of false zijn"),
    (r"must be a number", "moet een getal zijn"),
    (r"must be a list", "moet een lijst zijn"),
    (r"must be a mapping", "moet een object zijn"),
    (r"must have at least one item", "moet minstens één onderdeel hebben"),
    (r"not a valid \.ikmz archive \(the zip is damaged or incomplete\)",
     "geen geldig .ikmz-archief (het zip-bestand is beschadigd of onvolledig)"),
    (r"the archive has no ([\w.]+)", r"het archief bevat geen \1"),
    (r"nothing was imported", "er is niets geïmporteerd"),
)  # fmt: skip
_COMPILED = tuple((re.compile(english), dutch) for english, dutch in _DUTCH)


def in_language(text: str, lang: str) -> str:
    """``text`` (one or more problems) in ``lang``: Dutch phrases for the known English ones."""
    if lang != "nl":
        return text
    for pattern, dutch in _COMPILED:
        text = pattern.sub(dutch, text)
    return text
