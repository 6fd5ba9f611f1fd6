"""Turning pydantic's validation errors into :class:`~assessment.errors.Problem` items."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import ValidationError

from .errors import Problem
from .vocabulary import EVIDENCE_KINDS
from .yamlsource import format_path

_FRIENDLY = {
    "missing": "required field is missing",
    "string_type": "must be a string",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "list_type": "must be a list",
    "dict_type": "must be a mapping",
    "model_type": "must be a mapping",
    "model_attributes_type": "must be a mapping",
    "too_short": "must have at least one item",
}

# pydantic inserts the names of union members and validators into an error's location
_LOC_NOISE_PREFIXES = ("function-", "dict[", "list[", "literal[", "constrained-")
_LOC_NOISE = {"str", "int", "float", "bool", "date", "none"}


def clean_loc(loc: tuple[Any, ...]) -> tuple[str | int, ...]:
    """Drop pydantic's union/validator names from a location; keep the document's path.

    A name right after a list index is a field of the list's item (evidence[0].date), never a
    union member's name, so it is kept.
    """
    out: list[Any] = []
    for part in loc:
        after_index = bool(out) and isinstance(out[-1], int)
        if (
            isinstance(part, str)
            and not after_index
            and (part in _LOC_NOISE or part.startswith(_LOC_NOISE_PREFIXES))
        ):
            continue
        out.append(part)
    return tuple(out)


def _default_id_hint(loc: tuple[Any, ...]) -> str:
    return "use letters, digits, '.', '_' and '-'"


def pydantic_problems(
    exc: ValidationError,
    file: str,
    line_of: Callable[[tuple[Any, ...]], int | None] | None = None,
    *,
    id_hint: Callable[[tuple[Any, ...]], str] = _default_id_hint,
) -> list[Problem]:
    """One :class:`Problem` per pydantic error, with a message a user understands."""
    out = []
    for err in exc.errors(include_url=False):
        loc = clean_loc(err["loc"])
        kind = err["type"]
        if kind == "extra_forbidden":
            message = f"unknown field '{loc[-1]}'"
        elif kind == "literal_error" and loc and loc[-1] == "kind":
            message = (
                f"unknown evidence kind {err['input']!r} (use one of: {', '.join(EVIDENCE_KINDS)})"
            )
        elif kind == "literal_error":
            message = err["msg"].replace("Input should be", "must be")
        elif kind == "string_pattern_mismatch":
            message = f"{err['input']!r} is not a valid id ({id_hint(loc)})"
        elif kind == "value_error":
            message = str(err["ctx"]["error"]) if "ctx" in err else err["msg"]
        elif kind in _FRIENDLY:
            message = _FRIENDLY[kind]
        else:
            message = err["msg"].replace("Input should be", "must be")
        line = line_of(loc) if line_of else None
        out.append(Problem(file, line, format_path(loc), message))
    return out
