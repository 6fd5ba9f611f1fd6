"""A reviewer (an auditor) sees the app read only: on the Assess, Evidence, Plan, Fieldwork and
Workshop pages every control that would change the assessment is disabled or not there at all, not
merely refused when saved (AppTest with a signed-in reviewer; the same pages for an editor
as the control). The app has no comments, so a reviewer writes nothing anywhere."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from assessment.assessments import Assessment
from assessment.store import Principal
from tests.apptest_support import unfold
from tests.fieldwork_registers import MESSY, to_csv
from tests.helpers import DATA
from tests.test_app_auth import _ok, _signed_in, _text

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
EDITOR, REVIEWER = "ed@aa.example", "rita@audit.example"
# Controls that only look (navigate, filter, analyse without keeping, download), by key.
LOOKING = (
    "ov-",  # the overview's pills: open a criterion
    "ov-jump",
    "prev",
    "next",
    "next_open",
    "ev-f-",  # the evidence filters
    "dl-",  # downloads: a reviewer downloads the evidence files
    "go-",  # "to Assess" for a criterion
    "fw-upload",  # a register analysed in the browser, kept only with "save"
    "fw-map-",
    "fw-ack",
    "fw-decide",
    "fw-today",
    "fw-prev",
    "fw-next",
    "fw-file",
)


# Some of the controls that change data (by key or its start), enabled for an editor.
EDITING = {
    "assess": ["level-H-1", "note-H-1", "na-H-1", "unlink-H-1-E1", "ev-H-1"],
    "evidence": ["edit-E1", "del-E1", "erase-ok-E1"],
    "plan": ["plan-"],  # the plan's table (a data editor)
    "fieldwork": ["fw-save-analysis", "fw-draw", "fw-register-evidence", "fw-size"],
    "workshop": ["ws-start", "ws-groups"],
}


def _inputs(at: Any) -> dict[str, bool]:
    """Every input control of the page's main area, by key (or label): whether enabled."""
    found: dict[str, bool] = {}
    for node in at.main:
        proto = getattr(node, "proto", None)
        if proto is None or "disabled" not in {f.name for f in proto.DESCRIPTOR.fields}:
            continue
        if hasattr(proto, "editing_mode") and not proto.editing_mode:
            continue  # a table to read (st.dataframe), not a data editor
        key = getattr(node, "key", None) or getattr(proto, "id", "") or node.type
        found[str(key)] = not proto.disabled
    return found


def _popovers(at: Any) -> dict[str, bool]:
    """The evidence items' remove popovers (``ev-rm-<id>``): whether each can be opened."""
    from streamlit.proto.Block_pb2 import Block as BlockProto

    found: dict[str, bool] = {}

    def walk(node: Any) -> None:
        proto = getattr(node, "proto", None)
        block = isinstance(proto, BlockProto) and proto.HasField("popover")
        if block and "ev-rm-" in proto.popover.id:
            found[proto.popover.id.rsplit("ev-rm-", 1)[-1]] = not proto.popover.disabled
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return found


def _changing(at: Any) -> list[str]:
    """The enabled controls that are not for looking only."""
    return sorted(k for k, on in _inputs(at).items() if on and not k.startswith(LOOKING))


@pytest.fixture
def aid(db):
    pack = db.save_pack_text((DATA / "fieldwork.yaml").read_text(), "fieldwork.yaml")
    stored = db.add_file(PDF, "regeling.pdf")
    assessment = Assessment(
        schema_version=1,
        criteria_set={"id": pack.id, "version": pack.version},
        organisation={"name": "Gemeente Aa"},
        assessment_date=date(2026, 3, 2),
        responses={"H-1": {"level": 1, "note": "klein begin"}},
        evidence=[
            {
                "id": "E1",
                "kind": "document",
                "title": "Regeling",
                "criteria": ["H-1"],
                "file": stored.model_dump(mode="json", exclude_none=True),
            },
            {"id": "E2", "kind": "document", "title": "Jaarverslag", "criteria": []},
        ],
    )
    aid = db.create_assessment(assessment, pack, author="Anna")
    org = db.get_summary(aid).organisation_id
    operator = db.as_principal(Principal.operator())
    operator.set_member(org, EDITOR, "editor")
    operator.set_member(org, REVIEWER, "reviewer")
    # the editor keeps an analysis and draws a sample, so every part of Fieldwork shows
    at = _ok(_signed_in(EDITOR, "Ed", a=str(aid)).run())
    _ok(at.switch_page("ui/fieldwork.py").run())
    _ok(at.file_uploader(key="fw-upload").upload("k.csv", to_csv(MESSY), "text/csv").run())
    _ok(at.button(key="fw-save-analysis").click().run())
    _ok(at.button(key="fw-draw").click().run())
    assert db.get_assessment(aid)[0].fieldwork.sample is not None
    return aid


def _page(email: str, aid: int, page: str, **query: str) -> Any:
    at = _ok(_signed_in(email, email.split("@")[0], a=str(aid), **query).run())
    at = _ok(at.switch_page(f"ui/{page}.py").run())
    # what is drawn only when opened (forms, the remove popovers), opened as a click does
    if page == "evidence":
        at = unfold(at, "ev-add", "ev-bulk", "ev-rm-E1", "ev-rm-E2")
    if page == "assess":
        at = unfold(at, "add-H-1")
    if page == "fieldwork":  # a register analysed in the browser as well
        upload = at.file_uploader(key="fw-upload").upload("k.csv", to_csv(MESSY), "text/csv")
        at = _ok(upload.run())
    return at


@pytest.mark.parametrize("page", ["assess", "evidence", "plan", "fieldwork", "workshop"])
def test_a_reviewer_gets_no_enabled_control_that_changes_data(db, aid, page):
    editor = _page(EDITOR, aid, page, c="H-1")
    reviewer = _page(REVIEWER, aid, page, c="H-1")
    changing = _changing(editor)  # the control case: the editor's page changes data
    assert all(any(c.startswith(p) for c in changing) for p in EDITING[page]), changing
    assert _changing(reviewer) == [], f"enabled for a reviewer on {page}"
    if page == "evidence":  # the remove button itself, not only what is behind it
        assert _popovers(editor) == {"E1": True, "E2": True}
        assert _popovers(reviewer) == {"E1": False, "E2": False}
    assert "Alleen lezen" in _text(reviewer)
    # the reviewer still reads the same assessment
    assert "Gemeente Aa" in _text(reviewer)


def test_a_reviewer_still_downloads_evidence_files_and_reads_the_answers(db, aid):
    evidence = _page(REVIEWER, aid, "evidence")
    downloads = [b for b in evidence.get("download_button") if b.proto.id]
    assert downloads and not any(b.proto.disabled for b in downloads)
    assess = _page(REVIEWER, aid, "assess", c="H-1")
    assert assess.radio(key="level-H-1").value == 1
    assert assess.text_area(key="note-H-1").value == "klein begin"
    assert assess.radio(key="level-H-1").disabled


def test_a_reviewer_reads_the_details_of_the_assessment_on_the_start_page(db, aid):
    def details(at: Any) -> dict[str, bool]:
        return {k: on for k, on in _inputs(at).items() if k.startswith(f"details-{aid}-")}

    editor = details(_page(EDITOR, aid, "start"))
    reviewer = details(_page(REVIEWER, aid, "start"))
    assert len(editor) >= 9 and all(editor.values()), editor  # name … language, and save
    assert reviewer.keys() == editor.keys()
    assert not any(reviewer.values()), reviewer
