"""Presence in the store: who has an assessment open, expiring after 30 s, behind the access
rules (only members of the organisation see who is there), on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import update

from assessment.store import NoAccess, Principal
from assessment.store import tables as t
from assessment.store.presence import PRESENCE_SECONDS


def _age(store, session_id: str, seconds: float) -> None:
    """Make a session's last heartbeat ``seconds`` old."""
    with store._write() as conn:
        conn.execute(
            update(t.presence)
            .where(t.presence.c.session_id == session_id)
            .values(seen_at=t.utc_now() - timedelta(seconds=seconds))
        )


def test_sessions_see_each_other_but_not_themselves(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    store.heartbeat(aid, "s-anna", "Anna")
    store.heartbeat(aid, "s-bram", "Bram")
    store.heartbeat(aid, "s-bram", "Bram")  # renewed, not doubled
    store.heartbeat(aid, "s-anna-tab2", "Anna")  # one name for two tabs
    assert store.present(aid) == ["Anna", "Bram"]
    assert store.present(aid, besides="s-bram") == ["Anna"]
    assert store.present(aid, besides="s-anna") == ["Anna", "Bram"]
    other = store.create_assessment(new_assessment("Gemeente Ander"))
    assert store.present(other) == []


def test_a_silent_session_drops_out_after_30_seconds_and_leave_is_at_once(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    store.heartbeat(aid, "s-anna", "Anna")
    store.heartbeat(aid, "s-bram", "Bram")
    _age(store, "s-anna", PRESENCE_SECONDS - 5)
    assert store.present(aid) == ["Anna", "Bram"]
    _age(store, "s-anna", PRESENCE_SECONDS + 1)
    assert store.present(aid) == ["Bram"]
    store.heartbeat(aid, "s-carla", "Carla")  # a heartbeat clears the expired rows
    with store._read() as conn:
        sessions = set(conn.execute(t.presence.select()).scalars())
    assert sessions == {aid}  # the first column, for the two live rows
    assert store.present(aid) == ["Bram", "Carla"]
    store.leave(aid, "s-bram")
    assert store.present(aid) == ["Carla"]


def test_presence_goes_with_the_assessment(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    store.heartbeat(aid, "s-anna", "Anna")
    store.delete_assessment(aid)
    with store._read() as conn:
        assert conn.execute(t.presence.select()).all() == []


def test_only_members_see_who_is_there_and_the_name_is_the_identity(store, new_assessment):
    aid = store.create_assessment(new_assessment())
    org = store.get_summary(aid).organisation_id
    store.set_member(org, "rita@example.org", "reviewer", "operator")
    rita = store.as_principal(Principal.identity("rita@example.org", "Rita Revisor"))
    rita.heartbeat(aid, "s-rita", "Typed Name")  # a reviewer is present too, as herself
    assert store.present(aid) == ["Rita Revisor <rita@example.org>"]
    outsider = store.as_principal(Principal.identity("x@elsewhere.example", "X"))
    with pytest.raises(NoAccess):
        outsider.present(aid)
    with pytest.raises(NoAccess):
        outsider.heartbeat(aid, "s-x", "X")
    with pytest.raises(NoAccess):
        store.as_principal(Principal.anonymous()).present(aid)
    assert rita.present(aid, besides="s-rita") == []
