"""``ikm score`` after the 2026-12-03 contract change: --today, completeness, forecast,
planned and overdue in the JSON, and the readable table (in-process, with CliRunner)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from assessment.cli import main
from tests.helpers import DATA

ARGS = ["score", str(DATA / "method-assessment.json"), "--criteria", str(DATA / "method.yaml")]


def run(*extra: str):
    # a wide terminal, so that Rich does not cut the table's cells
    return CliRunner(env={"COLUMNS": "220"}).invoke(main, [*ARGS, *extra], catch_exceptions=False)


def test_json_has_completeness_forecast_planned_and_overdue():
    out = run("--json", "--today", "2026-12-19")
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    assert data["completeness"] == {"answered": 3, "applicable": 4, "to_confirm": 0}
    assert data["today"] == "2026-12-19"
    points = {p["criterion"]: p for p in data["improvement_points"]}
    # B-2: open, deadline Fri 18 Dec -> overdue on the 19th; no owner -> not planned
    assert (points["B-2"]["overdue"], points["B-2"]["planned"], points["B-2"]["owner"]) == (
        True,
        False,
        None,
    )
    # B-1: owned but at risk -> not planned; its own deadline 8 Jan is not yet overdue
    assert (points["B-1"]["overdue"], points["B-1"]["planned"]) == (False, False)
    forecast = data["forecast"]
    assert forecast["planned"] == [] and forecast["unplanned"] == ["B-2", "B-1"]
    assert forecast["verdict"] == "conditional"
    assert forecast["overall"]["readiness"] == data["overall"]["readiness"]
    assert [p["id"] for p in forecast["pillars"]] == ["p1", "p2", "p3"]


def test_the_boundary_day_is_not_overdue():
    data = json.loads(run("--json", "--today", "2026-12-18").stdout)
    assert [p["overdue"] for p in data["improvement_points"]] == [False, False]


def test_forecast_is_null_without_an_audit_date(tmp_path):
    raw = json.loads((DATA / "method-assessment.json").read_text())
    raw["audit_date"] = None
    path = tmp_path / "a.json"
    path.write_text(json.dumps(raw))
    out = CliRunner().invoke(
        main, ["score", str(path), "--criteria", str(DATA / "method.yaml"), "--json"]
    )
    assert json.loads(out.stdout)["forecast"] is None


def test_a_wrong_today_is_a_usage_error():
    out = CliRunner().invoke(main, [*ARGS, "--today", "2026-13-01"])
    assert out.exit_code == 2
    assert "--today" in out.output and "Traceback" not in out.output


def test_the_table_shows_completeness_forecast_and_flags():
    out = run("--today", "2026-12-19")
    assert out.exit_code == 0, out.output
    text = out.stdout
    assert "3 van 4 criteria beantwoord" in text
    assert "Gereed als " in text
    assert "op de auditdag, als elk gepland punt op tijd klaar is" in text
    assert "Niet gepland, dus niet meegeteld" in text
    assert "VERLOPEN" in text and "RISICO" in text
    assert "5 × 4 = 20" in text  # effort x gap of B-2: the work behind its proposed deadline


def test_user_text_is_never_read_as_markup(tmp_path):
    raw = json.loads((DATA / "method-assessment.json").read_text())
    raw["organisation"]["name"] = "Gemeente [/x] [bold red]Test[/bold red]"
    raw["actions"]["B-1"]["owner"] = "[link=https://evil.example]Team[/link]"
    path = tmp_path / "a.json"
    path.write_text(json.dumps(raw))
    out = CliRunner(env={"COLUMNS": "220"}).invoke(
        main, ["score", str(path), "--criteria", str(DATA / "method.yaml")]
    )
    assert out.exit_code == 0, out.output
    assert "Gemeente [/x] [bold red]Test[/bold red]" in out.stdout
    assert "[link=https://evil.example]Team[/link]" in out.stdout


def test_the_table_names_planned_points_past_their_deadline(tmp_path):
    data = json.loads((DATA / "method-assessment.json").read_text(encoding="utf-8"))
    data["actions"]["B-2"] = {"owner": "Team KCC"}  # planned; its deadline is 18 December
    path = tmp_path / "planned.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    args = ["score", str(path), "--criteria", str(DATA / "method.yaml")]
    late = CliRunner(env={"COLUMNS": "220"}).invoke(main, [*args, "--today", "2026-12-21"])
    assert late.exit_code == 0, late.output
    assert "Meegeteld, maar al over de deadline: 1 punt (B-2)." in late.stdout
    on_time = CliRunner(env={"COLUMNS": "220"}).invoke(main, [*args, "--today", "2026-12-01"])
    assert "over de deadline" not in on_time.stdout
