"""The figures of a complaint register (issue 14, section 1).

Rules, one function each below (the line of a row counts the header as line 1):

- a row without an id, whose id repeats an earlier row, or without a valid received date
  is skipped and listed with its line and reason; every other row is a complaint;
- acknowledged on time: acknowledged <= the day ``ack_days`` working days after received
  (Monday to Friday; the received day itself does not count), over *all* complaints (no
  acknowledged date: not on time);
- decided on time: decided <= received + ``decide_days`` calendar days (or working days when
  the pack's ``decide_unit`` is ``working``), over the complaints with a decided date;
- open: no decided date; open_overdue: open, and ``today`` is after that same deadline.

A figure that needs a term is None when no term is known (neither the pack nor an option
gives one). An acknowledged or decided cell that is not a date counts as missing and is
listed as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Literal

from ..i18n import language
from ..packs import Pack
from ..planning import add_working_days
from .reading import Register

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")

REASONS: dict[str, dict[str, str]] = {
    # skipped rows
    "no_id": {"en": "no id", "nl": "geen zaaknummer"},
    "duplicate_id": {"en": "id repeats line {value}",
                     "nl": "zaaknummer komt al voor op regel {value}"},
    "no_received": {"en": "no received date", "nl": "geen datum van ontvangst"},
    "bad_received": {
        "en": "received date '{value}' is not a valid date",
        "nl": "datum van ontvangst '{value}' is geen geldige datum",
    },
    # warnings
    "bad_acknowledged": {
        "en": "acknowledged date '{value}' is not a valid date; counted as missing",
        "nl": "datum ontvangstbevestiging '{value}' is geen geldige datum; telt als ontbrekend",
    },
    "bad_decided": {
        "en": "decided date '{value}' is not a valid date; counted as missing",
        "nl": "datum afgehandeld '{value}' is geen geldige datum; telt als ontbrekend",
    },
    "acknowledged_before_received": {
        "en": "acknowledged before it was received",
        "nl": "ontvangst bevestigd vóór de datum van ontvangst",
    },
    "decided_before_received": {
        "en": "decided before it was received",
        "nl": "afgehandeld vóór de datum van ontvangst",
    },
}  # fmt: skip


def reason_text(code: str, value: str = "", lang: str = "en") -> str:
    """The reason of a skipped row or a warning in ``lang`` (``nl`` or ``en``)."""
    return REASONS[code][language(lang)].format(value=value)


def parse_day(value: Any) -> date | None:
    """A register date: a date cell, ``YYYY-MM-DD`` or ``D-M-YYYY`` / ``DD-MM-YYYY`` text
    (a time after the date is ignored). None for anything else, or a day that does not
    exist (31-02-2026)."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        return None
    match = _ISO.match(value)
    if match:
        year, month, day = match.groups()
    else:
        match = _DMY.match(value)
        if not match:
            return None
        day, month, year = match.groups()
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


@dataclass(frozen=True)
class HandlingTerms:
    """The terms an analysis applies, and where they came from (a pack, or options)."""

    ack_days: int | None
    decide_days: int | None
    decide_unit: Literal["calendar", "working"] = "calendar"
    source: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "ack_days": self.ack_days,
            "decide_days": self.decide_days,
            "decide_unit": self.decide_unit,
            "source": self.source,
        }


_SOURCES = {
    "pack": {"nl": "criteriaset", "en": "pack"},
    "options": {"nl": "opgegeven termijnen", "en": "terms given"},
}


def source_text(source: str, lang: str | None) -> str:
    """Where the terms come from, for a reader (:attr:`HandlingTerms.source` is kept as
    written, e.g. ``pack ikm-readiness + options``): ``criteriaset ikm-readiness + opgegeven
    termijnen`` in Dutch. A part it does not know is kept as it is."""
    parts = []
    for part in source.split(" + ") if source else []:
        word, space, rest = part.partition(" ")
        known = _SOURCES.get(word)
        parts.append(f"{known[language(lang)]}{space}{rest}" if known else part)
    return " + ".join(parts)


def terms_for(
    pack: Pack | None,
    ack_days: int | None = None,
    decide_days: int | None = None,
    decide_unit: str | None = None,
) -> HandlingTerms:
    """The pack's ``terms``, each overridden by an option that is given."""
    base = pack.terms if pack is not None else None
    sources = []
    if pack is not None and (base.ack_days is not None or base.decide_days is not None):
        sources.append(f"pack {pack.id}")
    if ack_days is not None or decide_days is not None or decide_unit is not None:
        sources.append("options")
    return HandlingTerms(
        ack_days=ack_days if ack_days is not None else (base.ack_days if base else None),
        decide_days=(
            decide_days if decide_days is not None else (base.decide_days if base else None)
        ),
        decide_unit=decide_unit or (base.decide_unit if base else "calendar"),  # type: ignore[arg-type]
        source=" + ".join(sources),
    )


@dataclass(frozen=True)
class Complaint:
    """One valid row of the register."""

    line: int
    id: str
    received: date
    acknowledged: date | None
    decided: date | None
    channel: str
    department: str
    outcome: str


@dataclass(frozen=True)
class RowNote:
    """A skipped row or a warning: its line, a code and the cell text it is about."""

    line: int
    code: str
    value: str = ""

    @property
    def reason(self) -> str:
        """The reason in English words (:func:`reason_text` gives it in Dutch)."""
        return reason_text(self.code, self.value)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"line": self.line, "reason": self.reason, "code": self.code}
        if self.value:
            out["value"] = self.value
        return out


@dataclass
class Tally:
    """The counts of one group of complaints (all, a month, a channel, a department)."""

    complaints: int = 0
    acknowledged_on_time: int = 0
    decided: int = 0
    decided_on_time: int = 0
    open: int = 0
    open_overdue: int = 0

    def to_json(self, terms: HandlingTerms) -> dict[str, Any]:
        return {
            "complaints": self.complaints,
            "acknowledged_on_time": (
                {"count": self.acknowledged_on_time, "of": self.complaints}
                if terms.ack_days is not None
                else None
            ),
            "decided_on_time": (
                {"count": self.decided_on_time, "of": self.decided}
                if terms.decide_days is not None
                else None
            ),
            "open": self.open,
            "open_overdue": self.open_overdue if terms.decide_days is not None else None,
        }


@dataclass
class Analysis:
    """The register's figures; :meth:`to_json` gives the documented JSON."""

    register: Register
    terms: HandlingTerms
    today: date
    complaints: list[Complaint]
    skipped: list[RowNote]
    warnings: list[RowNote]
    blank_rows: int
    total: Tally
    by_month: dict[str, Tally] = field(default_factory=dict)
    by_channel: dict[str, Tally] = field(default_factory=dict)
    by_department: dict[str, Tally] = field(default_factory=dict)
    by_outcome: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        total = self.total.to_json(self.terms)
        return {
            "register": {
                "name": self.register.name,
                "sha256": self.register.sha256,
                "format": self.register.format,
                "rows": len(self.register.rows),
                "columns": dict(self.register.columns),
                "dropped_columns": list(self.register.dropped),
            },
            "terms": self.terms.to_json(),
            "today": self.today.isoformat(),
            "complaints": total["complaints"],
            "skipped": [note.to_json() for note in self.skipped],
            "warnings": [note.to_json() for note in self.warnings],
            "blank_rows": self.blank_rows,
            "acknowledged_on_time": total["acknowledged_on_time"],
            "decided_on_time": total["decided_on_time"],
            "open": total["open"],
            "open_overdue": total["open_overdue"],
            "by_month": {k: v.to_json(self.terms) for k, v in sorted(self.by_month.items())},
            "by_channel": {k: v.to_json(self.terms) for k, v in self.by_channel.items()},
            "by_department": {k: v.to_json(self.terms) for k, v in self.by_department.items()},
            "by_outcome": dict(self.by_outcome),
        }


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, date) else str(value)


def complaints_of(register: Register) -> tuple[list[Complaint], list[RowNote], list[RowNote], int]:
    """The register's complaints, its skipped rows, its warnings and its count of blank rows.

    Blank rows (no mapped cell filled, such as the empty lines at the end of an export) are
    counted, not listed.
    """
    complaints: list[Complaint] = []
    skipped: list[RowNote] = []
    warnings: list[RowNote] = []
    blank = 0
    first_line: dict[str, int] = {}
    known: dict[Any, date | None] = {}  # registers repeat their dates: parse each text once

    def day_of(value: Any) -> date | None:
        try:
            return known[value]
        except KeyError:
            day = known[value] = parse_day(value)
            return day
        except TypeError:  # not hashable: never from a register, but never a crash either
            return parse_day(value)

    for line, rid, received, acknowledged, decided, channel, department, outcome in register.rows:
        if rid is None:
            if (
                received is None
                and acknowledged is None
                and decided is None
                and not (channel or department or outcome)
            ):
                blank += 1
                continue
            skipped.append(RowNote(line, "no_id"))
            continue
        rid = _text(rid)
        if rid in first_line:
            skipped.append(RowNote(line, "duplicate_id", str(first_line[rid])))
            continue
        first_line[rid] = line
        day = day_of(received)
        if day is None:
            code = "no_received" if received is None else "bad_received"
            skipped.append(RowNote(line, code, _text(received)))
            continue
        ack = _optional_day(acknowledged, line, "acknowledged", day, warnings, day_of)
        dec = _optional_day(decided, line, "decided", day, warnings, day_of)
        complaints.append(
            Complaint(line, rid, day, ack, dec, _text(channel), _text(department), _text(outcome))
        )
    return complaints, skipped, warnings, blank


def _optional_day(
    value: Any,
    line: int,
    what: str,
    received: date,
    warnings: list[RowNote],
    day_of: Callable[[Any], date | None] = parse_day,
) -> date | None:
    if value is None:
        return None
    day = day_of(value)
    if day is None:
        code = f"bad_{what}"
        warnings.append(RowNote(line, code, _text(value)))
    elif day < received:
        code = f"{what}_before_received"
        warnings.append(RowNote(line, code))
    return day


class _Deadlines:
    """The acknowledgement and decision deadline of each received day (computed once a day)."""

    def __init__(self, terms: HandlingTerms):
        self.terms = terms
        self._ack: dict[date, date] = {}
        self._decide: dict[date, date] = {}

    def ack(self, received: date) -> date:
        """The day ``ack_days`` working days after ``received``."""
        out = self._ack.get(received)
        if out is None:
            out = self._ack[received] = add_working_days(received, self.terms.ack_days or 0)
        return out

    def decide(self, received: date) -> date:
        """``received`` + ``decide_days`` calendar days, or working days when so set."""
        out = self._decide.get(received)
        if out is None:
            days = self.terms.decide_days or 0
            if self.terms.decide_unit == "working":
                out = add_working_days(received, days)
            else:
                out = received + timedelta(days=days)
            self._decide[received] = out
        return out


def analyse(register: Register, terms: HandlingTerms, today: date | None = None) -> Analysis:
    """Apply the rules of this module to ``register``; ``today`` defaults to the system date."""
    today = today or date.today()
    complaints, skipped, warnings, blank = complaints_of(register)
    deadlines = _Deadlines(terms)
    has_ack, has_decide = terms.ack_days is not None, terms.decide_days is not None
    total = Tally()
    by_month: dict[str, Tally] = {}
    by_channel: dict[str, Tally] = {}
    by_department: dict[str, Tally] = {}
    by_outcome: dict[str, int] = {}
    mapped = register.columns
    months: dict[date, str] = {}
    for c in complaints:
        month = months.get(c.received)
        if month is None:
            month = months[c.received] = f"{c.received.year:04d}-{c.received.month:02d}"
        groups = [total, by_month.setdefault(month, Tally())]
        if "channel" in mapped:
            groups.append(by_channel.setdefault(c.channel, Tally()))
        if "department" in mapped:
            groups.append(by_department.setdefault(c.department, Tally()))
        if "outcome" in mapped:
            by_outcome[c.outcome] = by_outcome.get(c.outcome, 0) + 1
        ack_ok = (
            has_ack and c.acknowledged is not None and c.acknowledged <= deadlines.ack(c.received)
        )
        decided = c.decided is not None
        dec_ok = has_decide and decided and c.decided <= deadlines.decide(c.received)  # type: ignore[operator]
        overdue = has_decide and not decided and today > deadlines.decide(c.received)
        for tally in groups:
            tally.complaints += 1
            tally.acknowledged_on_time += ack_ok
            tally.decided += decided
            tally.decided_on_time += dec_ok
            tally.open += not decided
            tally.open_overdue += overdue
    return Analysis(
        register=register,
        terms=terms,
        today=today,
        complaints=complaints,
        skipped=skipped,
        warnings=warnings,
        blank_rows=blank,
        total=total,
        by_month=by_month,
        by_channel=_sorted(by_channel),
        by_department=_sorted(by_department),
        by_outcome=dict(sorted(by_outcome.items(), key=lambda kv: (-kv[1], kv[0]))),
    )


def _sorted(groups: dict[str, Tally]) -> dict[str, Tally]:
    """Largest group first, then by name."""
    return dict(sorted(groups.items(), key=lambda kv: (-kv[1].complaints, kv[0])))


def percent(count: int, of: int) -> float | None:
    """100 x count / of, or None when there is nothing to count."""
    return None if not of else 100.0 * count / of


def month_keys(days: Iterable[date]) -> list[str]:
    """The months ``YYYY-MM`` from the first to the last of ``days``, without gaps."""
    days = sorted(days)
    if not days:
        return []
    out = []
    year, month = days[0].year, days[0].month
    while (year, month) <= (days[-1].year, days[-1].month):
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out
