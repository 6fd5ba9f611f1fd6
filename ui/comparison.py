"""Exchange in the app: the open assessment compared with another of the same organisation
(the trend, the overall change, per pillar, and the criteria that moved, worse first)."""

from __future__ import annotations

import streamlit as st

from assessment import charts
from assessment.chart_summaries import trend_summary
from assessment.i18n import localise
from assessment.messages import VERDICTS, pct, shown_change
from ui import layout, services
from ui.labels import t

COMPARE = "compare-with"


def comparison_view(opened: services.Opened, lang: str) -> None:
    """The open assessment beside another of the same organisation: worse first."""
    st.subheader(t("cmp_head", lang), anchor=False, divider="gray")
    others = services.comparable(opened)
    if not others:
        st.info(t("cmp_none", lang))
        return
    st.markdown(f"**{t('cmp_trend', lang)}**")
    trend = services.trend(opened)
    layout.chart(
        charts.trend_chart(trend, opened.pack, lang),
        room=110,
        alt=trend_summary(trend, opened.pack, lang),
    )
    labels = {o.id: t("assessed_on", lang, date=o.assessment_date) for o in others}
    other = st.selectbox(t("cmp_choose", lang), list(labels), format_func=labels.get, key=COMPARE)
    if other is None:
        return
    result = services.comparison(opened, other)
    before, after = result.before, result.after
    st.caption(
        t(
            "cmp_sides",
            lang,
            before=before.assessment.assessment_date.isoformat(),
            after=after.assessment.assessment_date.isoformat(),
        )
    )
    cols = st.columns(3)
    cols[0].metric(
        t("cmp_overall", lang),
        pct(result.overall.after, lang),
        shown_change(result.overall.before, result.overall.after, lang) or None,
    )
    with cols[1]:
        st.caption(t("cmp_verdict", lang))
        layout.verdict_badge(after.result.verdict, lang)
        st.caption(t("cmp_was", lang, verdict=localise(VERDICTS[before.result.verdict], lang)))
    answered, applicable = after.completeness
    was, _ = before.completeness
    cols[2].metric(t("cmp_answered", lang), f"{answered} / {applicable}", f"{answered - was:+d}")
    pack = opened.pack
    titles = {p.id: localise(p.title, lang) for p in (*before.pack.pillars, *pack.pillars)}
    st.dataframe(
        [
            {
                t("col_pillar", lang): titles.get(p.id, p.id),
                t("col_before", lang): pct(p.before, lang),
                t("col_after", lang): pct(p.after, lang),
                t("col_change", lang): shown_change(p.before, p.after, lang),
            }
            for p in result.pillars
        ],
        hide_index=True,
        width="stretch",
        key="cmp-pillars",
    )
    moved = [c for c in result.criteria if c.moved]
    if not moved:
        st.info(t("cmp_unchanged", lang))
        return
    criteria = {**before.pack.criteria_by_id, **pack.criteria_by_id}

    def level(value: float | None, present: bool) -> str:
        if not present:
            return t("cmp_not_in_pack", lang)
        return "–" if value is None else str(int(value))

    st.markdown(t("cmp_criteria", lang, worse=len(result.worse), better=len(result.better)))
    st.dataframe(
        [
            {
                t("col_criterion", lang): c.id,
                t("col_point", lang): localise(criteria[c.id].title, lang),
                t("col_before", lang): level(c.before, c.in_before),
                t("col_after", lang): level(c.after, c.in_after),
                t("col_change", lang): "" if c.delta is None else f"{int(c.delta):+d}",
            }
            for c in moved
        ],
        hide_index=True,
        width="stretch",
        key="cmp-criteria",
    )
