"""Improvement plan: the points by priority; owner, deadline, status and note edited in a table."""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from assessment import charts
from assessment.chart_summaries import timeline_summary
from assessment.i18n import localise
from assessment.messages import status_label, unowned_knockouts_text
from assessment.vocabulary import ACTION_STATUSES
from assessment.workload import owner_loads
from ui import layout, services, state
from ui.labels import md, t


def editor_key(ref: services.Ref) -> str:
    """The table's widget key; a new version gives a fresh table."""
    return f"plan-{ref.aid}-{ref.version}"


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    pack, assessment, result = opened.pack, opened.assessment, opened.result
    layout.page_title("plan_title", lang, opened)
    if not any(c.answered for c in result.criteria):
        layout.nothing_answered("plan_nothing_answered", lang)
        return
    st.markdown(t("plan_intro", lang))
    if result.latest is not None and assessment.audit_date is not None:
        st.caption(
            t(
                "latest_finish",
                lang,
                date=result.latest.isoformat(),
                days=pack.planning.buffer_days,
                audit=assessment.audit_date.isoformat(),
            )
        )
    else:
        st.caption(t("no_audit_date", lang))
    points = result.improvement_points
    if not points:
        st.success(t("plan_empty", lang))
        return
    at_risk = sum(1 for p in points if p.at_risk)
    if at_risk:
        st.warning(t("at_risk_count", lang, n=at_risk), icon=":material/schedule:")
    overdue = sum(1 for p in points if p.overdue)
    if overdue:
        st.warning(t("overdue_count", lang, n=overdue), icon=":material/event_busy:")
    unowned = unowned_knockouts_text(points, lang)
    if unowned:
        st.warning(md(unowned), icon=":material/person_off:")

    statuses = {status_label(s, lang): s for s in ACTION_STATUSES}
    rows = [
        {
            "priority": p.priority,
            "criterion": p.criterion,
            "point": localise(pack.criteria_by_id[p.criterion].title, lang),
            "levels": f"{p.from_level} → {p.to_level}",
            "proposed": p.proposed,
            "deadline": p.deadline,
            "at_risk": t("flag_yes", lang) if p.at_risk else "",  # words: no emoji font needed
            "overdue": t("flag_yes", lang) if p.overdue else "",
            "owner": p.owner or "",
            "status": status_label(p.status, lang),
            "note": p.note or "",
        }
        for p in points
    ]
    key = editor_key(opened.ref)
    st.caption(t("plan_table_scroll", lang))
    edited = st.data_editor(
        rows,
        key=key,
        hide_index=True,
        width="stretch",
        height=35 * (len(rows) + 1) + 3,
        column_order=[
            "priority",
            "criterion",
            "point",
            "levels",
            "deadline",
            "at_risk",
            "overdue",
            "owner",
            "status",
            "note",
            "proposed",
        ],
        disabled=layout.read_only(opened)  # a reviewer: the whole table read only
        or ["priority", "criterion", "point", "levels", "proposed", "at_risk", "overdue"],
        column_config={
            "priority": st.column_config.NumberColumn(
                t("col_priority", lang), width=55, pinned=True
            ),
            "criterion": st.column_config.TextColumn(
                t("col_criterion", lang), width=100, pinned=True
            ),
            "point": st.column_config.TextColumn(t("col_point", lang), width=300),
            "levels": st.column_config.TextColumn(t("col_levels", lang), width=85),
            "proposed": st.column_config.DateColumn(
                t("col_proposed", lang), format="YYYY-MM-DD", width="small"
            ),
            "deadline": st.column_config.DateColumn(
                t("col_deadline", lang),
                format="YYYY-MM-DD",
                help=t("deadline_help", lang),
                width=110,
            ),
            "at_risk": st.column_config.TextColumn(t("col_at_risk", lang), width=60),
            "overdue": st.column_config.TextColumn(t("col_overdue", lang), width=70),
            "owner": st.column_config.TextColumn(t("col_owner", lang), max_chars=200, width=200),
            "status": st.column_config.SelectboxColumn(
                t("col_status", lang), options=list(statuses), required=True, width=120
            ),
            "note": st.column_config.TextColumn(t("col_note", lang), width=260),
        },
    )
    changes = _changes(rows, edited, statuses)
    if changes and services.update_actions(opened.ref, changes, lang):
        state.flash("toast", t("plan_saved", lang))
        st.rerun()

    _workload(result, lang)
    st.subheader(t("timeline", lang), anchor=False)
    layout.chart(
        charts.timeline_chart(result, assessment, lang, width=900),
        room=70,
        alt=timeline_summary(result, assessment, lang),
    )


def _workload(result: Any, lang: str) -> None:
    """Per owner: the work of the open points against the working days left."""
    loads = owner_loads(result.improvement_points, result.today, result.latest)
    if not loads:
        return
    st.subheader(t("workload_title", lang), anchor=False)
    st.caption(t("workload_caption", lang))
    st.dataframe(
        [
            {
                "owner": load.owner or t("no_owner_row", lang),
                "points": ", ".join(load.points),
                "work": load.work_days,
                "left": "–" if load.days_left is None else str(load.days_left),
                "flag": t("overloaded", lang) if load.overloaded else "",
            }
            for load in loads
        ],
        hide_index=True,
        width="stretch",
        column_config={
            "owner": st.column_config.TextColumn(t("col_owner", lang)),
            "points": st.column_config.TextColumn(t("col_points", lang), width="large"),
            "work": st.column_config.NumberColumn(t("col_work", lang)),
            "left": st.column_config.TextColumn(t("col_days_left", lang)),
            "flag": st.column_config.TextColumn(""),
        },
    )


def _changes(
    rows: list[dict[str, Any]], edited: Any, statuses: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """Per criterion, the action fields the user changed in the table."""
    changes: dict[str, dict[str, Any]] = {}
    edited_rows = list(edited) if not hasattr(edited, "to_dict") else edited.to_dict("records")
    for before, after in zip(rows, edited_rows, strict=False):
        diff: dict[str, Any] = {}
        if (after.get("owner") or "") != before["owner"]:
            diff["owner"] = (after.get("owner") or "").strip() or None
        if (after.get("note") or "") != before["note"]:
            diff["note"] = (after.get("note") or "").strip() or None
        if after.get("status") != before["status"]:
            diff["status"] = statuses.get(after.get("status"), "open")
        new_deadline = _as_date(after.get("deadline"))
        if new_deadline != before["deadline"]:
            diff["deadline"] = new_deadline  # None: back to the proposed deadline
        if diff:
            changes[before["criterion"]] = diff
    return changes


def _as_date(value: Any) -> date | None:
    if value is None or value != value:  # None or NaN/NaT
        return None
    if hasattr(value, "date") and not isinstance(value, date):
        return value.date()
    if isinstance(value, date):
        return value.date() if hasattr(value, "hour") else value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


if __name__ == "__main__":  # run as a page by st.navigation
    render()
