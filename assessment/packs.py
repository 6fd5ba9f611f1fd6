"""Criteria packs (SPEC section 1): models, loading and validation.

:func:`load_pack` reads one YAML file and returns a :class:`Pack`, or raises
:class:`~assessment.errors.PackError` listing every problem of the file as
``FILE:LINE: PATH: message``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    StringConstraints,
    ValidationError,
    field_validator,
)

from .errors import InputFileError, PackError, Problem
from .i18n import LANGUAGES, LocalText
from .refs import ref_problems
from .validation import pydantic_problems
from .vocabulary import EVIDENCE_KINDS, EvidenceKind
from .yamlsource import SourceDoc, decode_text, format_path, load_yaml, read_text

PACK_ID_PATTERN = r"^[a-z0-9-]+$"
CRITERION_ID_PATTERN = r"^[A-Za-z0-9._-]+$"
KEY_PATTERN = r"^[A-Za-z0-9._-]+$"

PackId = Annotated[str, StringConstraints(pattern=PACK_ID_PATTERN)]
CriterionId = Annotated[str, StringConstraints(pattern=CRITERION_ID_PATTERN)]


def _check_local_text(value: Any) -> Any:
    if isinstance(value, str):
        if not value.strip():
            raise ValueError("text is empty")
        return value
    if isinstance(value, dict):
        if not value:
            raise ValueError("text is empty: give a string or {nl: ..., en: ...}")
        unknown = [k for k in value if k not in LANGUAGES]
        if unknown:
            raise ValueError(f"unknown language {unknown[0]!r} (use {', '.join(LANGUAGES)})")
        for lang, text in value.items():
            if not isinstance(text, str):
                raise ValueError(f"text for {lang!r} must be a string")
            if not text.strip():
                raise ValueError(f"text for {lang!r} is empty")
        return value
    raise ValueError("must be a string or a mapping {nl: ..., en: ...}")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


Text = Annotated[LocalText, Field()]


class _TextModel(_Model):
    """Base for models whose text fields are localised; validates every such field."""

    @field_validator("*", mode="before")
    @classmethod
    def _local_texts(cls, value: Any, info: Any) -> Any:
        field = cls.model_fields.get(info.field_name)
        if field is not None and field.annotation in (LocalText, LocalText | None):
            if value is None and field.annotation is LocalText:
                raise ValueError("required text is missing")
            if value is not None:
                return _check_local_text(value)
        return value


def parse_requirement(entry: str) -> frozenset[str]:
    """Split a ``requires`` entry such as ``"record|interview"`` into its alternative kinds."""
    return frozenset(part.strip() for part in entry.split("|"))


class Requirement(BaseModel):
    """Parsed form of a ``requires`` entry: any of ``kinds`` meets it."""

    model_config = ConfigDict(frozen=True)
    kinds: frozenset[str]

    def met_by(self, kinds: Iterable[str]) -> bool:
        """Whether one of the given evidence kinds meets this entry."""
        return not self.kinds.isdisjoint(kinds)

    def __str__(self) -> str:
        return "|".join(sorted(self.kinds, key=EVIDENCE_KINDS.index))


Percentage = Annotated[float, Field(gt=0, le=100)]


class ScaleLevel(_TextModel):
    level: int
    label: LocalText
    description: LocalText | None = None
    requires: list[str] = Field(default_factory=list)
    conformity: Percentage | None = None  # file-review conformity this level needs


class Readiness(_Model):
    ready_overall: float = Field(75, ge=0, le=100)
    ready_pillar: float = Field(60, ge=0, le=100)
    conditional_overall: float = Field(50, ge=0, le=100)
    conditional_mandatory_gap: int = Field(1, ge=0)


class Planning(_Model):
    default_effort_days: int = Field(10, ge=0)
    buffer_days: int = Field(10, ge=0)


DEFAULT_TARGET = 3
"""The target level of a criterion when neither it nor the pack's ``defaults`` set one."""


class Defaults(_Model):
    target: int = Field(DEFAULT_TARGET, ge=1)
    weight: float = Field(1, gt=0)


class EvidenceHint(_TextModel):
    kind: EvidenceKind
    text: LocalText


class FileCheck(_TextModel):
    """One item of the checklist a reviewer answers for each sampled case file."""

    id: Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
    text: LocalText


class Terms(_Model):
    """The pack's handling terms: acknowledgement in working days, decision in days.

    ``decide_unit`` says how ``decide_days`` counts: ``calendar`` days after receipt, or
    ``working`` days (the SPEC's working-day rule).
    """

    ack_days: int | None = Field(None, ge=0)
    decide_days: int | None = Field(None, ge=0)
    decide_unit: Literal["calendar", "working"] = "calendar"


class Criterion(_TextModel):
    id: CriterionId
    title: LocalText
    question: LocalText
    guidance: LocalText | None = None
    levels: dict[int, LocalText] = Field(default_factory=dict)
    evidence_hints: list[EvidenceHint] = Field(default_factory=list)
    target: int | None = Field(None, ge=1)
    weight: float | None = Field(None, gt=0)
    mandatory: bool = False
    effort_days: int | None = Field(None, ge=0)
    requires: dict[int, list[str]] = Field(default_factory=dict)
    improvement: LocalText
    refs: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    file_checks: list[FileCheck] = Field(default_factory=list)
    conformity: dict[int, Percentage] = Field(default_factory=dict)  # replaces the scale's

    @field_validator("levels", mode="before")
    @classmethod
    def _level_texts(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: _check_local_text(v) for k, v in value.items()}
        return value


class Pillar(_TextModel):
    id: Annotated[str, StringConstraints(pattern=KEY_PATTERN)]
    title: LocalText
    description: LocalText | None = None
    criteria: list[Criterion] = Field(min_length=1)


class Pack(_TextModel):
    """A validated criteria pack; ``source`` and ``sha256`` say where it came from."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: PackId
    version: str
    title: LocalText
    description: LocalText | None = None
    scale: list[ScaleLevel]
    readiness: Readiness = Field(default_factory=Readiness)
    planning: Planning = Field(default_factory=Planning)
    defaults: Defaults = Field(default_factory=Defaults)
    terms: Terms = Field(default_factory=Terms)
    tags: dict[str, LocalText] = Field(default_factory=dict)
    pillars: list[Pillar] = Field(min_length=1)

    _source: str = PrivateAttr("")
    _sha256: str = PrivateAttr("")

    @property
    def source(self) -> str:
        """The file (or upload name) the pack was loaded from."""
        return self._source

    @property
    def sha256(self) -> str:
        """The sha256 of the pack's text, so a report can pin the exact pack."""
        return self._sha256

    @field_validator("tags", mode="before")
    @classmethod
    def _tag_texts(cls, value: Any) -> Any:
        if isinstance(value, dict):
            return {k: _check_local_text(v) for k, v in value.items()}
        return value

    # ---- derived lookups -------------------------------------------------------------
    @property
    def top_level(self) -> int:
        """N, the top level of the scale."""
        return self.scale[-1].level

    def criteria(self) -> Iterator[tuple[Pillar, Criterion]]:
        """Every criterion with its pillar, in pack order."""
        for pillar in self.pillars:
            for criterion in pillar.criteria:
                yield pillar, criterion

    @cached_property
    def criteria_by_id(self) -> dict[str, Criterion]:
        return {c.id: c for _, c in self.criteria()}

    @cached_property
    def pillar_of(self) -> dict[str, str]:
        return {c.id: p.id for p, c in self.criteria()}

    def target(self, criterion: Criterion) -> int:
        return criterion.target if criterion.target is not None else self.defaults.target

    def weight(self, criterion: Criterion) -> float:
        return criterion.weight if criterion.weight is not None else self.defaults.weight

    def effort_days(self, criterion: Criterion) -> int:
        if criterion.effort_days is not None:
            return criterion.effort_days
        return self.planning.default_effort_days

    def level_requirements(self, criterion: Criterion, level: int) -> list[Requirement]:
        """The entries level ``level`` alone asks of ``criterion`` (after its replacements)."""
        entries = criterion.requires.get(level)
        if entries is None:
            entries = next((s.requires for s in self.scale if s.level == level), [])
        return [Requirement(kinds=parse_requirement(e)) for e in entries]

    def cumulative_requirements(self, criterion: Criterion, level: int) -> list[Requirement]:
        """Every entry needed for ``level``: those of levels 1..level."""
        out: list[Requirement] = []
        for lvl in range(1, level + 1):
            out.extend(self.level_requirements(criterion, lvl))
        return out

    def scale_label(self, level: int) -> LocalText:
        return next((s.label for s in self.scale if s.level == level), str(level))


# ---- loading ---------------------------------------------------------------------------


def load_pack(path: str | Path) -> Pack:
    """Load and validate one pack file.

    Raises ``PackError`` with all problems, or ``InputFileError`` when it cannot be read.
    """
    path = Path(path)
    text = read_text(path)
    return parse_pack(text, str(path))


def load_pack_bytes(raw: bytes, name: str) -> Pack:
    """Validate an uploaded pack (bytes) under the display name ``name``."""
    return parse_pack(decode_text(raw, name), name)


def parse_pack(text: str, file: str) -> Pack:
    """Validate pack text; ``file`` is the name used in messages."""
    doc = load_yaml(text, file)
    if doc.problems:
        raise PackError(doc.problems)
    problems: list[Problem] = []
    if not isinstance(doc.data, dict):
        problems.append(Problem(file, doc.line_of(()), "", "a pack must be a YAML mapping"))
        raise PackError(problems)
    pack: Pack | None = None
    try:
        pack = Pack.model_validate(doc.data)
    except ValidationError as exc:
        problems.extend(pydantic_problems(exc, file, doc.line_of, id_hint=_pattern_hint))
    problems.extend(_semantic_problems(doc))
    problems = _dedupe(problems)
    if problems or pack is None:
        raise PackError(sorted(problems, key=lambda p: (p.line or 0, p.path)))
    pack._source = file
    pack._sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return pack


def _pattern_hint(loc: tuple[Any, ...]) -> str:
    if loc == ("id",):
        return "use lowercase letters, digits and '-'"
    return "use letters, digits, '.', '_' and '-'"


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, str]] = set()
    out = []
    for p in problems:
        if (p.path, p.message) not in seen:
            seen.add((p.path, p.message))
            out.append(p)
    return out


def _semantic_problems(doc: SourceDoc) -> list[Problem]:
    """Rules pydantic cannot see: ids, the scale, targets, requirements, refs, tags."""
    data = doc.data
    problems: list[Problem] = []

    def add(path: tuple[Any, ...], message: str) -> None:
        problems.append(Problem(doc.file, doc.line_of(path), format_path(path), message))

    levels: list[int] = []
    scale = data.get("scale")
    if isinstance(scale, list):
        for i, item in enumerate(scale):
            if isinstance(item, dict) and isinstance(item.get("level"), int):
                levels.append(item["level"])
                _check_requires(item.get("requires"), ("scale", i, "requires"), add)
        if levels and levels != list(range(len(levels))):
            add(("scale",), f"levels must run 0, 1, 2, ... without gaps in order; found {levels}")
        elif levels and not 2 <= levels[-1] <= 10:
            add(("scale",), f"the top level must be between 2 and 10; found {levels[-1]}")
        if scale and isinstance(scale[0], dict) and scale[0].get("requires"):
            add(("scale", 0, "requires"), "level 0 cannot require evidence")
        if scale and isinstance(scale[0], dict) and scale[0].get("conformity") is not None:
            add(("scale", 0, "conformity"), "level 0 cannot require a conformity")
    top = levels[-1] if levels and levels == list(range(len(levels))) else None

    defaults = data.get("defaults")
    default_target = DEFAULT_TARGET
    if isinstance(defaults, dict) and isinstance(defaults.get("target"), int):
        default_target = defaults["target"]
        if top is not None and default_target > top:
            add(("defaults", "target"), f"target {default_target} is above the top level {top}")

    tags = data.get("tags") if isinstance(data.get("tags"), dict) else {}
    for key in tags:
        if not isinstance(key, str) or not re.match(KEY_PATTERN, key):
            add(("tags", key), f"{key!r} is not a valid tag key")

    pillar_ids: dict[str, int] = {}
    criterion_ids: dict[str, str] = {}
    pillars = data.get("pillars")
    if not isinstance(pillars, list):
        return problems
    for pi, pillar in enumerate(pillars):
        if not isinstance(pillar, dict):
            continue
        pid = pillar.get("id")
        if isinstance(pid, str):
            if pid in pillar_ids:
                add(
                    ("pillars", pi, "id"),
                    f"duplicate pillar id '{pid}' (also pillars[{pillar_ids[pid]}])",
                )
            else:
                pillar_ids[pid] = pi
        criteria = pillar.get("criteria")
        if not isinstance(criteria, list):
            continue
        for ci, crit in enumerate(criteria):
            if not isinstance(crit, dict):
                continue
            base = ("pillars", pi, "criteria", ci)
            cid = crit.get("id")
            if isinstance(cid, str):
                here = format_path((*base, "id"))
                if cid in criterion_ids:
                    add(
                        (*base, "id"), f"duplicate criterion id '{cid}' (also {criterion_ids[cid]})"
                    )
                else:
                    criterion_ids[cid] = here
            target = crit.get("target", default_target)
            is_int = isinstance(target, int) and not isinstance(target, bool)
            if top is not None and is_int and target > top:
                if "target" in crit:
                    add((*base, "target"), f"target {target} is above the top level {top}")
                elif not (isinstance(defaults, dict) and "target" in defaults):
                    add(
                        ("scale",),
                        f"the default target {target} is above the top level {top}; "
                        "set defaults.target or a target per criterion",
                    )
            if top is not None and isinstance(crit.get("levels"), dict):
                for lvl in crit["levels"]:
                    if not isinstance(lvl, int) or not 0 <= lvl <= top:
                        add((*base, "levels", lvl), f"level {lvl} is not on the scale 0..{top}")
            requires = crit.get("requires")
            if isinstance(requires, dict):
                for lvl, entries in requires.items():
                    if top is not None and (not isinstance(lvl, int) or not 1 <= lvl <= top):
                        add((*base, "requires", lvl), f"level {lvl} is not on the scale 1..{top}")
                    _check_requires(entries, (*base, "requires", lvl), add)
            conformity = crit.get("conformity")
            if isinstance(conformity, dict):
                for lvl in conformity:
                    if top is not None and (not isinstance(lvl, int) or not 1 <= lvl <= top):
                        add((*base, "conformity", lvl), f"level {lvl} is not on the scale 1..{top}")
                if conformity and not crit.get("file_checks"):
                    add((*base, "conformity"), "a conformity level needs file_checks to review")
            checks = crit.get("file_checks")
            if isinstance(checks, list):
                seen_checks: dict[str, int] = {}
                for ki, check in enumerate(checks):
                    kid = check.get("id") if isinstance(check, dict) else None
                    if not isinstance(kid, str):
                        continue
                    if kid in seen_checks:
                        add(
                            (*base, "file_checks", ki, "id"),
                            f"duplicate file check id '{kid}' "
                            f"(also file_checks[{seen_checks[kid]}])",
                        )
                    else:
                        seen_checks[kid] = ki
            for ri, message in ref_problems(crit.get("refs")):
                add((*base, "refs", ri), message)
            crit_tags = crit.get("tags")
            if isinstance(crit_tags, list):
                for ti, tag in enumerate(crit_tags):
                    if isinstance(tag, str) and tag not in tags:
                        add((*base, "tags", ti), f"unknown tag '{tag}' (not among the pack's tags)")
    return problems


def _check_requires(entries: Any, path: tuple[Any, ...], add: Any) -> None:
    if not isinstance(entries, list):
        return
    for i, entry in enumerate(entries):
        if not isinstance(entry, str):
            continue  # pydantic reports the type
        for kind in parse_requirement(entry):
            if kind not in EVIDENCE_KINDS:
                add(
                    (*path, i),
                    f"unknown evidence kind '{kind}' (use one of: {', '.join(EVIDENCE_KINDS)})",
                )


# ---- finding packs ---------------------------------------------------------------------


def pack_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders into the ``.yaml``/``.yml`` files they hold, sorted per folder."""
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.suffix in (".yaml", ".yml")))
        elif path.exists():
            out.append(path)
        else:
            raise InputFileError(f"{path}: file or folder not found")
    return out
