"""Workshop: the consultant's presentation view for the projector.

One criterion at a time in large type (question, guidance, level descriptors), the join code
with a QR code (``workshop_join``), a timer, opening and closing the vote, and after closing
the spread and recording the agreed level (``workshop_result``).
"""

from __future__ import annotations

import streamlit as st

from assessment.i18n import counted, localise
from assessment.packs import Criterion, Pack
from assessment.store import WorkshopInfo
from assessment.workshop import VoteSummary
from ui import layout, services, state
from ui import workshop_actions as actions
from ui.labels import md, t
from ui.workshop_join import join_box
from ui.workshop_result import AGREE, levels_table, result_box, vote_chart
from ui.workshop_round import voting_box

PICK, CONFIRM, GROUPS = "ws-pick", "ws-confirm-close", "ws-groups"
MAX_ROUNDS_SHOWN = 3  # rounds of a criterion side by side in the chart

STYLE = """
<style>
[data-testid="stMainBlockContainer"] { padding-top: 2.5rem; }
.st-key-ws-head h1 { font-size: 2.7rem; line-height: 1.15; padding-top: 0; }
.st-key-ws-question p { font-size: clamp(1.4rem, 1.6vw, 2.1rem); line-height: 1.3;
  font-weight: 600; }
.st-key-ws-guidance p { font-size: 1.3rem; line-height: 1.4; color: #3c4a5c; }
.st-key-ws-levels table { font-size: 1.3rem; width: 100%; }
.st-key-ws-levels td:first-child { white-space: nowrap; font-weight: 600; }
.st-key-ws-code { container-type: inline-size; width: 100%; }
.st-key-ws-code p { font-size: min(2.6rem, 20cqi); font-weight: 700; letter-spacing: 0.12em;
  font-family: "DejaVu Sans Mono", monospace; margin: 0; white-space: nowrap; }
.st-key-ws-url p { font-size: 1rem; overflow-wrap: anywhere; }
.st-key-ws-join-big p { text-align: center; }
.st-key-ws-join-big .st-key-ws-code p { font-size: min(3.4rem, 20cqi); }
.st-key-ws-clock p { font-size: 3.4rem; font-weight: 700; margin: 0;
  font-variant-numeric: tabular-nums; }
.st-key-ws-count p, .st-key-ws-voted p { font-size: 1.6rem; font-weight: 600; margin: 0; }
.st-key-ws-names p { font-size: 1.1rem; }
.st-key-ws-picker { flex-wrap: nowrap; }
.st-key-ws-result p, .st-key-ws-hidden p { font-size: 1.15rem; }
.st-key-ws-result [data-testid="stMetricValue"],
.st-key-ws-result [data-testid="stMetricValue"] p { font-size: 3rem; }
</style>
"""


# ---- the page ------------------------------------------------------------------------------


def render() -> None:
    lang = state.lang()
    opened = layout.require_assessment(lang)
    st.markdown(STYLE, unsafe_allow_html=True)  # only our own CSS, never user text
    if layout.read_only(opened):  # a reviewer leads no workshop and records no level
        layout.page_title("ws_title", lang, opened)
        st.info(t("ws_read_only", lang))
        _earlier(opened, lang)
        return
    info = services.open_workshop(opened.ref.aid)
    if info is None:
        _lobby(opened, lang)
        return
    if info.criterion_id is None:  # start on the criterion the consultant was looking at
        first = state.criterion_id() or next(c.id for _, c in opened.pack.criteria())
        info = services.show_criterion(info.id, first, lang) or info
    with st.container():  # a fixed slot, so elements below keep their identity
        state.show_flash()
    pack = opened.pack
    criterion = pack.criteria_by_id.get(info.criterion_id or "")
    summary = services.vote_summary(info.id)
    revealed = info.revealed and not info.voting_open
    shown = []  # the revealed rounds on this criterion, oldest first: kept side by side
    if revealed and info.criterion_id is not None:
        rounds = actions.rounds_of(info.id, info.criterion_id)
        shown = [(n, s) for n, s, was_shown in rounds if was_shown][-MAX_ROUNDS_SHOWN:]
    main, side = st.columns([2.3, 1], gap="large")
    with main:
        _picker(pack, info, lang)
        if criterion is not None:
            _criterion(pack, criterion, shown, info, lang)
    with side:
        join_box(info, lang)
        if revealed:  # the result and the agreed level first; voting again below
            result_box(opened, info, summary, shown, lang)
        voting_box(info, summary.count, lang)
    st.divider()
    _close_box(info, lang)


# ---- before the workshop -------------------------------------------------------------------


def _lobby(opened: services.Opened, lang: str) -> None:
    layout.page_title("ws_title", lang, opened)
    st.markdown(t("ws_intro", lang))
    consultant = (st.session_state.get(state.AUTHOR) or "").strip()
    if not consultant:
        st.caption(t("ws_name_first", lang))
    st.text_input(
        t("ws_groups", lang),
        key=GROUPS,
        placeholder=t("ws_groups_placeholder", lang),
        help=t("ws_groups_help", lang),
        max_chars=300,
        width=560,
    )
    st.button(
        t("ws_start", lang),
        type="primary",
        icon=":material/co_present:",
        on_click=_start,
        args=(opened.ref.aid, consultant or None, lang),
        key="ws-start",
    )
    _earlier(opened, lang)


def _earlier(opened: services.Opened, lang: str) -> None:
    earlier = services.earlier_workshops(opened.ref.aid)
    if earlier:
        st.subheader(t("ws_earlier", lang), anchor=False)
        for item in earlier:
            when = item.created_at.astimezone().strftime("%Y-%m-%d %H:%M")
            count = len(services.participant_names(item.id))
            st.markdown(
                "- "
                + md(
                    t(
                        "ws_earlier_row",
                        lang,
                        date=when,
                        n=counted(count, "participant", lang),
                        code=item.code,
                    )
                )
            )


def _start(aid: int, consultant: str | None, lang: str) -> None:
    groups = [g for g in (st.session_state.get(GROUPS) or "").split(",") if g.strip()]
    actions.start_workshop(aid, consultant, lang, groups)


# ---- the criterion on screen ------------------------------------------------------------------


def _picker(pack: Pack, info: WorkshopInfo, lang: str) -> None:
    order = [c.id for _, c in pack.criteria()]
    current = info.criterion_id if info.criterion_id in order else None
    index = order.index(current) if current else 0
    st.session_state[PICK] = current
    with st.container(horizontal=True, vertical_alignment="bottom", gap="small", key="ws-picker"):
        st.button(
            "",
            icon=":material/arrow_back:",
            help=t("previous", lang),
            disabled=current is None or index == 0,
            on_click=_show,
            args=(info.id, order[max(0, index - 1)], lang),
            key="ws-prev",
        )
        st.selectbox(
            t("ws_pick", lang),
            order,
            key=PICK,
            format_func=lambda cid: f"{cid} · {localise(pack.criteria_by_id[cid].title, lang)}",
            placeholder=t("ws_pick_first", lang),
            on_change=_picked,
            args=(info.id, lang),
            label_visibility="collapsed",
            width="stretch",
        )
        st.button(
            "",
            icon=":material/arrow_forward:",
            help=t("next", lang),
            disabled=current is not None and index == len(order) - 1,
            on_click=_show,
            args=(info.id, order[min(len(order) - 1, index + 1)], lang),
            key="ws-next",
        )


def _picked(workshop_id: int, lang: str) -> None:
    value = st.session_state.get(PICK)
    if value:
        _show(workshop_id, value, lang)


def _show(workshop_id: int, cid: str, lang: str) -> None:
    if services.show_criterion(workshop_id, cid, lang) is not None:
        state.set_criterion(cid)
        st.session_state.pop(AGREE, None)


def _criterion(
    pack: Pack,
    criterion: Criterion,
    shown: list[tuple[int, VoteSummary]],
    info: WorkshopInfo,
    lang: str,
) -> None:
    pillar = next(p for p in pack.pillars if p.id == pack.pillar_of[criterion.id])
    order = [c.id for _, c in pack.criteria()]
    st.caption(
        md(
            f"{localise(pillar.title, lang)} · "
            f"{t('criterion_n', lang, i=order.index(criterion.id) + 1, n=len(order))}"
        )
    )
    with st.container(key="ws-head"):
        st.title(md(f"{criterion.id} · {localise(criterion.title, lang)}"), anchor=False)
    with st.container(key="ws-question"):
        st.markdown(md(localise(criterion.question, lang)))
    guidance = localise(criterion.guidance, lang) if criterion.guidance else ""
    if not shown:  # before the votes are revealed: what each level means
        if guidance:
            with st.container(key="ws-guidance"):
                st.markdown(md(guidance))
        with st.container(key="ws-levels"):
            st.markdown(levels_table(pack, criterion, lang))
        return
    with st.container(key="ws-chart"):  # the result above the fold; the rest folded away
        vote_chart(pack, shown, lang)
    with st.expander(t("ws_meanings", lang), key="ws-meanings"):
        if guidance:
            st.markdown(md(guidance))
        with st.container(key="ws-levels"):
            st.markdown(levels_table(pack, criterion, lang))


# ---- the end ----------------------------------------------------------------------------------


def _close_box(info: WorkshopInfo, lang: str) -> None:
    with st.expander(t("ws_close", lang), icon=":material/logout:", key="ws-close-box"):
        if info.consultant:
            st.caption(md(t("ws_led_by", lang, name=info.consultant)))
        st.checkbox(t("ws_close_confirm", lang), key=CONFIRM)
        st.button(
            t("ws_close", lang),
            icon=":material/stop_circle:",
            disabled=not st.session_state.get(CONFIRM),
            on_click=_close,
            args=(info.id, info.code, lang),
            key="ws-close",
        )


def _close(workshop_id: int, code: str, lang: str) -> None:
    if services.close_workshop(workshop_id, lang) is not None:
        state.flash("success", t("ws_closed", lang, code=code))
        st.session_state.pop(CONFIRM, None)


if __name__ == "__main__":  # run as a page by st.navigation
    render()
