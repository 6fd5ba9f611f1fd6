"""The fixed lists of the file formats: the kinds of evidence and the statuses of an action.

One home each. The pydantic types, the validation messages, the spreadsheet's drop-down lists
and the app's choices are derived from these tuples; their wording in Dutch and English lives
in :mod:`assessment.messages` (``KIND_WORDS``, ``STATUS_WORDS``), keyed by these ids.
"""

from __future__ import annotations

from typing import Literal

EVIDENCE_KINDS: tuple[str, ...] = (
    "document",
    "record",
    "interview",
    "observation",
    "metric",
    "other",
)
"""The kinds of evidence, in the order they are listed and sorted."""

ACTION_STATUSES: tuple[str, ...] = ("open", "in_progress", "done")
"""The statuses of an improvement action, in the order of its progress."""

EvidenceKind = Literal[*EVIDENCE_KINDS]
ActionStatus = Literal[*ACTION_STATUSES]
