"""The report's comparison appendix: this assessment against an earlier one of the same
organisation (``ikm report --compare``, or chosen in the app), from
:func:`assessment.compare.compare`: readiness per pillar and overall before and after, the
verdict and completeness of both, and every criterion whose evidenced level changed, worse
first."""

from __future__ import annotations

from dataclasses import dataclass

from ..assessments import Assessment
from ..compare import Side, compare
from ..formats import long_date, rounded
from ..i18n import counted, in_language, language, localise
from ..messages import completeness_text, pct, shown_change, verdict_label
from ..method import Result, score
from ..packs import Pack

_WORDS = {
    "title": {
        "nl": "Vergelijking met de vorige beoordeling",
        "en": "Comparison with the previous assessment",
    },
    "lead": {
        "nl": "Deze beoordeling ({after}) naast die van {before}, met dezelfde methode. "
        "Het aangetoonde niveau van elk criterium en de gereedheid zijn van beide opnieuw "
        "berekend; criteria die achteruitgingen staan eerst.",
        "en": "This assessment ({after}) beside that of {before}, by the same method. The "
        "evidenced level of every criterion and the readiness of both are computed anew; "
        "criteria that got worse come first.",
    },
    "part": {"nl": "Onderdeel", "en": "Part"},
    "before": {"nl": "Vorige", "en": "Previous"},
    "after": {"nl": "Nu", "en": "Now"},
    "change": {"nl": "Verschil", "en": "Change"},
    "overall": {"nl": "Totaal", "en": "Overall"},
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "answered": {"nl": "Beantwoord", "en": "Answered"},
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "level": {"nl": "Aangetoond niveau", "en": "Evidenced level"},
    "none": {
        "nl": "Geen criterium veranderde van aangetoond niveau.",
        "en": "No criterion changed its evidenced level.",
    },
    "not_in_pack": {"nl": "niet in de set", "en": "not in the pack"},
    "na": {"nl": "n.v.t.", "en": "n/a"},
    "worse": {
        "nl": "Achteruitgegaan: {n}; vooruitgegaan: {m}.",
        "en": "Got worse: {n}; got better: {m}.",
    },
}


@dataclass(frozen=True)
class ComparisonRow:
    label: str
    before: str
    after: str
    change: str
    worse: bool = False


@dataclass(frozen=True)
class ComparisonAppendix:
    """What the appendix shows, as text."""

    t: dict[str, str]
    lead: str
    groups: tuple[ComparisonRow, ...]  # pillars, then overall, verdict and completeness
    criteria: tuple[ComparisonRow, ...]  # those whose evidenced level changed, worse first
    summary: str


def comparison_appendix(
    previous: tuple[Pack, Assessment],
    current: tuple[Pack, Assessment, Result],
    lang: str,
) -> ComparisonAppendix:
    """The appendix comparing ``current`` (pack, assessment, result) with ``previous``."""
    lang = language(lang)
    t = in_language(_WORDS, lang)
    old_pack, old = previous
    pack, new, result = current
    result_before = score(old_pack, old, today=result.today)
    found = compare(Side(old, old_pack, result_before), Side(new, pack, result))
    before, after = found.before, found.after
    titles = {p.id: localise(p.title, lang) for p in (*old_pack.pillars, *pack.pillars)}

    groups = [
        ComparisonRow(
            titles.get(p.id, p.id),
            pct(p.before, lang),
            pct(p.after, lang),
            shown_change(p.before, p.after, lang),
            _shown_worse(p.before, p.after),
        )
        for p in found.pillars
    ]
    groups.append(
        ComparisonRow(
            t["overall"],
            pct(found.overall.before, lang),
            pct(found.overall.after, lang),
            shown_change(found.overall.before, found.overall.after, lang),
            _shown_worse(found.overall.before, found.overall.after),
        )
    )
    groups.append(
        ComparisonRow(
            t["verdict"],
            verdict_label(before.result.verdict, lang),
            verdict_label(after.result.verdict, lang),
            "",
        )
    )
    done_before, done_after = before.result.completeness, after.result.completeness
    groups.append(
        ComparisonRow(
            t["answered"],
            completeness_text(done_before.answered, done_before.applicable, lang),
            completeness_text(done_after.answered, done_after.applicable, lang),
            "",
        )
    )
    names = {**old_pack.criteria_by_id, **pack.criteria_by_id}

    def level(value: float | None, present: bool) -> str:
        if not present:
            return t["not_in_pack"]
        return t["na"] if value is None else str(int(value))

    criteria = tuple(
        ComparisonRow(
            f"{c.id} {localise(names[c.id].title, lang)}",
            level(c.before, c.in_before),
            level(c.after, c.in_after),
            "" if c.delta is None else f"{int(c.delta):+d}",
            c.worse,
        )
        for c in found.criteria
        if c.moved
    )
    return ComparisonAppendix(
        t=t,
        lead=t["lead"].format(
            before=long_date(old.assessment_date, lang), after=long_date(new.assessment_date, lang)
        ),
        groups=tuple(groups),
        criteria=criteria,
        summary=t["worse"].format(
            n=counted(len(found.worse), "criterion", lang),
            m=counted(len(found.better), "criterion", lang),
        ),
    )


def _shown_worse(before: float | None, after: float | None) -> bool:
    """Whether the shown figure went down (marked red): 81,3% → 81,3% is not, whatever the
    unrounded figures did."""
    return before is not None and after is not None and rounded(after) < rounded(before)
