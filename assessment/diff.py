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
    """One field that differs; ``before`` or ``after`` is None when it is absent there."""

    path: str
    before: Any
    after: Any

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.before is None:
            return "added"
        if self.after is None:
            return "removed"
        return "changed"


def _flat(prefix: str, value: Any, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, inner in value.items():
            _flat(f"{prefix}.{key}" if prefix else key, inner, out)
    elif isinstance(value, list):
        out[prefix] = ", ".join(
            json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v for v in value
        )
    elif value is not None:
        out[prefix] = value


def flatten(assessment: Assessment) -> dict[str, Any]:
    """Path -> value of every field the assessment file holds (defaults left out)."""
    data = json.loads(assessment.to_json())
    evidence = data.pop("evidence", [])
    out: dict[str, Any] = {}
    _flat("", data, out)
    for item in evidence:
        item_id = item.pop("id")
        _flat(f"evidence.{item_id}", item, out)
    return out


def assessment_changes(before: Assessment, after: Assessment) -> list[FieldChange]:
    """Every field that differs from ``before`` to ``after``: in the order of ``after``'s
    fields, then the fields only ``before`` has."""
    old, new = flatten(before), flatten(after)
    changes = [
        FieldChange(path, old.get(path), value)
        for path, value in new.items()
        if old.get(path) != value
    ]
    changes.extend(FieldChange(path, value, None) for path, value in old.items() if path not in new)
    return changes
