"""Fieldwork as evidence: the register figures and the file review become evidence items.

- the register analysis: one item of kind ``metric``, source ``complaint register``, dated
  the day of the analysis, linked to the criteria the user names;
- the file review: one item of kind ``record`` per reviewed criterion, source
  ``file review``, dated the day it is made, linked to that criterion.

Both are checkable (a source and a date). Their title carries the figures
("Dossiertoets HANDLE-03, 25 dossiers, 92,0% conformiteit (95%-BI 75,0%–97,8%)"). Made again, an
item is updated in place (found by its source and, for the file review, its criterion),
never added twice.
"""

from __future__ import annotations

from datetime import date

from ..assessments import Assessment, Evidence
from ..edits import add_evidence
from ..i18n import counted, language
from ..messages import pct
from ..packs import Pack
from .analysis import percent
from .filereview import Conformity, CriterionReview, file_review
from .record import FieldworkError, RegisterRecord

REGISTER_SOURCE = "complaint register"
REVIEW_SOURCE = "file review"
# the sources as a reader sees them (kept in English: an item is found again by its source)
_SOURCES = {
    REGISTER_SOURCE: {"nl": "klachtenregister", "en": REGISTER_SOURCE},
    REVIEW_SOURCE: {"nl": "dossiertoets", "en": REVIEW_SOURCE},
}


def source_label(source: str | None, lang: str | None) -> str:
    """An evidence item's source as shown: the fieldwork's own sources in ``lang``
    ("klachtenregister"), any other source as the user wrote it."""
    if source in _SOURCES:
        return _SOURCES[source][language(lang)]
    return source or ""


_WORDS = {
    "register": {"nl": "Klachtenregister", "en": "Complaint register"},
    "ack": {
        "nl": "ontvangst tijdig bevestigd {p} ({c} van {o})",
        "en": "acknowledged on time {p} ({c} of {o})",
    },
    "decided": {
        "nl": "tijdig afgehandeld {p} ({c} van {o})",
        "en": "decided on time {p} ({c} of {o})",
    },
    "open": {"nl": "{n} open, waarvan {k} over de termijn", "en": "{n} open, {k} overdue"},
    "open_plain": {"nl": "{n} open", "en": "{n} open"},
    "review": {
        "nl": "Dossiertoets {cid}, {n}, {p} conformiteit (95%-BI {lo}–{hi})",
        "en": "File review {cid}, {n}, {p} conformity (95% CI {lo}–{hi})",
    },
    "review_none": {
        "nl": "Dossiertoets {cid}, {n}, geen oordeel (alles niet van toepassing)",
        "en": "File review {cid}, {n}, no judgement (all not relevant)",
    },
}  # fmt: skip


def _w(key: str, lang: str, **values: object) -> str:
    return _WORDS[key][language(lang)].format(**values)


def percent_text(value: float | None, lang: str) -> str:
    """75.0% with a decimal comma in Dutch (messages.pct, as everywhere); an en dash for None."""
    return pct(value, lang)


def interval_text(item: Conformity, lang: str) -> str:
    """The 95 % interval as the app and the report show it: ``75,0% – 97,8%``; a dash
    without one."""
    interval = item.interval
    if interval is None:
        return "–"
    return f"{pct(interval[0], lang)} – {pct(interval[1], lang)}"


def _share(count: int, of: int, lang: str) -> str:
    return percent_text(percent(count, of), lang)


def register_title(record: RegisterRecord, lang: str) -> str:
    """The evidence title with the register's figures."""
    parts = [counted(record.complaints, "complaint", lang)]
    if record.acknowledged_on_time is not None:
        a = record.acknowledged_on_time
        parts.append(_w("ack", lang, p=_share(a.count, a.of, lang), c=a.count, o=a.of))
    if record.decided_on_time is not None:
        d = record.decided_on_time
        parts.append(_w("decided", lang, p=_share(d.count, d.of, lang), c=d.count, o=d.of))
    if record.open_overdue is not None:
        parts.append(_w("open", lang, n=record.open, k=record.open_overdue))
    else:
        parts.append(_w("open_plain", lang, n=record.open))
    return f"{_w('register', lang)}: " + "; ".join(parts)


def review_title(result: CriterionReview, lang: str) -> str:
    """The evidence title with a criterion's conformity and its interval."""
    total = result.total
    interval = total.interval
    if total.rate is None or interval is None:
        return _w("review_none", lang, cid=total.criterion, n=counted(total.files, "file", lang))
    return _w(
        "review",
        lang,
        cid=total.criterion,
        n=counted(total.files, "file", lang),
        p=percent_text(total.rate, lang),
        lo=percent_text(interval[0], lang),
        hi=percent_text(interval[1], lang),
    )


def _upsert(
    assessment: Assessment, match: Evidence | None, **fields: object
) -> tuple[Assessment, str]:
    if match is None:
        return add_evidence(assessment, **fields)
    items = [
        item.model_copy(update=fields) if item.id == match.id else item
        for item in assessment.evidence
    ]
    return assessment.model_copy(update={"evidence": items}), match.id


def add_register_evidence(
    assessment: Assessment, criteria: list[str], lang: str | None = None
) -> tuple[Assessment, str]:
    """Add (or update) the register's evidence item, linked to ``criteria``; its id."""
    fieldwork = assessment.fieldwork
    if fieldwork is None or fieldwork.analysis is None:
        raise FieldworkError("there is no register analysis to turn into evidence")
    record = fieldwork.analysis
    lang = lang or assessment.language
    match = next((e for e in assessment.evidence if e.source == REGISTER_SOURCE), None)
    return _upsert(
        assessment,
        match,
        kind="metric",
        title=register_title(record, lang),
        criteria=list(dict.fromkeys(criteria)),
        source=REGISTER_SOURCE,
        date=record.analysed,
    )


def add_review_evidence(
    assessment: Assessment, pack: Pack, lang: str | None = None, day: date | None = None
) -> tuple[Assessment, list[str]]:
    """Add (or update) one ``record`` item per reviewed criterion; their ids."""
    lang = lang or assessment.language
    results = file_review(pack, assessment)
    if not results:
        raise FieldworkError("the file review has no answers yet")
    ids = []
    for result in results:
        cid = result.total.criterion
        match = next(
            (e for e in assessment.evidence if e.source == REVIEW_SOURCE and e.criteria == [cid]),
            None,
        )
        assessment, eid = _upsert(
            assessment,
            match,
            kind="record",
            title=review_title(result, lang),
            criteria=[cid],
            source=REVIEW_SOURCE,
            date=day or date.today(),
        )
        ids.append(eid)
    return assessment, ids


def suggested_register_criteria(pack: Pack) -> list[str]:
    """The criteria a register analysis speaks to by default: those with file checks."""
    return [c.id for _, c in pack.criteria() if c.file_checks]
