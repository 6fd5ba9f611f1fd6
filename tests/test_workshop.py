"""Workshop domain: join codes, the spread of a vote, and the findings for the report."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from assessment.workshop import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CODE_LIFETIME,
    RoundRecord,
    Vote,
    WorkshopSession,
    clean_comment,
    clean_name,
    code_expires_at,
    code_is_valid,
    findings,
    format_level,
    new_join_code,
    normalise_code,
    summarise_votes,
)
from assessment.workshop_groupthink import proposal

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_join_codes_are_short_unambiguous_and_random():
    codes = {new_join_code() for _ in range(2000)}
    # 2,000 draws from 32**6 codes repeat one about once in 540 runs (the birthday bound), so
    # a repeat or two is chance; three or more happen about once in a billion runs without a
    # fault. A generator that is not random repeats far more (a constant one: 1,999 times).
    assert len(codes) >= 1998
    for code in codes:
        assert len(code) == CODE_LENGTH == 6
        assert not set(code) & set("0O1I")
        assert set(code) <= set(CODE_ALPHABET)
    used = set("".join(codes))
    assert used == set(CODE_ALPHABET)  # every character is drawn


def test_typed_codes_are_normalised_and_bad_ones_refused():
    assert normalise_code(" abc-def ") == "ABCDEF"
    assert normalise_code("ab cd ef") == "ABCDEF"
    assert normalise_code("ABCDE") is None  # too short
    assert normalise_code("ABCDEFG") is None  # too long
    assert normalise_code("ABCDE0") is None  # 0 is never used
    assert normalise_code("ABCDEI") is None
    assert normalise_code("' OR 1") is None
    assert normalise_code("") is None and normalise_code(None) is None


def test_code_expires_when_closed_or_too_old():
    assert code_is_valid(T0, None, T0 + timedelta(hours=2))
    assert not code_is_valid(T0, T0 + timedelta(hours=1), T0 + timedelta(minutes=61))
    assert not code_is_valid(T0, T0 + timedelta(hours=1), T0 + timedelta(minutes=30))
    assert not code_is_valid(T0, None, T0 + CODE_LIFETIME)
    assert code_expires_at(T0, None) == T0 + CODE_LIFETIME
    assert code_expires_at(T0, T0 + timedelta(hours=1)) == T0 + timedelta(hours=1)


def test_names_and_comments_are_cleaned():
    assert clean_name("  Anna   de  Vries ") == "Anna de Vries"
    assert clean_name("   ") is None
    assert len(clean_name("x" * 500) or "") == 80
    assert clean_comment("  ok  ") == "ok"
    assert clean_comment("") is None


def test_summary_says_who_voted_what_and_the_spread():
    votes = [Vote("Piet", 3), Vote("anna", 1, "no registration yet"), Vote("Bo", 2), Vote("Cas", 3)]
    s = summarise_votes("OPEN-01", votes)
    assert [v.participant for v in s.votes] == ["anna", "Bo", "Cas", "Piet"]
    assert (s.low, s.median, s.high, s.spread, s.count) == (1, 2.5, 3, 2, 4)
    assert s.needs_discussion
    assert s.counts(range(5)) == {0: 0, 1: 1, 2: 1, 3: 2, 4: 0}
    assert s.voters(3) == ["Cas", "Piet"]
    assert format_level(s.median) == "2.5" and format_level(3.0) == "3"
    assert format_level(s.median, "nl") == "2,5" and format_level(None, "nl") == ""
    assert proposal(s, range(5)) == 2  # a median of 2.5 proposes the lower level


def test_a_spread_of_one_needs_no_discussion_and_no_votes_nothing():
    s = summarise_votes("OPEN-01", [Vote("A", 2), Vote("B", 3), Vote("C", 3)])
    assert (s.low, s.median, s.high, s.spread) == (2, 3.0, 3, 1)
    assert not s.needs_discussion
    empty = summarise_votes("OPEN-01", [])
    assert empty.count == 0 and empty.median is None and not empty.needs_discussion
    assert proposal(s, range(5)) == 3 and proposal(empty, range(5)) is None


def test_findings_take_the_last_round_and_the_agreed_level_in_pack_order():
    rounds = [
        RoundRecord("LEARN-01", 1, (Vote("A", 0), Vote("B", 4)), None, T0),
        RoundRecord("OPEN-01", 1, (Vote("A", 1), Vote("B", 4)), None, T0),
        RoundRecord("OPEN-01", 2, (Vote("A", 3), Vote("B", 3)), 3, T0 + timedelta(minutes=9)),
        RoundRecord("OPEN-01", 3, (), None, T0 + timedelta(minutes=12)),  # opened, no votes
        RoundRecord("OPEN-02", 1, (), None, T0),  # never voted: left out
    ]
    result = findings(rounds, ["OPEN-01", "OPEN-02", "LEARN-01"], [WorkshopSession(T0, None, "C")])
    assert [o.criterion for o in result.outcomes] == ["OPEN-01", "LEARN-01"]
    open_01, learn_01 = result.outcomes
    assert open_01.rounds == 2 and open_01.agreed == 3 and open_01.consensus
    assert open_01.summary.spread == 0
    assert learn_01.summary.needs_discussion and learn_01.agreed is None
    assert [o.criterion for o in result.divided] == ["LEARN-01"]
    assert [o.criterion for o in result.consensual] == ["OPEN-01"]
    assert result.participants == ("A", "B")
    assert result.vote_count == 4
    assert result and not findings([], [])


def test_code_alphabet_has_no_lookalikes():
    assert re.fullmatch(r"[A-Z2-9]+", CODE_ALPHABET)
    assert len(set(CODE_ALPHABET)) == len(CODE_ALPHABET) == 32


def test_appendix_names_the_divided_criteria_as_a_finding():
    from assessment.workshop import workshop_appendix

    rounds = [
        RoundRecord("OPEN-01", 1, (Vote("Anna", 1, "geen registratie"), Vote("Bo", 3)), 2, T0),
        RoundRecord("LEARN.2", 1, (Vote("Anna", 2), Vote("Bo", 2)), 2, T0),
    ]
    result = findings(rounds, ["OPEN-01", "LEARN.2"], [WorkshopSession(T0, None, "Carla")])
    nl = workshop_appendix(result, {"OPEN-01": "Kanalen"}, "nl")
    assert nl is not None and nl.divided
    assert "Bij 1 criterium liepen de stemmen 2 niveaus of meer uiteen: OPEN-01" in nl.finding
    assert "2026-11-23, begeleid door Carla" in nl.intro
    assert "in 1 workshop met het team" in nl.intro
    assert "Uitgebrachte stemmen: 4, door 2 deelnemers, over 2 criteria." in nl.intro
    first, second = nl.rows
    assert (first.anchor, first.title, first.distribution) == (
        "c-OPEN-01",
        "Kanalen",
        "1: 1 · 3: 1",
    )
    assert (first.low, first.median, first.high, first.spread, first.agreed) == (
        "1",
        "2",
        "3",
        "2",
        "2",
    )
    assert first.who == "Anna 1 · Bo 3" and first.comments == ("Anna (1): geen registratie",)
    assert second.anchor == "c-LEARN_2" and not second.divided
    assert nl.consensus == "Eensgezind (iedereen hetzelfde niveau): 1 criterium."
    en = workshop_appendix(result, {"OPEN-01": "Channels"}, "en")
    assert "Votes cast: 4, by 2 participants, on 2 criteria." in en.intro
    assert en.consensus == "Unanimous (everyone the same level): 1 criterion."
    half = workshop_appendix(findings([RoundRecord("X", 1, (Vote("A", 2), Vote("B", 3)))], []), {})
    assert half is not None and half.rows[0].median == "2,5"
    en = workshop_appendix(result, {}, "en")
    assert en is not None and en.t["title"].startswith("Appendix: workshop")
    assert workshop_appendix(findings([], []), {}, "nl") is None


def test_appendix_keeps_earlier_rounds_groups_reasons_and_anonymous_rounds():
    from assessment.workshop import workshop_appendix

    rounds = [
        RoundRecord(
            "OPEN-01",
            1,
            (Vote("Anna", 0, group="Frontlinie"), Vote("Bo", 4, group="Management")),
            None,
            T0,
        ),
        RoundRecord(
            "OPEN-01",
            2,
            (
                Vote("Anna", 1, group="Frontlinie", reason="klachten blijven liggen"),
                Vote("Cas", 1, group="Frontlinie"),
                Vote("Bo", 3, group="Management"),
            ),
            1,
            T0 + timedelta(minutes=5),
        ),
        RoundRecord("LEARN-01", 1, (Vote("", 2, "prima"), Vote("", 3)), 2, T0, anonymous=True),
    ]
    nl = workshop_appendix(findings(rounds, ["OPEN-01", "LEARN-01"]), {}, "nl")
    assert nl is not None
    first, second = nl.rows
    assert first.earlier == "ronde 1: 0–4, mediaan 2"  # the first round kept beside the last
    assert first.groups == "Frontlinie mediaan 1 (2) · Management mediaan 3 (1)"
    assert first.groups_differ
    assert first.comments == ("Anna (1): reden: klachten blijven liggen",)
    assert nl.groups_finding.startswith("Bij 1 criterium lagen de medianen van de groepen 1 niveau")
    assert "OPEN-01 (Frontlinie mediaan 1 (2) · Management mediaan 3 (1))" in nl.groups_finding
    assert second.who == "anoniem: 2 · 3" and second.comments == ("anoniem (2): prima",)
    assert not second.groups and not second.earlier
    assert "3 deelnemers" in nl.intro  # by name: anonymous voters are not among them
    counted = workshop_appendix(findings(rounds, [], voters=5), {}, "nl")
    assert counted is not None and "5 deelnemers" in counted.intro  # as the store counted


def test_snapping_outliers_and_group_split():
    from assessment.workshop_groupthink import group_split, is_outlier, outliers, snap_to_scale

    assert snap_to_scale(2.5, range(5)) == 2  # halfway: the lower level
    assert snap_to_scale(2.6, range(5)) == 3
    assert snap_to_scale(7, range(5)) == 4 and snap_to_scale(1.5, [0, 2, 4]) == 2
    assert snap_to_scale(None, range(5)) is None and snap_to_scale(2, []) is None
    s = summarise_votes("C", [Vote("A", 1), Vote("B", 3), Vote("C", 3)])
    assert [v.participant for v in outliers(s)] == ["A"]  # 3 is the median: not an outlier
    wide = summarise_votes("C", [Vote("A", 0), Vote("B", 2), Vote("C", 4)])
    assert [v.participant for v in outliers(wide)] == ["A", "C"]
    close = summarise_votes("C", [Vote("A", 2), Vote("B", 3)])
    assert outliers(close) == () and not is_outlier(2, close)  # no discussion, no outliers
    split = group_split(
        summarise_votes(
            "C", [Vote("A", 1, group="Staf"), Vote("B", 3, group="Management"), Vote("C", 2)]
        ),
        order=["Management", "Staf"],
    )
    assert split is not None and [g.group for g in split.groups] == ["Management", "Staf"]
    assert split.gap == 2 and split.differ and split.lowest.group == "Staf"
    one = summarise_votes("C", [Vote("A", 1, group="Staf"), Vote("B", 4, group="Staf")])
    assert group_split(one) is None  # one group: nothing to compare
