"""Workshop store: rounds, votes on record, agreed level as a response (one transaction),
security, and 15 participants voting at once (SQLite, and PostgreSQL with IKM_TEST_DATABASE_URL)."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
from sqlalchemy import text, update

from assessment.store import JoinRefused, NotFoundError, StoreError, VoteRefused
from assessment.store import tables as tables_module
from assessment.store.tables import workshops
from assessment.store.workshop_participants import JOIN_FAILURES_PER_MINUTE


@pytest.fixture
def setup(store, new_assessment):
    aid = store.create_assessment(
        new_assessment(responses={"OPEN-01": {"level": 1, "note": "keep me"}})
    )
    return store, store.workshops, aid


def test_a_round_of_voting_from_join_to_agreed_response(setup):
    store, ws, aid = setup
    w = ws.start(aid, "Consultant C")
    assert ws.start(aid) == w  # one open workshop per assessment
    ws.show(w.id, "OPEN-01")
    ws.open_voting(w.id, timer_seconds=120)
    assert ws.get(w.id).seconds_left() in (119, 120)
    anna = ws.join(w.code.lower(), " Anna ")
    bo = ws.join(w.code, "Bo")
    cas = ws.join(w.code, "Cas")
    ws.vote(anna.token, "OPEN-01", 4)
    ws.vote(anna.token, "OPEN-01", 1, "  changed my mind ")  # a re-vote replaces the first
    ws.vote(bo.token, "OPEN-01", 3)
    ws.vote(cas.token, "OPEN-01", 3)
    assert ws.screen(anna.token).my_vote.level == 1
    summary = ws.close_voting(w.id)
    assert [(v.participant, v.level, v.comment) for v in summary.votes] == [
        ("Anna", 1, "changed my mind"),
        ("Bo", 3, None),
        ("Cas", 3, None),
    ]
    assert (summary.low, summary.median, summary.high) == (1, 3.0, 3)
    assert summary.needs_discussion
    assert len(ws.all_votes(w.id)) == 4  # the replaced vote stays on record
    with pytest.raises(VoteRefused, match="voting is closed"):
        ws.vote(bo.token, "OPEN-01", 2)

    ws.open_voting(w.id)  # round 2 after discussion
    assert ws.summary(w.id).count == 0
    for p in (anna, bo, cas):
        ws.vote(p.token, "OPEN-01", 2)
    assert not ws.close_voting(w.id).needs_discussion
    assert ws.summary(w.id, "OPEN-01", 1).needs_discussion  # round 1 kept as it was

    version = ws.agree(w.id, 2, "Consultant C")
    current, stored_version = store.get_assessment(aid)
    assert stored_version == version == 2
    assert current.responses["OPEN-01"].level == 2
    assert current.responses["OPEN-01"].note == "keep me"
    assert store.history(aid)[0].author == "Consultant C"
    assert ws.agreed(w.id, "OPEN-01") == 2

    report = ws.findings(aid)
    assert [o.criterion for o in report.outcomes] == ["OPEN-01"]
    assert report.outcomes[0].agreed == 2 and report.outcomes[0].rounds == 2
    assert report.outcomes[0].consensus
    assert report.participants == ("Anna", "Bo", "Cas")


def test_a_participant_sees_only_the_criterion_on_screen(setup):
    _store, ws, aid = setup
    w = ws.start(aid)
    p = ws.join(w.code, "Anna")
    screen = ws.screen(p.token)
    assert screen.criterion is None and not screen.voting_open
    with pytest.raises(VoteRefused, match="voting is closed"):
        ws.vote(p.token, "OPEN-01", 2)
    ws.show(w.id, "OPEN-02")
    ws.open_voting(w.id)
    screen = ws.screen(p.token)
    assert screen.criterion.id == "OPEN-02" and screen.voting_open
    assert [level for level, _ in screen.scale] == [0, 1, 2, 3, 4]
    # nothing of the assessment: no responses, notes, evidence or other criteria
    assert not any(hasattr(screen, name) for name in ("responses", "evidence", "assessment"))
    with pytest.raises(VoteRefused, match="no longer on the screen"):
        ws.vote(p.token, "OPEN-01", 2)  # only the criterion on screen
    with pytest.raises(VoteRefused, match="not on the scale"):
        ws.vote(p.token, "OPEN-02", 9)
    with pytest.raises(VoteRefused, match="whole level"):
        ws.vote(p.token, "OPEN-02", True)  # type: ignore[arg-type]
    with pytest.raises(JoinRefused, match="not in this workshop"):
        ws.vote("forged-token", "OPEN-02", 2)
    ws.show(w.id, "OPEN-03")  # moving on closes the vote
    assert not ws.screen(p.token).voting_open


def test_a_code_works_only_for_its_workshop_and_expires_when_closed(setup, new_assessment):
    store, ws, aid = setup
    other_aid = store.create_assessment(new_assessment("Andere Gemeente"))
    mine, other = ws.start(aid), ws.start(other_aid)
    assert mine.code != other.code
    p = ws.join(mine.code, "Anna")
    assert p.workshop_id == mine.id
    ws.show(other.id, "LEARN-01")
    ws.open_voting(other.id)
    ws.show(mine.id, "OPEN-01")
    with pytest.raises(VoteRefused):  # a participant of one workshop cannot vote in another
        ws.vote(p.token, "LEARN-01", 2)
    assert ws.summary(other.id).count == 0

    ws.open_voting(mine.id)
    ws.close(mine.id)
    with pytest.raises(JoinRefused, match="has ended"):
        ws.join(mine.code, "Late")
    with pytest.raises(VoteRefused, match="has ended"):
        ws.vote(p.token, "OPEN-01", 2)
    screen = ws.screen(p.token)
    assert not screen.workshop_open and screen.criterion is None
    assert ws.open_for(aid) is None
    with pytest.raises(StoreError, match="has been closed"):
        ws.open_voting(mine.id)
    assert ws.start(aid).code not in (mine.code, other.code)  # a new workshop, a new code


def test_an_old_code_expires_by_itself(setup):
    store, ws, aid = setup
    w = ws.start(aid)
    with store._engine.begin() as conn:
        conn.execute(
            update(workshops)
            .where(workshops.c.id == w.id)
            .values(created_at=w.created_at - timedelta(hours=13))
        )
    with pytest.raises(JoinRefused, match="has ended"):
        ws.join(w.code, "Anna")
    assert ws.open_for(aid) is None


def test_wrong_codes_are_refused_and_throttled(sqlite_store, new_assessment):
    ws = sqlite_store.workshops
    w = ws.start(sqlite_store.create_assessment(new_assessment()))
    with pytest.raises(JoinRefused, match="give your name"):
        ws.join(w.code, "   ")
    with pytest.raises(JoinRefused, match="not a join code"):
        ws.join("12345", "Anna")
    wrong = "ZZZZZZ" if w.code != "ZZZZZZ" else "YYYYYY"
    for _ in range(JOIN_FAILURES_PER_MINUTE - 1):
        with pytest.raises(JoinRefused, match="no workshop has this join code"):
            ws.join(wrong, "Guess")
    with pytest.raises(JoinRefused, match="too many wrong join codes"):
        ws.join(w.code, "Anna")  # even the right code waits a minute


def test_bad_requests_are_clear_errors(setup):
    _store, ws, aid = setup
    with pytest.raises(NotFoundError):
        ws.start(9999)
    w = ws.start(aid)
    with pytest.raises(StoreError, match="show a criterion"):
        ws.open_voting(w.id)
    with pytest.raises(NotFoundError, match="NOPE-1"):
        ws.show(w.id, "NOPE-1")
    ws.show(w.id, "OPEN-01")
    with pytest.raises(StoreError, match="not on the scale"):
        ws.agree(w.id, 7)


def test_deleting_the_assessment_deletes_its_workshops(setup):
    store, ws, aid = setup
    w = ws.start(aid)
    ws.show(w.id, "OPEN-01")
    ws.open_voting(w.id)
    ws.vote(ws.join(w.code, "Anna").token, "OPEN-01", 2)
    store.delete_assessment(aid)
    with pytest.raises(NotFoundError):
        ws.get(w.id)
    with store._engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM workshop_votes")).scalar() == 0


def test_fifteen_participants_voting_at_once_lose_no_vote(setup):
    _store, ws, aid = setup
    w = ws.start(aid)
    ws.show(w.id, "HANDLE-01")
    ws.open_voting(w.id)
    people = 15
    barrier = threading.Barrier(people)
    errors: list[BaseException] = []

    def participant(n: int) -> None:
        try:
            barrier.wait(30)
            me = ws.join(w.code, f"Participant {n:02d}")
            ws.screen(me.token)
            ws.vote(me.token, "HANDLE-01", n % 5, f"comment {n}")
            ws.vote(me.token, "HANDLE-01", (n + 1) % 5)  # and change it at once
        except BaseException as exc:  # collected, so a failure shows in the assertion
            errors.append(exc)

    threads = [threading.Thread(target=participant, args=(n,)) for n in range(people)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    summary = ws.close_voting(w.id)
    assert summary.count == people
    assert sorted((v.participant, v.level) for v in summary.votes) == [
        (f"Participant {n:02d}", (n + 1) % 5) for n in range(people)
    ]
    assert len(ws.all_votes(w.id)) == 2 * people
    assert len(ws.participant_names(w.id)) == people


def _refuse_agreed_levels(store) -> None:
    """A trigger that makes recording an agreed level on a round fail in the database."""
    with store._engine.begin() as conn:
        if store.dialect == "sqlite":
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_agreed BEFORE UPDATE OF agreed_level ON workshop_rounds "
                "BEGIN SELECT RAISE(ABORT, 'agreed levels refused'); END"
            )
        else:
            conn.exec_driver_sql(
                "CREATE FUNCTION refuse_agreed() RETURNS trigger AS $$ BEGIN "
                "RAISE EXCEPTION 'agreed levels refused'; END $$ LANGUAGE plpgsql"
            )
            conn.exec_driver_sql(
                "CREATE TRIGGER refuse_agreed BEFORE UPDATE ON workshop_rounds "
                "FOR EACH ROW EXECUTE FUNCTION refuse_agreed()"
            )


def test_agree_is_one_transaction(setup):
    store, ws, aid = setup
    w = ws.start(aid, "Carla")
    ws.show(w.id, "OPEN-01")
    ws.open_voting(w.id)
    ws.vote(ws.join(w.code, "Anna").token, "OPEN-01", 3)
    ws.close_voting(w.id)
    _refuse_agreed_levels(store)
    with pytest.raises(StoreError, match="agreed levels refused"):
        ws.agree(w.id, 3)
    current, version = store.get_assessment(aid)
    assert version == 1  # the response was not saved without the round's record
    assert current.responses["OPEN-01"].level == 1
    assert len(store.history(aid)) == 1
    assert ws.agreed(w.id, "OPEN-01") is None


def test_agree_commits_once_and_redoes_the_change_on_a_newer_version(setup):
    from sqlalchemy import event

    store, ws, aid = setup
    w = ws.start(aid, "Carla")
    ws.show(w.id, "OPEN-01")
    ws.open_voting(w.id)
    ws.close_voting(w.id)
    commits: list[int] = []
    event.listen(store._engine, "commit", lambda conn: commits.append(1))
    original = store._save
    calls: list[int] = []

    def someone_saves_first(conn, assessment_id, *args, **kwargs):
        if not calls:  # another person saves between our read and our write
            calls.append(1)
            with store._engine.begin() as other:
                other.execute(
                    update(tables_module.assessments)
                    .where(tables_module.assessments.c.id == assessment_id)
                    .values(version=5)
                )
        return original(conn, assessment_id, *args, **kwargs)

    if store.dialect == "sqlite":  # SQLite holds the write lock: nobody saves in between
        version = ws.agree(w.id, 2)
        assert commits == [1] and version == 2
        return
    store._save = someone_saves_first
    try:
        version = ws.agree(w.id, 2)
    finally:
        store._save = original
    assert version == 6  # redone on the version saved meanwhile
    assert len(commits) == 2  # the other person's save and ours; the refused try none
    assert store.get_assessment(aid)[0].responses["OPEN-01"].level == 2
    assert ws.agreed(w.id, "OPEN-01") == 2


def test_groups_hidden_votes_reveal_reasons_and_rounds_side_by_side(setup):
    _store, ws, aid = setup
    w = ws.start(aid, "C", groups=[" Frontlinie ", "Management", "frontlinie", ""])
    assert w.groups == ("Frontlinie", "Management")  # cleaned, repeats left out
    assert ws.groups_for(w.code.lower()) == ("Frontlinie", "Management")
    with pytest.raises(JoinRefused) as refused:
        ws.join(w.code, "Anna")  # a workshop with groups: choose one
    assert refused.value.reason == "group"
    with pytest.raises(JoinRefused):
        ws.join(w.code, "Anna", "Directie")
    anna = ws.join(w.code, "Anna", "Frontlinie")
    bo = ws.join(w.code, "Bo", "Management")
    cas = ws.join(w.code, "Cas", "Management")
    ws.show(w.id, "OPEN-01")
    ws.open_voting(w.id)
    for p, level in ((anna, 0), (bo, 3), (cas, 3)):
        ws.vote(p.token, "OPEN-01", level)
    ws.close_voting(w.id)
    info = ws.get(w.id)
    assert not info.revealed  # closed, still hidden from the screen
    assert not ws.screen(anna.token).ask_reason  # nobody is asked before the reveal
    with pytest.raises(VoteRefused, match="no reason is asked"):
        ws.give_reason(anna.token, "OPEN-01", "te vroeg")
    summary = ws.reveal(w.id)
    assert ws.get(w.id).revealed
    assert [(v.participant, v.group) for v in summary.votes] == [
        ("Anna", "Frontlinie"),
        ("Bo", "Management"),
        ("Cas", "Management"),
    ]
    assert ws.screen(anna.token).ask_reason  # 0 against a median of 3: asked why
    assert not ws.screen(bo.token).ask_reason  # voted the median
    with pytest.raises(VoteRefused):
        ws.give_reason(bo.token, "OPEN-01", "ik ook")
    ws.give_reason(anna.token, "OPEN-01", "  Klachten aan de balie worden niet geregistreerd ")
    assert not ws.screen(anna.token).ask_reason  # asked once
    assert ws.summary(w.id).votes[0].reason == "Klachten aan de balie worden niet geregistreerd"

    ws.open_voting(w.id, anonymous=True)  # round 2 after the discussion, anonymous
    assert ws.get(w.id).anonymous and not ws.get(w.id).revealed
    assert ws.screen(anna.token).anonymous
    for p, level in ((anna, 2), (bo, 3), (cas, 3)):
        ws.vote(p.token, "OPEN-01", level)
    second = ws.reveal(w.id)  # closes the vote and reveals at once
    assert not ws.get(w.id).voting_open
    assert second.anonymous and {v.participant for v in second.votes} == {""}
    assert {v.group for v in second.votes} == {"Frontlinie", "Management"}
    kept = ws.rounds_of(w.id, "OPEN-01")
    assert [(n, s.count, shown) for n, s, shown in kept] == [(1, 3, True), (2, 3, True)]
    assert kept[0][1].votes[0].participant == "Anna"  # the first round keeps its names
    assert {v["name"] for v in ws.all_votes(w.id) if v["round"] == 2} == {""}
    found = ws.findings(aid)
    assert found.voters == 3 and found.outcomes[0].earlier[0].low == 0

    with pytest.raises(StoreError, match="not on the scale"):
        ws.agree(w.id, 7, "C")
    assert ws.agree(w.id, 3, "C") == 2


def test_a_workshop_without_groups_joins_without_one(setup):
    _store, ws, aid = setup
    w = ws.start(aid)
    assert w.groups == () and ws.groups_for(w.code) == ()
    assert ws.join(w.code, "Anna", "Frontlinie").name == "Anna"  # no groups: ignored
    with pytest.raises(JoinRefused) as refused:
        ws.groups_for("ZZZZZZ" if w.code != "ZZZZZZ" else "YYYYYY")
    assert refused.value.reason == "unknown"
