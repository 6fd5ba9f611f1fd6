"""Dutch wording of the problems that reading a file reports in English.

The loaders (assessment JSON, .ikmz archives, packs, evidence files) describe each problem in
English, the language of the command line and the logs. The app shows them in the page's
language: :func:`in_language` rewrites the known phrases, keeping file names, paths, line
numbers and values as they are. A phrase it does not know stays in English rather than being
guessed at; add it to :data:`_DUTCH` (the tests check every entry).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .fieldwork.reading import FIELD_NAMES
from .i18n import counted


def _digits(text: str) -> str:
    """An English-written number in Dutch: ``1,234.5`` becomes ``1.234,5``."""
    return text.translate(str.maketrans(",.", ".,"))


_AND = {"nl": " en ", "en": " and "}


def _fields(text: str, lang: str = "nl") -> str:
    """``id and received`` as a reader names them: ``zaaknummer en datum ontvangst``."""
    names = (
        FIELD_NAMES[name][lang] if name in FIELD_NAMES else name for name in text.split(" and ")
    )
    return _AND[lang].join(names)


Dutch = str | Callable[[re.Match[str]], str]

# (English pattern, Dutch replacement): whole phrases, most specific first. A replacement is
# a template (with \1 for a group) or, where a number or a field name is reworded, a function.
_DUTCH: tuple[tuple[str, Dutch], ...] = (
    (r"JSON syntax error, column (\d+): Expecting value", r"geen geldige JSON, kolom \1"),
    (r"JSON syntax error, column (\d+): (.+)", r"geen geldige JSON, kolom \1 (\2)"),
    (r"YAML syntax error, column (\d+): (.+)", r"geen geldige YAML, kolom \1 (\2)"),
    (r"YAML syntax error", "geen geldige YAML"),
    (r"a pack must be a YAML mapping", "een criteriaset moet een YAML-object zijn"),
    (r"the default target (\d+) is above the top level (\d+); set defaults\.target or a target "
     r"per criterion", r"het standaarddoel \1 ligt boven het hoogste niveau \2; geef "
     r"defaults.target of een doel per criterium"),
    (r"(?<!default )target (\d+) is above the top level (\d+)",
     r"doel \1 ligt boven het hoogste niveau \2"),
    (r"level (\d+) is not on the scale (\d+)\.\.(\d+)",
     r"niveau \1 staat niet op de schaal \2..\3"),
    (r"unknown tag ('[^']*') \(not among the pack's tags\)",
     r"onbekend label \1 (niet onder de labels van de criteriaset)"),
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
    (r"must be a string or a mapping \{nl: \.\.\., en: \.\.\.\}",
     "moet tekst zijn of een object {nl: ..., en: ...}"),
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
    (r": warning: ", ": waarschuwing: "),
    (r"schema_version (\S+) is not supported \(this version reads (\d+)\)",
     r"schema_version \1 wordt niet ondersteund (deze versie leest \2)"),
    (r"criteria pack ('[^']*') is not loaded \(loaded: ([^)]*)\)",
     r"criteriaset \1 is niet geladen (geladen: \2)"),
    (r"String should have at least 1 character", "mag niet leeg zijn"),
    (r"String should have at least (\d+) characters", r"moet minstens \1 tekens lang zijn"),
    (r"String should have at most (\d+) characters", r"mag hoogstens \1 tekens lang zijn"),
    (r"('[^']*') is not a valid id \(use letters, digits, '\.', '_' and '-'\)",
     r"\1 is geen geldig id (gebruik letters, cijfers, '.', '_' en '-')"),
    (r"must be ('[^']*'(?:, '[^']*')*) or ('[^']*')", r"moet \1 of \2 zijn"),
    (r"unexpected entry ('[^']*') \(an \.ikmz holds only (\S+) and (\S+)\)",
     r"onverwacht onderdeel \1 (een .ikmz bevat alleen \2 en \3)"),
    (r"entry ('[^']*') has a path that leaves the archive's folder",
     r"onderdeel \1 heeft een pad buiten de map van het archief"),
    (r"entry ('[^']*') is encrypted", r"onderdeel \1 is versleuteld"),
    # an Excel workbook read back (assessment.xlsx_checks, assessment.xlsx_import)
    (r"a workbook with macros is refused; save it as an Excel workbook \(\.xlsx\)",
     "een werkmap met macro's wordt geweigerd; sla het bestand op als Excel-werkmap (.xlsx)"),
    (r"file is larger than (\d+) (MiB|KiB) \((\d+) bytes\)",
     r"het bestand is groter dan \1 \2 (\3 bytes)"),
    (r"an old \.xls or a password-protected workbook; save it as an Excel workbook \(\.xlsx\) "
     r"without a password", "een oud .xls-bestand of een werkmap met een wachtwoord; sla het "
     "bestand op als Excel-werkmap (.xlsx) zonder wachtwoord"),
    (r"not an Excel workbook \(\.xlsx\): no xl/workbook\.xml",
     "geen Excel-werkmap (.xlsx): xl/workbook.xml ontbreekt"),
    (r"not an Excel workbook \(\.xlsx\)", "geen Excel-werkmap (.xlsx)"),
    (r"not a readable Excel workbook \(damaged zip\)",
     "geen leesbare Excel-werkmap (beschadigd zip-bestand)"),
    (r"holds (\d+) parts \(at most (\d+)\); refused",
     r"bevat \1 onderdelen (hoogstens \2); geweigerd"),
    (r"unpacks to (\d+) bytes \(at most (\d+)\); refused as a possible zip bomb",
     r"wordt uitgepakt tot \1 bytes (hoogstens \2); geweigerd als mogelijke zip-bom"),
    (r"the workbook contains macros; save it as an Excel workbook \(\.xlsx\)",
     "de werkmap bevat macro's; sla het bestand op als Excel-werkmap (.xlsx)"),
    (r"cannot be read as an Excel workbook \((.*)\)", r"is niet te lezen als Excel-werkmap (\1)"),
    (r"('[^']*') is not a whole number", r"\1 is geen geheel getal"),
    (r"('[^']*') is not TRUE or FALSE", r"\1 is geen TRUE of FALSE"),
    (r"(\S+ \S+) has a time of day; give a date", r"\1 heeft een tijdstip; geef een datum"),
    (r"the sheet is (\d+) columns wide \(at most (\d+)\)",
     r"het werkblad is \1 kolommen breed (hoogstens \2)"),
    (r"more than (\d+) rows; split the work or use JSON",
     r"meer dan \1 rijen; verdeel het werk of gebruik JSON"),
    (r"unknown column ('[^']*')", r"onbekende kolom \1"),
    (r"column ('[^']*') appears twice", r"kolom \1 staat er twee keer"),
    (r"column ('[^']*') is missing", r"kolom \1 ontbreekt"),
    (r"no header row with the key ('[^']*') in the first rows",
     r"geen kopregel met de sleutel \1 in de eerste rijen"),
    (r"a value in a column without a key in the header row",
     "een waarde in een kolom zonder sleutel in de kopregel"),
    (r"a formula is not accepted \(it is never calculated\); type the value",
     "een formule wordt niet aanvaard (die wordt nooit berekend); typ de waarde"),
    (r"the cell holds an error value \((.*)\)", r"de cel bevat een foutwaarde (\1)"),
    (r"a value without a field name", "een waarde zonder veldnaam"),
    (r"field ('[^']*') appears twice \(also ([^)]*)\)", r"veld \1 staat er twee keer (ook \2)"),
    (r"the criterion id is missing", "het id van het criterium ontbreekt"),
    (r"criterion ('[^']*') appears twice \(also ([^)]*)\)",
     r"criterium \1 staat er twee keer (ook \2)"),
    (r"the link is kept as text: only a web address \(http:// or https://\) without spaces can "
     r"be clicked", "de link blijft tekst: alleen een webadres (http:// of https://) zonder "
     "spaties is aan te klikken"),
    (r"the sheet ('[^']*') is missing", r"het werkblad \1 ontbreekt"),
    (r"this sheet is not read", "dit werkblad wordt niet ingelezen"),
    (r"audit date ([\d-]+) is before the assessment date ([\d-]+); every improvement point is "
     r"at risk", r"auditdatum \1 ligt vóór de datum van de beoordeling \2; elk verbeterpunt "
     r"loopt risico"),
    (r"deadline ([\d-]+) is before the assessment date ([\d-]+); the point shows as overdue",
     r"deadline \1 ligt vóór de datum van de beoordeling \2; het punt staat als verlopen"),
    # a complaint register (assessment.fieldwork.reading, .xlsx) and a sample of it (sampling)
    (r"file is (\d[\d.]*) MB; the limit for a register is (\d+) MB",
     lambda m: f"het bestand is {_digits(m[1])} MB; een register mag hoogstens {m[2]} MB zijn"),
    (r"a workbook with macros is refused; save it as \.xlsx or CSV",
     "een werkmap met macro's wordt geweigerd; sla het bestand op als .xlsx of CSV"),
    (r"a workbook with macros is refused; save it as \.xlsx",
     "een werkmap met macro's wordt geweigerd; sla het bestand op als .xlsx"),
    (r"an old Excel \(\.xls\) file; save it as \.xlsx or CSV",
     "een oud Excel-bestand (.xls); sla het bestand op als .xlsx of CSV"),
    (r"not readable as UTF-16 text", "niet leesbaar als UTF-16-tekst"),
    (r"not a CSV or XLSX register \(neither UTF-8 nor Windows-1252 text\)",
     "geen CSV- of XLSX-register (geen UTF-8- of Windows-1252-tekst)"),
    (r"not a CSV or XLSX register \(binary content\)",
     "geen CSV- of XLSX-register (binaire inhoud)"),
    (r"not readable as CSV \((.*)\)", r"niet leesbaar als CSV (\1)"),
    (r"a damaged zip file; not a readable XLSX workbook",
     "een beschadigd zip-bestand; geen leesbare XLSX-werkmap"),
    (r"refused: the workbook has (\d[\d,]*) parts",
     lambda m: f"geweigerd: de werkmap heeft {_digits(m[1])} onderdelen"),
    (r"not an XLSX workbook \(save it as \.xlsx or CSV\)",
     "geen XLSX-werkmap (sla het bestand op als .xlsx of CSV)"),
    (r"refused: the workbook unpacks to (\d[\d,]*) MB \(the limit is (\d+) MB\)",
     lambda m: f"geweigerd: uitgepakt wordt de werkmap {_digits(m[1])} MB (hoogstens {m[2]} MB)"),
    (r"refused: part (.+?) unpacks to (\d[\d,]*) MB from (\d[\d,]*) bytes \(a zip bomb\?\)",
     lambda m: f"geweigerd: onderdeel {m[1]} wordt van {_digits(m[3])} bytes uitgepakt tot "
     f"{_digits(m[2])} MB (een zip-bom?)"),
    (r"not a readable XLSX workbook \((.*)\)", r"geen leesbare XLSX-werkmap (\1)"),
    (r"part (.+?) is not readable XML \((.*)\)", r"onderdeel \1 is geen leesbare XML (\2)"),
    (r"part (.+?) is missing", r"onderdeel \1 ontbreekt"),
    (r"the workbook has no worksheet", "de werkmap heeft geen werkblad"),
    (r"the first worksheet is not found", "het eerste werkblad is niet gevonden"),
    (r"the worksheet has no data part", "het werkblad heeft geen gegevensdeel"),
    (r"unexpected content between rows after row (\d+)",
     r"onverwachte inhoud tussen de rijen na rij \1"),
    (r"the worksheet is cut short \(no end of its data\)",
     "het werkblad is afgebroken (het einde van de gegevens ontbreekt)"),
    (r"the worksheet is cut short after row (\d+)", r"het werkblad is afgebroken na rij \1"),
    (r"more than (\d[\d,]*) rows; split the register",
     lambda m: f"meer dan {_digits(m[1])} rijen; splits het register"),
    (r"no column for ([\w ]+?) \(the columns are: none\)",
     lambda m: f"geen kolom voor {_fields(m[1])} (het register heeft geen kolomkoppen)"),
    (r"no column for ([\w ]+?) \(the columns are: ",
     lambda m: f"geen kolom voor {_fields(m[1])} (de kolommen zijn: "),
    (r"(\d+) columns are named '([^']*)'", r"\1 kolommen heten '\2'"),
    (r"column '([^']*)' \(for (\w+)\) not found",
     lambda m: f"kolom '{m[1]}' (voor {_fields(m[2])}) niet gevonden"),
    (r"column '([^']*)' is mapped to both (\w+) and (\w+)",
     lambda m: f"kolom '{m[1]}' is gekoppeld aan zowel {_fields(m[2])} als {_fields(m[3])}"),
    (r"a sample of (\d+) cannot hold one file of each of the (\d+) strata; draw at least \d+",
     r"een steekproef van \1 kan niet uit elk van de \2 groepen een dossier bevatten; "
     r"trek er minstens \2"),
    (r"the sample size must be at least 1", "de steekproef moet minstens 1 dossier tellen"),
    (r"the file review has answers for (\d+) files? outside the new sample; confirm that they "
     r"may be discarded", lambda m: f"de dossiertoets heeft antwoorden voor "
     f"{counted(int(m[1]), 'file', 'nl')} buiten de nieuwe steekproef; bevestig dat die weg "
     "mogen"),
    (r"the register has no complaints to draw from",
     "het register heeft geen klachten om een steekproef uit te trekken"),
    (r"a sample of (\d+) is larger than the register's (\d+) complaints",
     r"een steekproef van \1 is groter dan het aantal klachten in het register (\2)"),
)  # fmt: skip
_COMPILED = tuple((re.compile(english), dutch) for english, dutch in _DUTCH)


# a register's field ids in its problems, which the app names as its mapping step does
_FIELD_IDS = re.compile(
    r"(?<=no column for )[\w ]+?(?= \(the columns are)"
    r"|(?<=\(for )\w+(?=\) not found)"
    r"|(?<=is mapped to both )\w+ and \w+$"
)
# how the command line mends a problem, which is not how the app does it
_CLI_HINTS = re.compile(r"; add it with --criteria PATH")
# a value quoted in a problem ('Datum binnen'): an apostrophe inside a word (macro's) is none
_QUOTED = re.compile(r"(?<!\w)'([^'\n]*)'(?!\w)")
_KEPT = re.compile(r"\x00(\d+)\x00")


def in_language(text: str, lang: str, *, name: str | None = None) -> str:
    """``text`` (one or more problems) in ``lang``: Dutch phrases for the known English ones.

    What a user wrote is never reworded: quoted values (a header, a key) are kept as they
    are, and so is ``name`` (the file's name) where the text starts with it. A hint for the
    command line (``add it with --criteria PATH``) is left out in either language: the app
    has no such option; and a register's field ids are named as the app's mapping step names
    them (``case id``, not ``id``).
    """
    text = _CLI_HINTS.sub("", text)
    if lang != "nl":
        return _FIELD_IDS.sub(lambda m: _fields(m[0], "en"), text)
    prefix = ""
    if name and text.startswith(name):
        prefix, text = name, text[len(name) :]
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match[1])
        return f"'\x00{len(kept) - 1}\x00'"

    text = _QUOTED.sub(keep, text)
    for pattern, dutch in _COMPILED:
        text = pattern.sub(dutch, text)
    return prefix + _KEPT.sub(lambda m: kept[int(m[1])], text)
