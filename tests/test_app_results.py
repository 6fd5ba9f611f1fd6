"""The results page says how complete the assessment is and what the forecast counts."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.helpers import ROOT


def results_page(aid: int, lang: str = "nl") -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(a=str(aid), lang=lang)
    at.switch_page("ui/results.py").run()
    assert not at.exception, "\n".join("\n".join(e.stack_trace) for e in at.exception)
    return at


def texts(at: AppTest) -> str:
    """Markdown and captions as a reader sees them (md() escapes are removed)."""
    shown = [m.value for m in at.markdown] + [c.value for c in at.caption]
    return "\n".join(shown).replace("\\", "")


def test_results_show_completeness_condition_and_the_planned_forecast(db):
    at = results_page(db.ensure_demo())
    shown = texts(at)
    assert "44 van 49 criteria beantwoord" in shown
    assert "Gereed als knock-out OPEN-08" in shown
    audit_day = next(m for m in at.metric if m.label == "Op de auditdag (gepland)")
    assert audit_day.value.endswith("%")
    assert "Op de auditdag, als elk gepland punt op tijd klaar is" in shown
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert any("knock-outpunt heeft geen eigenaar: HANDLE-02" in w for w in warnings)
    assert any(w.startswith("Niet gepland, dus niet meegeteld") for w in warnings)


def test_an_incomplete_new_assessment_is_never_shown_ready_or_green(db, new_assessment):
    # one criterion answered at level 1: incomplete, and never 'ready'
    aid = db.create_assessment(
        new_assessment(
            "Gemeente Half", audit_date="2027-04-01", responses={"OPEN-01": {"level": 1}}
        )
    )
    at = results_page(aid, "en")
    shown = texts(at)
    assert "1 of " in shown and "criteria answered" in shown
    assert "Ready for the audit" not in shown
    assert ":green[" not in "\n".join(m.value for m in at.markdown)


def test_plan_page_flags_overdue_points_unowned_knockouts_and_workload(db):
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.query_params.update(a=str(db.ensure_demo()))
    at.switch_page("ui/plan.py").run()
    assert not at.exception, "\n".join("\n".join(e.stack_trace) for e in at.exception)
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert any(
        w.startswith("Verbeterpunten die niet gereed zijn en waarvan de deadline") for w in warnings
    )
    assert any("knock-outpunt heeft geen eigenaar: HANDLE-02" in w for w in warnings)
    (loads,) = [d for d in at.dataframe if "work" in d.value.columns]
    table = loads.value.set_index("owner")
    assert table.loc["Klachtencoördinator", "work"] == 95
    assert table.loc["Klachtencoördinator", "flag"] == "overbelast"
    # the plan's flags are words, in the page's language (an emoji needs a font of its own)
    (plan,) = [d for d in at.dataframe if "overdue" in d.value.columns]
    assert set(plan.value["overdue"]) == {"ja", ""} and set(plan.value["at_risk"]) <= {"ja", ""}


def test_planned_points_past_their_deadline_are_named_beside_the_forecast(db, new_assessment):
    # planned (an owner, not at risk) but overdue: counted in the forecast, which says "if
    # every planned point is finished on time", so the page names it
    aid = db.create_assessment(
        new_assessment(
            "Gemeente Laat",
            assessment_date="2026-01-05",
            audit_date="2099-01-01",
            responses={"OPEN-01": {"level": 1}},
            actions={"OPEN-01": {"owner": "Teamleider KCC", "deadline": "2026-02-02"}},
        )
    )
    at = results_page(aid)
    warnings = [w.value.replace("\\", "") for w in at.warning]
    assert "Meegeteld, maar al over de deadline: 1 punt (OPEN-01)." in warnings


def test_carried_over_answers_count_and_say_so(db, new_assessment):
    # right after a new cycle every answer is carried over: the page hid all results as if
    # nothing counted, while the report and ikm score count those levels
    aid = db.create_assessment(
        new_assessment(
            "Gemeente Nieuwe Cyclus",
            audit_date="2099-01-01",
            responses={
                "OPEN-01": {"level": 2, "to_confirm": True},
                "OPEN-02": {
                    "not_applicable": True,
                    "justification": "Geen loket",
                    "to_confirm": True,
                },
            },
        )
    )
    at = results_page(aid)
    shown = texts(at)
    assert "0 van 49 criteria beantwoord; 2 nog te bevestigen" in shown
    (table,) = [d for d in at.dataframe if "state" in d.value.columns]
    states = dict(zip(table.value["id"], table.value["state"], strict=True))
    assert states["OPEN-01"] == "○ nog te bevestigen"
    assert states["OPEN-02"] == "– niet van toepassing, nog te bevestigen"
    assert states["OPEN-04"] == "○ nog open"
