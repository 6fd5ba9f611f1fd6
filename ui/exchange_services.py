"""The exchange pages' actions (issue 16): the workbook both ways, the plan as a calendar and
a CSV file, the comparison with another assessment, and the next cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from assessment.assessments import Assessment
from assessment.errors import IkmError, ValidationFailed
from assessment.store import NotFoundError
from ui import state
from ui.labels import md, t
from ui.new_assessments import import_upload
from ui.saving import _change, _problem_text
from ui.store_access import Opened, Ref, _author, _opened, overview, packs, store


@dataclass(frozen=True)
class WorkbookCheck:
    """An uploaded workbook: the assessment when it imports cleanly, else every problem."""

    assessment: Assessment | None
    problems: tuple[str, ...]
    warnings: tuple[str, ...] = ()


def workbook_bytes(opened: Opened) -> bytes:
    """The open assessment as an Excel workbook, with a plan row per improvement point."""
    from assessment.xlsx import export_workbook

    points = [p.criterion for p in opened.result.improvement_points]
    return export_workbook(opened.assessment, opened.pack, plan_criteria=points)


def plan_ics(opened: Opened, lang: str, today: date | None = None) -> bytes:
    """The improvement plan as an iCalendar file."""
    from assessment.method import score
    from assessment.planexport import plan_calendar

    today = today or date.today()
    result = score(opened.pack, opened.assessment, today=today)
    return plan_calendar(opened.pack, opened.assessment, result, lang, today=today)


def plan_csv(opened: Opened, lang: str, today: date | None = None) -> bytes:
    """The plan table as CSV (UTF-8 with a byte order mark, formula-safe)."""
    from assessment.method import score
    from assessment.planexport import plan_csv_bytes, plan_rows

    result = score(opened.pack, opened.assessment, today=today)
    return plan_csv_bytes(plan_rows(opened.pack, opened.assessment, result, lang), lang)


def check_workbook(name: str, raw: bytes, opened: Opened | None) -> WorkbookCheck:
    """Import an uploaded workbook without saving anything (the dry run).

    The open assessment's own pack version is used when the workbook names its pack.
    """
    from assessment.xlsx import import_workbook

    catalog = packs()
    if opened is not None:
        catalog.add(opened.pack)
    try:
        assessment, _, warnings = import_workbook(raw, name, catalog.pack_for)
    except ValidationFailed as exc:
        return WorkbookCheck(None, tuple(str(p) for p in exc.problems))
    except IkmError as exc:
        return WorkbookCheck(None, (str(exc),))
    return WorkbookCheck(assessment, (), tuple(str(w) for w in warnings))


def replace_assessment(ref: Ref, new: Assessment, lang: str | None = None) -> bool:
    """Save an imported workbook ``new`` as the next version of the assessment (an import
    onto it); the stored version's fieldwork, which a workbook does not hold, is kept."""
    from assessment.xlsx_import import onto

    return _change(ref, lambda old: onto(new, old), lang or state.lang())


def import_assessment(new: Assessment, name: str, lang: str) -> int | None:
    """Store an imported assessment as a new one; None with the problems on failure."""
    return import_upload(name, new.to_json().encode("utf-8"), lang)


def comparable(opened: Opened) -> list[Any]:
    """The other assessments of the same organisation and pack, newest first."""
    for org in overview():
        if any(item.id == opened.ref.aid for item in org.assessments):
            return [
                item
                for item in org.assessments
                if item.id != opened.ref.aid and item.pack_id == opened.pack.id
            ]
    return []


def trend(opened: Opened) -> list[tuple[Any, Any]]:
    """(assessment date, result) of the open assessment and every other assessment of its
    organisation with the same pack, for the trend chart."""
    found = [(opened.assessment.assessment_date, opened.result)]
    for item in comparable(opened):
        other = _opened(item.id, item.version)
        if other is not None:
            found.append((other.assessment.assessment_date, other.result))
    return found


def comparison(opened: Opened, other_id: int) -> Any:
    """The open assessment compared with another one, the older of the two as before."""
    from assessment.compare import Side, compare

    version = store().get_summary(other_id).version
    other = _opened(other_id, version)
    if other is None:
        raise NotFoundError(f"assessment {other_id} does not exist")
    sides = sorted(
        (Side(o.assessment, o.pack, o.result) for o in (opened, other)),
        key=lambda s: s.assessment.assessment_date,
    )
    return compare(sides[0], sides[1])


def start_next_cycle(opened: Opened, on: date, lang: str) -> tuple[int, Any] | None:
    """Create the next cycle's assessment (same organisation, newest pack); its id and what
    happened, or None with a message."""
    from assessment.cycle import next_cycle

    db = store()
    try:
        new_pack = db.catalog().get(opened.pack.id)
        cycle = next_cycle(opened.assessment, new_pack, on, opened.pack)
        organisation = db.get_summary(opened.ref.aid).organisation_id
        aid = db.create_assessment(
            cycle.assessment, new_pack, organisation_id=organisation, author=_author()
        )
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(_problem_text(exc))))
        return None
    return aid, cycle
