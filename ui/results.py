"""Results: the verdict and its reason, readiness overall, per pillar and per tag, all criteria."""

from __future__ import annotations

import streamlit as st

from assessment import charts
from assessment.chart_summaries import levels_summary, readiness_summary, tag_summary
from assessment.i18n import localise
from assessment.messages import (
    completeness_text,
    forecast_label,
    late_planned_text,
    one_decimal,
    pct,
    reason_text,
    shown_change,
    unowned_knockouts_text,
    unplanned_text,
    verdict_condition,
    verdict_label,
)
from ui import layout, state
from ui.criterion_nav import STATE_MARKS
from ui.labels import md, t


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    pack, result = opened.pack, opened.result
    layout.page_title("results_title", lang, opened)
    if not any(c.answered or c.to_confirm for c in result.criteria):  # nothing counts yet
        layout.nothing_answered("nothing_answered", lang)
        return

    ahead = result.forecast
    colour = layout.VERDICT_COLOURS.get(result.verdict, "gray")
    done = result.completeness
    with st.container(border=True):
        st.markdown(f"### :{colour}[{verdict_label(result.verdict, lang)}]")
        counts = completeness_text(done.answered, done.applicable, lang, done.to_confirm)
        st.markdown(f"**{counts}**")
        for reason in result.reasons:
            st.markdown(f"- {md(reason_text(reason, pack, lang))}")
        condition = verdict_condition(result, pack, lang)
        if condition:
            st.markdown(f"**{t('condition', lang)}:** {md(condition)}")
    cols = st.columns(3)
    cols[0].metric(t("overall_readiness", lang), pct(result.overall.readiness, lang))
    cols[1].metric(t("maturity", lang), one_decimal(result.overall.maturity, lang))
    if ahead is not None:
        now, later = result.overall.readiness, ahead.overall.readiness
        cols[2].metric(
            t("on_audit_day", lang),
            pct(later, lang),
            delta=shown_change(now, later, lang) or None,
            help=t("forecast_help", lang),
        )
        cols[2].caption(
            md(f"{forecast_label(lang).capitalize()}: {verdict_label(ahead.verdict, lang)}")
        )
    for warning in (
        unowned_knockouts_text(result.improvement_points, lang),
        unplanned_text(result.improvement_points, lang) if ahead is not None else "",
        late_planned_text(result.improvement_points, lang) if ahead is not None else "",
    ):
        if warning:
            st.warning(md(warning))
    st.space("small")
    # side by side, each chart fits its half of a laptop screen whole (a wider one would be
    # shrunk to fit, and its 11 px labels with it)
    readiness = charts.readiness_chart(result, pack, lang, ahead, width=320)
    tags = charts.tag_chart(result, pack, lang, width=320) if pack.tags else None
    levels = [charts.levels_chart(result, pack, p.id, lang, width=760) for p in pack.pillars]
    layout.prepare_charts([readiness, *([tags] if tags else []), *levels])
    left, right = st.columns(2, gap="large")
    with left:
        st.subheader(t("per_pillar", lang), anchor=False)
        layout.chart(readiness, alt=readiness_summary(result, pack, lang, ahead))
    with right:
        if tags:
            st.subheader(t("per_tag", lang), anchor=False)
            layout.chart(tags, room=60, alt=tag_summary(result, pack, lang))

    st.subheader(t("all_criteria", lang), anchor=False)
    rows = []
    for c in result.criteria:
        criterion = pack.criteria_by_id[c.id]
        mark = c.state
        said = t(f"state_{mark}", lang)
        if c.to_confirm:  # counted as carried over, not answered until re-confirmed
            said = t("state_na_to_confirm" if mark == "na" else "state_to_confirm", lang)
        rows.append(
            {
                "state": f"{STATE_MARKS[mark]} {said}",
                "id": c.id,
                "title": localise(criterion.title, lang),
                "mandatory": c.mandatory,
                "claimed": _level(c.claimed),
                "evidenced": _level(c.evidenced),
                "target": _level(c.target),
                "gap": _level(c.gap),
            }
        )
    st.dataframe(
        rows,
        hide_index=True,
        width="stretch",
        height=35 * (len(rows) + 1) + 3,
        column_config={
            # pixels: the state's words and a long title shown whole on a laptop screen
            "state": st.column_config.TextColumn(t("col_state", lang), width=150),
            "id": st.column_config.TextColumn(t("col_criterion", lang), width=100),
            "title": st.column_config.TextColumn(t("col_title", lang), width=390),
            "mandatory": st.column_config.CheckboxColumn(t("col_mandatory", lang), width=75),
            "claimed": st.column_config.TextColumn(t("col_claimed", lang), width=85),
            "evidenced": st.column_config.TextColumn(t("col_evidenced", lang), width=90),
            "target": st.column_config.TextColumn(t("col_target", lang), width=70),
            "gap": st.column_config.TextColumn(t("col_gap", lang), width=70),
        },
    )
    st.subheader(t("levels_per_pillar", lang), anchor=False)
    tabs = st.tabs([md(localise(p.title, lang)) for p in pack.pillars])
    for tab, pillar, spec in zip(tabs, pack.pillars, levels, strict=True):
        with tab:
            layout.chart(spec, alt=levels_summary(result, pillar.id, lang))


def _level(value: int | None) -> str:
    return "–" if value is None else str(value)


if __name__ == "__main__":  # run as a page by st.navigation
    render()
