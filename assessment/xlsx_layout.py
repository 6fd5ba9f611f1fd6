"""The layout of the assessment workbook: its sheets, columns and fields, the read-me, and
how text is kept in a cell (docs/assessment-file.md#the-excel-workbook).

Shared by the export (:mod:`assessment.xlsx`) and the import (:mod:`assessment.xlsx_import`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .i18n import localise
from .messages import kind_label
from .packs import Pack
from .vocabulary import ACTION_STATUSES
from .vocabulary import EVIDENCE_KINDS as KIND_IDS


def get_column_letter(index: int) -> str:
    """The letters of a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


MAX_WORKBOOK_BYTES = 16 * 1024 * 1024  # the .xlsx file itself
MAX_UNPACKED_BYTES = 128 * 1024 * 1024  # all of its parts together, unpacked
MAX_PARTS = 500  # files inside the zip
MAX_ROWS = 20_000  # per sheet
MAX_COLUMNS = 40  # per sheet
EXCEL_TEXT_LIMIT = 32_767  # characters Excel keeps in one cell

SHEET_ASSESSMENT = "Assessment"
SHEET_RESPONSES = "Responses"
SHEET_EVIDENCE = "Evidence"
SHEET_ACTIONS = "Actions"
SHEETS = (SHEET_ASSESSMENT, SHEET_RESPONSES, SHEET_EVIDENCE, SHEET_ACTIONS)
README_SHEETS = {"nl": "Lees mij", "en": "Read me"}


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its header key, how its cells are read, and its labels."""

    key: str
    kind: str  # text, level, bool, date, int, list, key; "reading" columns are not imported
    label: dict[str, str]
    width: int = 16
    reading: bool = False


def _c(key: str, kind: str, nl: str, en: str, width: int = 16, reading: bool = False) -> Column:
    return Column(key, kind, {"nl": nl, "en": en}, width, reading)


COLUMNS: dict[str, tuple[Column, ...]] = {
    SHEET_ASSESSMENT: (
        _c("field", "key", "Veld", "Field", 24),
        _c("value", "text", "Waarde", "Value", 40),
        _c("label", "text", "Toelichting (niet ingelezen)", "About (not read)", 50, True),
    ),
    SHEET_RESPONSES: (
        _c("criterion", "key", "Criterium", "Criterion", 12),
        _c("title", "text", "Titel (niet ingelezen)", "Title (not read)", 32, True),
        _c("question", "text", "Vraag (niet ingelezen)", "Question (not read)", 50, True),
        _c("level", "level", "Niveau", "Level", 8),
        _c("not_applicable", "bool", "Niet van toepassing", "Not applicable", 12),
        _c("justification", "text", "Onderbouwing n.v.t.", "Justification", 30),
        _c("note", "text", "Toelichting", "Note", 40),
        _c("to_confirm", "bool", "Opnieuw bevestigen", "To re-confirm", 12),
    ),
    SHEET_EVIDENCE: (
        _c("id", "key", "Id", "Id", 8),
        _c("kind", "text", "Soort", "Kind", 13),
        _c("title", "text", "Titel", "Title", 36),
        _c("criteria", "list", "Criteria (met komma's)", "Criteria (comma-separated)", 22),
        _c("source", "text", "Bron", "Source", 20),
        _c("date", "date", "Datum", "Date", 12),
        _c("link", "text", "Link", "Link", 30),
        _c("personal_data", "bool", "Persoonsgegevens", "Personal data", 12),
        _c("file.name", "text", "Bestandsnaam", "File name", 20),
        _c("file.sha256", "text", "SHA-256", "SHA-256", 20),
        _c("file.size", "int", "Grootte (bytes)", "Size (bytes)", 12),
        _c("file.media_type", "text", "Mediatype", "Media type", 16),
        _c("file.erased", "bool", "Bestand gewist", "File erased", 10),
    ),
    SHEET_ACTIONS: (
        _c("criterion", "key", "Criterium", "Criterion", 12),
        _c("title", "text", "Titel (niet ingelezen)", "Title (not read)", 32, True),
        _c("owner", "text", "Eigenaar", "Owner", 22),
        _c("deadline", "date", "Deadline", "Deadline", 12),
        _c("status", "text", "Status", "Status", 12),
        _c("note", "text", "Toelichting", "Note", 40),
    ),
}

# The rows of the Assessment sheet: JSON path, kind, description per language.
FIELDS: tuple[tuple[str, str, dict[str, str]], ...] = (
    ("schema_version", "int", {"nl": "Altijd 1", "en": "Always 1"}),
    ("criteria_set.id", "text", {"nl": "Id van het criteriapakket", "en": "Criteria pack id"}),
    ("criteria_set.version", "text", {"nl": "Versie van het pakket", "en": "Pack version"}),
    ("organisation.name", "text", {"nl": "Naam (verplicht)", "en": "Name (required)"}),
    ("organisation.sector", "text", {"nl": "Sector", "en": "Sector"}),
    ("organisation.size", "text", {"nl": "Omvang", "en": "Size"}),
    (
        "organisation.handling",
        "text",
        {"nl": "central of decentral", "en": "central or decentral"},
    ),
    ("assessment_date", "date", {"nl": "Datum (JJJJ-MM-DD)", "en": "Date (YYYY-MM-DD)"}),
    ("audit_date", "date", {"nl": "Auditdatum (JJJJ-MM-DD)", "en": "Audit date (YYYY-MM-DD)"}),
    ("language", "text", {"nl": "nl of en", "en": "nl or en"}),
    (
        "assessors",
        "text",
        {"nl": "Eén naam per rij; herhaal de rij", "en": "One name per row; repeat the row"},
    ),
)
FIELD_KIND = {path: kind for path, kind, _ in FIELDS}

TRUE_WORDS = {"true", "waar", "ja", "yes", "1", "x"}
FALSE_WORDS = {"false", "onwaar", "nee", "no", "0", ""}
FORMULA_START = ("=", "+", "-", "@")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
# characters a worksheet cell cannot hold as such (besides tab and line feed)
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# ---- text in cells ---------------------------------------------------------------------


def escape_text(text: str) -> str:
    """Text as a worksheet cell holds it: OOXML's ``_xHHHH_`` escapes (ECMA-376 ST_Xstring).

    Characters a cell cannot hold (control characters, a carriage return) become
    ``_xHHHH_``; text that already looks like an escape gets its underscore escaped
    (``_x005F_``), as Excel does, so :func:`unescape_text` gives the text back exactly.
    """
    text = _ESCAPED.sub(lambda m: "_x005F" + m.group(0), text)
    return _UNSAFE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def unescape_text(text: str) -> str:
    """The text of a cell with its ``_xHHHH_`` escapes resolved (see :func:`escape_text`)."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def readme_lines(pack: Pack, lang: str) -> list[str]:
    """The read-me sheet, one line per row, in ``lang``."""
    scale = ", ".join(f"{s.level} = {localise(s.label, lang)}" for s in pack.scale)
    kinds = ", ".join(f"{k} ({kind_label(k, lang)})" for k in KIND_IDS)
    pack_line = f"{localise(pack.title, lang)} ({pack.id} {pack.version})"
    if lang == "en":
        return [
            "Assessment workbook (ikm-readiness)",
            f"Criteria pack: {pack_line}",
            "",
            "Fill in this workbook offline and import it again: in the app (Report and "
            "exchange) or with `ikm import FILE.xlsx -o ASSESSMENT.json`.",
            "Sheets: Assessment (field, value), Responses (one row per criterion), Evidence "
            "(one row per item), Actions (your plan per improvement point).",
            "Row 1 of each sheet holds labels for reading; row 2 holds the keys the import reads. "
            "Do not change row 2. Grey columns are there for reading and are not imported.",
            f"Level: a whole number on the scale: {scale}.",
            "Not applicable: TRUE with a justification; a mandatory criterion cannot be not "
            "applicable.",
            "To re-confirm: TRUE marks a response carried over from the previous cycle; it counts "
            "as unanswered until you confirm or change it and clear the mark.",
            f"Evidence kinds: {kinds}. Criteria: ids separated by commas.",
            "Dates: YYYY-MM-DD (a date cell works too). "
            f"Status: {', '.join(ACTION_STATUSES[:-1])} or {ACTION_STATUSES[-1]}.",
            "Assessors: one name per row; repeat the row 'assessors' for more names.",
            "Formulas are not accepted: type values. Macro workbooks (.xlsm) are refused.",
            "Files attached to evidence are not in this workbook: they stay in the app's store "
            "or in the .ikmz export. The file columns only describe them; keep them as they are.",
            "An import checks everything at once and lists every problem with its sheet and cell; "
            "nothing is saved until the workbook is free of errors.",
        ]
    return [
        "Werkmap zelfevaluatie (ikm-readiness)",
        f"Criteriapakket: {pack_line}",
        "",
        "Vul deze werkmap offline in en lees haar weer in: in de app (Rapport en uitwisseling) "
        "of met `ikm import BESTAND.xlsx -o ZELFEVALUATIE.json`.",
        "Tabbladen: Assessment (veld, waarde), Responses (één rij per criterium), Evidence (één "
        "rij per bewijsstuk), Actions (uw plan per verbeterpunt).",
        "Rij 1 van elk tabblad bevat leesbare namen; rij 2 de sleutels die de import leest. "
        "Verander rij 2 niet. Grijze kolommen zijn om te lezen en worden niet ingelezen.",
        f"Niveau: een heel getal op de schaal: {scale}.",
        "Niet van toepassing: TRUE met een onderbouwing; een knock-outcriterium kan niet 'niet "
        "van toepassing' zijn.",
        "Opnieuw bevestigen: TRUE markeert een antwoord uit de vorige cyclus; het telt als "
        "onbeantwoord tot u het bevestigt of wijzigt en de markering weghaalt.",
        f"Soorten bewijs: {kinds}. Criteria: ids gescheiden door komma's.",
        "Datums: JJJJ-MM-DD (een datumcel mag ook). "
        f"Status: {', '.join(ACTION_STATUSES[:-1])} of {ACTION_STATUSES[-1]}.",
        "Beoordelaars: één naam per rij; herhaal de rij 'assessors' voor meer namen.",
        "Formules worden niet geaccepteerd: typ waarden. Werkmappen met macro's (.xlsm) worden "
        "geweigerd.",
        "Bestanden bij bewijsstukken zitten niet in deze werkmap: ze blijven in de opslag van de "
        "app of in de .ikmz-export. De bestandskolommen beschrijven ze alleen; laat ze staan.",
        "Bij het inlezen wordt alles tegelijk gecontroleerd en krijgt u elk probleem met tabblad "
        "en cel; er wordt niets opgeslagen zolang de werkmap fouten bevat.",
    ]
