"""Dutch and English wording of the method's results: verdicts, reasons, evidence kinds.

Shared by the command line, the app and the report so that all three say the same thing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from .assessments import Evidence
from .formats import decimal, long_date, rounded
from .i18n import counted, language, localise
from .method import ImprovementPoint, Reason, Result
from .packs import Pack, Requirement
from .vocabulary import EVIDENCE_KINDS

VERDICTS = {
    "ready": {"nl": "Gereed voor de audit", "en": "Ready for the audit"},
    "conditional": {"nl": "Voorwaardelijk gereed", "en": "Conditionally ready"},
    "not_ready": {"nl": "Nog niet gereed", "en": "Not ready yet"},
}

KIND_WORDS = {  # keyed by vocabulary.EVIDENCE_KINDS
    "document": {"nl": "document", "en": "document"},
    "record": {"nl": "registratie", "en": "record"},
    "interview": {"nl": "interview", "en": "interview"},
    "observation": {"nl": "observatie", "en": "observation"},
    "metric": {"nl": "meetgegeven", "en": "metric"},
    "other": {"nl": "overig", "en": "other"},
}

STATUS_WORDS = {  # keyed by vocabulary.ACTION_STATUSES
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
    return decimal(value, lang)


def signed(value: float, lang: str | None = None) -> str:
    """A change with its sign and one decimal: +32,1 / -3,0."""
    shown = rounded(value)
    return ("+" if not shown.is_nan() and shown >= 0 else "") + one_decimal(value, lang)


def shown_change(before: float | None, after: float | None, lang: str | None = None) -> str:
    """The change between two figures as they are shown (each rounded first), with its sign:
    81,3% → 81,3% is "+0,0", never the "+0,1" of the unrounded difference; '' when either
    side has none."""
    if before is None or after is None or not math.isfinite(before + after):
        return ""
    return signed(float(rounded(after) - rounded(before)), lang)


def pct(value: float | None, lang: str | None = None) -> str:
    """A readiness percentage with one decimal (decimal comma in Dutch), or an en dash."""
    return "–" if value is None else f"{one_decimal(value, lang)}%"


def threshold(value: float, lang: str | None = None) -> str:
    """A threshold from the pack, without trailing zeros: 75%, 62,5%."""
    return decimal(value, lang, 0 if float(value).is_integer() else 1) + "%"


def verdict_label(verdict: str, lang: str) -> str:
    return localise(VERDICTS[verdict], lang)


def kind_label(kind: str, lang: str) -> str:
    return localise(KIND_WORDS.get(kind, {"nl": kind, "en": kind}), lang)


def status_label(status: str, lang: str) -> str:
    return localise(STATUS_WORDS.get(status, {"nl": status, "en": status}), lang)


def requirement_text(requirement: Requirement, lang: str) -> str:
    """``record|interview`` as "a record or an interview" / "een registratie of een interview"."""
    kinds = [k for k in EVIDENCE_KINDS if k in requirement.kinds]
    words = [_article(kind_label(k, lang), lang) for k in kinds]
    return _join(words, _OR[language(lang)])


def requirements_text(requirements: Iterable[Requirement], lang: str) -> str:
    """Several entries joined with "and"."""
    parts = [requirement_text(r, lang) for r in requirements]
    return _join(parts, _AND[language(lang)])


def _join(words: list[str], last: str) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + last + words[-1]


def _article(word: str, lang: str) -> str:
    if lang == "en":
        return ("an " if word[0] in "aeiou" else "a ") + word
    return ("een " if word != "overig" else "") + (word if word != "overig" else "ander bewijs")


def level_needs(pack: Pack, criterion_id: str, level: int, kinds: Iterable[str], lang: str) -> str:
    """What checkable evidence is still missing before ``level`` counts, each entry with the
    level that asks for it; '' when nothing is.

    "voor niveau 3 ontbreekt nog: een document (eis van niveau 2)".
    """
    kinds = frozenset(kinds)
    criterion = pack.criteria_by_id[criterion_id]
    parts: list[str] = []
    seen: list[Requirement] = []
    for lvl in range(1, level + 1):
        for requirement in pack.level_requirements(criterion, lvl):
            if requirement.met_by(kinds) or requirement in seen:
                continue
            seen.append(requirement)
            own = {"nl": f"eis van niveau {lvl}", "en": f"required from level {lvl}"}
            parts.append(f"{requirement_text(requirement, lang)} ({own[language(lang)]})")
    if not parts:
        return ""
    needs = _join(parts, _AND[language(lang)])
    if lang == "en":
        return f"for level {level} still missing: {needs}"
    return f"voor niveau {level} ontbreekt nog: {needs}"


def kind_backed(lang: str) -> str:
    """Said when the linked checkable items are of every kind a level asks (not that they
    show the level: a reader still judges their content)."""
    return {
        "nl": "bewijs van de vereiste soort is gekoppeld",
        "en": "evidence of the required kind is linked",
    }[language(lang)]


def completeness_text(answered: int, applicable: int, lang: str, to_confirm: int = 0) -> str:
    """ "6 van 7 criteria beantwoord" / "6 of 7 criteria answered", and how many carried-over
    responses are still to re-confirm."""
    if lang == "en":
        text = f"{answered} of {applicable} criteria answered"
        return text + (f"; {to_confirm} still to re-confirm" if to_confirm else "")
    text = f"{answered} van {applicable} criteria beantwoord"
    return text + (f"; {to_confirm} nog te bevestigen" if to_confirm else "")


def forecast_label(lang: str) -> str:
    """What the audit-day figure is: the outcome if every planned point is finished on time."""
    return {
        "nl": "op de auditdag, als elk gepland punt op tijd klaar is",
        "en": "on the audit day, if every planned point is finished on time",
    }[language(lang)]


def unplanned_text(points: Iterable[ImprovementPoint], lang: str) -> str:
    """The points that do not count in the forecast, named by why; '' when all are planned.

    "Niet gepland, dus niet meegeteld: 3 punten zonder eigenaar (OPEN-02, ...); 1 punt loopt
    risico (LEARN-01)."
    """
    points = [p for p in points if not p.planned]
    if not points:
        return ""
    no_owner = [p.criterion for p in points if "no_owner" in p.unplanned_because]
    at_risk = [p.criterion for p in points if "at_risk" in p.unplanned_because]
    parts = []
    if no_owner:
        parts.append(
            counted(len(no_owner), "point", lang)
            + {"nl": " zonder eigenaar", "en": " without an owner"}[language(lang)]
            + f" ({', '.join(no_owner)})"
        )
    if at_risk:
        n = len(at_risk)
        parts.append(
            {
                "nl": f"{n} {'punt loopt' if n == 1 else 'punten lopen'} risico "
                "(niet af op de uiterste datum)",
                "en": f"{n} {'point is' if n == 1 else 'points are'} at risk "
                "(not done by the latest date)",
            }[language(lang)]
            + f" ({', '.join(at_risk)})"
        )
    head = {"nl": "Niet gepland, dus niet meegeteld", "en": "Not planned, so not counted"}
    return f"{head[language(lang)]}: {'; '.join(parts)}."


def late_planned_text(points: Iterable[ImprovementPoint], lang: str) -> str:
    """The planned points that are already past their deadline: the forecast counts them
    (the method asks only an owner and no risk), but they can no longer be finished on
    time, so a reader is told which; '' when there are none.

    "Meegeteld, maar al over de deadline: 1 punt (OPEN-08)."
    """
    ids = [p.criterion for p in points if p.planned and p.overdue]
    if not ids:
        return ""
    head = {
        "nl": "Meegeteld, maar al over de deadline",
        "en": "Counted, but already past the deadline",
    }[language(lang)]
    return f"{head}: {counted(len(ids), 'point', lang)} ({', '.join(ids)})."


def unowned_knockouts_text(points: Iterable[ImprovementPoint], lang: str) -> str:
    """ "2 knock-outpunten hebben geen eigenaar: OPEN-08, LEARN-01"; '' when there are none."""
    ids = [p.criterion for p in points if p.mandatory and p.owner is None and p.status != "done"]
    if not ids:
        return ""
    n = len(ids)
    if lang == "en":
        return (
            f"{n} knock-out {'point has' if n == 1 else 'points have'} no owner: {', '.join(ids)}"
        )
    subject = "knock-outpunt heeft" if n == 1 else "knock-outpunten hebben"
    return f"{n} {subject} geen eigenaar: {', '.join(ids)}"


def verdict_condition(result: Result, pack: Pack, lang: str) -> str:
    """What a conditional (or not-ready) verdict waits for, in one sentence; '' when ready.

    "Gereed als OPEN-08 en LEARN-01 uiterlijk 18 maart 2027 hun doelniveau halen, de totale
    gereedheid 75% haalt en de 2 open criteria beantwoord zijn."
    """
    if result.verdict == "ready":
        return ""
    t = pack.readiness
    needs: list[str] = []
    gaps = [c.id for c in result.criteria if c.mandatory and c.applicable and (c.gap or 0) > 0]
    by = long_date(result.latest, lang)
    passed = result.latest is not None and result.latest < result.today
    if gaps:
        ids = _join(gaps, _AND[language(lang)])
        if lang == "en":
            verb = "reaches its" if len(gaps) == 1 else "reach their"
            when = f" (the latest date, {by}, has passed)" if passed else f" by {by}" if by else ""
            needs.append(f"knock-out {ids} {verb} target{when}")
        else:
            verb = "zijn doelniveau haalt" if len(gaps) == 1 else "hun doelniveau halen"
            if passed:
                needs.append(f"knock-out {ids} {verb} (de uiterste datum, {by}, is al voorbij)")
            else:
                needs.append(f"knock-out {ids} {'uiterlijk ' + by + ' ' if by else ''}{verb}")
    overall = result.overall.readiness or 0.0
    if overall < t.ready_overall:
        needs.append(
            {
                "nl": f"de totale gereedheid {threshold(t.ready_overall, 'nl')} haalt",
                "en": f"overall readiness reaches {threshold(t.ready_overall, 'en')}",
            }[language(lang)]
        )
    for group in result.pillars:
        if group.readiness is not None and group.readiness < t.ready_pillar:
            title = next(localise(p.title, lang) for p in pack.pillars if p.id == group.id)
            needs.append(
                {
                    "nl": f"pijler ‘{title}’ {threshold(t.ready_pillar, 'nl')} haalt",
                    "en": f"pillar ‘{title}’ reaches {threshold(t.ready_pillar, 'en')}",
                }[language(lang)]
            )
    left = sum(1 for c in result.criteria if c.applicable and not c.answered and not c.to_confirm)
    if result.completeness.to_confirm:
        n = result.completeness.to_confirm
        needs.append(
            {
                "nl": f"{n} overgenomen {'antwoord' if n == 1 else 'antwoorden'} bevestigd "
                f"{'is' if n == 1 else 'zijn'}",
                "en": f"{n} carried-over {'answer is' if n == 1 else 'answers are'} confirmed",
            }[language(lang)]
        )
    if left:
        needs.append(
            {
                "nl": f"{'het open criterium' if left == 1 else f'de {left} open criteria'} "
                f"beantwoord {'is' if left == 1 else 'zijn'}",
                "en": f"the {'open criterion is' if left == 1 else f'{left} open criteria are'} "
                "answered",
            }[language(lang)]
        )
    head = {"nl": "Gereed als ", "en": "Ready when "}[language(lang)]
    return head + _join(needs, _AND[language(lang)]) + "."


def reason_text(reason: Reason, pack: Pack, lang: str) -> str:
    """One reason of a verdict as a sentence."""
    p = reason.params
    if reason.code == "all_met":
        return {
            "nl": "alle drempels zijn gehaald en geen verplicht criterium heeft een tekort",
            "en": "every threshold is met and no mandatory criterion has a gap",
        }[language(lang)]
    if reason.code == "overall_below":
        return {
            "nl": f"de totale gereedheid is {pct(p['value'], 'nl')}, onder de drempel van "
            f"{threshold(p['threshold'], 'nl')}",
            "en": f"overall readiness is {pct(p['value'], 'en')}, below the threshold of "
            f"{threshold(p['threshold'], 'en')}",
        }[language(lang)]
    if reason.code == "pillar_below":
        title = next((localise(x.title, lang) for x in pack.pillars if x.id == p["pillar"]), "")
        return {
            "nl": f"pijler ‘{title}’ staat op {pct(p['value'], 'nl')}, "
            f"onder {threshold(p['threshold'], 'nl')}",
            "en": f"pillar ‘{title}’ is at {pct(p['value'], 'en')}, "
            f"below {threshold(p['threshold'], 'en')}",
        }[language(lang)]
    if reason.code == "incomplete":
        counts = completeness_text(p["answered"], p["applicable"], lang, p.get("to_confirm", 0))
        return {
            "nl": f"nog niet alle criteria zijn beantwoord en bevestigd ({counts})",
            "en": f"not every criterion has been answered and confirmed yet ({counts})",
        }[language(lang)]
    ids = ", ".join(p["criteria"])
    if "allowed" in p:
        return {
            "nl": f"verplichte criteria met een tekort groter dan {p['allowed']} niveau: {ids}",
            "en": f"mandatory criteria with a gap larger than {p['allowed']} level: {ids}",
        }[language(lang)]
    return {
        "nl": f"verplichte criteria met een tekort: {ids}",
        "en": f"mandatory criteria with a gap: {ids}",
    }[language(lang)]


def verdict_sentence(result: Result, pack: Pack, lang: str) -> str:
    """The verdict and its reasons in one sentence."""
    reasons = "; ".join(reason_text(r, pack, lang) for r in result.reasons)
    label = verdict_label(result.verdict, lang)
    joiner = {"nl": "want", "en": "because"}[language(lang)]
    return f"{label}, {joiner} {reasons}."


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


STALE = {
    "nl": "meer dan een jaar vóór de beoordeling",
    "en": "more than a year before the assessment",
}
FUTURE = {"nl": "datum ligt in de toekomst", "en": "dated in the future"}


def stale_label(lang: str) -> str:
    """Said of evidence dated more than a year before the assessment (see cycle.is_stale)."""
    return localise(STALE, lang)


def future_label(lang: str) -> str:
    """Said of evidence dated after the day of the report or page (see cycle.is_future)."""
    return localise(FUTURE, lang)
