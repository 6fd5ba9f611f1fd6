"""Workshops on an assessment: join codes, participants, rounds of voting and every vote.

A part of the store, reached as ``store.workshops`` (one per store, so every page shares its
join throttle). Its tables are in ``tables`` with all the others; it reads and writes through
the store's transactions. The methods live in three modules by who uses them:

- ``workshop_consultant``: start, show a criterion, open and close the vote, the timer,
  record the agreed level (one transaction with the assessment's new version), end;
- ``workshop_participants``: join with the code, the participant's screen, vote;
- ``workshop_results``: the spread of a round, every vote on record, the findings and the
  report's appendix.

One vote per participant per criterion per round counts (the latest), and every vote stays
on record. Every method raises ``StoreError`` (an ``IkmError`` with a message fit for the
user) when it cannot do what was asked.
"""

from __future__ import annotations

from .workshop_consultant import ConsultantMixin
from .workshop_participants import ParticipantMixin
from .workshop_results import ResultsMixin


class Workshops(ConsultantMixin, ParticipantMixin, ResultsMixin):
    """The workshops kept in a :class:`~assessment.store.Store`: use ``store.workshops``."""
