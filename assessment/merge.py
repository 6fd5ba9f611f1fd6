"""Three-way merge of assessments, field by field: two people's changes both survive unless
they changed the same field.

``base`` is the version a person opened, ``theirs`` the newest stored version (others saved
since), ``mine`` the person's edited copy of ``base``. The merge works on the JSON form of
the assessment, where:

- a mapping (the organisation, a response, an action, the responses and actions keyed by
  criterion, the fieldwork) merges key by key, recursively;
- the evidence list is a mapping keyed by the item's ``id`` (in the order of ``theirs``,
  then ``mine``'s new items in their order); an item both added under the same id with
  different content keeps theirs and mine gets the next free id;
- the criteria an evidence item supports are a set: what mine added or removed since
  ``base`` is applied to theirs (so two people linking evidence to different criteria never
  conflict);
- anything else (a level, a note, a date, the assessors) is one field.

A field that both changed to different values is a :class:`Conflict`; a field only one side
changed takes that side's value. Pure and deterministic: the same three inputs give the
same result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from .assessments import Assessment
from .edits import next_evidence_id

Path = tuple[str, ...]
Prefer = Literal["theirs", "mine"]


class _Missing:
    """A field or item that is not there (removed, or never added)."""

    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@dataclass(frozen=True)
class Conflict:
    """One field both sides changed: its path (``("responses", "OPEN-01", "level")``) and the
    three values (``None`` where the field or item is not there)."""

    path: Path
    base: Any
    theirs: Any
    mine: Any


@dataclass(frozen=True)
class MergeResult:
    """The merged assessment and the conflicts (resolved by ``prefer``, or theirs kept)."""

    merged: Assessment
    conflicts: tuple[Conflict, ...]


_SET_LISTS = {("evidence", "*", "criteria")}


def _shape(path: Path) -> Path:
    return tuple("*" if i == 1 and path[0] == "evidence" else p for i, p in enumerate(path))


def _plain(value: Any) -> Any:
    return None if value is MISSING else value


def _merge_value(
    path: Path, base: Any, theirs: Any, mine: Any, prefer: Prefer | None, out: list[Conflict]
) -> Any:
    if mine == base:
        return theirs
    if theirs in (base, mine):
        return mine
    if _shape(path) in _SET_LISTS and all(
        isinstance(v, list) or v is MISSING for v in (base, theirs, mine)
    ):
        return _merge_set(base, theirs, mine)
    base_map = {} if base is MISSING else base
    if isinstance(theirs, dict) and isinstance(mine, dict) and isinstance(base_map, dict):
        return _merge_map(path, base_map, theirs, mine, prefer, out)
    out.append(Conflict(path, _plain(base), _plain(theirs), _plain(mine)))
    return mine if prefer == "mine" else theirs


def _merge_set(base: Any, theirs: Any, mine: Any) -> list[Any]:
    base_l = [] if base is MISSING else base
    theirs_l = [] if theirs is MISSING else theirs
    mine_l = [] if mine is MISSING else mine
    added = [x for x in mine_l if x not in base_l]
    removed = {x for x in base_l if x not in mine_l}
    kept = [x for x in theirs_l if x not in removed]
    return kept + [x for x in added if x not in kept]


def _merge_map(
    path: Path,
    base: dict[str, Any],
    theirs: dict[str, Any],
    mine: dict[str, Any],
    prefer: Prefer | None,
    out: list[Conflict],
) -> dict[str, Any]:
    keys = list(theirs) + [k for k in mine if k not in theirs]
    keys += [k for k in base if k not in keys]
    merged: dict[str, Any] = {}
    for key in keys:
        value = _merge_value(
            (*path, key),
            base.get(key, MISSING),
            theirs.get(key, MISSING),
            mine.get(key, MISSING),
            prefer,
            out,
        )
        if value is not MISSING:
            merged[key] = value
    return merged


def _keyed(items: Sequence[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in items}


def _new_ids_apart(base: Assessment, theirs: Assessment, mine: Assessment) -> Assessment:
    """Give mine's newly added evidence items another id where theirs added a different item
    under the same id (both took the next free number)."""
    base_ids = {e.id for e in base.evidence}
    theirs_by_id = {e.id: e for e in theirs.evidence}
    clashes = [
        e
        for e in mine.evidence
        if e.id not in base_ids and e.id in theirs_by_id and theirs_by_id[e.id] != e
    ]
    if not clashes:
        return mine
    taken = theirs.model_copy(update={"evidence": [*theirs.evidence, *mine.evidence]})
    renamed = {}
    for item in clashes:
        new_id = next_evidence_id(taken)
        renamed[item.id] = new_id
        taken = taken.model_copy(
            update={"evidence": [*taken.evidence, item.model_copy(update={"id": new_id})]}
        )
    items = [
        e.model_copy(update={"id": renamed[e.id]}) if e in clashes else e for e in mine.evidence
    ]
    return mine.model_copy(update={"evidence": items})


def _document(assessment: Assessment) -> dict[str, Any]:
    data = assessment.model_dump(mode="json", exclude_defaults=True)
    data["evidence"] = _keyed(data.get("evidence", []))
    data.setdefault("responses", {})  # containers are always there: emptied is not removed
    data.setdefault("actions", {})
    return data


def merge(
    base: Assessment, theirs: Assessment, mine: Assessment, prefer: Prefer | None = None
) -> MergeResult:
    """Merge ``mine`` (an edit of ``base``) into ``theirs`` (the newest version), field by field.

    Conflicts (fields both changed differently) take ``theirs`` unless ``prefer="mine"``; they
    are listed either way, in document order. Raises ``pydantic.ValidationError`` only when
    the merged document breaks the model's own rules.
    """
    mine = _new_ids_apart(base, theirs, mine)
    conflicts: list[Conflict] = []
    data = _merge_map((), _document(base), _document(theirs), _document(mine), prefer, conflicts)
    data["evidence"] = list(data.get("evidence", {}).values())
    return MergeResult(Assessment.model_validate(data), tuple(conflicts))


def field_at(assessment: Assessment, path: Path) -> Any:
    """The JSON value at ``path`` in ``assessment`` (``None`` when it is not there)."""
    node: Any = _document(assessment)
    for part in path:
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node
