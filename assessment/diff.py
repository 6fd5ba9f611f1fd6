"""What changes between two versions of one assessment, field by field (the import dry run).

:func:`assessment_changes` flattens both assessments to paths such as
``responses.OPEN-01.level`` or ``evidence.E3.date`` (evidence by its id, not its position)
and lists every path whose value differs, was added or was removed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .assessments import Assessment


@dataclass(frozen=True)
class FieldChange:
    """One field that differs; ``before`` or ``after`` is None when it is absent there.
    ``parts`` is ``path`` split into its keys (a criterion id may hold a dot itself)."""

    path: str
    before: Any
    after: Any
    parts: tuple[str, ...] = ()

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "changed"


def _flat(parts: tuple[str, ...], value: Any, out: dict[tuple[str, ...], Any]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flat((*parts, key), inner, out)
    elif isinstance(value, list):
        out[parts] = ", ".join(
            json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v for v in value
        )
    elif value is not None:
        out[parts] = value


def _fields(assessment: Assessment) -> dict[tuple[str, ...], Any]:
    data = json.loads(assessment.to_json())
    evidence = data.pop("evidence", [])
    out: dict[tuple[str, ...], Any] = {}
    _flat((), data, out)
    for item in evidence:
        item_id = item.pop("id")
        _flat(("evidence", item_id), item, out)
    return out


def flatten(assessment: Assessment) -> dict[str, Any]:
    """Path -> value of every field the assessment file holds (defaults left out)."""
    return {".".join(parts): value for parts, value in _fields(assessment).items()}


def assessment_changes(before: Assessment, after: Assessment) -> list[FieldChange]:
    """Every field that differs from ``before`` to ``after``: in the order of ``after``'s
    fields, then the fields only ``before`` has."""
    old, new = _fields(before), _fields(after)
    changes = [
        FieldChange(".".join(parts), old.get(parts), value, parts)
        for parts, value in new.items()
        if old.get(parts) != value
    ]
    changes.extend(
        FieldChange(".".join(parts), value, None, parts)
        for parts, value in old.items()
        if parts not in new
    )
    return changes
