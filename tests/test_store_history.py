"""What changed between versions, as records and in Dutch and English words."""

from __future__ import annotations

from assessment.assessments import Action, Evidence, Response
from assessment.store.history import describe, diff, summarise


def test_diff_records_each_kind_of_change(new_assessment):
    old = new_assessment(
        audit_date="2027-04-01",
        evidence=[{"id": "E1", "kind": "document", "title": "Regeling"}],
        responses={"OPEN-01": {"level": 2}, "OPEN-03": {"level": 1}},
        actions={"OPEN-01": {"owner": "Anna"}},
    )
    new = old.model_copy(deep=True)
    new.audit_date = None
    new.organisation.sector = "public sector"
    new.responses["OPEN-01"] = Response(level=3, note="beter")
    new.responses["OPEN-03"] = Response(not_applicable=True, justification="geen loket")
    new.evidence = [
        Evidence(id="E1", kind="record", title="Regeling"),
        Evidence(id="E2", kind="metric", title="Cijfers"),
    ]
    new.actions["OPEN-01"] = Action(owner="Bram", status="done")
    changes = diff(old, new)
    assert {"kind": "field", "field": "audit_date", "from": "2027-04-01", "to": None} in changes
    assert {"kind": "level", "criterion": "OPEN-01", "from": 2, "to": 3} in changes
    assert {"kind": "note", "criterion": "OPEN-01"} in changes
    assert {"kind": "not_applicable", "criterion": "OPEN-03", "to": True} in changes
    assert {"kind": "evidence_added", "id": "E2", "title": "Cijfers"} in changes
    changed_item = next(c for c in changes if c["kind"] == "evidence_changed")
    assert changed_item["fields"] == ["kind"]
    assert {
        "kind": "action",
        "criterion": "OPEN-01",
        "field": "owner",
        "from": "Anna",
        "to": "Bram",
    } in changes
    words_nl = [describe(c, "nl") for c in changes]
    words_en = [describe(c, "en") for c in changes]
    assert "auditdatum: 2027-04-01 → —" in words_nl
    assert "OPEN-01: niveau 2 → 3" in words_nl
    assert "OPEN-03: niet van toepassing" in words_nl
    assert "OPEN-01: eigenaar Anna → Bram" in words_nl
    assert "evidence E2 added" in words_en
    assert "organisation sector: — → public sector" not in words_en  # the field has a name
    assert "sector: — → public sector" in words_en
    assert diff(new, new) == []
    assert diff(None, new) == [{"kind": "created"}]


def test_summary_is_short():
    changes = [{"kind": "level", "criterion": f"C{i}", "from": 0, "to": 1} for i in range(6)]
    assert summarise(changes, "en", limit=2) == "C0: level 0 → 1; C1: level 0 → 1; and 4 more"
    assert summarise(changes, "nl", limit=2).endswith("en 4 meer")
    assert summarise([], "nl") == "geen wijzigingen"
    assert describe({"kind": "something-new"}) == "something-new"


def test_status_changes_are_described_in_words_not_codes():
    from assessment.store.history import describe

    change = {"kind": "action", "criterion": "HANDLE-02", "field": "status",
              "from": None, "to": "in_progress"}  # fmt: skip
    assert describe(change, "nl") == "HANDLE-02: status — → in uitvoering"
    assert describe(change, "en") == "HANDLE-02: status — → in progress"
