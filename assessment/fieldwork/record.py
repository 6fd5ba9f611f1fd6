"""What an assessment file keeps of its fieldwork: the optional top-level ``fieldwork`` field.

It holds the figures of the register analysis (never a row of the register), the sample
(ids, seed, the register's sha256 and how it was drawn, so an auditor can redraw it) and
the reviewer's answer per sampled file and file check. The edits below are pure functions
like those of :mod:`assessment.edits`; :func:`fieldwork_problems` checks the field against
the pack.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from ..datatypes import IsoDate, Sha256
from ..errors import IkmError, Problem
from ..i18n import counted
from ..yamlsource import format_path

if TYPE_CHECKING:
    from ..assessments import Assessment
    from ..packs import Pack
    from .analysis import Analysis
    from .sampling import Sample

ANSWERS: tuple[str, ...] = ("pass", "fail", "not_relevant")
Answer = Literal["pass", "fail", "not_relevant"]
NonNegative = Annotated[int, Field(ge=0)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Count(_Model):
    """``count`` of ``of`` complaints (for example acknowledged on time, of all)."""

    count: NonNegative
    of: NonNegative


class GroupFigures(_Model):
    """The figures of a group of complaints: a month, a channel, a department."""

    complaints: NonNegative
    acknowledged_on_time: Count | None = None
    decided_on_time: Count | None = None
    open: NonNegative = 0
    open_overdue: NonNegative | None = None


class TermsRecord(_Model):
    """The terms the analysis applied, and where they came from."""

    ack_days: NonNegative | None = None
    decide_days: NonNegative | None = None
    decide_unit: Literal["calendar", "working"] = "calendar"
    source: str | None = None


class RegisterRecord(_Model):
    """The register analysis: which file (name and sha256), when, and its figures."""

    name: Annotated[str, StringConstraints(min_length=1)]
    sha256: Sha256
    format: Literal["csv", "xlsx"]
    analysed: IsoDate
    today: IsoDate
    columns: dict[str, str]
    dropped_columns: list[str] = Field(default_factory=list)
    terms: TermsRecord
    rows: NonNegative
    complaints: NonNegative
    skipped: NonNegative
    warnings: NonNegative = 0
    acknowledged_on_time: Count | None = None
    decided_on_time: Count | None = None
    open: NonNegative = 0
    open_overdue: NonNegative | None = None
    by_month: dict[str, GroupFigures] = Field(default_factory=dict)
    by_channel: dict[str, GroupFigures] = Field(default_factory=dict)
    by_department: dict[str, GroupFigures] = Field(default_factory=dict)


class StratumRecord(_Model):
    population: NonNegative
    sample: NonNegative


class SampleRecord(_Model):
    """The drawn sample: enough to redraw it from the same register."""

    seed: int
    size: Annotated[int, Field(ge=1)]
    population: NonNegative
    by: Literal["department", "channel"] | None = None
    register_sha256: Sha256
    ids: list[Annotated[str, StringConstraints(min_length=1)]]
    strata: dict[str, StratumRecord] | None = None
    drawn: IsoDate


class ReviewAnswer(_Model):
    """The reviewer's answer to one file check for one file."""

    answer: Answer
    note: str | None = None


class Fieldwork(_Model):
    """The ``fieldwork`` field: register analysis, sample and file review (each optional).

    ``review`` maps a sampled file's id to criterion id to file-check id to the answer.
    """

    analysis: RegisterRecord | None = None
    sample: SampleRecord | None = None
    review: dict[str, dict[str, dict[str, ReviewAnswer]]] = Field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return self.analysis is None and self.sample is None and not self.review


class FieldworkError(IkmError):
    """A fieldwork edit that would lose data or does not fit (raised by the edits below)."""


# ---- from the domain objects ------------------------------------------------------------


def register_record(analysis: Analysis, analysed: date | None = None) -> RegisterRecord:
    """The figures of ``analysis`` as kept in the assessment file (no row of the register)."""
    data = analysis.to_json()
    reg = data["register"]
    return RegisterRecord(
        name=reg["name"].replace("\\", "/").rsplit("/", 1)[-1],
        sha256=reg["sha256"],
        format=reg["format"],
        analysed=analysed or date.today(),
        today=analysis.today,
        columns=reg["columns"],
        dropped_columns=reg["dropped_columns"],
        terms=TermsRecord(**{**data["terms"], "source": data["terms"]["source"] or None}),
        rows=reg["rows"],
        complaints=data["complaints"],
        skipped=len(data["skipped"]),
        warnings=len(data["warnings"]),
        acknowledged_on_time=data["acknowledged_on_time"],
        decided_on_time=data["decided_on_time"],
        open=data["open"],
        open_overdue=data["open_overdue"],
        by_month=data["by_month"],
        by_channel=data["by_channel"],
        by_department=data["by_department"],
    )


def sample_record(sample: Sample, drawn: date | None = None) -> SampleRecord:
    """The sample as kept in the assessment file."""
    data = sample.to_json()
    data.pop("method")
    return SampleRecord(**data, drawn=drawn or date.today())


# ---- edits --------------------------------------------------------------------------------


def _with(assessment: Assessment, fieldwork: Fieldwork) -> Assessment:
    return assessment.model_copy(update={"fieldwork": None if fieldwork.empty else fieldwork})


def _current(assessment: Assessment) -> Fieldwork:
    return assessment.fieldwork or Fieldwork()


def set_analysis(assessment: Assessment, record: RegisterRecord) -> Assessment:
    """Keep the figures of a register analysis (replacing earlier figures)."""
    return _with(assessment, _current(assessment).model_copy(update={"analysis": record}))


def set_sample(
    assessment: Assessment, record: SampleRecord, *, discard_review: bool = False
) -> Assessment:
    """Keep a drawn sample. Answers for files outside the new sample would be lost: that is
    refused unless ``discard_review``."""
    current = _current(assessment)
    orphans = sorted(f for f in current.review if f not in set(record.ids))
    if orphans and not discard_review:
        raise FieldworkError(
            f"the file review has answers for {counted(len(orphans), 'file', 'en')} outside the "
            "new sample; confirm that they may be discarded"
        )
    review = {f: a for f, a in current.review.items() if f in set(record.ids)}
    return _with(assessment, current.model_copy(update={"sample": record, "review": review}))


def set_answer(
    assessment: Assessment,
    file_id: str,
    criterion_id: str,
    check_id: str,
    answer: str | None,
    note: str | None = None,
) -> Assessment:
    """Record (or, with ``answer`` None, remove) the answer to one check for one file."""
    current = _current(assessment)
    if current.sample is None or file_id not in current.sample.ids:
        raise FieldworkError(f"file '{file_id}' is not in the sample")
    review = {f: {c: dict(k) for c, k in crits.items()} for f, crits in current.review.items()}
    checks = review.setdefault(file_id, {}).setdefault(criterion_id, {})
    if answer is None:
        checks.pop(check_id, None)
    else:
        note = (note or "").strip() or None
        checks[check_id] = ReviewAnswer(answer=answer, note=note)  # type: ignore[arg-type]
    review = {f: {c: k for c, k in crits.items() if k} for f, crits in review.items()}
    review = {f: crits for f, crits in review.items() if crits}
    return _with(assessment, current.model_copy(update={"review": review}))


def clear_fieldwork(assessment: Assessment) -> Assessment:
    """Remove the whole fieldwork field."""
    return assessment.model_copy(update={"fieldwork": None})


# ---- checks against the pack --------------------------------------------------------------


def fieldwork_problems(assessment: Assessment, pack: Pack, file: str) -> list[Problem]:
    """Every problem of the ``fieldwork`` field against ``pack``: a review answer for a file
    outside the sample or for an unknown criterion (errors), or for a check the criterion does
    not have (a warning: a newer pack may have dropped it; the answer is kept, not counted)."""
    fieldwork = assessment.fieldwork
    if fieldwork is None:
        return []
    problems: list[Problem] = []

    def add(path: tuple[Any, ...], message: str, severity: str = "error") -> None:
        problems.append(Problem(file, None, format_path(("fieldwork", *path)), message, severity))

    sampled = set(fieldwork.sample.ids) if fieldwork.sample else set()
    if fieldwork.sample and len(sampled) != len(fieldwork.sample.ids):
        add(("sample", "ids"), "an id is listed twice")
    if fieldwork.sample and len(fieldwork.sample.ids) != fieldwork.sample.size:
        add(("sample", "ids"), f"holds {len(fieldwork.sample.ids)} ids, not size "
            f"{fieldwork.sample.size}")  # fmt: skip
    known = pack.criteria_by_id
    for file_id, criteria in fieldwork.review.items():
        if file_id not in sampled:
            add(("review", file_id), f"file '{file_id}' is not in the sample")
        for cid, checks in criteria.items():
            criterion = known.get(cid)
            if criterion is None:
                add(("review", file_id, cid), f"unknown criterion id '{cid}'")
                continue
            check_ids = {k.id for k in criterion.file_checks}
            for check_id in checks:
                if check_id not in check_ids:
                    add(  # a pack update may drop a check: the answer is kept, not counted
                        ("review", file_id, cid, check_id),
                        f"criterion {cid} has no file check '{check_id}'; the answer is kept "
                        "but not counted",
                        "warning",
                    )
    return problems
