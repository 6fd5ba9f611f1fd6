"""The assessment as an Excel workbook, both ways (issue 16; docs/assessment-file.md).

:func:`export_workbook` writes an assessment as an ``.xlsx`` with the sheets ``Assessment``
(field, value), ``Responses`` (one row per criterion of the pack), ``Evidence`` and
``Actions``, and a read-me sheet in the assessment's language (the layout is in
:mod:`assessment.xlsx_layout`). :func:`import_workbook` (from :mod:`assessment.xlsx_import`)
reads such a workbook back, or lists every problem at once with its sheet and cell.

Text is written so that Excel never takes it for a formula, and with OOXML's ``_xHHHH_``
escapes for characters a worksheet cannot hold, so a round trip gives the same assessment.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from .assessments import Assessment
from .errors import IkmError
from .i18n import localise
from .messages import kind_label, status_label
from .packs import Pack
from .vocabulary import ACTION_STATUSES
from .xlsx_import import check_container, import_workbook, load_workbook_file, onto
from .xlsx_layout import (
    COLUMNS,
    EXCEL_TEXT_LIMIT,
    FIELDS,
    FORMULA_START,
    KIND_IDS,
    README_SHEETS,
    SHEET_ACTIONS,
    SHEET_ASSESSMENT,
    SHEET_EVIDENCE,
    SHEET_RESPONSES,
    escape_text,
    get_column_letter,
    readme_lines,
)

__all__ = [
    "check_container",
    "export_workbook",
    "import_workbook",
    "load_workbook_file",
    "onto",
]


# ---- export ----------------------------------------------------------------------------


def export_workbook(
    assessment: Assessment, pack: Pack, *, plan_criteria: Iterable[str] = ()
) -> bytes:
    """The assessment as ``.xlsx`` bytes: read-me, Assessment, Responses, Evidence, Actions.

    Rows of the Actions sheet: every criterion with an action, plus the criteria in
    ``plan_criteria`` (for example those with an improvement point) so that their owner and
    deadline can be filled in; rows with nothing but the criterion are read back as no
    action. Raises :class:`IkmError` when a text is longer than an Excel cell holds.
    """
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    lang = assessment.language
    book = Workbook()
    readme = book.active
    readme.title = README_SHEETS[lang]
    for line in readme_lines(pack, lang):
        readme.append([line])
    readme.column_dimensions["A"].width = 110
    readme["A1"].font = Font(bold=True, size=14)

    label_font = Font(italic=True, color="666666")
    key_font = Font(bold=True)
    key_fill = PatternFill("solid", fgColor="DDE7F0")
    reading_fill = PatternFill("solid", fgColor="F2F2F2")
    wrap = Alignment(wrap_text=True, vertical="top")

    def sheet(name: str, rows: list[list[Any]]) -> Any:
        ws = book.create_sheet(name)
        columns = COLUMNS[name]
        for j, col in enumerate(columns, start=1):
            label = ws.cell(1, j, col.label[lang])
            label.font = label_font
            key = ws.cell(2, j, col.key)
            key.font = key_font
            key.fill = key_fill
            key.comment = Comment(col.label[lang], "ikm")
            ws.column_dimensions[get_column_letter(j)].width = col.width
        for i, values in enumerate(rows, start=3):
            for j, (col, value) in enumerate(zip(columns, values, strict=True), start=1):
                cell = _put(ws, i, j, value, f"{name}!{get_column_letter(j)}{i}")
                if col.reading:
                    cell.fill = reading_fill
                if col.kind == "text" and col.width >= 30:
                    cell.alignment = wrap
        ws.freeze_panes = "B3"
        return ws

    sheet(SHEET_ASSESSMENT, _assessment_rows(assessment, lang))

    responses = sheet(SHEET_RESPONSES, _response_rows(assessment, pack, lang))
    last = responses.max_row
    levels = ",".join(str(s.level) for s in pack.scale)
    scale = " · ".join(f"{s.level} {localise(s.label, lang)}" for s in pack.scale)
    level_list = DataValidation(type="list", formula1=f'"{levels}"', allow_blank=True)
    level_list.promptTitle = COLUMNS[SHEET_RESPONSES][3].label[lang]
    level_list.prompt = scale[:250]
    level_list.error = scale[:250]
    level_list.showErrorMessage = True
    responses.add_data_validation(level_list)
    yes_no = DataValidation(type="list", formula1='"TRUE,FALSE"', allow_blank=True)
    responses.add_data_validation(yes_no)
    if last >= 3:
        level_list.add(f"D3:D{last}")
        yes_no.add(f"E3:E{last}")
        yes_no.add(f"H3:H{last}")

    evidence = sheet(SHEET_EVIDENCE, _evidence_rows(assessment))
    kinds = DataValidation(type="list", formula1=f'"{",".join(KIND_IDS)}"', allow_blank=True)
    kinds.prompt = " · ".join(f"{k} ({kind_label(k, lang)})" for k in KIND_IDS)
    evidence.add_data_validation(kinds)
    kinds.add(f"B3:B{max(evidence.max_row, 3) + 200}")

    actions = sheet(SHEET_ACTIONS, _action_rows(assessment, pack, lang, plan_criteria))
    statuses = DataValidation(
        type="list", formula1=f'"{",".join(ACTION_STATUSES)}"', allow_blank=True
    )
    statuses.prompt = " · ".join(f"{k} ({status_label(k, lang)})" for k in ACTION_STATUSES)
    actions.add_data_validation(statuses)
    statuses.add(f"E3:E{max(actions.max_row, 3) + 200}")

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _put(ws: Any, row: int, col: int, value: Any, where: str) -> Any:
    """Write one value; text as a string cell that Excel never takes for a formula."""
    cell = ws.cell(row, col)
    if value is None:
        return cell
    if isinstance(value, date) and not isinstance(value, datetime):
        if date(1900, 3, 1) <= value:  # Excel's calendar starts in 1900 (with a leap bug)
            cell.value = value
            cell.number_format = "yyyy-mm-dd"
            return cell
        value = value.isoformat()
    if isinstance(value, str):
        if len(value) > EXCEL_TEXT_LIMIT:
            raise IkmError(
                f"{where}: a text of {len(value)} characters does not fit in an Excel cell "
                f"(at most {EXCEL_TEXT_LIMIT}); export the assessment as JSON instead"
            )
        cell.value = escape_text(value)
        cell.data_type = "s"  # openpyxl would take text starting with '=' for a formula
        if value.startswith(FORMULA_START):
            cell.quotePrefix = True  # Excel keeps it text when someone edits the cell
        return cell
    cell.value = value
    return cell


def _assessment_rows(assessment: Assessment, lang: str) -> list[list[Any]]:
    values: dict[str, Any] = {
        "schema_version": assessment.schema_version,
        "criteria_set.id": assessment.criteria_set.id,
        "criteria_set.version": assessment.criteria_set.version,
        "organisation.name": assessment.organisation.name,
        "organisation.sector": assessment.organisation.sector,
        "organisation.size": assessment.organisation.size,
        "organisation.handling": assessment.organisation.handling,
        "assessment_date": assessment.assessment_date,
        "audit_date": assessment.audit_date,
        "language": assessment.language,
    }
    rows = []
    for path, _, about in FIELDS:
        if path == "assessors":
            names: list[Any] = list(assessment.assessors) or [None]
            rows.extend([path, name, about[lang]] for name in names)
        else:
            rows.append([path, values[path], about[lang]])
    return rows


def _response_rows(assessment: Assessment, pack: Pack, lang: str) -> list[list[Any]]:
    rows = []
    for _, criterion in pack.criteria():
        r = assessment.responses.get(criterion.id)
        rows.append(
            [
                criterion.id,
                localise(criterion.title, lang),
                localise(criterion.question, lang),
                r.level if r else None,
                True if r and r.not_applicable else None,
                r.justification if r else None,
                r.note if r else None,
                True if r and r.to_confirm else None,
            ]
        )
    return rows


def _evidence_rows(assessment: Assessment) -> list[list[Any]]:
    rows = []
    for e in assessment.evidence:
        f = e.file
        rows.append(
            [
                e.id,
                e.kind,
                e.title,
                ", ".join(e.criteria) or None,
                e.source,
                e.date,
                e.link,
                True if e.personal_data else None,
                f.name if f else None,
                f.sha256 if f else None,
                f.size if f else None,
                f.media_type if f else None,
                True if f and f.erased else None,
            ]
        )
    return rows


def _action_rows(
    assessment: Assessment, pack: Pack, lang: str, plan_criteria: Iterable[str]
) -> list[list[Any]]:
    wanted = set(assessment.actions) | set(plan_criteria)
    rows = []
    for _, criterion in pack.criteria():
        if criterion.id not in wanted:
            continue
        a = assessment.actions.get(criterion.id)
        rows.append(
            [
                criterion.id,
                localise(criterion.title, lang),
                a.owner if a else None,
                a.deadline if a else None,
                a.status if a else None,
                a.note if a else None,
            ]
        )
    return rows
