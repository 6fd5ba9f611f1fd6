"""Two assessments side by side: what got better, what got worse (issue 16).

:func:`compare` takes two scored assessments of the same criteria pack (for example this
year's and last year's, possibly scored with different versions of the pack) and gives per
criterion the evidenced level before and after and the change, and per pillar and overall
the readiness before and after. Criteria that got worse come first. Nothing of the method is
computed here: every number is one of :func:`assessment.method.score`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .assessments import Assessment
from .errors import IkmError
from .i18n import counted, language, localise
from .messages import VERDICTS, pct, shown_change
from .method import Result
from .packs import Pack


@dataclass(frozen=True)
class Side:
    """One of the two assessments: what it is, and its result."""

    assessment: Assessment
    pack: Pack
    result: Result

    @property
    def completeness(self) -> tuple[int, int]:
        """(answered, applicable), as the method counts them (``Result.completeness``)."""
        done = self.result.completeness
        return done.answered, done.applicable


@dataclass(frozen=True)
class Change:
    """A number before and after; ``delta`` is None when either side has none."""

    id: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "before": self.before, "after": self.after, "delta": self.delta}


@dataclass(frozen=True)
class CriterionChange(Change):
    """The evidenced level of one criterion before and after.

    ``before``/``after`` are None when the criterion is not applicable on that side or not in
    that side's pack (``in_before``/``in_after`` say which).
    """

    pillar: str = ""
    in_before: bool = True
    in_after: bool = True

    @property
    def worse(self) -> bool:
        return self.delta is not None and self.delta < 0

    @property
    def moved(self) -> bool:
        """Anything to show: another level, or applicable or in the pack on one side only."""
        if self.delta is not None:
            return self.delta != 0
        return not _both_na(self)

    def to_json(self) -> dict[str, Any]:
        return {
            **super().to_json(),
            "pillar": self.pillar,
            "in_before": self.in_before,
            "in_after": self.in_after,
        }


@dataclass(frozen=True)
class Comparison:
    """Everything :func:`compare` finds."""

    before: Side
    after: Side
    overall: Change
    maturity: Change
    pillars: tuple[Change, ...]
    criteria: tuple[CriterionChange, ...]  # worse first, then the rest in the pack's order

    @property
    def worse(self) -> tuple[CriterionChange, ...]:
        return tuple(c for c in self.criteria if c.worse)

    @property
    def better(self) -> tuple[CriterionChange, ...]:
        return tuple(c for c in self.criteria if c.delta is not None and c.delta > 0)

    def to_json(self) -> dict[str, Any]:
        """The shape of ``ikm compare --json`` (numbers unrounded)."""

        def side(s: Side) -> dict[str, Any]:
            answered, applicable = s.completeness
            return {
                "criteria_set": {"id": s.result.pack_id, "version": s.result.pack_version},
                "organisation": s.assessment.organisation.name,
                "assessment_date": s.assessment.assessment_date.isoformat(),
                "verdict": s.result.verdict,
                "completeness": {"answered": answered, "applicable": applicable},
            }

        return {
            "before": side(self.before),
            "after": side(self.after),
            "overall": {
                "readiness": _numbers(self.overall),
                "maturity": _numbers(self.maturity),
                "verdict": {
                    "before": self.before.result.verdict,
                    "after": self.after.result.verdict,
                },
            },
            "pillars": [p.to_json() for p in self.pillars],
            "criteria": [c.to_json() for c in self.criteria],
            "worse": [c.id for c in self.worse],
        }


def _numbers(change: Change) -> dict[str, Any]:
    return {"before": change.before, "after": change.after, "delta": change.delta}


def compare(before: Side, after: Side) -> Comparison:
    """Compare two scored assessments of the same pack id.

    Criteria and pillars follow the order of the ``after`` pack, with those only in the
    ``before`` pack after them. Raises :class:`IkmError` when the pack ids differ.
    """
    if before.result.pack_id != after.result.pack_id:
        raise IkmError(
            f"the assessments use different criteria packs ('{before.result.pack_id}' and "
            f"'{after.result.pack_id}'); only assessments of one pack can be compared"
        )
    b_crit = {c.id: c for c in before.result.criteria}
    a_crit = {c.id: c for c in after.result.criteria}
    ids = list(a_crit) + [cid for cid in b_crit if cid not in a_crit]
    changes = [
        CriterionChange(
            id=cid,
            before=b_crit[cid].evidenced if cid in b_crit else None,
            after=a_crit[cid].evidenced if cid in a_crit else None,
            pillar=(a_crit.get(cid) or b_crit[cid]).pillar,
            in_before=cid in b_crit,
            in_after=cid in a_crit,
        )
        for cid in ids
    ]
    order = {cid: i for i, cid in enumerate(ids)}
    changes.sort(key=lambda c: (0, c.delta, order[c.id]) if c.worse else (1, 0, order[c.id]))

    b_pillars = {p.id: p for p in before.result.pillars}
    a_pillars = {p.id: p for p in after.result.pillars}
    pillar_ids = list(a_pillars) + [pid for pid in b_pillars if pid not in a_pillars]
    pillars = tuple(
        Change(
            pid,
            b_pillars[pid].readiness if pid in b_pillars else None,
            a_pillars[pid].readiness if pid in a_pillars else None,
        )
        for pid in pillar_ids
    )
    return Comparison(
        before=before,
        after=after,
        overall=Change("overall", before.result.overall.readiness, after.result.overall.readiness),
        maturity=Change("maturity", before.result.overall.maturity, after.result.overall.maturity),
        pillars=pillars,
        criteria=tuple(changes),
    )


COMPARE_WORDS = {  # also the app's comparison view (ui/labels.py)
    "head": {"nl": "Vergelijking {a} → {b}", "en": "Comparison {a} → {b}"},
    "verdict": {"nl": "Oordeel", "en": "Verdict"},
    "overall": {"nl": "Gereedheid totaal", "en": "Overall readiness"},
    "complete": {"nl": "Beantwoord", "en": "Answered"},
    "pillars": {"nl": "Per pijler", "en": "Per pillar"},
    "worse": {"nl": "Achteruitgegaan", "en": "Got worse"},
    "better": {"nl": "Vooruitgegaan", "en": "Got better"},
    "same": {"nl": "Onveranderd: {n}", "en": "Unchanged: {n}"},
    "other": {"nl": "Niet te vergelijken", "en": "Not comparable"},
    "na": {"nl": "n.v.t.", "en": "n/a"},
    "missing": {"nl": "niet in pakket", "en": "not in pack"},
}


def _t(key: str, lang: str, **params: Any) -> str:
    return COMPARE_WORDS[key][language(lang)].format(**params)


def comparison_lines(comparison: Comparison, lang: str) -> list[str]:
    """The comparison as readable lines in ``lang`` (for ``ikm compare``)."""
    b, a = comparison.before, comparison.after
    pack = a.pack

    def pillar_title(pid: str) -> str:
        for p in (*a.pack.pillars, *b.pack.pillars):
            if p.id == pid:
                return localise(p.title, lang)
        return pid

    def title(cid: str) -> str:
        criterion = a.pack.criteria_by_id.get(cid) or b.pack.criteria_by_id.get(cid)
        return localise(criterion.title, lang) if criterion else cid

    def level(value: float | None, present: bool) -> str:
        if not present:
            return _t("missing", lang)
        return _t("na", lang) if value is None else str(int(value))

    def readiness(change: Change) -> str:
        shown = shown_change(change.before, change.after, lang)
        delta = f" ({shown})" if shown else ""
        return f"{pct(change.before, lang)} → {pct(change.after, lang)}{delta}"

    lines = [
        _t(
            "head",
            lang,
            a=b.assessment.assessment_date.isoformat(),
            b=a.assessment.assessment_date.isoformat(),
        ),
        f"{localise(pack.title, lang)} · {a.assessment.organisation.name}",
        "",
        f"{_t('verdict', lang)}: {localise(VERDICTS[b.result.verdict], lang)} → "
        f"{localise(VERDICTS[a.result.verdict], lang)}",
        f"{_t('overall', lang)}: {readiness(comparison.overall)}",
        f"{_t('complete', lang)}: {'{} / {}'.format(*b.completeness)} → "
        f"{'{} / {}'.format(*a.completeness)}",
        "",
        f"{_t('pillars', lang)}:",
    ]
    lines.extend(f"  {pillar_title(p.id)}: {readiness(p)}" for p in comparison.pillars)

    def row(c: CriterionChange) -> str:
        delta = "" if c.delta is None else f" ({'+' if c.delta > 0 else ''}{int(c.delta)})"
        return (
            f"  {c.id} {title(c.id)}: {level(c.before, c.in_before)} → "
            f"{level(c.after, c.in_after)}{delta}"
        )

    for key, group in (("worse", comparison.worse), ("better", comparison.better)):
        if group:
            lines.extend(["", f"{_t(key, lang)} ({len(group)}):", *map(row, group)])
    other = [c for c in comparison.criteria if c.delta is None and not _both_na(c)]
    if other:
        lines.extend(["", f"{_t('other', lang)} ({len(other)}):", *map(row, other)])
    same = sum(1 for c in comparison.criteria if c.delta == 0 or _both_na(c))
    lines.extend(["", _t("same", lang, n=counted(same, "criterion", lang))])
    return lines


def _both_na(c: CriterionChange) -> bool:
    """Not applicable on both sides (and in both packs): nothing changed."""
    return c.in_before and c.in_after and c.before is None and c.after is None
