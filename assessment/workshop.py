"""Workshop mode, the pure part: join codes, the spread of a vote, and findings for the report.

A consultant runs the self-assessment with the client's team: one criterion at a time on the
projector, every participant votes a level from their own phone. This module knows nothing
of databases or Streamlit; ``assessment.store.workshops`` keeps the votes and ``ui/`` shows
them.

Rules kept here:

- A join code is :data:`CODE_LENGTH` characters from :data:`CODE_ALPHABET` (capitals and
  digits without the look-alikes 0/O and 1/I), drawn with :mod:`secrets`. It works while
  its workshop is open and for at most :data:`CODE_LIFETIME` after the workshop started.
- A vote's spread is its highest level minus its lowest. A spread of
  :data:`DISCUSSION_SPREAD` levels or more marks the criterion for discussion: the people in
  the room see the organisation differently, and that is itself a finding.
"""

from __future__ import annotations

import secrets
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from .formats import number
from .i18n import counted, in_language

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, no 1/I
CODE_LENGTH = 6
CODE_LIFETIME = timedelta(hours=12)
DISCUSSION_SPREAD = 2
GROUP_GAP = 1  # levels between two groups' medians that make a finding (workshop_groupthink)
MAX_NAME = 80
MAX_COMMENT = 1000


# ---- join codes ------------------------------------------------------------------------------


def new_join_code() -> str:
    """A fresh join code: :data:`CODE_LENGTH` characters, cryptographically random."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str | None) -> str | None:
    """The join code a person typed or scanned, in canonical form; None when it cannot be one.

    Case, spaces and dashes do not matter (``abc-def`` is ``ABCDEF``); any character outside
    :data:`CODE_ALPHABET` makes it invalid.
    """
    if not text:
        return None
    cleaned = "".join(ch for ch in text.strip().upper() if ch not in " -")
    if len(cleaned) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in cleaned):
        return None
    return cleaned


def code_expires_at(started_at: datetime, closed_at: datetime | None) -> datetime:
    """When the join code of a workshop started at ``started_at`` stops working."""
    latest = started_at + CODE_LIFETIME
    return min(latest, closed_at) if closed_at is not None else latest


def code_is_valid(started_at: datetime, closed_at: datetime | None, now: datetime) -> bool:
    """Whether a workshop's join code still works at ``now`` (open and not too old)."""
    return closed_at is None and now < code_expires_at(started_at, None)


def clean_name(text: str | None) -> str | None:
    """A participant's name as it will be shown: trimmed, inner space collapsed, at most
    :data:`MAX_NAME` characters; None when empty."""
    cleaned = " ".join((text or "").split())[:MAX_NAME]
    return cleaned or None


def clean_comment(text: str | None) -> str | None:
    """A vote's comment, trimmed to :data:`MAX_COMMENT` characters; None when empty."""
    cleaned = (text or "").strip()[:MAX_COMMENT]
    return cleaned or None


# ---- a vote and its spread -------------------------------------------------------------------


@dataclass(frozen=True)
class Vote:
    """One participant's vote on one criterion in one round."""

    participant: str  # the name the participant gave; "" in an anonymous round
    level: int
    comment: str | None = None
    group: str | None = None  # the group chosen on joining (front line, management, ...)
    reason: str | None = None  # why, asked after the reveal when the vote stood out


@dataclass(frozen=True)
class VoteSummary:
    """The outcome of one round of voting on a criterion.

    ``votes`` are ordered by level, then name. With no votes, ``low``, ``median``, ``high``
    and ``spread`` are None and nothing needs discussion. In an ``anonymous`` round the store
    gives no names (every ``participant`` is "").
    """

    criterion: str
    votes: tuple[Vote, ...]
    low: int | None
    median: float | None
    high: int | None
    spread: int | None
    needs_discussion: bool
    anonymous: bool = False

    @property
    def count(self) -> int:
        return len(self.votes)

    def counts(self, levels: Iterable[int]) -> dict[int, int]:
        """How many votes each of ``levels`` got (0 for a level nobody chose)."""
        tally = dict.fromkeys(levels, 0)
        for vote in self.votes:
            tally[vote.level] = tally.get(vote.level, 0) + 1
        return tally

    def voters(self, level: int) -> list[str]:
        """The names of those who voted ``level``."""
        return [v.participant for v in self.votes if v.level == level]


def summarise_votes(criterion: str, votes: Iterable[Vote], anonymous: bool = False) -> VoteSummary:
    """Who voted what, the lowest, median and highest level, the spread, and whether the
    criterion needs discussion (spread >= :data:`DISCUSSION_SPREAD`). The level to propose
    as agreed is ``workshop_groupthink.proposal``."""
    ordered = tuple(sorted(votes, key=lambda v: (v.level, v.participant.casefold())))
    if not ordered:
        return VoteSummary(criterion, (), None, None, None, None, False, anonymous)
    levels = [v.level for v in ordered]
    low, high = min(levels), max(levels)
    spread = high - low
    return VoteSummary(
        criterion=criterion,
        votes=ordered,
        low=low,
        median=float(statistics.median(levels)),
        high=high,
        spread=spread,
        needs_discussion=spread >= DISCUSSION_SPREAD,
        anonymous=anonymous,
    )


def format_level(value: float | None, lang: str | None = "en") -> str:
    """A median or level for display: ``2``, ``2,5`` (``2.5`` in English); an empty string
    for None."""
    if value is None:
        return ""
    return number(value, lang)


# ---- findings for the report ----------------------------------------------------------------


@dataclass(frozen=True)
class CriterionOutcome:
    """What the workshop concluded on one criterion: the last round's votes and the level the
    group agreed (None when the consultant recorded none)."""

    criterion: str
    summary: VoteSummary
    rounds: int  # how many rounds of voting the criterion had
    agreed: int | None
    earlier: tuple[VoteSummary, ...] = ()  # the rounds before the last, oldest first

    @property
    def consensus(self) -> bool:
        """Everybody voted the same level."""
        return self.summary.count > 0 and self.summary.spread == 0


@dataclass(frozen=True)
class WorkshopFindings:
    """The workshop appendix of the report: consensus and spread per criterion.

    ``outcomes`` follow the order of the pack. ``divided`` are the criteria whose last round
    still had a spread of :data:`DISCUSSION_SPREAD` or more: the organisation is seen
    differently from within, which the report names as a finding of its own.
    """

    sessions: tuple[WorkshopSession, ...]
    outcomes: tuple[CriterionOutcome, ...]
    voters: int | None = None  # how many people voted, counted by the store (names or not)

    @property
    def divided(self) -> tuple[CriterionOutcome, ...]:
        return tuple(o for o in self.outcomes if o.summary.needs_discussion)

    @property
    def consensual(self) -> tuple[CriterionOutcome, ...]:
        return tuple(o for o in self.outcomes if o.consensus)

    @property
    def participants(self) -> tuple[str, ...]:
        """Everybody who voted at least once, in order of name."""
        names = {v.participant for o in self.outcomes for v in o.summary.votes}
        return tuple(sorted(names - {""}, key=str.casefold))

    @property
    def vote_count(self) -> int:
        return sum(o.summary.count for o in self.outcomes)

    def __bool__(self) -> bool:
        return bool(self.outcomes)


@dataclass(frozen=True)
class WorkshopSession:
    """One workshop on the assessment: when it ran and who led it."""

    started_at: datetime
    closed_at: datetime | None
    consultant: str | None


@dataclass(frozen=True)
class RoundRecord:
    """One round of voting as the store keeps it (input of :func:`findings`)."""

    criterion: str
    round: int
    votes: tuple[Vote, ...]
    agreed: int | None = None
    started_at: datetime | None = None
    anonymous: bool = False


def findings(
    rounds: Iterable[RoundRecord],
    criteria_order: Sequence[str],
    sessions: Iterable[WorkshopSession] = (),
    voters: int | None = None,
) -> WorkshopFindings:
    """Consensus and spread per criterion over all workshops of an assessment.

    Per criterion the last round that had votes counts (earlier rounds were discussed and
    voted again); the agreed level is the last one the consultant recorded. Criteria that
    never got a vote are left out; criteria unknown to ``criteria_order`` come last.
    """
    by_criterion: dict[str, list[RoundRecord]] = {}
    for record in rounds:
        by_criterion.setdefault(record.criterion, []).append(record)
    position = {cid: i for i, cid in enumerate(criteria_order)}
    outcomes = []
    for cid in sorted(by_criterion, key=lambda c: (position.get(c, len(position)), c)):
        records = sorted(by_criterion[cid], key=_round_order)
        voted = [r for r in records if r.votes]
        if not voted:
            continue
        agreed = next((r.agreed for r in reversed(records) if r.agreed is not None), None)
        outcomes.append(
            CriterionOutcome(
                criterion=cid,
                summary=summarise_votes(cid, voted[-1].votes, voted[-1].anonymous),
                rounds=len(voted),
                agreed=agreed,
                earlier=tuple(summarise_votes(cid, r.votes, r.anonymous) for r in voted[:-1]),
            )
        )
    ordered_sessions = tuple(sorted(sessions, key=lambda s: s.started_at))
    return WorkshopFindings(sessions=ordered_sessions, outcomes=tuple(outcomes), voters=voters)


def _round_order(record: RoundRecord) -> tuple[float, int]:
    started = record.started_at
    return (started.timestamp() if started is not None else 0.0, record.round)


# ---- the report's appendix ----------------------------------------------------------------------

APPENDIX_WORDS = {
    "title": {
        "nl": "Bijlage: workshop – consensus en spreiding",
        "en": "Appendix: workshop – consensus and spread",
    },
    "toc": {"nl": "Workshop: consensus en spreiding", "en": "Workshop: consensus and spread"},
    "intro": {
        "nl": "De criteria hieronder zijn in {sessions} met het team van de organisatie "
        "besproken ({dates}). Uitgebrachte stemmen: {votes}, door {people}, over {criteria}. "
        "Per criterium telt de laatste stemronde; het afgesproken niveau is door de begeleider "
        "als antwoord vastgelegd.",
        "en": "The criteria below were discussed in {sessions} with the organisation's team "
        "({dates}). Votes cast: {votes}, by {people}, on {criteria}. Per criterion the last "
        "round of voting counts; the agreed level was recorded as the answer by the "
        "facilitator.",
    },
    "led_by": {"nl": "begeleid door {names}", "en": "led by {names}"},
    "divided_head": {"nl": "Bevinding: verdeeld beeld", "en": "Finding: divided views"},
    "divided": {
        "nl": "Bij {n} liepen de stemmen {spread} niveaus of meer uiteen: {ids}. Zo'n "
        "spreiding is een bevinding op zich: medewerkers zien de organisatie op dit punt "
        "verschillend. Bespreek waar het verschil vandaan komt voordat de auditor dat doet.",
        "en": "On {n} the votes were {spread} levels or more apart: {ids}. Such a spread "
        "is a finding of its own: staff see the organisation differently on this point. "
        "Find out where the difference comes from before the auditor does.",
    },
    "united": {
        "nl": "Bij geen enkel criterium liepen de stemmen {spread} niveaus of meer uiteen: het "
        "team ziet de organisatie op de besproken punten in grote lijnen hetzelfde.",
        "en": "On no criterion were the votes {spread} levels or more apart: the team sees the "
        "organisation broadly the same way on the points discussed.",
    },
    "consensus": {
        "nl": "Eensgezind (iedereen hetzelfde niveau): {n}.",
        "en": "Unanimous (everyone the same level): {n}.",
    },
    "criterion": {"nl": "Criterium", "en": "Criterion"},
    "votes": {"nl": "Stemmen per niveau", "en": "Votes per level"},
    "low": {"nl": "Laagste", "en": "Lowest"},
    "median": {"nl": "Mediaan", "en": "Median"},
    "high": {"nl": "Hoogste", "en": "Highest"},
    "range": {"nl": "Laagste / mediaan / hoogste", "en": "Lowest / median / highest"},
    "spread": {"nl": "Spreiding", "en": "Spread"},
    "agreed": {"nl": "Afgesproken", "en": "Agreed"},
    "none": {"nl": "–", "en": "–"},
    "discuss": {"nl": "verdeeld", "en": "divided"},
    "rounds": {"nl": "{n} stemrondes", "en": "{n} rounds"},
    "who": {"nl": "Wie", "en": "Who"},
    "comments": {"nl": "Toelichtingen", "en": "Comments"},
    "anonymous": {"nl": "anoniem", "en": "anonymous"},
    "earlier": {"nl": "Eerder", "en": "Earlier"},
    "round_range": {
        "nl": "ronde {n}: {low}–{high}, mediaan {median}",
        "en": "round {n}: {low}–{high}, median {median}",
    },
    "reason": {"nl": "reden", "en": "reason"},
    "groups": {"nl": "Groepen", "en": "Groups"},
    "group_median": {"nl": "{group} mediaan {median} ({n})", "en": "{group} median {median} ({n})"},
    "groups_head": {
        "nl": "Bevinding: groepen zien het verschillend",
        "en": "Finding: groups see it differently",
    },
    "groups_differ": {
        "nl": "Bij {n} lagen de medianen van de groepen {gap} niveau of meer uiteen: "
        "{items}. Medewerkers in verschillende rollen zien de organisatie hier anders; "
        "zoek uit waar dat verschil vandaan komt.",
        "en": "On {n} the medians of the groups were {gap} level or more apart: "
        "{items}. Staff in different roles see the organisation differently here; find "
        "out where the difference comes from.",
    },
}


@dataclass(frozen=True)
class AppendixRow:
    """One criterion in the report's workshop appendix, as text in the report's language."""

    criterion: str
    anchor: str  # the criterion's section in the report ("c-OPEN-01")
    title: str
    distribution: str  # "1: 1 · 3: 2"
    who: str  # "Anna 1 · Bo 3 · Cas 3"
    low: str
    median: str
    high: str
    spread: str
    agreed: str
    divided: bool
    rounds: str  # "" for one round
    comments: tuple[str, ...]  # "Anna (1): ..."
    earlier: str = ""  # the rounds before the last: "round 1: 0–4, median 2"
    groups: str = ""  # "Front line median 1 (2) · Management median 3 (1)"
    groups_differ: bool = False


@dataclass(frozen=True)
class WorkshopAppendix:
    """What the report's workshop appendix shows (see ``templates/_workshop.html``)."""

    t: dict[str, str]
    intro: str
    finding: str
    divided: bool
    consensus: str
    rows: tuple[AppendixRow, ...]
    groups_finding: str = ""  # "" when no two groups were apart


def workshop_appendix(
    result: WorkshopFindings, titles: dict[str, str], lang: str = "nl"
) -> WorkshopAppendix | None:
    """The appendix in ``lang`` (``titles``: criterion id -> title); None without votes."""
    if not result:
        return None
    t = in_language(APPENDIX_WORDS, lang)
    dates = sorted({s.started_at.date().isoformat() for s in result.sessions})
    leaders = sorted({s.consultant for s in result.sessions if s.consultant}, key=str.casefold)
    when = ", ".join(dates) or t["none"]
    if leaders:
        when += ", " + t["led_by"].format(names=", ".join(leaders))
    people = len(result.participants) if result.voters is None else result.voters
    intro = t["intro"].format(
        sessions=counted(max(1, len(result.sessions)), "workshop", lang),
        dates=when,
        people=counted(people, "participant", lang),
        votes=result.vote_count,
        criteria=counted(len(result.outcomes), "criterion", lang),
    )
    divided = result.divided
    if divided:
        finding = t["divided"].format(
            n=counted(len(divided), "criterion", lang),
            spread=DISCUSSION_SPREAD,
            ids=", ".join(o.criterion for o in divided),
        )
    else:
        finding = t["united"].format(spread=DISCUSSION_SPREAD)
    rows = [_appendix_row(outcome, titles, t, lang) for outcome in result.outcomes]
    split = [row for row in rows if row.groups_differ]
    groups_finding = ""
    if split:
        groups_finding = t["groups_differ"].format(
            n=counted(len(split), "criterion", lang),
            gap=format_level(GROUP_GAP, lang),
            items="; ".join(f"{row.criterion} ({row.groups})" for row in split),
        )
    return WorkshopAppendix(
        t=dict(t),
        intro=intro,
        finding=finding,
        divided=bool(divided),
        consensus=t["consensus"].format(n=counted(len(result.consensual), "criterion", lang)),
        rows=tuple(rows),
        groups_finding=groups_finding,
    )


def _who(vote: Vote, t: dict[str, str]) -> str:
    return vote.participant or t["anonymous"]


def _appendix_row(
    outcome: CriterionOutcome, titles: dict[str, str], t: dict[str, str], lang: str
) -> AppendixRow:
    """One criterion of the appendix: the last round, the rounds before it, the groups."""
    from .workshop_groupthink import group_split  # it builds on this module

    s, cid = outcome.summary, outcome.criterion
    levels = sorted({v.level for v in s.votes})
    comments = []
    for v in s.votes:
        said = [v.comment] if v.comment else []
        said += [f"{t['reason']}: {v.reason}"] if v.reason else []
        if said:
            comments.append(f"{_who(v, t)} ({v.level}): " + " · ".join(said))
    earlier = "; ".join(
        t["round_range"].format(
            n=i + 1, low=r.low, high=r.high, median=format_level(r.median, lang)
        )
        for i, r in enumerate(outcome.earlier)
        if r.count
    )
    split = group_split(s)
    groups = ""
    if split is not None:
        groups = " · ".join(
            t["group_median"].format(group=g.group, median=format_level(g.median, lang), n=g.count)
            for g in split.groups
        )
    return AppendixRow(
        criterion=outcome.criterion,
        anchor="c-" + "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in cid),
        title=titles.get(outcome.criterion, ""),
        distribution=" · ".join(f"{level}: {len(s.voters(level))}" for level in levels),
        who=(
            f"{t['anonymous']}: " + " · ".join(str(v.level) for v in s.votes)
            if s.anonymous
            else " · ".join(f"{v.participant} {v.level}" for v in s.votes)
        ),
        low=format_level(s.low, lang),
        median=format_level(s.median, lang),
        high=format_level(s.high, lang),
        spread=format_level(s.spread, lang),
        agreed=t["none"] if outcome.agreed is None else str(outcome.agreed),
        divided=s.needs_discussion,
        rounds=t["rounds"].format(n=outcome.rounds) if outcome.rounds > 1 else "",
        comments=tuple(comments),
        earlier=earlier,
        groups=groups,
        groups_differ=split is not None and split.differ,
    )
