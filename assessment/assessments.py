"""Assessment files (SPEC section 2): the model, parsing and validation against a pack.

:func:`parse_assessment` checks the structure; :func:`check_against_pack` checks the
content against the criteria pack and returns errors and warnings, each with its JSON
path. :func:`load_assessment` does both and raises on any error.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    StringConstraints,
    ValidationError,
    model_validator,
)

from .datatypes import IsoDate, Sha256
from .errors import AssessmentError, InputFileError, PackNotFound, Problem
from .fieldwork.record import Fieldwork, fieldwork_problems
from .packs import CRITERION_ID_PATTERN, Pack
from .validation import pydantic_problems
from .vocabulary import ActionStatus, EvidenceKind
from .yamlsource import decode_text, format_path, read_text

SCHEMA_VERSION = 1
MAX_ASSESSMENT_BYTES = 16 * 1024 * 1024
# An assessment is at most five levels deep; deeper JSON is refused before it reaches the
# model (Python's own parser gives up near 1,000 levels with a RecursionError).
MAX_JSON_DEPTH = 64


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CriteriaSetRef(_Model):
    id: Annotated[str, StringConstraints(min_length=1)]
    version: str | None = None


class Organisation(_Model):
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
    sector: str | None = None
    size: str | None = None
    handling: Literal["central", "decentral"] | None = None


class EvidenceFile(_Model):
    """A file attached to an evidence item. ``erased``: the content was removed for good."""

    name: Annotated[str, StringConstraints(min_length=1)]
    sha256: Sha256
    size: int = Field(ge=0)
    media_type: str | None = None
    erased: bool = False


class Evidence(_Model):
    id: Annotated[str, StringConstraints(min_length=1)]
    kind: EvidenceKind
    title: Annotated[str, StringConstraints(min_length=1)]
    criteria: list[str] = Field(default_factory=list)
    source: str | None = None
    date: IsoDate | None = None
    link: str | None = None
    file: EvidenceFile | None = None
    personal_data: bool = False

    @property
    def checkable(self) -> bool:
        """Whether someone else can check the item (SPEC section 3).

        It has a file (stored, or erased with its hash kept), or a link, or both a source
        and a date. An item that is not checkable is kept and listed but backs no level.
        """
        return bool(
            self.file is not None
            or (self.link and self.link.strip())
            or (self.source and self.source.strip() and self.date is not None)
        )

    @property
    def to_make_checkable(self) -> tuple[str, ...]:
        """What would make the item checkable: ``("file", "link")`` or the missing half of
        source and date (``"source"`` or ``"date"``); empty when it is checkable.
        """
        if self.checkable:
            return ()
        has_source = bool(self.source and self.source.strip())
        if has_source:
            return ("date",)
        if self.date is not None:
            return ("source",)
        return ("file", "link", "source", "date")


class Response(_Model):
    level: StrictInt | None = None
    note: str | None = None
    not_applicable: bool = False
    justification: str | None = None
    to_confirm: bool = False  # carried over from the previous cycle, not yet re-confirmed

    @property
    def answered(self) -> bool:
        """A response with a level, or marked not applicable, that is not waiting to be
        re-confirmed: a response carried over to a new cycle (``to_confirm``) counts as
        unanswered until someone confirms or changes it.
        """
        return (self.level is not None or self.not_applicable) and not self.to_confirm


class Action(_Model):
    owner: str | None = None
    deadline: IsoDate | None = None
    status: ActionStatus | None = None
    note: str | None = None


class Assessment(_Model):
    """One assessment, as exchanged in JSON."""

    schema_version: Literal[1]
    criteria_set: CriteriaSetRef
    organisation: Organisation
    assessment_date: IsoDate
    audit_date: IsoDate | None = None
    assessors: list[str] = Field(default_factory=list)
    language: Literal["nl", "en"] = "nl"
    evidence: list[Evidence] = Field(default_factory=list)
    responses: dict[Annotated[str, StringConstraints(pattern=CRITERION_ID_PATTERN)], Response] = (
        Field(default_factory=dict)
    )
    actions: dict[str, Action] = Field(default_factory=dict)
    fieldwork: Fieldwork | None = None  # the register, the sample and the file review

    @model_validator(mode="before")
    @classmethod
    def _schema_first(cls, data: Any) -> Any:
        if isinstance(data, dict) and "schema_version" in data:
            version = data["schema_version"]
            if version != SCHEMA_VERSION and not isinstance(version, bool):
                raise ValueError(
                    f"schema_version {version!r} is not supported "
                    f"(this version reads {SCHEMA_VERSION})"
                )
        return data

    def evidence_for(self, criterion_id: str) -> list[Evidence]:
        """The evidence items that support ``criterion_id``."""
        return [e for e in self.evidence if criterion_id in e.criteria]

    def evidence_by_criterion(self) -> dict[str, list[Evidence]]:
        """Every criterion id with the evidence items that support it, in file order."""
        index: dict[str, list[Evidence]] = {}
        for item in self.evidence:
            for criterion_id in dict.fromkeys(item.criteria):
                index.setdefault(criterion_id, []).append(item)
        return index

    def to_json(self) -> str:
        """The portable JSON text of SPEC section 2 (defaults left out, keys stable)."""
        data = self.model_dump(mode="json", exclude_defaults=True)
        data["schema_version"] = SCHEMA_VERSION
        data.setdefault("organisation", {"name": self.organisation.name})
        data["assessment_date"] = self.assessment_date.isoformat()
        ordered = {k: data[k] for k in _FIELD_ORDER if k in data}
        return json.dumps(ordered, ensure_ascii=False, indent=2) + "\n"


_FIELD_ORDER = [
    "schema_version",
    "criteria_set",
    "organisation",
    "assessment_date",
    "audit_date",
    "assessors",
    "language",
    "evidence",
    "responses",
    "actions",
    "fieldwork",
]


# ---- reading ---------------------------------------------------------------------------


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


class _DuplicateKey(ValueError):
    def __init__(self, key: str):
        super().__init__(key)
        self.key = key


def _too_deep(file: str) -> AssessmentError:
    return AssessmentError(
        [
            Problem(
                file,
                None,
                "",
                f"JSON nested more than {MAX_JSON_DEPTH} levels deep; "
                "an assessment file is only a few levels deep",
            )
        ]
    )


def _check_depth(data: Any, file: str) -> None:
    """Raise :class:`AssessmentError` when ``data`` nests deeper than ``MAX_JSON_DEPTH``."""
    level: list[Any] = [data]
    for _ in range(MAX_JSON_DEPTH + 1):
        nested = []
        for value in level:
            if isinstance(value, dict):
                nested.extend(v for v in value.values() if isinstance(v, dict | list))
            elif isinstance(value, list):
                nested.extend(v for v in value if isinstance(v, dict | list))
        if not nested:
            return
        level = nested
    raise _too_deep(file)


def parse_json_text(text: str, file: str) -> Any:
    """Parse JSON text; a syntax error, a duplicate key or nesting deeper than
    ``MAX_JSON_DEPTH`` raises :class:`AssessmentError`."""
    try:
        data = json.loads(text, object_pairs_hook=_no_duplicate_keys)
    except RecursionError:  # Python's parser gives up near 1,000 levels
        raise _too_deep(file) from None
    except _DuplicateKey as exc:
        raise AssessmentError(
            [Problem(file, None, "", f"duplicate key '{exc.key}' (a value would be lost)")]
        ) from None
    except json.JSONDecodeError as exc:
        raise AssessmentError(
            [Problem(file, exc.lineno, "", f"JSON syntax error, column {exc.colno}: {exc.msg}")]
        ) from None
    _check_depth(data, file)
    return data


def parse_assessment(data: Any, file: str) -> Assessment:
    """Validate the structure of parsed JSON; raise :class:`AssessmentError` with every problem."""
    if not isinstance(data, dict):
        raise AssessmentError([Problem(file, None, "", "an assessment must be a JSON object")])
    try:
        return Assessment.model_validate(data)
    except ValidationError as exc:
        raise AssessmentError(pydantic_problems(exc, file)) from None


def check_against_pack(assessment: Assessment, pack: Pack, file: str) -> list[Problem]:
    """Every problem of ``assessment`` against ``pack``: errors, and the version warning."""
    problems: list[Problem] = []
    known = pack.criteria_by_id
    top = pack.top_level

    def add(path: tuple[Any, ...], message: str, severity: str = "error") -> None:
        problems.append(Problem(file, None, format_path(path), message, severity))

    if assessment.criteria_set.id != pack.id:
        add(("criteria_set", "id"), f"names pack '{assessment.criteria_set.id}', not '{pack.id}'")
    if assessment.criteria_set.version not in (None, pack.version):
        add(
            ("criteria_set", "version"),
            f"version {assessment.criteria_set.version!r} differs from the loaded pack's "
            f"version {pack.version!r}; scores use the loaded pack",
            "warning",
        )

    if assessment.audit_date is not None and assessment.audit_date < assessment.assessment_date:
        add(
            ("audit_date",),
            f"audit date {assessment.audit_date.isoformat()} is before the assessment date "
            f"{assessment.assessment_date.isoformat()}; every improvement point is at risk",
            "warning",
        )

    seen_ids: dict[str, int] = {}
    for i, item in enumerate(assessment.evidence):
        if item.id in seen_ids:
            add(
                ("evidence", i, "id"),
                f"duplicate evidence id '{item.id}' (also evidence[{seen_ids[item.id]}])",
            )
        else:
            seen_ids[item.id] = i
        for j, cid in enumerate(item.criteria):
            if cid not in known:
                add(("evidence", i, "criteria", j), f"unknown criterion id '{cid}'")
        if len(set(item.criteria)) != len(item.criteria):
            add(("evidence", i, "criteria"), "a criterion is listed twice")

    for cid, response in assessment.responses.items():
        base = ("responses", cid)
        criterion = known.get(cid)
        if criterion is None:
            add(base, f"unknown criterion id '{cid}'")
            continue
        if response.level is not None and not 0 <= response.level <= top:
            add((*base, "level"), f"level {response.level} is outside the scale 0..{top}")
        if response.not_applicable:
            if criterion.mandatory:
                add((*base, "not_applicable"), "a mandatory criterion cannot be not applicable")
            if not (response.justification or "").strip():
                add((*base, "justification"), "not applicable needs a justification")
            if response.level is not None:
                add((*base, "level"), "a criterion marked not applicable cannot have a level")

    for cid, action in assessment.actions.items():
        if cid not in known:
            add(("actions", cid), f"unknown criterion id '{cid}'")
        elif (
            action.deadline is not None
            and action.deadline < assessment.assessment_date
            and action.status != "done"
        ):
            add(
                ("actions", cid, "deadline"),
                f"deadline {action.deadline.isoformat()} is before the assessment date "
                f"{assessment.assessment_date.isoformat()}; the point shows as overdue",
                "warning",
            )
    problems.extend(fieldwork_problems(assessment, pack, file))
    return problems


def load_assessment_text(
    text: str, file: str, pack_for: Any
) -> tuple[Assessment, Pack, list[Problem]]:
    """Parse and validate assessment JSON text.

    ``pack_for`` maps the assessment's ``criteria_set`` to a loaded :class:`Pack` (it raises
    :class:`~assessment.errors.PackNotFound` when there is none). Returns the assessment, its
    pack and the warnings; raises :class:`AssessmentError` on any error.
    """
    data = parse_json_text(text, file)
    assessment = parse_assessment(data, file)
    try:
        pack = pack_for(assessment.criteria_set)
    except PackNotFound as exc:
        raise AssessmentError([Problem(file, None, "criteria_set.id", str(exc))]) from None
    problems = check_against_pack(assessment, pack, file)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise AssessmentError(errors)
    return assessment, pack, [p for p in problems if p.severity != "error"]


def read_assessment(path: str | Path) -> Assessment:
    """The assessment in a file, parsed without the pack's checks (to find out what it is)."""
    return parse_assessment(
        parse_json_text(read_text(path, max_bytes=MAX_ASSESSMENT_BYTES), str(path)), str(path)
    )


def load_assessment(path: str | Path, pack_for: Any) -> tuple[Assessment, Pack, list[Problem]]:
    """Read an assessment file and validate it; see :func:`load_assessment_text`."""
    path = Path(path)
    text = read_text(path, max_bytes=MAX_ASSESSMENT_BYTES)
    if not text.strip():
        raise InputFileError(f"{path}: file is empty")
    return load_assessment_text(text, str(path), pack_for)


def load_assessment_bytes(
    raw: bytes, name: str, pack_for: Any
) -> tuple[Assessment, Pack, list[Problem]]:
    """Validate uploaded assessment JSON bytes under the display name ``name``."""
    text = decode_text(raw, name, max_bytes=MAX_ASSESSMENT_BYTES)
    if not text.strip():
        raise InputFileError(f"{name}: file is empty")
    return load_assessment_text(text, name, pack_for)
