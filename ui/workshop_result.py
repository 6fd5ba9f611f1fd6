"""Workshop page, after the vote: who voted what per level, the spread (lowest, median,
highest; marked for discussion at a spread of two levels or more), and recording the agreed
level as the criterion's answer (a normal saved change with history)."""

from __future__ import annotations

import streamlit as st

from assessment.i18n import localise
from assessment.packs import Criterion, Pack
from assessment.store import WorkshopInfo
from assessment.workshop import VoteSummary, format_level
from assessment.workshop_chart import ChartRound, vote_chart_svg
from assessment.workshop_groupthink import group_split, outliers, proposal
from ui import services, state
from ui.labels import md, t

AGREE = "ws-agree"  # the level the consultant picked to record


def levels_table(pack: Pack, criterion: Criterion, lang: str) -> str:
    """The level descriptors of ``criterion`` as a Markdown table."""
    head = [t("level_col", lang), t("meaning_col", lang)]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for scale in pack.scale:
        meaning = localise(criterion.levels.get(scale.level) or scale.description, lang)
        cells = [
            md(f"{scale.level} · {localise(scale.label, lang)}"),
            md(" ".join(meaning.split())),
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def vote_chart(pack: Pack, shown: list[tuple[int, VoteSummary]], lang: str) -> None:
    """Who voted which level, as a chart readable from the back of the room; the rounds on
    the criterion side by side (names of the latest, unless it was anonymous)."""
    scale = [(s.level, localise(s.label, lang)) for s in pack.scale]
    rounds = [
        ChartRound(
            t("ws_round", lang, n=n)
            + (f" ({t('ws_anonymous_badge', lang)})" if summary.anonymous else ""),
            summary,
            names=not summary.anonymous,
        )
        for n, summary in shown
    ]
    st.image(vote_chart_svg(scale, rounds), width="stretch", alt=chart_alt(scale, rounds, lang))


def chart_alt(scale: list[tuple[int, str]], rounds: list[ChartRound], lang: str) -> str:
    """The chart in words, for a screen reader: each round's number of votes per level."""
    levels = [level for level, _label in scale]
    said = [
        f"{r.label}: "
        + ", ".join(
            t("ws_chart_alt_level", lang, level=level, n=n)
            for level, n in r.summary.counts(levels).items()
        )
        for r in rounds
    ]
    return t("ws_chart_alt", lang, rounds="; ".join(said))


def result_box(
    opened: services.Opened,
    info: WorkshopInfo,
    summary: VoteSummary,
    shown: list[tuple[int, VoteSummary]],
    lang: str,
) -> None:
    """The revealed round: lowest, median, highest, whether to discuss, the rounds before it,
    the groups, the reasons of those who stood out, and recording the agreed level."""
    with st.container(border=True, key="ws-result"):
        st.markdown(f"**{t('ws_result', lang)}** · {t('ws_round', lang, n=info.round)}")
        if summary.count == 0:
            st.info(t("ws_no_votes", lang))
        else:
            cols = st.columns(3)
            cols[0].metric(t("ws_low", lang), format_level(summary.low, lang))
            cols[1].metric(t("ws_median", lang), format_level(summary.median, lang))
            cols[2].metric(t("ws_high", lang), format_level(summary.high, lang))
            if summary.needs_discussion:
                st.error(t("ws_discuss", lang, n=summary.spread), icon=":material/forum:")
            elif summary.spread == 0:
                st.success(t("ws_agreement", lang), icon=":material/check_circle:")
            else:
                st.info(t("ws_close_enough", lang), icon=":material/check:")
            if len(shown) > 1:
                with st.container(key="ws-rounds"):
                    st.caption(" · ".join(_range(n, s, lang) for n, s in shown if s.count))
            _groups(summary, info, lang)
            reasons(info.id, lang)
            comments = [v for v in summary.votes if v.comment]
            if comments:
                with st.expander(
                    t("ws_comments", lang), expanded=len(comments) <= 3, key="ws-comments"
                ):
                    for vote in comments:
                        who = vote.participant or t("ws_anonymous_badge", lang)
                        st.markdown(f"**{md(who)}** ({vote.level}): {md(vote.comment)}")
        _agree(opened, info, summary, lang)


def _range(n: int, summary: VoteSummary, lang: str) -> str:
    return t(
        "ws_round_range",
        lang,
        n=n,
        low=summary.low,
        high=summary.high,
        median=format_level(summary.median, lang),
    )


def _groups(summary: VoteSummary, info: WorkshopInfo, lang: str) -> None:
    split = group_split(summary, info.groups)
    if split is None:
        return
    detail = md(
        " · ".join(
            t(
                "ws_group_median",
                lang,
                group=g.group,
                median=format_level(g.median, lang),
                n=g.count,
            )
            for g in split.groups
        )
    )
    if split.differ:
        st.warning(t("ws_groups_differ", lang, detail=detail), icon=":material/groups:")
    else:
        st.caption(t("ws_groups_alike", lang, detail=detail))


@st.fragment(run_every=3)
def reasons(workshop_id: int, lang: str) -> None:
    """Who stood out and was asked why, and the reasons as they come in from the phones."""
    summary = services.vote_summary(workshop_id)
    asked = outliers(summary)
    if not asked:
        return
    anonymous = t("ws_anonymous_badge", lang)
    names = ", ".join(f"{v.participant or anonymous} ({v.level})" for v in asked)
    st.caption(md(t("ws_asked", lang, names=names)))
    given = [v for v in asked if v.reason]
    if given:
        with st.container(border=True, key="ws-reasons"):
            st.markdown(f"**{t('ws_reasons', lang)}**")
            for vote in given:
                who = vote.participant or t("ws_anonymous_badge", lang)
                st.markdown(f"**{md(who)}** ({vote.level}): {md(vote.reason)}")


def _agree(
    opened: services.Opened,
    info: WorkshopInfo,
    summary: VoteSummary,
    lang: str,
) -> None:
    pack, cid = opened.pack, info.criterion_id or ""
    response = opened.assessment.responses.get(cid)
    if response is not None and response.level is not None:
        answer = t("ws_answer_level", lang, level=response.level)
    elif response is not None and response.not_applicable:
        answer = t("state_na", lang)
    else:
        answer = t("ws_unanswered", lang)
    st.caption(md(t("ws_current_answer", lang, answer=answer)))
    levels = [s.level for s in pack.scale]
    if st.session_state.get(AGREE) not in levels:
        agreed = services.agreed_level(info.id, cid)
        if agreed is None:
            agreed = proposal(summary, levels)
        st.session_state[AGREE] = agreed
    st.segmented_control(
        t("ws_agree", lang),
        levels,
        key=AGREE,
        format_func=lambda lvl: str(lvl),
        width="stretch",
        help=t("ws_proposal", lang),
    )
    st.button(
        t("ws_record", lang),
        type="primary",
        icon=":material/task_alt:",
        on_click=_record,
        args=(info.id, cid, lang),
        key="ws-record",
        width="stretch",
        disabled=st.session_state.get(AGREE) is None,
    )


def _record(workshop_id: int, cid: str, lang: str) -> None:
    level = st.session_state.get(AGREE)
    if level is None:
        return
    if services.agree(workshop_id, int(level), lang) is not None:
        state.flash("success", t("ws_recorded", lang, level=level, cid=md(cid)))
