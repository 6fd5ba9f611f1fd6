"""Changes to an assessment, as pure functions: each takes an Assessment and returns a new one.

The app, the workshop and the command line make their changes through these, so that the
rules of an edit (a not-applicable response drops its level, an empty response or action
disappears, new evidence gets the next free id) live in one place. Saving, with its version
check, is the store's business.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from .assessments import Action, Assessment, Evidence, Organisation, Response

_EVIDENCE_ID = re.compile(r"E(\d+)")


def set_response(assessment: Assessment, criterion_id: str, **changes: Any) -> Assessment:
    """Change fields of one response (``level``, ``note``, ``not_applicable``, ``justification``).

    Marked not applicable, a response loses its level; applicable again, it loses the mark
    and the justification. A field set to None is removed; a response left empty is removed.
    A change of the level, the not-applicable mark or the justification confirms a response
    carried over from the previous cycle (its ``to_confirm`` goes); so does
    ``to_confirm=None``. A note alone does not confirm.
    """
    old = assessment.responses.get(criterion_id)
    data = old.model_dump(exclude_defaults=True) if old else {}
    if "to_confirm" not in changes and {"level", "not_applicable", "justification"} & set(changes):
        data.pop("to_confirm", None)
    data.update(changes)
    if data.get("not_applicable"):
        data.pop("level", None)
    else:
        data.pop("not_applicable", None)
        data.pop("justification", None)
    data = {k: v for k, v in data.items() if v is not None}
    responses = dict(assessment.responses)
    if data:
        responses[criterion_id] = Response(**data)
    else:
        responses.pop(criterion_id, None)
    return assessment.model_copy(update={"responses": responses})


def link_evidence(
    assessment: Assessment, criterion_id: str, evidence_ids: Iterable[str]
) -> Assessment:
    """Make exactly ``evidence_ids`` support ``criterion_id`` (other links stay as they are,
    and an item that keeps its link is left untouched: its criteria keep their order)."""
    wanted = set(evidence_ids)
    items = []
    for item in assessment.evidence:
        linked = criterion_id in item.criteria
        if linked == (item.id in wanted):
            items.append(item)
        elif linked:
            criteria = [c for c in item.criteria if c != criterion_id]
            items.append(item.model_copy(update={"criteria": criteria}))
        else:
            items.append(item.model_copy(update={"criteria": [*item.criteria, criterion_id]}))
    return assessment.model_copy(update={"evidence": items})


def set_supports(assessment: Assessment, evidence_id: str, criteria: Iterable[str]) -> Assessment:
    """Make evidence item ``evidence_id`` support exactly ``criteria``."""
    criteria = list(criteria)
    items = [
        item.model_copy(update={"criteria": criteria}) if item.id == evidence_id else item
        for item in assessment.evidence
    ]
    return assessment.model_copy(update={"evidence": items})


def next_evidence_id(assessment: Assessment) -> str:
    """The next free id of the form ``E<n>``."""
    numbers = [
        int(match.group(1))
        for item in assessment.evidence
        if (match := _EVIDENCE_ID.fullmatch(item.id))
    ]
    return f"E{max(numbers, default=0) + 1}"


def add_evidence(assessment: Assessment, **fields: Any) -> tuple[Assessment, str]:
    """Add an evidence item with the next free id; returns the new assessment and that id."""
    evidence_id = next_evidence_id(assessment)
    item = Evidence(id=evidence_id, **fields)
    return assessment.model_copy(update={"evidence": [*assessment.evidence, item]}), evidence_id


def update_evidence(assessment: Assessment, evidence_id: str, **fields: Any) -> Assessment:
    """Change fields of one evidence item (kind, title, source, date, link, file, criteria,
    personal_data); the item keeps its id. An unknown id raises ``KeyError``."""
    if not any(item.id == evidence_id for item in assessment.evidence):
        raise KeyError(evidence_id)
    items = [
        Evidence(**{**item.model_dump(), **fields}) if item.id == evidence_id else item
        for item in assessment.evidence
    ]
    return assessment.model_copy(update={"evidence": items})


def remove_evidence(assessment: Assessment, evidence_id: str) -> Assessment:
    """Remove an evidence item (the criteria it supported lose it)."""
    items = [item for item in assessment.evidence if item.id != evidence_id]
    return assessment.model_copy(update={"evidence": items})


def set_actions(assessment: Assessment, changes: Mapping[str, Mapping[str, Any]]) -> Assessment:
    """Change owner, deadline, status or note of improvement points, per criterion id.

    ``open`` is the default status and is not stored; an action left empty is removed.
    """
    actions = dict(assessment.actions)
    for criterion_id, fields in changes.items():
        old = actions.get(criterion_id)
        data = old.model_dump(exclude_none=True) if old else {}
        data.update(fields)
        if data.get("status") == "open":
            data.pop("status")
        data = {k: v for k, v in data.items() if v is not None}
        if data:
            actions[criterion_id] = Action(**data)
        else:
            actions.pop(criterion_id, None)
    return assessment.model_copy(update={"actions": actions})


def set_details(assessment: Assessment, **fields: Any) -> Assessment:
    """Change the organisation (name, sector, size, handling), dates, assessors or language.

    ``name`` is required; a missing assessment date or language keeps the current one.
    """
    organisation = Organisation(
        name=fields["name"],
        sector=fields.get("sector"),
        size=fields.get("size"),
        handling=fields.get("handling"),
    )
    return assessment.model_copy(
        update={
            "organisation": organisation,
            "assessment_date": fields.get("assessment_date") or assessment.assessment_date,
            "audit_date": fields.get("audit_date"),
            "assessors": list(fields.get("assessors") or []),
            "language": fields.get("language") or assessment.language,
        }
    )
