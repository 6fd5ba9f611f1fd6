"""The improvement plan out of the app: an iCalendar file and a CSV table (issue 16).

:func:`plan_calendar` gives one all-day event per improvement point on its deadline, plus
the latest day and the audit day, each with a stable UID derived from the assessment and
the criterion, so that importing the file again updates the events instead of doubling
them. :func:`plan_csv` gives the plan table; cells are written so that a spreadsheet never
takes them for a formula. Both take the points of :func:`assessment.method.score` and
compute nothing of the method themselves.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from .assessments import Assessment
from .i18n import language, localise, say
from .messages import status_label
from .method import Result
from .packs import Pack

PRODID = "-//ikm-readiness//improvement plan//EN"
UID_DOMAIN = "ikm-readiness"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

_TEXT = {
    "calendar": {"nl": "Verbeterplan {org}", "en": "Improvement plan {org}"},
    "overdue": {"nl": "TE LAAT", "en": "OVERDUE"},
    "at_risk": {"nl": "RISICO", "en": "AT RISK"},
    "done": {"nl": "gereed", "en": "done"},
    "latest": {
        "nl": "Uiterste datum verbeterpunten ({org})",
        "en": "Latest day for improvement points ({org})",
    },
    "latest_about": {
        "nl": "Alle verbeterpunten moeten vandaag klaar zijn: {days} werkdagen voor de audit.",
        "en": "Every improvement point should be finished today: {days} working days before "
        "the audit.",
    },
    "audit": {"nl": "Audit klachtmanagement ({org})", "en": "Complaint management audit ({org})"},
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "priority": {"nl": "Prioriteit", "en": "Priority"},
    "levels": {"nl": "Niveau", "en": "Level"},
    "owner": {"nl": "Eigenaar", "en": "Owner"},
    "no_owner": {"nl": "geen eigenaar", "en": "no owner"},
    "status": {"nl": "Status", "en": "Status"},
    "knockout": {"nl": "knock-outcriterium", "en": "knock-out criterion"},
    "at_risk_about": {
        "nl": "Risico: dit punt is niet af op de uiterste datum ({latest}).",
        "en": "At risk: this point is not done by the latest date ({latest}).",
    },
    "overdue_about": {
        "nl": "De deadline is verstreken ({today}) en het punt is niet gereed.",
        "en": "The deadline has passed ({today}) and the point is not done.",
    },
}


def _t(key: str, lang: str, **params: Any) -> str:
    return _TEXT[key][language(lang)].format(**params)


@dataclass(frozen=True)
class PlanRow:
    """One improvement point as the exports show it."""

    priority: int
    criterion: str
    title: str
    pillar: str
    mandatory: bool
    from_level: int
    to_level: int
    owner: str | None
    deadline: date
    proposed: date
    status: str
    at_risk: bool
    overdue: bool
    planned: bool
    improvement: str
    note: str | None


def plan_rows(pack: Pack, assessment: Assessment, result: Result, lang: str) -> list[PlanRow]:
    """The improvement points of ``result`` in priority order, with their texts."""
    rows = []
    for p in result.improvement_points:
        criterion = pack.criteria_by_id[p.criterion]
        pillar = next(x for x in pack.pillars if x.id == p.pillar)
        rows.append(
            PlanRow(
                priority=p.priority,
                criterion=p.criterion,
                title=localise(criterion.title, lang),
                pillar=localise(pillar.title, lang),
                mandatory=p.mandatory,
                from_level=p.from_level,
                to_level=p.to_level,
                owner=p.owner,
                deadline=p.deadline,
                proposed=p.proposed,
                status=p.status,
                at_risk=p.at_risk,
                overdue=p.overdue,
                planned=p.planned,
                improvement=localise(criterion.improvement, lang),
                note=p.note,
            )
        )
    return rows


def calendar_key(assessment: Assessment) -> str:
    """A short stable key of the assessment: its pack, organisation and assessment date.

    The same assessment gives the same key on every export, so UIDs stay the same; the next
    cycle (another assessment date) gets its own events.
    """
    basis = "\n".join(
        (
            assessment.criteria_set.id,
            assessment.organisation.name,
            assessment.assessment_date.isoformat(),
        )
    )
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


def event_uid(assessment: Assessment, what: str) -> str:
    """The UID of an event: ``ikm-<key>-<criterion id, 'latest' or 'audit'>@ikm-readiness``."""
    return f"ikm-{calendar_key(assessment)}-{what}@{UID_DOMAIN}"


def plan_calendar(
    pack: Pack,
    assessment: Assessment,
    result: Result,
    lang: str | None = None,
    *,
    today: date | None = None,
    now: datetime | None = None,
) -> bytes:
    """The plan as an iCalendar file: one all-day event per point, the latest and audit day.

    ``now`` is the time stamp of the events (default: the current time, UTC).
    """
    from icalendar import Calendar, Event

    lang = lang or assessment.language
    now = now or datetime.now(UTC)
    org = assessment.organisation.name
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", _t("calendar", lang, org=org))

    def event(uid: str, day: date, summary: str, description: str) -> Event:
        e = Event()
        e.add("uid", uid)
        e.add("dtstamp", now)
        e.add("last-modified", now)
        e.add("dtstart", day)
        e.add("dtend", day + timedelta(days=1))
        e.add("summary", summary)
        e.add("description", description)
        e.add("transp", "TRANSPARENT")
        return e

    for row in plan_rows(pack, assessment, result, lang):
        marks = []
        if row.overdue:
            marks.append(_t("overdue", lang))
        if row.at_risk:
            marks.append(_t("at_risk", lang))
        if row.status == "done":
            marks.append(_t("done", lang))
        owner = row.owner or _t("no_owner", lang)
        summary = f"P{row.priority} {row.criterion} {row.title} ({owner})"
        if marks:
            summary = f"[{', '.join(marks)}] {summary}"
        lines = [
            row.improvement,
            "",
            f"{_t('criterion', lang)}: {row.criterion} {row.title}"
            + (f" ({_t('knockout', lang)})" if row.mandatory else ""),
            f"{_t('priority', lang)}: {row.priority}",
            f"{_t('levels', lang)}: {row.from_level} → {row.to_level}",
            f"{_t('owner', lang)}: {owner}",
            f"{_t('status', lang)}: {status_label(row.status, lang)}",
        ]
        if row.at_risk and result.latest is not None:
            lines.append(_t("at_risk_about", lang, latest=result.latest.isoformat()))
        if row.overdue and today is not None:
            lines.append(_t("overdue_about", lang, today=today.isoformat()))
        if row.note:
            lines.extend(["", row.note])
        e = event(event_uid(assessment, row.criterion), row.deadline, summary, "\n".join(lines))
        e.add("priority", 1 if row.mandatory else 5)  # iCalendar: 1 highest, 9 lowest
        e.add("categories", [row.pillar])
        cal.add_component(e)

    if result.latest is not None:
        cal.add_component(
            event(
                event_uid(assessment, "latest"),
                result.latest,
                _t("latest", lang, org=org),
                _t("latest_about", lang, days=pack.planning.buffer_days),
            )
        )
    if assessment.audit_date is not None:
        audit = event(
            event_uid(assessment, "audit"),
            assessment.audit_date,
            _t("audit", lang, org=org),
            localise(pack.title, lang),
        )
        audit["transp"] = "OPAQUE"
        cal.add_component(audit)
    return cal.to_ical()


CSV_COLUMNS: tuple[tuple[str, dict[str, str]], ...] = (
    ("priority", {"nl": "Prioriteit", "en": "Priority"}),
    ("criterion", {"nl": "Criterium", "en": "Criterion"}),
    ("title", {"nl": "Titel", "en": "Title"}),
    ("pillar", {"nl": "Pijler", "en": "Pillar"}),
    ("mandatory", {"nl": "Knock-out", "en": "Knock-out"}),
    ("from_level", {"nl": "Van niveau", "en": "From level"}),
    ("to_level", {"nl": "Naar niveau", "en": "To level"}),
    ("owner", {"nl": "Eigenaar", "en": "Owner"}),
    ("deadline", {"nl": "Deadline", "en": "Deadline"}),
    ("proposed", {"nl": "Voorgestelde deadline", "en": "Proposed deadline"}),
    ("status", {"nl": "Status", "en": "Status"}),
    ("at_risk", {"nl": "Risico", "en": "At risk"}),
    ("overdue", {"nl": "Te laat", "en": "Overdue"}),
    ("planned", {"nl": "Gepland", "en": "Planned"}),
    ("improvement", {"nl": "Verbeterpunt", "en": "Improvement"}),
    ("note", {"nl": "Toelichting", "en": "Note"}),
)
_YES_NO = {"yes": {"nl": "ja", "en": "yes"}, "no": {"nl": "nee", "en": "no"}}


def safe_cell(text: str) -> str:
    """Text a spreadsheet never takes for a formula: a leading ``= + - @``, tab or carriage
    return gets a quote in front (OWASP's advice against CSV injection)."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def plan_csv(rows: Iterable[PlanRow], lang: str) -> str:
    """The plan table as CSV: a header row in ``lang``, then one row per point.

    Dutch uses ``;`` between cells (what Dutch Excel expects), English ``,``. Dates are
    ``YYYY-MM-DD``; yes/no in the language; an unknown value is left empty.
    """
    yes, no = say(_YES_NO, "yes", lang), say(_YES_NO, "no", lang)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";" if lang == "nl" else ",", lineterminator="\r\n")
    writer.writerow([label[lang] for _, label in CSV_COLUMNS])
    for row in rows:
        cells = []
        for key, _ in CSV_COLUMNS:
            value = getattr(row, key)
            if value is None:
                cells.append("")
            elif isinstance(value, bool):
                cells.append(yes if value else no)
            elif isinstance(value, date):
                cells.append(value.isoformat())
            elif key == "status":
                cells.append(status_label(value, lang))
            else:
                cells.append(safe_cell(str(value)))
        writer.writerow(cells)
    return out.getvalue()


def plan_csv_bytes(rows: Iterable[PlanRow], lang: str) -> bytes:
    """:func:`plan_csv` as UTF-8 with a byte order mark, so that Excel reads the accents."""
    return ("\ufeff" + plan_csv(rows, lang)).encode("utf-8")
