"""The next cycle: a new assessment started from the last one (issue 16; docs/exchange.md).

:func:`next_cycle` makes the assessment of the next year from this year's: the same
organisation, the newest version of the pack, every response carried over but marked to be
re-confirmed (it counts as unanswered until someone confirms or changes it), the evidence
with its dates (:func:`is_stale` says which items are more than a year old), and the open
improvement actions. Done actions stay with the previous assessment, which is not changed;
the result lists them. :func:`pack_changes` says what changed in the criteria between two
versions of a pack.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .assessments import (
    Action,
    Assessment,
    CriteriaSetRef,
    Evidence,
    Response,
    check_against_pack,
)
from .errors import AssessmentError, IkmError
from .i18n import counted, language, localise
from .packs import Criterion, Pack

# what a change of these fields of a criterion means for its assessment
_COMPARED_FIELDS = ("title", "question", "guidance", "levels", "improvement", "tags", "refs")


def year_before(on: date) -> date:
    """The same day a year earlier (29 February gives 28 February)."""
    try:
        return on.replace(year=on.year - 1)
    except ValueError:
        return on.replace(year=on.year - 1, day=28)


def is_stale(evidence: Evidence, on: date) -> bool:
    """Whether an evidence item is more than a year old on ``on``: its date is before the same
    day a year earlier. An item without a date is not called stale (its age is unknown)."""
    return evidence.date is not None and evidence.date < year_before(on)


def is_future(evidence: Evidence, today: date) -> bool:
    """Whether an evidence item is dated after ``today`` (the day of the report or the
    page): a date that cannot be right yet, said beside it (the method does not refuse it)."""
    return evidence.date is not None and evidence.date > today


@dataclass(frozen=True)
class CriterionChange:
    """A criterion that is in both versions of the pack, with what changed in it."""

    id: str
    fields: tuple[str, ...]  # e.g. target, weight, mandatory, requires, title, pillar


@dataclass(frozen=True)
class PackChanges:
    """What changed in the criteria from one version of a pack to the next.

    ``known`` is False when the previous version was not available: then only the criteria
    the old assessment names and the new pack lacks are known (as ``removed``).
    """

    pack_id: str
    old_version: str | None
    new_version: str
    known: bool
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[CriterionChange, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.removed or self.changed)


def _criterion_facts(pack: Pack, pillar: str, criterion: Criterion) -> dict[str, Any]:
    facts: dict[str, Any] = {name: getattr(criterion, name) for name in _COMPARED_FIELDS}
    facts["pillar"] = pillar
    facts["target"] = pack.target(criterion)
    facts["weight"] = pack.weight(criterion)
    facts["mandatory"] = criterion.mandatory
    facts["requires"] = [
        sorted(str(r) for r in pack.level_requirements(criterion, level))
        for level in range(1, pack.top_level + 1)
    ]
    return facts


def pack_changes(old: Pack | None, new: Pack, previous: Assessment | None = None) -> PackChanges:
    """The criteria added, removed and changed from ``old`` to ``new``.

    Compared per criterion: its pillar, the effective target and weight, knock-out, the
    evidence each level requires (after the pack's defaults), and its texts. Without ``old``,
    the criteria ``previous`` names that ``new`` lacks are the removed ones.
    """
    old_version = old.version if old else (previous.criteria_set.version if previous else None)
    if old is None:
        named: dict[str, None] = {}
        if previous is not None:
            named.update(dict.fromkeys(previous.responses))
            named.update(dict.fromkeys(previous.actions))
            for item in previous.evidence:
                named.update(dict.fromkeys(item.criteria))
        removed = tuple(cid for cid in named if cid not in new.criteria_by_id)
        return PackChanges(new.id, old_version, new.version, False, removed=removed)
    before = {c.id: _criterion_facts(old, p.id, c) for p, c in old.criteria()}
    after = {c.id: _criterion_facts(new, p.id, c) for p, c in new.criteria()}
    changed = []
    for cid, facts in after.items():
        if cid in before:
            fields = tuple(k for k in facts if facts[k] != before[cid][k])
            if fields:
                changed.append(CriterionChange(cid, fields))
    return PackChanges(
        new.id,
        old_version,
        new.version,
        True,
        added=tuple(cid for cid in after if cid not in before),
        removed=tuple(cid for cid in before if cid not in after),
        changed=tuple(changed),
    )


@dataclass(frozen=True)
class NextCycle:
    """The new assessment and what happened on the way."""

    assessment: Assessment
    changes: PackChanges
    to_confirm: tuple[str, ...]  # criteria whose responses were carried over, to re-confirm
    stale: tuple[str, ...]  # evidence ids more than a year old on the new date
    carried_actions: tuple[str, ...]  # criteria whose open actions were carried over
    done_actions: tuple[str, ...]  # criteria whose actions were done: kept in the previous one
    dropped: tuple[str, ...] = field(default_factory=tuple)  # what could not be carried, why


def next_cycle(
    previous: Assessment, new_pack: Pack, on: date, old_pack: Pack | None = None
) -> NextCycle:
    """The assessment of the next cycle, dated ``on``, on ``new_pack``.

    - organisation, assessors and language: as before; the audit date only when it is still
      after ``on``;
    - responses: carried over with ``to_confirm`` set (a response with only a note keeps
      its note unmarked); those of criteria no longer in the pack are dropped and listed;
      a not-applicable mark on a criterion that became a knock-out, or a level above the new
      scale, is dropped (its text kept in the note) and listed;
    - evidence: every item with its dates and files; links to criteria no longer in the pack
      are dropped and listed;
    - actions: those not done are carried over; done ones stay in the previous assessment
      and are listed.

    Raises :class:`IkmError` when ``on`` is not after the previous assessment date or the
    pack ids differ. The result always passes :func:`check_against_pack` with ``new_pack``.
    """
    if on <= previous.assessment_date:
        raise IkmError(
            f"the new date {on.isoformat()} must be after the previous assessment date "
            f"{previous.assessment_date.isoformat()}"
        )
    if new_pack.id != previous.criteria_set.id:
        raise IkmError(
            f"the assessment uses pack '{previous.criteria_set.id}', not '{new_pack.id}'"
        )
    known = new_pack.criteria_by_id
    top = new_pack.top_level
    dropped: list[str] = []

    responses: dict[str, Response] = {}
    to_confirm: list[str] = []
    for cid, old in previous.responses.items():
        if cid not in known:
            dropped.append(f"responses.{cid}: criterion no longer in the pack")
            continue
        data = old.model_dump(exclude_defaults=True)
        notes = [data.pop("note")] if data.get("note") else []
        if data.get("not_applicable") and known[cid].mandatory:
            dropped.append(f"responses.{cid}: not applicable, but now a knock-out criterion")
            data.pop("not_applicable")
            justification = data.pop("justification", "")
            notes.append(_carried_note("na", previous, text=justification))
        level = data.get("level")
        if level is not None and level > top:
            dropped.append(f"responses.{cid}: level {level} is above the new scale 0..{top}")
            data.pop("level")
            notes.append(_carried_note("level", previous, level=level))
        if notes:
            data["note"] = "\n".join(notes)
        answered = data.get("level") is not None or data.get("not_applicable")
        if answered:
            data["to_confirm"] = True
            to_confirm.append(cid)
        else:
            data.pop("to_confirm", None)
        if data:
            responses[cid] = Response(**data)

    evidence: list[Evidence] = []
    for item in previous.evidence:
        kept = [cid for cid in item.criteria if cid in known]
        for cid in item.criteria:
            if cid not in known:
                dropped.append(f"evidence {item.id}: link to {cid} (no longer in the pack)")
        evidence.append(item.model_copy(update={"criteria": kept}))

    actions: dict[str, Action] = {}
    done: list[str] = []
    for cid, action in previous.actions.items():
        if action.status == "done":
            done.append(cid)
        elif cid not in known:
            dropped.append(f"actions.{cid}: criterion no longer in the pack")
        else:
            actions[cid] = action

    audit = previous.audit_date if previous.audit_date and previous.audit_date > on else None
    new = Assessment(
        schema_version=1,
        criteria_set=CriteriaSetRef(id=new_pack.id, version=new_pack.version),
        organisation=previous.organisation,
        assessment_date=on,
        audit_date=audit,
        assessors=list(previous.assessors),
        language=previous.language,
        evidence=evidence,
        responses=responses,
        actions=actions,
    )
    errors = [p for p in check_against_pack(new, new_pack, "next") if p.severity == "error"]
    if errors:  # pragma: no cover - every rule above keeps the result valid
        raise AssessmentError(errors)
    return NextCycle(
        assessment=new,
        changes=pack_changes(old_pack, new_pack, previous),
        to_confirm=tuple(to_confirm),
        stale=tuple(e.id for e in evidence if is_stale(e, on)),
        carried_actions=tuple(actions),
        done_actions=tuple(done),
        dropped=tuple(dropped),
    )


_NOTES = {
    "na": {
        "nl": "Vorige cyclus ({day}) niet van toepassing: {text}",
        "en": "Previous cycle ({day}) not applicable: {text}",
    },
    "level": {
        "nl": "Vorige cyclus ({day}) niveau {level}",
        "en": "Previous cycle ({day}) level {level}",
    },
}


def _carried_note(key: str, previous: Assessment, **params: Any) -> str:
    day = previous.assessment_date.isoformat()
    return _NOTES[key][previous.language].format(day=day, **params)


_TEXT = {
    "head": {
        "nl": "Nieuwe cyclus op {on} ({pack} {old} → {new})",
        "en": "Next cycle on {on} ({pack} {old} → {new})",
    },
    "no_change": {"nl": "Geen wijzigingen in de criteria.", "en": "No changes in the criteria."},
    "unknown": {
        "nl": "De vorige versie van het pakket is niet geladen: alleen verdwenen criteria zijn "
        "bekend (geef haar met --previous-criteria).",
        "en": "The previous version of the pack is not loaded: only removed criteria are known "
        "(give it with --previous-criteria).",
    },
    "added": {"nl": "Nieuw", "en": "Added"},
    "removed": {"nl": "Vervallen", "en": "Removed"},
    "changed": {"nl": "Gewijzigd", "en": "Changed"},
    "confirm": {
        "nl": "Overgenomen, opnieuw te bevestigen: {n}",
        "en": "Carried over, to re-confirm: {n}",
    },
    "stale": {
        "nl": "Ouder dan een jaar: {n} ({ids})",
        "en": "More than a year old: {n} ({ids})",
    },
    "actions": {"nl": "Open acties overgenomen: {n}", "en": "Open actions carried over: {n}"},
    "done": {
        "nl": "Afgeronde acties die in de vorige zelfevaluatie blijven: {n} ({ids})",
        "en": "Done actions that stay with the previous assessment: {n} ({ids})",
    },
    "dropped": {"nl": "Niet overgenomen", "en": "Not carried over"},
}


def cycle_lines(cycle: NextCycle, new_pack: Pack, lang: str) -> list[str]:
    """What :func:`next_cycle` did, as readable lines in ``lang``."""

    def t(key: str, **params: Any) -> str:
        return _TEXT[key][language(lang)].format(**params)

    def title(cid: str) -> str:
        criterion = new_pack.criteria_by_id.get(cid)
        return f"{cid} {localise(criterion.title, lang)}" if criterion else cid

    c = cycle.changes
    lines = [
        t(
            "head",
            on=cycle.assessment.assessment_date.isoformat(),
            pack=c.pack_id,
            old=c.old_version or "?",
            new=c.new_version,
        )
    ]
    if not c.known:
        lines.append(t("unknown"))
    elif not c.any:
        lines.append(t("no_change"))
    for key, ids in (("added", c.added), ("removed", c.removed)):
        if ids:
            lines.append(f"{t(key)} ({len(ids)}):")
            lines.extend(f"  {title(cid)}" for cid in ids)
    if c.changed:
        lines.append(f"{t('changed')} ({len(c.changed)}):")
        lines.extend(f"  {title(ch.id)}: {', '.join(ch.fields)}" for ch in c.changed)
    lines.append(t("confirm", n=counted(len(cycle.to_confirm), "response", lang)))
    if cycle.stale:
        stale = counted(len(cycle.stale), "evidence", lang)
        lines.append(t("stale", n=stale, ids=", ".join(cycle.stale)))
    lines.append(t("actions", n=len(cycle.carried_actions)))
    if cycle.done_actions:
        lines.append(t("done", n=len(cycle.done_actions), ids=", ".join(cycle.done_actions)))
    if cycle.dropped:
        lines.append(f"{t('dropped')} ({len(cycle.dropped)}):")
        lines.extend(f"  {d}" for d in cycle.dropped)
    return lines
