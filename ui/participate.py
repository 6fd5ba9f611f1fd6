"""Participate: a workshop participant joins with the code, gives a name and votes a level.

The app shows this page alone when the URL carries ``?join=CODE`` (and, under
``ikm workshop serve``, to every other device on the network): no sidebar, no navigation,
no assessment data. The participant sees only the criterion on screen and the scale.
After joining, the participant's secret token is kept in the session and in the URL
(``&p=``), so a phone that reloads the page keeps its place and its vote.
"""

from __future__ import annotations

import streamlit as st

from assessment.errors import IkmError
from assessment.i18n import LANGUAGES, language, localise
from assessment.store import JoinRefused, ParticipantScreen, VoteRefused
from assessment.workshop import normalise_code
from ui import services, style
from ui import workshop_actions as services_ws
from ui.labels import md, t

TOKEN = "pt-token"
LANG = "pt-lang"
CODE, NAME, GROUP = "pt-code", "pt-name", "pt-group"
MESSAGE = "pt-message"
# (form key, reason) of the last vote or reason refused: shown under that form's button, where
# the participant's eyes are on a phone, until the next try; elsewhere once, at the top
FEEDBACK = "pt-feedback"

STYLE = """
<style>
.st-key-pt-question p { font-size: 1.25rem; font-weight: 600; line-height: 1.35; }
.st-key-pt-vote label p { font-size: 1.05rem; }
.st-key-pt-vote [role="radiogroup"] label { margin-bottom: 0.45rem; }
[data-testid="stMainBlockContainer"] { padding-top: 2rem; }
</style>
"""


def _chosen_language() -> str:
    return language(st.session_state.get(LANG) or st.query_params.get("lang"))


def render() -> None:
    st.markdown(STYLE, unsafe_allow_html=True)  # our own CSS only
    if st.session_state.get(LANG) not in LANGUAGES:
        st.session_state[LANG] = _chosen_language()
    lang = _chosen_language()
    style.apply(lang)  # Streamlit's own texts in the participant's language; WCAG colours
    with st.container(horizontal=True, vertical_alignment="center"):
        st.markdown(f"### {t('pt_title', lang)}")
        st.segmented_control(
            t("language", lang),
            LANGUAGES,
            key=LANG,
            required=True,
            format_func=lambda code: code.upper(),
            label_visibility="collapsed",
        )
    token = st.session_state.get(TOKEN) or st.query_params.get("p")
    if token:
        try:
            services.participant_screen(token)
        except JoinRefused as exc:
            st.session_state[MESSAGE] = exc.reason
            token = None
            st.session_state.pop(TOKEN, None)
            st.query_params.pop("p", None)
        except IkmError:
            pass  # a database hiccup: the live view below says so and tries again
    if not token:
        _join_form(lang)
        return
    st.session_state[TOKEN] = token
    _live(token, lang)


def _join_form(lang: str) -> None:
    st.caption(t("pt_intro", lang))
    reason = st.session_state.pop(MESSAGE, None)
    if reason:
        st.error(_reason_text(reason, lang))
    if CODE not in st.session_state:
        st.session_state[CODE] = (st.query_params.get("join") or "").strip().upper()[:12]
    groups = _groups(st.session_state.get(CODE) or "")
    with st.form("pt-join", border=False):
        st.text_input(t("pt_code", lang), key=CODE, max_chars=12)
        st.text_input(t("pt_name", lang), key=NAME, max_chars=80)
        if groups:
            st.radio(t("pt_group", lang), groups, key=GROUP, index=None)
        st.form_submit_button(t("pt_join", lang), type="primary", on_click=_join, width="stretch")


def _groups(code: str) -> tuple[str, ...]:
    """The groups the workshop with this code offers (none for a code that does not work:
    joining says why)."""
    if normalise_code(code) is None:
        return ()
    try:
        return services_ws.join_groups(code)
    except IkmError:
        return ()


def _reason_text(reason: str, lang: str) -> str:
    """Why a join or vote was refused, in the participant's language."""
    if reason == "pick":
        return t("pt_pick_level", lang)
    if reason == "unavailable":
        return t("pt_unavailable", lang)
    try:
        return t(f"pt_refused_{reason}", lang)
    except KeyError:
        return t("pt_refused_token", lang)


def _join() -> None:
    try:
        joined = services_ws.join_workshop(
            st.session_state.get(CODE) or "",
            st.session_state.get(NAME) or "",
            st.session_state.get(GROUP),
        )
    except JoinRefused as exc:
        st.session_state[MESSAGE] = exc.reason
        return
    except IkmError:
        st.session_state[MESSAGE] = "unavailable"
        return
    st.session_state[TOKEN] = joined.token
    st.query_params["join"] = (st.session_state.get(CODE) or "").strip().upper()
    st.query_params["p"] = joined.token


@st.fragment(run_every=3)
def _live(token: str, lang: str) -> None:
    """The criterion on screen and the vote; follows the consultant every few seconds."""
    try:
        screen = services.participant_screen(token)
    except JoinRefused:
        st.session_state.pop(TOKEN, None)
        st.query_params.pop("p", None)
        st.rerun(scope="app")
    except IkmError:  # the database is busy or gone: say so, and try again on the next tick
        st.warning(t("pt_unavailable", lang), icon=":material/sync_problem:")
        return
    if screen.group:
        st.caption(md(t("pt_hello_group", lang, name=screen.name, group=screen.group)))
    else:
        st.caption(md(t("pt_hello", lang, name=screen.name)))
    if not screen.workshop_open:
        st.success(t("pt_ended", lang), icon=":material/celebration:")
        return
    criterion = screen.criterion
    if criterion is None:
        st.info(t("pt_wait", lang), icon=":material/hourglass_top:")
        return
    st.markdown(f"**{md(criterion.id)} · {md(localise(criterion.title, lang))}**")
    with st.container(key="pt-question"):
        st.markdown(md(localise(criterion.question, lang)))
    feedback = st.session_state.get(FEEDBACK)
    if feedback is not None and feedback[0] != _form_key(screen):  # its form is gone
        del st.session_state[FEEDBACK]
        st.error(_reason_text(feedback[1], lang))
    if not screen.voting_open and screen.round is None:  # no vote opened on it yet
        st.info(t("pt_wait_vote", lang), icon=":material/hourglass_top:")
        return
    if not screen.voting_open:
        if screen.my_vote is not None:
            st.markdown(t("pt_voted_closed", lang, level=screen.my_vote.level))
        if not screen.revealed:
            st.info(t("pt_hidden", lang), icon=":material/visibility_off:")
            return
        st.info(t("pt_revealed", lang), icon=":material/visibility:")
        if screen.ask_reason and screen.my_vote is not None:
            _reason_form(screen, token, lang)
        return
    if screen.anonymous:
        st.caption(t("pt_anonymous", lang))
    _vote_form(screen, token, lang)


def _key(form: str, screen: ParticipantScreen) -> str:
    """The key of the ``form`` ("vote" or "reason") for the criterion and round on screen."""
    assert screen.criterion is not None
    return f"pt-{form}-{screen.criterion.id}-{screen.round}"


def _form_key(screen: ParticipantScreen) -> str | None:
    """The key of the form the participant's screen shows now (vote or reason), if any."""
    if screen.criterion is None or not screen.workshop_open:
        return None
    if screen.voting_open:
        return _key("vote", screen)
    if screen.revealed and screen.ask_reason and screen.my_vote is not None:
        return _key("reason", screen)
    return None


def _feedback(key: str, lang: str) -> None:
    """Under a form's button: why its last try was refused."""
    feedback = st.session_state.get(FEEDBACK)
    if feedback is not None and feedback[0] == key:
        st.error(_reason_text(feedback[1], lang))


def _reason_form(screen: ParticipantScreen, token: str, lang: str) -> None:
    """Asked of a participant whose vote stood out, after the reveal."""
    assert screen.criterion is not None and screen.my_vote is not None
    key = _key("reason", screen)
    with st.form(key, border=True):
        st.markdown(t("pt_why", lang, level=screen.my_vote.level))
        st.text_area(t("pt_reason", lang), key=f"{key}-text", max_chars=1000, height=90)
        st.form_submit_button(
            t("pt_send_reason", lang),
            type="primary",
            on_click=_send_reason,
            args=(token, screen.criterion.id, key),
            width="stretch",
        )
    _feedback(key, lang)


def _send_reason(token: str, cid: str, key: str) -> None:
    st.session_state.pop(FEEDBACK, None)
    try:
        services_ws.give_reason(token, cid, st.session_state.get(f"{key}-text") or "")
    except (VoteRefused, JoinRefused) as exc:
        st.session_state[FEEDBACK] = (key, exc.reason)
    except IkmError:
        st.session_state[FEEDBACK] = (key, "unavailable")


def _vote_form(screen: ParticipantScreen, token: str, lang: str) -> None:
    criterion = screen.criterion
    assert criterion is not None
    key = _key("vote", screen)
    options = [level for level, _ in screen.scale]
    labels = {
        level: _option(level, label, criterion.levels.get(level), lang)
        for level, label in screen.scale
    }
    with st.form(key, border=True), st.container(key="pt-vote"):
        st.radio(
            t("pt_level", lang),
            options,
            index=options.index(screen.my_vote.level) if screen.my_vote else None,
            key=f"{key}-level",
            format_func=lambda level: labels[level],
        )
        st.text_area(
            t("pt_comment", lang),
            value=(screen.my_vote.comment or "") if screen.my_vote else "",  # kept, not lost
            key=f"{key}-comment",
            max_chars=1000,
            height=80,
        )
        st.form_submit_button(
            t("pt_change" if screen.my_vote else "pt_vote", lang),
            type="primary",
            on_click=_cast,
            args=(token, criterion.id, key),
            width="stretch",
        )
    _feedback(key, lang)  # under the button, where a phone's user looks after the tap
    if screen.my_vote is not None:
        st.success(t("pt_voted", lang, level=screen.my_vote.level), icon=":material/check:")


def _option(level: int, label: object, meaning: object, lang: str) -> str:
    text = f"**{md(f'{level} · {localise(label, lang)}')}**"  # type: ignore[arg-type]
    if meaning:
        text += f": {md(' '.join(localise(meaning, lang).split()))}"  # type: ignore[arg-type]
    return text


def _cast(token: str, cid: str, key: str) -> None:
    st.session_state.pop(FEEDBACK, None)
    level = st.session_state.get(f"{key}-level")
    if level is None:
        st.session_state[FEEDBACK] = (key, "pick")
        return
    try:
        services.cast_vote(token, cid, int(level), st.session_state.get(f"{key}-comment"))
    except (VoteRefused, JoinRefused) as exc:
        st.session_state[FEEDBACK] = (key, exc.reason)
    except IkmError:
        st.session_state[FEEDBACK] = (key, "unavailable")


if __name__ == "__main__":  # run as a page by st.navigation
    render()
