"""``ikm store members``, ``admins`` and ``audit`` (assessment/cli_access.py), and the audit
rows of the operator's export and erasure."""

from __future__ import annotations

from click.testing import CliRunner

from assessment.cli import main
from assessment.store import Principal, open_store

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n%%EOF\n"


def _ikm(*args: str):
    return CliRunner().invoke(main, list(args))


def _two_organisations(url: str, new_assessment) -> tuple[int, int]:
    with open_store(url) as store:
        a = store.create_assessment(new_assessment("Gemeente A"))
        store.create_assessment(new_assessment("Gemeente B"))
        return a, store.get_summary(a).organisation_id


def test_members_are_listed_added_changed_and_removed(store_url, new_assessment):
    _, org = _two_organisations(store_url, new_assessment)
    done = _ikm("store", "members", "gemeente a", "--database", store_url)
    assert done.exit_code == 0, done.output
    assert "Gemeente A (organisation 1)" in done.output
    assert "no members" in done.output
    done = _ikm(
        "store", "members", str(org), "--set", "Olga@A.example", "owner",
        "--set", "rev@a.example", "reviewer", "--database", store_url,
    )  # fmt: skip
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[1].split()[:2] == ["olga@a.example", "owner"]
    assert lines[2].split()[:2] == ["rev@a.example", "reviewer"]
    assert "by operator" in lines[1]
    done = _ikm("store", "members", "1", "--remove", "rev@a.example", "--database", store_url)
    assert done.exit_code == 0 and "rev@a.example" not in done.output
    with open_store(store_url) as store:
        assert store.roles_of("olga@a.example") == {org: "owner"}
        view = store.as_principal(Principal.identity("olga@a.example"))
        assert [o.name for o in view.list_organisations()] == ["Gemeente A"]


def test_wrong_members_input_is_refused_with_a_message(store_url, new_assessment):
    _two_organisations(store_url, new_assessment)
    done = _ikm("store", "members", "1", "--set", "x@a.example", "boss", "--database", store_url)
    assert done.exit_code == 2 and "unknown role 'boss'" in done.output
    done = _ikm("store", "members", "Gemeente Z", "--database", store_url)
    assert done.exit_code == 1 and "no organisation 'Gemeente Z'" in done.output
    done = _ikm("store", "members", "1", "--set", "not-an-address", "editor",
                "--database", store_url)  # fmt: skip
    assert done.exit_code == 1 and "not an e-mail address" in done.output


def test_admins_and_the_audit_log(store_url, new_assessment, tmp_path):
    aid, org = _two_organisations(store_url, new_assessment)
    done = _ikm("store", "admins", "--database", store_url)
    assert done.exit_code == 0 and "No admins" in done.output
    done = _ikm("store", "admins", "--add", "Adam@X.example", "--database", store_url)
    assert done.output.splitlines() == ["adam@x.example"]
    _ikm("store", "members", "1", "--set", "ed@a.example", "editor", "--database", store_url)
    out = tmp_path / "a.json"
    done = _ikm("store", "export", str(aid), "-o", str(out), "--database", store_url)
    assert done.exit_code == 0, done.output
    done = _ikm("store", "audit", "--database", store_url)
    assert done.exit_code == 0, done.output
    actions = [line.split("  ")[2] for line in done.output.splitlines()]
    assert actions == ["export", "member_set", "admin_added"]
    done = _ikm("store", "audit", "Gemeente A", "--database", store_url)
    assert [line.split("  ")[2] for line in done.output.splitlines()] == ["export", "member_set"]
    assert f"org {org}" in done.output and "ed@a.example  editor" in done.output
    done = _ikm("store", "audit", "2", "--database", store_url)
    assert done.output.strip() == "The audit log is empty."


def test_an_erasure_by_the_operator_is_in_the_audit_log(sqlite_url, new_assessment):
    with open_store(sqlite_url) as store:
        stored = store.add_file(PDF, "x.pdf")
        evidence = [{"id": "E1", "kind": "document", "title": "T", "criteria": ["OPEN-01"],
                     "file": stored.model_dump(mode="json", exclude_none=True)}]  # fmt: skip
        store.create_assessment(new_assessment("Gemeente A", evidence=evidence))
    done = _ikm("store", "erase-file", stored.sha256, "--yes", "--database", sqlite_url)
    assert done.exit_code == 0, done.output
    with open_store(sqlite_url) as store:
        row = store.audit_log()[0]
    assert (row.action, row.actor, row.organisation_id) == ("erase", "operator", 1)
