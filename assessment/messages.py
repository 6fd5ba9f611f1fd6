"""Dutch and English wording of the method's results: verdicts, reasons, evidence kinds.

Shared by the command line, the app and the report so that all three say the same thing.
"""

from __future__ import annotations

from collections.abc import Iterable

from .assessments import Evidence
from .i18n import localise
from .method import Reason, Result
from .packs import Pack, Requirement

VERDICTS = {
    "ready": {"nl": "Gereed voor de audit", "en": "Ready for the audit"},
    "conditional": {"nl": "Voorwaardelijk gereed", "en": "Conditionally ready"},
    "not_ready": {"nl": "Nog niet gereed", "en": "Not ready yet"},
}

EVIDENCE_KINDS = {
    "document": {"nl": "document", "en": "document"},
    "record": {"nl": "registratie", "en": "record"},
    "interview": {"nl": "interview", "en": "interview"},
    "observation": {"nl": "observatie", "en": "observation"},
    "metric": {"nl": "meetgegeven", "en": "metric"},
    "other": {"nl": "overig", "en": "other"},
}

STATUSES = {
    "open": {"nl": "open", "en": "open"},
    "in_progress": {"nl": "in uitvoering", "en": "in progress"},
    "done": {"nl": "gereed", "en": "done"},
}

_OR = {"nl": " of ", "en": " or "}
_AND = {"nl": " en ", "en": " and "}


def one_decimal(value: float | None, lang: str | None = None) -> str:
    """A number with one decimal (a decimal comma in Dutch), or an en dash when there is none."""
    if value is None:
        return "–"
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "nl" else text


def signed(value: float, lang: str | None = None) -> str:
    """A change with its sign and one decimal: +32,1 / -3,0."""
    return ("+" if value >= 0 else "") + one_decimal(value, lang)


def pct(value: float | None, lang: str | None = None) -> str:
    """A readiness percentage with one decimal (decimal comma in Dutch), or an en dash."""
    return "–" if value is None else f"{one_decimal(value, lang)}%"


def threshold(value: float, lang: str | None = None) -> str:
    """A threshold from the pack, without trailing zeros: 75%, 62,5%."""
    text = f"{value:g}%"
    return text.replace(".", ",") if lang == "nl" else text


def verdict_label(verdict: str, lang: str) -> str:
    return localise(VERDICTS[verdict], lang)


def kind_label(kind: str, lang: str) -> str:
    return localise(EVIDENCE_KINDS.get(kind, {"nl": kind, "en": kind}), lang)


def status_label(status: str, lang: str) -> str:
    return localise(STATUSES.get(status, {"nl": status, "en": status}), lang)


def requirement_text(requirement: Requirement, lang: str) -> str:
    """``record|interview`` as "a record or an interview" / "een registratie of een interview"."""
    kinds = [
        k
        for k in ("document", "record", "interview", "observation", "metric", "other")
        if k in requirement.kinds
    ]
    words = [_article(kind_label(k, lang), lang) for k in kinds]
    return _join(words, _OR[lang if lang in _OR else "nl"])


def requirements_text(requirements: Iterable[Requirement], lang: str) -> str:
    """Several entries joined with "and"."""
    parts = [requirement_text(r, lang) for r in requirements]
    return _join(parts, _AND[lang if lang in _AND else "nl"])


def _join(words: list[str], last: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + last + words[-1]


def _article(word: str, lang: str) -> str:
    if lang == "en":
        return ("an " if word[0] in "aeiou" else "a ") + word
    return ("een " if word != "overig" else "") + (word if word != "overig" else "ander bewijs")


def level_needs(pack: Pack, criterion_id: str, level: int, kinds: Iterable[str], lang: str) -> str:
    """What evidence is still missing before ``level`` counts, in words; '' when nothing is."""
    from .method import missing_requirements

    criterion = pack.criteria_by_id[criterion_id]
    missing = missing_requirements(pack, criterion, level, kinds)
    if not missing:
        return ""
    needs = requirements_text(missing, lang)
    if lang == "en":
        return f"level {level} needs {needs}"
    return f"niveau {level} vraagt {needs}"


def reason_text(reason: Reason, pack: Pack, lang: str) -> str:
    """One reason of a verdict as a sentence."""
    p = reason.params
    if reason.code == "all_met":
        return {
            "nl": "alle drempels zijn gehaald en geen verplicht criterium heeft een tekort",
            "en": "every threshold is met and no mandatory criterion has a gap",
        }[_lang(lang)]
    if reason.code == "overall_below":
        return {
            "nl": f"de totale gereedheid is {pct(p['value'], 'nl')}, onder de drempel van "
            f"{threshold(p['threshold'], 'nl')}",
            "en": f"overall readiness is {pct(p['value'], 'en')}, below the threshold of "
            f"{threshold(p['threshold'], 'en')}",
        }[_lang(lang)]
    if reason.code == "pillar_below":
        title = next((localise(x.title, lang) for x in pack.pillars if x.id == p["pillar"]), "")
        return {
            "nl": f"pijler '{title}' staat op {pct(p['value'], 'nl')}, "
            f"onder {threshold(p['threshold'], 'nl')}",
            "en": f"pillar '{title}' is at {pct(p['value'], 'en')}, "
            f"below {threshold(p['threshold'], 'en')}",
        }[_lang(lang)]
    ids = ", ".join(p["criteria"])
    if "allowed" in p:
        return {
            "nl": f"verplichte criteria met een tekort groter dan {p['allowed']} niveau: {ids}",
            "en": f"mandatory criteria with a gap larger than {p['allowed']} level: {ids}",
        }[_lang(lang)]
    return {
        "nl": f"verplichte criteria met een tekort: {ids}",
        "en": f"mandatory criteria with a gap: {ids}",
    }[_lang(lang)]


def verdict_sentence(result: Result, pack: Pack, lang: str) -> str:
    """The verdict and its reasons in one sentence."""
    reasons = "; ".join(reason_text(r, pack, lang) for r in result.reasons)
    label = verdict_label(result.verdict, lang)
    joiner = {"nl": "want", "en": "because"}[_lang(lang)]
    return f"{label}, {joiner} {reasons}."


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "nl"


# ---- checkable evidence (SPEC section 3) ----------------------------------------------------

CHECKABLE = {"nl": "controleerbaar", "en": "checkable"}
NOT_CHECKABLE = {"nl": "niet controleerbaar", "en": "not checkable"}
_TO_MAKE_CHECKABLE = {
    ("date",): {
        "nl": "vul de datum in (de bron staat er al), of voeg een bestand of een link toe",
        "en": "fill in the date (the source is there), or add a file or a link",
    },
    ("source",): {
        "nl": "vul de bron in (de datum staat er al), of voeg een bestand of een link toe",
        "en": "fill in the source (the date is there), or add a file or a link",
    },
}
_TO_MAKE_CHECKABLE_ANY = {
    "nl": "voeg een bestand of een link toe, of een bron met een datum",
    "en": "add a file or a link, or a source with a date",
}


def checkable_label(item: Evidence, lang: str) -> str:
    """ "controleerbaar" / "niet controleerbaar" ("checkable" / "not checkable")."""
    return localise(CHECKABLE if item.checkable else NOT_CHECKABLE, lang)


def to_make_checkable_text(item: Evidence, lang: str) -> str:
    """What would make the item checkable, as an instruction; '' when it is checkable."""
    missing = item.to_make_checkable
    if not missing:
        return ""
    return localise(_TO_MAKE_CHECKABLE.get(missing, _TO_MAKE_CHECKABLE_ANY), lang)


def checkable_text(item: Evidence, lang: str) -> str:
    """The item's standing in one phrase: "controleerbaar", or "niet controleerbaar: vul de
    datum in …" with what would make it checkable (SPEC section 3)."""
    label = checkable_label(item, lang)
    todo = to_make_checkable_text(item, lang)
    return f"{label}: {todo}" if todo else label
