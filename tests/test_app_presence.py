"""AppTest of presence: the pages say who else has the assessment open, and the session's
own heartbeat carries the name typed in the sidebar."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from assessment.store import tables as t
from assessment.store.presence import PRESENCE_SECONDS
from tests.apptest_support import app, ok, text


def test_the_page_shows_who_else_has_the_assessment_open(db):
    aid = db.ensure_demo()
    db.heartbeat(aid, "s-anna", "Anna Collega")
    db.heartbeat(aid, "s-rita", "Rita Revisor <rita@example.org>")
    at = app(a=str(aid), c="OPEN-01")
    at.session_state["author"] = "Bram"
    ok(at.switch_page("ui/assess.py").run())
    assert "Ook open bij: Anna Collega, Rita Revisor" in text(at)
    assert "rita@example.org" not in text(at)
    assert db.present(aid, besides="s-anna") == ["Bram", "Rita Revisor <rita@example.org>"]
    ok(at.switch_page("ui/plan.py").run())  # on every page of the assessment
    assert "Ook open bij: Anna Collega, Rita Revisor" in text(at)


def test_nobody_else_and_expired_sessions_are_not_shown(db):
    aid = db.ensure_demo()
    db.heartbeat(aid, "s-anna", "Anna Collega")
    with db._write() as conn:
        conn.execute(
            update(t.presence).values(seen_at=t.utc_now() - timedelta(seconds=PRESENCE_SECONDS + 1))
        )
    at = ok(app(a=str(aid), c="OPEN-01").switch_page("ui/assess.py").run())
    assert "Ook open bij" not in text(at)
    at.session_state["lang"] = "en"
    db.heartbeat(aid, "s-carla", None)
    ok(at.run())
    assert "Also open by: someone without a name" in text(at)
