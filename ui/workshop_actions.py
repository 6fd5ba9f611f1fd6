"""What the workshop pages do with the store: the consultant's actions (a failure becomes a
message) and the participant's (the page explains a refusal)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from assessment.errors import IkmError
from assessment.store import (
    ParticipantScreen,
    Participation,
    WorkshopInfo,
)
from assessment.workshop import VoteSummary
from ui import state
from ui.labels import md, t
from ui.store_access import _author, store

T = TypeVar("T")


def _workshop_action(action: Callable[[], T], lang: str) -> T | None:
    """Run a workshop action; a failure becomes a message instead of a traceback."""
    try:
        return action()
    except IkmError as exc:
        state.flash("error", t("ws_failed", lang, problem=md(str(exc))))
        return None


def open_workshop(aid: int) -> WorkshopInfo | None:
    """The open workshop on an assessment whose join code still works, or None."""
    return store().workshops.open_for(aid)


def workshop(workshop_id: int) -> WorkshopInfo:
    return store().workshops.get(workshop_id)


def earlier_workshops(aid: int) -> list[WorkshopInfo]:
    """Every workshop on an assessment, newest first."""
    return store().workshops.list_for(aid)


def participant_names(workshop_id: int) -> list[str]:
    return store().workshops.participant_names(workshop_id)


def vote_summary(workshop_id: int) -> VoteSummary:
    """Who voted what in the round on screen."""
    return store().workshops.summary(workshop_id)


def vote_count(workshop_id: int) -> int:
    return store().workshops.vote_count(workshop_id)


def agreed_level(workshop_id: int, cid: str) -> int | None:
    return store().workshops.agreed(workshop_id, cid)


def start_workshop(
    aid: int, consultant: str | None, lang: str, groups: list[str] | None = None
) -> WorkshopInfo | None:
    return _workshop_action(lambda: store().workshops.start(aid, consultant, groups), lang)


def show_criterion(workshop_id: int, cid: str, lang: str) -> WorkshopInfo | None:
    return _workshop_action(lambda: store().workshops.show(workshop_id, cid), lang)


def open_voting(
    workshop_id: int, seconds: int | None, lang: str, anonymous: bool = False
) -> WorkshopInfo | None:
    return _workshop_action(
        lambda: store().workshops.open_voting(workshop_id, seconds, anonymous), lang
    )


def reveal(workshop_id: int, lang: str) -> VoteSummary | None:
    """Show the votes of the round on screen (closing the vote if it is open)."""
    return _workshop_action(lambda: store().workshops.reveal(workshop_id), lang)


def rounds_of(workshop_id: int, cid: str) -> list[tuple[int, VoteSummary, bool]]:
    """Every round on a criterion in this workshop: number, votes, revealed."""
    return store().workshops.rounds_of(workshop_id, cid)


def close_voting(workshop_id: int, lang: str) -> VoteSummary | None:
    return _workshop_action(lambda: store().workshops.close_voting(workshop_id), lang)


def agree(workshop_id: int, level: int, lang: str) -> int | None:
    """Record the agreed level as the criterion's answer; the new version, or None."""
    return _workshop_action(lambda: store().workshops.agree(workshop_id, level, _author()), lang)


def close_workshop(workshop_id: int, lang: str) -> WorkshopInfo | None:
    return _workshop_action(lambda: store().workshops.close(workshop_id), lang)


# ---- workshops: participants (errors are the page's to explain) --------------------------------


def join_workshop(code: str, name: str, group: str | None = None) -> Participation:
    """Join with a code; ``JoinRefused`` says why not."""
    return store().workshops.join(code, name, group)


def join_groups(code: str) -> tuple[str, ...]:
    """The groups the workshop with this code offers; ``JoinRefused`` for a code that does
    not work."""
    return store().workshops.groups_for(code)


def give_reason(token: str, cid: str, reason: str) -> None:
    """Why the participant's vote stood out; ``VoteRefused`` when none is asked."""
    store().workshops.give_reason(token, cid, reason)


def participant_screen(token: str) -> ParticipantScreen:
    """What the participant with ``token`` may see; ``JoinRefused`` for a bad token."""
    return store().workshops.screen(token)


def cast_vote(token: str, cid: str, level: int, comment: str | None) -> None:
    """Vote (again); ``VoteRefused`` or ``JoinRefused`` says why it did not count."""
    store().workshops.vote(token, cid, level, comment)
