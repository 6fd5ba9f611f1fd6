"""Access in the store (assessment/store/access.py, members.py): every kind of object is refused
to whoever has no role in its organisation, a reviewer reads and downloads but changes nothing,
an editor changes but does not manage, an owner manages members and reads the organisation's
audit log, a first sign-in has no access at all. SQLite always; PostgreSQL with
IKM_TEST_DATABASE_URL."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest

from assessment.store import (
    AccessDenied,
    NoAccess,
    NotFoundError,
    Principal,
    RenameRefused,
    StoreError,
)
from tests.conftest import _MigratedSchema, _pg_base, build_assessment, sqlite_copy

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"
PACK = """id: tiny-pack
version: "1"
title: Tiny
scale:
  - {level: 0, label: Nul}
  - {level: 1, label: Een}
  - {level: 2, label: Twee}
pillars:
  - id: p
    title: P
    criteria:
      - {id: C-1, title: C, question: Q, improvement: I, target: 2}
"""

OWNER = Principal.identity("Olga@A.example", "Olga")
EDITOR = Principal.identity("ed@a.example", "Ed")
REVIEWER = Principal.identity("rev@a.example", "Rita")
OUTSIDER = Principal.identity("out@b.example", "Otto")  # editor of organisation B only
NEWCOMER = Principal.identity("new@x.example", "Nina")  # signed in, no role anywhere
ADMIN = Principal.identity("admin@x.example", "Adam")


@dataclass
class World:
    store: Any
    org_a: int
    org_b: int
    aid: int  # an assessment of A with a stored evidence file and a workshop
    bid: int  # an assessment of B
    sha: str
    wid: int

    def view(self, principal: Principal) -> Any:
        return self.store.as_principal(principal)


def _world(store: Any) -> World:
    """Organisations A and B with an assessment each, A's with a stored evidence file and a
    workshop; an owner, an editor and a reviewer of A, an editor of B, an admin."""
    stored = store.add_file(PDF, "regeling.pdf")
    evidence = [
        {
            "id": "E1",
            "kind": "document",
            "title": "Regeling",
            "criteria": ["OPEN-01"],
            "file": stored.model_dump(mode="json", exclude_none=True),
        }
    ]
    aid = store.create_assessment(build_assessment("Gemeente A", evidence=evidence), author="Anna")
    bid = store.create_assessment(build_assessment("Gemeente B"), author="Bram")
    org_a = store.get_summary(aid).organisation_id
    org_b = store.get_summary(bid).organisation_id
    operator = store.as_principal(Principal.operator())
    operator.set_member(org_a, OWNER.email, "owner")
    operator.set_member(org_a, EDITOR.email, "editor")
    operator.set_member(org_a, REVIEWER.email, "reviewer")
    operator.set_member(org_b, OUTSIDER.email, "editor")
    operator.add_admin(ADMIN.email)
    wid = store.workshops.start(aid, "Carla").id
    return World(store, org_a, org_b, aid, bid, stored.sha256, wid)


@pytest.fixture
def world(store) -> World:
    """A world of its own for a test that changes it."""
    return _world(store)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def shared_world(request: pytest.FixtureRequest, tmp_path_factory) -> Iterator[World]:
    """One world per backend for the many tests that only try what is refused or only read
    (each checks that the assessment, its file and its workshop did not change): a database of the
    module's own, not the per-test one."""
    from assessment.store import open_store

    schema = None
    if request.param == "sqlite":
        url = sqlite_copy(request, tmp_path_factory.mktemp("access"))
    else:
        schema = _MigratedSchema(_pg_base())
        url = schema.url
    store = open_store(url)
    try:
        yield _world(store)
    finally:
        store.close()
        if schema is not None:
            schema.drop()


def _saved_copy(w: World) -> tuple[Any, int]:
    assessment, version = w.store.get_assessment(w.aid)
    assessment.assessors = ["Somebody"]
    return assessment, version


# Every kind of object, each way in: (kind, what it does through the view).
ACTIONS = {
    "assessment: read": lambda w, v: v.get_assessment(w.aid),
    "assessment: summary": lambda w, v: v.get_summary(w.aid),
    "assessment: save": lambda w, v: v.save(w.aid, *_saved_copy(w), "x"),
    "assessment: pack": lambda w, v: v.pack_for(w.aid),
    "history: list": lambda w, v: v.history(w.aid),
    "history: one version": lambda w, v: v.get_version(w.aid, 1),
    "history: restore": lambda w, v: v.restore_version(w.aid, 1, author="x", expected_version=1),
    "evidence file: download": lambda w, v: v.get_file(w.sha),
    "evidence file: info": lambda w, v: v.file_info(w.sha),
    "evidence file: erase": lambda w, v: v.erase_file(w.sha, author="x"),
    "workshop: start": lambda w, v: v.workshops.start(w.aid, "x"),
    "workshop: read": lambda w, v: v.workshops.get(w.wid),
    "workshop: list": lambda w, v: v.workshops.list_for(w.aid),
    "workshop: show": lambda w, v: v.workshops.show(w.wid, "OPEN-01"),
    "workshop: findings": lambda w, v: v.workshops.findings(w.aid),
    "export: json": lambda w, v: v.export_json(w.aid),
    "export: ikmz": lambda w, v: v.export_ikmz(w.aid),
    "report": lambda w, v: v.report_pdf(w.aid, "nl"),
    "organisation: read": lambda w, v: v.get_organisation(w.org_a),
    "organisation: members": lambda w, v: v.members(w.org_a),
}
WRITES = {
    "assessment: save",
    "history: restore",
    "evidence file: erase",
    "workshop: start",
    "workshop: show",
}


@pytest.mark.parametrize("action", sorted(ACTIONS))
@pytest.mark.parametrize("who", [OUTSIDER, NEWCOMER, Principal.anonymous()], ids=lambda p: p.kind)
def test_an_object_of_another_organisation_is_refused_as_if_it_did_not_exist(
    shared_world, action, who
):
    world = shared_world
    with pytest.raises(NoAccess, match="does not exist or you have no access to it"):
        ACTIONS[action](world, world.view(who))
    _unchanged(world)


def _unchanged(world: World) -> None:
    """The shared world as it was made: the assessment, its file and its one workshop, which
    shows no criterion (a refused write that went through would show here, and in every later
    test of the module)."""
    assert world.store.get_assessment(world.aid)[1] == 1
    assert world.store.get_file(world.sha) == PDF
    (workshop,) = world.store.workshops.list_for(world.aid)
    assert workshop.id == world.wid and workshop == world.store.workshops.get(world.wid)
    assert workshop.criterion_id is None, workshop


def test_a_guessed_id_answers_the_same_as_a_missing_one(world):
    view = world.view(OUTSIDER)
    for aid in (world.aid, 99999):
        with pytest.raises(NoAccess) as refused:
            view.get_assessment(aid)
        assert str(refused.value) == f"assessment {aid} does not exist or you have no access to it"
    assert isinstance(refused.value, NotFoundError)  # the pages show "not found"


def test_a_first_sign_in_sees_nothing_and_may_upload_nothing(world, new_assessment):
    view = world.view(NEWCOMER)
    assert view.list_organisations() == []
    with pytest.raises(AccessDenied):
        view.save_pack_text(PACK, "tiny.yaml")
    with pytest.raises(AccessDenied):
        view.add_file(PDF, "x.pdf")
    assert "ikm-readiness" in view.catalog()  # the criteria packs are no organisation's data
    with pytest.raises(AccessDenied, match="sign in first"):
        world.view(Principal.anonymous()).catalog()
    with pytest.raises(AccessDenied):
        view.create_organisation("Gemeente C")
    with pytest.raises(NoAccess):
        view.create_assessment(new_assessment("Gemeente A"))
    with pytest.raises(AccessDenied):
        view.create_assessment(new_assessment("Gemeente Nieuw"))  # a new organisation
    with pytest.raises(NoAccess):
        view.import_file(world.store.export_json(world.aid).encode(), "a.json")
    assert [o.name for o in world.store.list_organisations()] == ["Gemeente A", "Gemeente B"]


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_a_reviewer_reads_everything_and_changes_nothing(shared_world, action):
    world = shared_world
    view = world.view(REVIEWER)
    if action in WRITES or action == "organisation: members":
        with pytest.raises(AccessDenied, match=r"your role \(reviewer\) does not allow"):
            ACTIONS[action](world, view)
        _unchanged(world)
    elif action == "report":
        assert view.report_pdf.__name__ == "report_pdf"  # rendered in test_reviewer_report
    else:
        ACTIONS[action](world, view)


def test_a_reviewer_downloads_the_report(world, monkeypatch):
    """The report of an assessment of the reviewer's organisation, rendered for real through
    the access-checked store: on a one-criterion pack (the report's content has tests of its
    own; a full pack's render would prove nothing more about access)."""
    import io

    from pypdf import PdfReader

    import assessment.report as report
    from assessment.assessments import parse_assessment

    pack = world.store.save_pack_text(PACK, "tiny.yaml")
    small = parse_assessment(
        {
            "schema_version": 1,
            "criteria_set": {"id": pack.id, "version": pack.version},
            "organisation": {"name": "Gemeente A"},
            "assessment_date": "2026-11-23",
            "responses": {"C-1": {"level": 1}},
        },
        "tiny.json",
    )
    aid = world.store.create_assessment(small, pack, organisation_id=world.org_a, author="Anna")
    real = report.render_pdf
    seen: list[tuple[Any, ...]] = []

    def recorded(pack, assessment, lang="nl", **options):
        seen.append((pack.id, assessment.organisation.name, lang, options))
        return real(pack, assessment, lang, **options)

    monkeypatch.setattr(report, "render_pdf", recorded)
    pdf = world.view(REVIEWER).report_pdf(aid, "nl")
    assert "Gemeente A" in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    ((pack_id, organisation, lang, options),) = seen
    assert (pack_id, organisation, lang) == ("tiny-pack", "Gemeente A", "nl")
    assert "workshop" in options  # the store asks for the workshop appendix (none here)
    with pytest.raises(NoAccess):  # and refuses an outsider the same report
        world.view(OUTSIDER).report_pdf(aid, "nl")


def test_a_reviewer_uploads_nothing(world, new_assessment):
    view = world.view(REVIEWER)
    for upload in (
        lambda: view.save_pack_text(PACK, "tiny.yaml"),
        lambda: view.add_file(PDF, "x.pdf"),
        lambda: view.import_file(world.store.export_json(world.aid).encode(), "a.json"),
        lambda: view.create_assessment(new_assessment("Gemeente A")),
        lambda: view.workshops.agree(world.wid, 2),
    ):
        with pytest.raises(AccessDenied):
            upload()
    assert world.store.stored_packs() == []
    assert [o.name for o in view.list_organisations()] == ["Gemeente A"]
    assert view.catalog()  # reading the packs is fine


def test_an_editor_changes_as_the_signed_in_identity_whatever_author_is_passed(world):
    view = world.view(EDITOR)
    assessment, version = view.get_assessment(world.aid)
    assessment.assessors = ["Ed"]
    assert view.save(world.aid, assessment, version, "Mallory") == version + 1
    assert world.store.history(world.aid)[0].author == "Ed <ed@a.example>"
    assert view.save_pack_text(PACK, "tiny.yaml").id == "tiny-pack"
    assert view.add_file(PDF, "x.pdf").sha256 == world.sha
    view.workshops.close(world.wid)
    w = view.workshops.start(world.aid, "Mallory")
    assert w.consultant == "Ed <ed@a.example>"


def test_an_editor_does_not_manage_members_nor_reach_other_organisations(world):
    view = world.view(EDITOR)
    with pytest.raises(AccessDenied):
        view.set_member(world.org_a, "friend@a.example", "owner")
    with pytest.raises(AccessDenied):
        view.audit_log(world.org_a)
    with pytest.raises(AccessDenied):
        view.delete_assessment(world.aid)
    with pytest.raises(NoAccess):
        view.set_member(world.org_b, EDITOR.email, "owner")
    assert world.store.roles_of(EDITOR.email) == {world.org_a: "editor"}


def test_editing_a_file_used_by_two_organisations_needs_both(world, new_assessment):
    info = world.store.file_info(world.sha)
    evidence = [
        {
            "id": "E1",
            "kind": "document",
            "title": "Copy",
            "criteria": ["OPEN-01"],
            "file": {"name": info.name, "sha256": info.sha256, "size": info.size},
        }
    ]
    world.store.create_assessment(new_assessment("Gemeente B", evidence=evidence))
    assert world.view(OUTSIDER).get_file(world.sha) == PDF  # B uses it too: B may read it
    with pytest.raises(NoAccess):
        world.view(EDITOR).erase_file(world.sha)  # but erasing it reaches into B
    assert world.store.get_file(world.sha) == PDF


def test_an_owner_manages_members_and_reads_the_audit_log_of_their_organisation(world):
    view = world.view(OWNER)
    view.set_member(world.org_a, "New@X.example", "reviewer")
    view.set_member(world.org_a, "new@x.example", "editor")
    assert world.view(NEWCOMER).list_organisations()[0].id == world.org_a
    assert [(m.email, m.role) for m in view.members(world.org_a)] == [
        ("olga@a.example", "owner"),
        ("ed@a.example", "editor"),
        ("new@x.example", "editor"),
        ("rev@a.example", "reviewer"),
    ]
    assert view.remove_member(world.org_a, "new@x.example") is True
    assert world.view(NEWCOMER).list_organisations() == []
    with pytest.raises(StoreError, match="unknown role"):
        view.set_member(world.org_a, "x@a.example", "admin")
    with pytest.raises(AccessDenied):
        view.add_admin("olga@a.example")
    with pytest.raises(AccessDenied):
        view.audit_log()  # the whole instance: admins only
    with pytest.raises(NoAccess):
        view.audit_log(world.org_b)
    log = view.audit_log(world.org_a)
    assert [(e.action, e.subject, e.detail) for e in log[:3]] == [
        ("member_removed", "new@x.example", None),
        ("member_set", "new@x.example", "reviewer -> editor"),
        ("member_set", "new@x.example", "reviewer"),
    ]
    assert log[0].actor == "Olga <olga@a.example>"
    with pytest.raises(AccessDenied):
        view.delete_organisation(world.org_a)


def test_the_audit_log_records_exports_downloads_erasures_and_sign_ins(world):
    reviewer = world.view(REVIEWER)
    reviewer.record_sign_in()
    reviewer.export_ikmz(world.aid)
    reviewer.get_file(world.sha)
    world.view(EDITOR).erase_file(world.sha)
    assert world.store.get_file(world.sha) is None
    assert world.view(EDITOR).get_file(world.sha) is None  # nothing left: no download logged
    rows = world.view(ADMIN).audit_log()
    assert [(r.action, r.actor, r.organisation_id) for r in rows[:4]] == [
        ("erase", "Ed <ed@a.example>", world.org_a),
        ("file_download", "Rita <rev@a.example>", world.org_a),
        ("export", "Rita <rev@a.example>", world.org_a),
        ("sign_in", "Rita <rev@a.example>", None),
    ]
    assert rows[1].subject == f"file {world.sha}"
    assert [r.action for r in world.view(OWNER).audit_log(world.org_a)][:3] == [
        "erase",
        "file_download",
        "export",
    ]
    assert world.view(OWNER).audit_log(world.org_a)[-1].action == "member_set"


def test_an_admin_and_the_operator_may_do_everything(world, new_assessment):
    for who in (ADMIN, Principal.operator(), Principal.local("Anna")):
        view = world.view(who)
        assert len(view.list_organisations()) == 2
        assert view.get_assessment(world.bid)[1] == 1
        assert view.role_in(world.org_b) == "admin"
    admin = world.view(ADMIN)
    org = admin.create_organisation("Gemeente C")
    admin.set_member(org, "c@c.example", "owner")
    assert admin.admins() == ["admin@x.example"]
    admin.remove_admin("admin@x.example")
    with pytest.raises(AccessDenied):
        world.view(ADMIN).create_organisation("Gemeente D")


def test_an_unlisted_method_is_refused(world):
    view = world.view(ADMIN)
    with pytest.raises(AttributeError, match="not available through the access check"):
        view._write  # noqa: B018
    with pytest.raises(AttributeError, match="not available through the access check"):
        view.workshops._locked_workshop  # noqa: B018


def test_a_participant_without_an_account_votes_with_the_code_only(world):
    ws = world.store.workshops
    ws.show(world.wid, "OPEN-01")
    ws.open_voting(world.wid)
    anonymous = world.view(Principal.anonymous())
    me = anonymous.workshops.join(ws.get(world.wid).code, "Piet")
    anonymous.workshops.vote(me.token, "OPEN-01", 2)
    assert anonymous.workshops.screen(me.token).my_vote.level == 2
    with pytest.raises(NoAccess):
        anonymous.workshops.summary(world.wid)


def test_a_reviewer_sees_a_read_only_assessment(world):
    assert world.view(REVIEWER).may_edit(world.aid) is False
    assert world.view(EDITOR).may_edit(world.aid) is True
    assert world.view(OUTSIDER).may_edit(world.aid) is False
    assert world.view(REVIEWER).role_in(world.org_a) == "reviewer"


def test_an_identity_needs_an_email_address():
    with pytest.raises(StoreError, match="not an e-mail address"):
        Principal.identity("not an address")


def test_every_public_store_and_workshop_method_has_a_rule_or_is_the_views_own():
    """A method added to the store without a rule would be refused in the app: catch it here."""
    import inspect

    from assessment.store import Store
    from assessment.store.access import PLAIN_ATTRIBUTES, RULES, WORKSHOP_RULES, AccessStore
    from assessment.store.workshops import Workshops

    own = {n for n, _ in inspect.getmembers(AccessStore, predicate=inspect.isfunction)}
    # the process's own (never a person's), and what the view itself uses to check
    unchecked = {"close", "as_principal", "purge_bin", "record_audit", "roles_of"}
    public = {n for n, _ in inspect.getmembers(Store, predicate=inspect.isfunction)}
    missing = {n for n in public if not n.startswith("_")} - set(RULES) - own - unchecked
    assert not missing - set(PLAIN_ATTRIBUTES), sorted(missing)
    workshop = {n for n, _ in inspect.getmembers(Workshops, predicate=inspect.isfunction)}
    assert {n for n in workshop if not n.startswith("_")} <= set(WORKSHOP_RULES)


def test_a_rename_never_moves_an_assessment_into_another_existing_organisation(world):
    """An owner of A renaming A's assessment to B's name would inject it into B: refused."""
    owner = world.view(OWNER)
    with pytest.raises(RenameRefused, match="belongs to another organisation") as refused:
        owner.follow_rename(world.aid, "gemeente b", None)
    assert refused.value.reason == "other"
    assert world.store.get_summary(world.aid).organisation_id == world.org_a
    assert [a.id for a in world.store.get_organisation(world.org_b).assessments] == [world.bid]
    assert world.store.get_organisation(world.org_a).name == "Gemeente A"
    # an editor of A may not rename at all; an outsider is told nothing about A
    with pytest.raises(AccessDenied):
        world.view(EDITOR).follow_rename(world.aid, "Gemeente Anders", None)
    with pytest.raises(NoAccess):
        world.view(OUTSIDER).follow_rename(world.aid, "Gemeente B", None)
    # renaming its own organisation in place (it holds only this assessment) still works
    owner.follow_rename(world.aid, "Gemeente A-stad", None)
    assert world.store.get_organisation(world.org_a).name == "Gemeente A-stad"


def test_a_rename_into_a_new_organisation_is_for_admins_and_owners_of_both_may_move(
    world, new_assessment
):
    second = world.store.create_assessment(new_assessment("Gemeente A"), author="Anna")
    owner = world.view(OWNER)
    with pytest.raises(RenameRefused, match="only an administrator") as refused:
        owner.follow_rename(second, "Gemeente Nieuw", None)  # A holds two: would be new
    assert refused.value.reason == "new"
    assert world.store.get_summary(second).organisation_id == world.org_a
    assert "Gemeente Nieuw" not in {o.name for o in world.store.list_organisations()}
    # the owner of both organisations may move one into the other
    world.view(Principal.operator()).set_member(world.org_b, OWNER.email, "owner")
    owner.follow_rename(second, "Gemeente B", None)
    assert world.store.get_summary(second).organisation_id == world.org_b
    # an admin may do either
    world.view(ADMIN).follow_rename(second, "Gemeente Nieuw", None)
    assert world.store.get_summary(second).organisation_name == "Gemeente Nieuw"


def test_downloads_from_the_app_write_who_what_which_assessment_and_when(world):
    reviewer = world.view(REVIEWER)
    for what, detail in (("report_pdf", "nl"), ("workbook_xlsx", None), ("plan_ics", None)):
        reviewer.record_download(world.aid, what, detail)
    assert reviewer.download_file(world.aid, world.sha) == PDF
    rows = world.view(OWNER).audit_log(world.org_a)[:4]
    assert [(r.action, r.detail) for r in rows] == [
        ("file_download", f"file {world.sha}"),
        ("download", "plan_ics"),
        ("download", "workbook_xlsx"),
        ("download", "report_pdf nl"),
    ]
    assert {(r.actor, r.organisation_id, r.subject) for r in rows} == {
        ("Rita <rev@a.example>", world.org_a, f"assessment {world.aid}")
    }
    assert all(r.at is not None for r in rows)


def test_a_download_is_refused_like_any_read_and_then_not_logged(world):
    before = len(world.store.audit_log())
    for who in (OUTSIDER, NEWCOMER, Principal.anonymous()):
        with pytest.raises(NoAccess, match="does not exist or you have no access"):
            world.view(who).record_download(world.aid, "report_pdf", "nl")
        with pytest.raises(NoAccess, match="does not exist or you have no access"):
            world.view(who).download_file(world.aid, world.sha)
    # a file asked for through an assessment that does not use it: as if it did not exist
    outsider = world.view(OUTSIDER)
    with pytest.raises(NoAccess, match=f"file {world.sha[:12]} does not exist"):
        outsider.download_file(world.bid, world.sha)
    with pytest.raises(StoreError, match="is not a download"):
        world.view(REVIEWER).record_download(world.aid, "everything")
    assert len(world.store.audit_log()) == before
    # an erased file is no download
    world.view(EDITOR).erase_file(world.sha)
    assert world.view(REVIEWER).download_file(world.aid, world.sha) is None
    assert world.store.audit_log()[0].action == "erase"  # no download after it
