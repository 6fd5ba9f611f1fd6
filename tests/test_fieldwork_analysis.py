"""The register's figures: skipped rows, terms in working and calendar days, groups."""

from __future__ import annotations

from datetime import date

import pytest

from assessment.fieldwork.analysis import (
    analyse,
    month_keys,
    parse_day,
    source_text,
    terms_for,
)
from assessment.fieldwork.reading import parse_register
from assessment.packs import load_pack
from tests.fieldwork_registers import MESSY, MESSY_EXPECTED, TODAY, to_csv
from tests.helpers import DATA


def run(rows, **terms):
    register = parse_register(to_csv(rows), "r.csv")
    return analyse(register, terms_for(None, **terms), TODAY).to_json()


def test_the_messy_register_by_hand():
    data = run(MESSY, ack_days=5, decide_days=42)
    for key, value in MESSY_EXPECTED.items():
        assert data[key] == value, key


def test_groups_by_month_channel_department_and_outcome():
    data = run(MESSY, ack_days=5, decide_days=42)
    assert list(data["by_month"]) == ["2026-01", "2026-02"]
    assert data["by_month"]["2026-01"] == {
        "complaints": 3,
        "acknowledged_on_time": {"count": 1, "of": 3},
        "decided_on_time": {"count": 1, "of": 2},
        "open": 1,
        "open_overdue": 1,
    }
    assert data["by_department"]["Burgerzaken"]["complaints"] == 3
    assert list(data["by_department"]) == ["Burgerzaken", "Belastingen", "Cliëntzaken"]
    assert data["by_channel"]["=1+1"]["complaints"] == 1  # formula-like text stays data
    assert data["by_outcome"] == {"": 3, "gegrond": 2, "ongegrond": 1}


def header(*extra):
    return ["id", "received", "acknowledged", "decided", *extra]


def test_acknowledgement_counts_working_days_over_the_weekend():
    # received Friday 2026-01-09: 5 working days later is Friday 2026-01-16
    rows = [header(), ["1", "2026-01-09", "2026-01-16", ""], ["2", "2026-01-09", "2026-01-19", ""]]
    data = run(rows, ack_days=5)
    assert data["acknowledged_on_time"] == {"count": 1, "of": 2}
    assert data["decided_on_time"] is None and data["open_overdue"] is None


def test_decision_in_calendar_or_working_days():
    # received Monday 2026-01-05; 10 calendar days: Jan 15; 10 working days: Jan 19
    rows = [header(), ["1", "2026-01-05", "", "2026-01-15"], ["2", "2026-01-05", "", "2026-01-19"]]
    assert run(rows, decide_days=10)["decided_on_time"] == {"count": 1, "of": 2}
    working = run(rows, decide_days=10, decide_unit="working")
    assert working["decided_on_time"] == {"count": 2, "of": 2}
    assert working["terms"] == {
        "ack_days": None,
        "decide_days": 10,
        "decide_unit": "working",
        "source": "options",
    }


def test_open_overdue_only_after_the_deadline():
    rows = [header(), ["1", "2026-01-05", "", ""]]
    register = parse_register(to_csv(rows), "r.csv")
    terms = terms_for(None, decide_days=42)  # deadline 2026-02-16
    assert analyse(register, terms, date(2026, 2, 16)).to_json()["open_overdue"] == 0
    assert analyse(register, terms, date(2026, 2, 17)).to_json()["open_overdue"] == 1


def test_terms_come_from_the_pack_and_options_override():
    pack = load_pack(DATA / "fieldwork.yaml")
    terms = terms_for(pack)
    assert (terms.ack_days, terms.decide_days, terms.source) == (5, 42, "pack fieldwork-test")
    terms = terms_for(pack, decide_days=30)
    assert (terms.ack_days, terms.decide_days) == (5, 30)
    assert terms.source == "pack fieldwork-test + options"  # as kept; a reader sees:
    assert source_text(terms.source, "nl") == "criteriaset fieldwork-test + opgegeven termijnen"
    assert source_text(terms.source, "en") == "pack fieldwork-test + terms given"
    assert source_text("", "nl") == "" and source_text("elsewhere", "nl") == "elsewhere"
    none = terms_for(load_pack(DATA / "mini.yaml"))
    assert (none.ack_days, none.decide_days, none.source) == (None, None, "")


def test_dates_before_receipt_are_warned_about_but_counted():
    rows = [header(), ["1", "2026-01-05", "2026-01-02", "2026-01-04"]]
    data = run(rows, ack_days=5, decide_days=42)
    assert [w["code"] for w in data["warnings"]] == [
        "acknowledged_before_received",
        "decided_before_received",
    ]
    assert data["decided_on_time"] == {"count": 1, "of": 1}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-01-05", date(2026, 1, 5)),
        ("2026-1-5", date(2026, 1, 5)),
        ("05-01-2026", date(2026, 1, 5)),
        ("5-1-2026", date(2026, 1, 5)),
        ("2026-01-05 14:30", date(2026, 1, 5)),
        ("2026-01-05T14:30:00", date(2026, 1, 5)),
        ("29-02-2024", date(2024, 2, 29)),
        ("29-02-2026", None),
        ("2026-02-30", None),
        ("01/05/2026", None),
        ("=TODAY()", None),
        ("", None),
        (None, None),
        (date(2026, 1, 5), date(2026, 1, 5)),
    ],
)
def test_parse_day(text, day):
    assert parse_day(text) == day


def test_month_keys_fill_the_gaps():
    assert month_keys([date(2025, 11, 3), date(2026, 2, 1)]) == [
        "2025-11",
        "2025-12",
        "2026-01",
        "2026-02",
    ]
    assert month_keys([]) == []


def test_reasons_in_both_languages():
    from assessment.fieldwork.analysis import REASONS, reason_text

    assert all(set(words) == {"nl", "en"} for words in REASONS.values())
    assert reason_text("duplicate_id", "2", "nl") == "zaaknummer komt al voor op regel 2"
    assert reason_text("bad_received", "31-02-2026", "en") == (
        "received date '31-02-2026' is not a valid date"
    )
