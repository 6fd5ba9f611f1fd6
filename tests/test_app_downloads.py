"""Downloads from the app are in the audit log (ui/store_access.py, assessment/store/
downloads.py): the PDF report, the Excel workbook, the plan's .ics and .csv and evidence
files write who, what, which assessment and when when they are downloaded (the button's
data is made on the click), and drawing a page with the buttons writes nothing."""

from __future__ import annotations

import pytest

from assessment.store import NoAccess, Principal
from tests.test_app_auth import _ok, _signed_in

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


@pytest.fixture
def aid(db, new_assessment):
    stored = db.add_file(PDF, "regeling.pdf")
    evidence = [
        {
            "id": "E1",
            "kind": "document",
            "title": "Regeling",
            "criteria": ["OPEN-01"],
            "file": stored.model_dump(mode="json", exclude_none=True),
        }
    ]
    aid = db.create_assessment(
        new_assessment("Gemeente Aa", responses={"OPEN-01": {"level": 1}}, evidence=evidence),
        author="Anna",
    )
    org = db.get_summary(aid).organisation_id
    db.as_principal(Principal.operator()).set_member(org, "rita@audit.example", "reviewer")
    return aid


def _downloads(db) -> list[tuple[str, str | None, str | None]]:
    return [
        (r.action, r.subject, r.detail)
        for r in db.audit_log()
        if r.action in ("download", "file_download")
    ]


def test_drawing_the_pages_with_download_buttons_writes_no_download(db, aid):
    at = _ok(_signed_in("rita@audit.example", "Rita", a=str(aid)).run())
    for page in ("evidence", "report"):
        _ok(at.switch_page(f"ui/{page}.py").run())
    keys = {b.proto.id for b in at.get("download_button")}
    assert keys, "the report page offers downloads"
    assert _downloads(db) == []


def test_each_download_writes_its_row_when_made(db, aid):
    from ui import services

    sha = db.get_assessment(aid)[0].evidence[0].file.sha256
    makers = {
        "report_pdf nl": services.recorded_download(aid, "report_pdf", lambda: PDF, "nl"),
        "workbook_xlsx": services.recorded_download(aid, "workbook_xlsx", lambda: b"xlsx"),
        "plan_ics": services.recorded_download(aid, "plan_ics", lambda: b"ics"),
    }
    assert _downloads(db) == []  # made on the click, not before
    for make in makers.values():
        make()
    assert services.file_download(aid, sha)() == PDF
    assert sorted(_downloads(db)) == sorted(
        [("download", f"assessment {aid}", what) for what in makers]
        + [("file_download", f"assessment {aid}", f"file {sha}")]
    )
    assert {r.actor for r in db.audit_log() if r.action.endswith("download")} == {"local user"}


def test_a_download_of_another_organisations_file_is_refused(db, aid, new_assessment):
    from ui import services

    other = db.create_assessment(new_assessment("Gemeente Bee"), author="Bram")
    sha = db.get_assessment(aid)[0].evidence[0].file.sha256
    with pytest.raises(NoAccess):
        services.file_download(other, sha)()  # not a file of that assessment
    assert _downloads(db) == []
