"""The file review (issue 14, section 3): conformity per file check and per criterion.

For each sampled file the reviewer answers the ``file_checks`` of the criteria that have
them: pass, fail or not relevant. Then, per check and per criterion (all its checks
together):

    conformity = passes / (passes + fails)

with a 95 % Wilson score interval (z = 1.96) around it. Not relevant answers count in
neither; without a pass or fail there is no conformity (None).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..assessments import Assessment
from ..i18n import localise
from ..packs import Criterion, Pack

Z95 = 1.959963984540054  # the 97.5th percentile of the standard normal distribution


def wilson(passes: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of ``passes`` out of ``n``, as fractions; None when n is 0.

    centre = (p + z²/2n) / (1 + z²/n); half = z √(p(1-p)/n + z²/4n²) / (1 + z²/n).
    """
    if n <= 0:
        return None
    p = passes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True)
class Conformity:
    """Answers counted for one check (``check`` set) or one criterion (``check`` None)."""

    criterion: str
    check: str | None
    passes: int
    fails: int
    not_relevant: int
    files: int  # files with at least one answer here

    @property
    def judged(self) -> int:
        """passes + fails."""
        return self.passes + self.fails

    @property
    def rate(self) -> float | None:
        """passes / (passes + fails) as a percentage; None without a pass or fail."""
        return None if not self.judged else 100.0 * self.passes / self.judged

    @property
    def interval(self) -> tuple[float, float] | None:
        """The 95 % Wilson interval as percentages."""
        bounds = wilson(self.passes, self.judged)
        return None if bounds is None else (100.0 * bounds[0], 100.0 * bounds[1])

    def to_json(self) -> dict[str, object]:
        interval = self.interval
        return {
            "criterion": self.criterion,
            "check": self.check,
            "passes": self.passes,
            "fails": self.fails,
            "not_relevant": self.not_relevant,
            "files": self.files,
            "conformity": self.rate,
            "interval": None if interval is None else list(interval),
        }


@dataclass(frozen=True)
class CriterionReview:
    """The conformity of one criterion, pooled over its checks, and of each check."""

    total: Conformity
    checks: tuple[Conformity, ...]


def reviewed_criteria(pack: Pack, assessment: Assessment | None = None) -> list[Criterion]:
    """The criteria with file checks, in pack order; not-applicable ones left out."""
    out = []
    for _, criterion in pack.criteria():
        if not criterion.file_checks:
            continue
        response = assessment.responses.get(criterion.id) if assessment else None
        if response is not None and response.not_applicable:
            continue
        out.append(criterion)
    return out


ALL_CHECKS = {"nl": "alle controles", "en": "all checks"}


def check_texts(criterion: Criterion, lang: str) -> dict[str | None, str]:
    """What a reader sees for each row of ``criterion``'s review in ``lang``: the text of each
    file check by its id (the id is the pack's), and "all checks" for the pooled row (None)."""
    texts: dict[str | None, str] = {k.id: localise(k.text, lang) for k in criterion.file_checks}
    texts[None] = localise(ALL_CHECKS, lang)
    return texts


def criterion_review(assessment: Assessment, criterion: Criterion) -> CriterionReview:
    """Count the answers given for ``criterion`` over the sampled files."""
    fieldwork = assessment.fieldwork
    sampled = list(fieldwork.sample.ids) if fieldwork and fieldwork.sample else []
    review = fieldwork.review if fieldwork else {}
    checks = []
    totals = {"pass": 0, "fail": 0, "not_relevant": 0}
    files_any: set[str] = set()
    for check in criterion.file_checks:
        counts = {"pass": 0, "fail": 0, "not_relevant": 0}
        files = 0
        for file_id in sampled:
            answer = review.get(file_id, {}).get(criterion.id, {}).get(check.id)
            if answer is None:
                continue
            counts[answer.answer] += 1
            files += 1
            files_any.add(file_id)
        for key, value in counts.items():
            totals[key] += value
        checks.append(
            Conformity(
                criterion.id,
                check.id,
                counts["pass"],
                counts["fail"],
                counts["not_relevant"],
                files,
            )
        )
    total = Conformity(
        criterion.id,
        None,
        totals["pass"],
        totals["fail"],
        totals["not_relevant"],
        len(files_any),
    )
    return CriterionReview(total, tuple(checks))


def file_review(pack: Pack, assessment: Assessment) -> list[CriterionReview]:
    """Every reviewed criterion's conformity (criteria with checks and at least one answer)."""
    out = []
    for criterion in reviewed_criteria(pack, assessment):
        result = criterion_review(assessment, criterion)
        if result.total.files:
            out.append(result)
    return out


def file_progress(pack: Pack, assessment: Assessment, file_id: str) -> tuple[int, int]:
    """(answered, asked): the checks answered for one file, out of all it is asked."""
    fieldwork = assessment.fieldwork
    answers = fieldwork.review.get(file_id, {}) if fieldwork else {}
    asked = answered = 0
    for criterion in reviewed_criteria(pack, assessment):
        for check in criterion.file_checks:
            asked += 1
            answered += check.id in answers.get(criterion.id, {})
    return answered, asked
