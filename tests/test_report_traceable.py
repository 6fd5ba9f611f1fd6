"""What an auditor recomputing the report found untrue or untraceable (December 2026): the
method chapter's rules are the rules the figures follow, a carried-over level is said as
counted, a date in the future and a planned point past its deadline are named.

Read from the report's context and its HTML (the PDF prints the HTML as it is)."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

from assessment.catalog import load_catalog
from assessment.demo import demo_assessment
from assessment.method import score
from assessment.report.context import build_context
from assessment.report.rendering import render_html

TODAY = date(2026, 12, 4)


class _NoCharts(dict):
    def __missing__(self, key: str) -> str:
        return ""


class _Charts(dict):
    """Every chart there (as an empty picture), so that its heading is printed."""

    def __missing__(self, key: str) -> str:
        return "data:,"

    def __contains__(self, key: object) -> bool:
        return True


def _demo(lang: str = "nl", **changes: object):
    assessment = demo_assessment(lang)
    if changes:
        assessment = assessment.model_copy(update=changes)
    return load_catalog().pack_for(assessment.criteria_set), assessment


def _html(pack, assessment, lang: str, today: date = TODAY) -> str:
    ctx = build_context(pack, assessment, lang, today=today)
    return re.sub(r"\s+", " ", render_html(ctx, _NoCharts(), datetime(2026, 12, 4, tzinfo=UTC)))


def _method(html: str) -> str:
    chapter = re.search(r'<section class="chapter" id="method">(.*?)</section>', html)
    assert chapter is not None
    return chapter.group(1)


@pytest.mark.parametrize(
    ("lang", "planned", "checkable", "incomplete", "rounding"),
    [
        (
            "nl",
            "Gepland is een punt dat afgerond is, of dat een eigenaar heeft en geen risico loopt",
            "Bewijs met alleen een titel staat in de lijst, gemarkeerd als niet controleerbaar, "
            "maar draagt geen niveau",
            "Zolang niet elk criterium dat van toepassing is beantwoord is en elk overgenomen "
            "antwoord bevestigd, is de beoordeling nooit gereed",
            "81,25% staat er als 81,3%",
        ),
        (
            "en",
            "A point is planned when it is done, or when it has an owner and is not at risk",
            "An item with only a title is listed, marked as not checkable, but backs no level",
            "As long as not every applicable criterion is answered and every carried-over "
            "response re-confirmed, the assessment is never ready",
            "81.25% shows as 81.3%",
        ),
    ],
)
def test_the_method_chapter_states_the_rules_the_figures_follow(
    lang, planned, checkable, incomplete, rounding
):
    # it said the forecast counts "every point due before the audit date": in the demo all
    # 35 are, which gives 100% and ready, where the report prints 76,2% and conditional
    pack, assessment = _demo(lang)
    method = _method(_html(pack, assessment, lang))
    for rule in (planned, checkable, incomplete, rounding):
        assert rule in method
    assert "vóór de auditdatum" not in method and "due before the audit date" not in method
    result = score(pack, assessment, today=TODAY)
    points = result.improvement_points
    assert all(p.deadline < assessment.audit_date for p in points)  # the old rule: all 35
    assert len(result.forecast.planned) == sum(p.planned for p in points) < len(points)


def _carried(assessment, *ids: str):
    responses = dict(assessment.responses)
    for cid in ids:
        responses[cid] = responses[cid].model_copy(update={"to_confirm": True})
    return assessment.model_copy(update={"responses": responses})


def test_a_carried_over_level_is_said_as_counted_not_as_level_0():
    # OPEN-03 claims 2 and its evidence backs 1: the claim counts (the method caps it), and
    # the report said "niet beantwoord; telt als niveau 0"
    pack, assessment = _demo()
    assessment = _carried(assessment, "OPEN-03", "HANDLE-13")  # HANDLE-13: not applicable
    result = score(pack, assessment, today=TODAY)
    assert (result.criterion("OPEN-03").claimed, result.criterion("OPEN-03").evidenced) == (2, 1)
    ctx = build_context(pack, assessment, "nl", today=TODAY)
    views = {c.id: c for p in ctx.pillars for c in p.criteria}
    view = views["OPEN-03"]
    assert view.to_confirm and not view.answered
    assert (view.claimed, view.evidenced) == ("2", "1")
    assert view.claimed_label.endswith("(nog te bevestigen)")
    assert view.missing.startswith(
        "Overgenomen uit de vorige cyclus en nog niet bevestigd; telt voorlopig mee met "
        "geclaimd niveau 2."
    )
    assert "niveau 0" not in view.missing
    finding = next(f for p in ctx.pillars for f in p.findings if f.criterion == "OPEN-03")
    assert "geclaimd niveau 2, met bewijs aangetoond niveau 1" in finding.text
    # a carried-over not-applicable mark is marked too
    assert views["HANDLE-13"].to_confirm and views["HANDLE-13"].claimed_label == (
        "n.v.t. (nog te bevestigen)"
    )
    html = _html(pack, assessment, "nl")
    for cid, claimed in (("OPEN-03", "2"), ("HANDLE-13", "n.v.t.")):
        rows = re.findall(rf'href="#c-{cid}".*?</tr>', html)  # the pillar table's is one
        assert any(f'{claimed}<span class="carried">†</span>' in row for row in rows), cid
    assert "† = overgenomen uit de vorige cyclus en nog niet bevestigd" in html
    # the legend only where a pillar holds such a criterion
    assert "† = " not in _html(*_demo(), "nl")
    english = build_context(pack, assessment, "en", today=TODAY)
    view = next(c for p in english.pillars for c in p.criteria if c.id == "OPEN-03")
    assert view.missing.startswith(
        "Carried over from the last cycle and not yet re-confirmed; counts for now with "
        "claimed level 2."
    )


def test_evidence_dated_in_the_future_is_marked():
    pack, assessment = _demo()
    evidence = [
        e.model_copy(update={"date": date(2027, 2, 1)}) if e.id == "E4" else e
        for e in assessment.evidence
    ]
    assessment = assessment.model_copy(update={"evidence": evidence})
    ctx = build_context(pack, assessment, "en", today=TODAY)
    marks = {e.id: e.future for e in ctx.evidence if e.future}
    assert marks == {"E4": "dated in the future"}
    stale = {e.id: e.stale for e in ctx.evidence if e.stale}
    assert stale and set(stale.values()) == {"more than a year before the assessment"}
    # on the day itself it is not in the future
    later = build_context(pack, assessment, "en", today=date(2027, 2, 1))
    assert not any(e.future for e in later.evidence)
    assert "datum ligt in de toekomst" in _html(pack, assessment, "nl")


def test_planned_points_past_their_deadline_are_named_beside_the_forecast():
    # the forecast counts a planned point even when it is overdue: "if every planned point
    # is finished on time" must then say which points can no longer be
    pack, assessment = _demo()
    ctx = build_context(pack, assessment, "nl", today=date(2026, 12, 22))
    assert ctx.forecast is not None
    assert ctx.forecast.late == (
        "Meegeteld, maar al over de deadline: 4 punten (OPEN-09, LEARN-11, HANDLE-04, HANDLE-10)."
    )
    assert ctx.forecast.late in ctx.forecast_note
    assert build_context(pack, assessment, "nl", today=TODAY).forecast.late == ""


def test_the_own_rules_table_lists_only_criteria_that_differ():
    # every criterion of the main pack states its effort, 16 of them the default 10 days:
    # the table, introduced as "these criteria differ", listed all 50
    from assessment.report.context import _overrides

    pack, _ = _demo()
    default = pack.planning.default_effort_days
    rows = {row[1]: row for row in _overrides(pack, "nl")}
    for _, criterion in pack.criteria():
        differs = bool(criterion.requires) or criterion.effort_days != default
        assert (criterion.id in rows) == differs, criterion.id
        if criterion.id in rows and criterion.effort_days == default:
            assert rows[criterion.id][3] == ""  # its own rules differ, its effort does not
    assert 0 < len(rows) < len(list(pack.criteria()))


def test_without_an_audit_date_the_timeline_is_not_called_one_to_the_audit():
    pack, assessment = _demo(audit_date=None)
    ctx = build_context(pack, assessment, "nl", today=TODAY)
    html = re.sub(r"\s+", " ", render_html(ctx, _Charts(), datetime.now(UTC)))
    assert "Tijdlijn van het verbeterplan" in html and "Tijdlijn tot de audit" not in html
    pack, assessment = _demo()
    ctx = build_context(pack, assessment, "nl", today=TODAY)
    assert "Tijdlijn tot de audit" in render_html(ctx, _Charts(), datetime.now(UTC))


def test_a_pack_that_asks_a_conformity_says_so_in_the_method_and_per_level():
    # cap_by_conformity lowers a level the file review does not reach: the report must say
    # it, or a level lower than the evidence's kinds cannot be recomputed
    from tests.test_fieldwork_filereview import sampled
    from tests.test_fieldwork_levels import PACK

    ctx = build_context(PACK, sampled(), "nl", today=TODAY)
    assert ctx.method_paragraphs[-1].startswith(
        "Vraagt een niveau van een criterium met dossiercontroles ook een conformiteit"
    )
    scale = {row.level: row.requires for row in ctx.scale}
    assert scale[3].endswith("; dossiertoets ten minste 80% (bij criteria met dossiercontroles)")
    # cumulative, like the kinds: level 4 needs level 3's figure too
    assert scale[4].endswith("; dossiertoets ten minste 80% (bij criteria met dossiercontroles)")
    assert "dossiertoets" not in scale[2]
    h2 = next(c for p in ctx.pillars for c in p.criteria if c.id == "H-2")
    assert {r.level: r.requires for r in h2.level_rules}[4].endswith(
        "; dossiertoets ten minste 80%"
    )
    h1 = next(c for p in ctx.pillars for c in p.criteria if c.id == "H-1")
    rules = {rule.level: rule for rule in h1.level_rules}
    assert rules[4].requires.endswith("; dossiertoets ten minste 95%") and rules[4].own
    assert rules[3].requires.endswith("; dossiertoets ten minste 80%")
    h3 = next(c for p in ctx.pillars for c in p.criteria if c.id == "H-3")  # no file checks
    assert not any("dossiertoets" in rule.requires for rule in h3.level_rules)
    pack, assessment = _demo()
    plain = build_context(pack, assessment, "nl", today=TODAY)
    assert not any("dossiertoets" in p for p in plain.method_paragraphs)


def test_a_deadline_moved_to_the_assessment_date_says_so():
    # the latest date (16 November) lay before the assessment (23 November): the deadline is
    # the assessment date, and the report said "so 16 November"
    from assessment.report.context import deadline_how

    pack, assessment = _demo(audit_date=date(2026, 11, 30))
    result = score(pack, assessment, today=TODAY)
    assert result.latest == date(2026, 11, 16)
    point = next(p for p in result.improvement_points if p.user_deadline is None)
    assert point.deadline == assessment.assessment_date
    how = deadline_how(point, assessment.assessment_date, result.latest, "nl")
    assert how.endswith(
        "dat is na de uiterste datum (16 november 2026), die al vóór de beoordeling lag, dus "
        "de datum van de beoordeling, 23 november 2026"
    )
    normal = score(pack, assessment.model_copy(update={"audit_date": date(2027, 1, 15)}))
    capped = next(
        p
        for p in normal.improvement_points
        if p.user_deadline is None and p.proposed > normal.latest
    )
    assert deadline_how(capped, assessment.assessment_date, normal.latest, "en").endswith(
        "that is after the latest date, so 1 January 2027"
    )
