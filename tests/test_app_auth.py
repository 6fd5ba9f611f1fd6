"""Sign-in in the app (ui/auth.py, app.py): without ``[auth]`` the single-user app as before;
with it, only the sign-in page before sign-in (except the workshop vote page reached with a
join code), each person sees their own organisations only, a reviewer changes nothing, and
the author of a change is the signed-in identity. AppTest seeds ``st.user`` as Streamlit's
sign-in would; the sign-in itself against a real provider is in tests/test_auth_browser.py."""

from __future__ import annotations

from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.errors import AppTestError

from assessment.store import AccessDenied, Principal
from tests.helpers import ROOT

TIMEOUT = 60
AUTH = {
    "redirect_uri": "http://127.0.0.1:8501/oauth2callback",
    "cookie_secret": "test-cookie-secret-not-used",
    "client_id": "ikm",
    "client_secret": "secret",
    "server_metadata_url": "http://127.0.0.1:9/.well-known/openid-configuration",
}


def _app(user: dict[str, Any] | None = None, **query: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT)
    at.secrets["auth"] = AUTH
    at.user = user if user is not None else {"is_logged_in": False}
    at.query_params.update(query)
    return at


def _signed_in(email: str, name: str, **query: str) -> AppTest:
    return _app({"is_logged_in": True, "email": email, "name": name}, **query)


def _ok(at: AppTest) -> AppTest:
    assert not at.exception, "\n".join("\n".join(e.stack_trace) for e in at.exception)
    return at


def _text(at: AppTest) -> str:
    parts: list[Any] = [m.value for m in at.markdown] + [c.value for c in at.caption]
    for kind in (at.info, at.success, at.warning, at.error, at.title, at.subheader):
        parts += [e.value for e in kind]
    return "\n".join(str(p) for p in parts).replace("\\", "")


def _two_organisations(db, new_assessment) -> tuple[int, int, int, int]:
    a = db.create_assessment(new_assessment("Gemeente Aa"), author="Anna")
    b = db.create_assessment(new_assessment("Gemeente Bee"), author="Bram")
    return a, b, db.get_summary(a).organisation_id, db.get_summary(b).organisation_id


def test_without_auth_the_app_is_the_single_user_app_and_says_so(db):
    at = _ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run())
    assert "Gemeente Voorbeeldstad" in _text(at)  # the demo, as before
    assert "Eén gebruiker op deze computer, zonder aanmelding." in _text(at)
    assert at.text_input(key="author")  # the typed name stays the author


def test_before_sign_in_only_the_sign_in_page_is_reachable(db, new_assessment):
    aid, *_ = _two_organisations(db, new_assessment)
    for query in ({}, {"a": str(aid)}, {"a": str(aid), "c": "OPEN-01"}):
        at = _ok(_app(**query).run())
        assert [b.key for b in at.button] == ["sign-in"]
        assert len(at.sidebar) == 0
        assert "Gemeente Aa" not in _text(at) and "Gemeente Voorbeeldstad" not in _text(at)
        assert "Meld u aan" in _text(at)
    at = _app(a=str(aid))
    at.run()
    for page in ("ui/assess.py", "ui/evidence.py", "ui/report.py", "ui/workshop.py"):
        with pytest.raises(ValueError, match=r"Known pages: \[.*ui/signin.py'\]"):
            at.switch_page(page)  # no other page is even registered


def test_a_join_code_reaches_the_vote_page_without_an_account(db, new_assessment):
    aid, *_ = _two_organisations(db, new_assessment)
    info = db.workshops.start(aid, "Carla")
    at = _ok(_app(join=info.code).run())
    assert at.text_input(key="pt-code").value == info.code
    assert "sign-in" not in [b.key for b in at.button]
    assert "Gemeente Aa" not in _text(at)


def test_a_first_sign_in_sees_no_organisation_and_is_told_whom_to_ask(db, new_assessment):
    _two_organisations(db, new_assessment)
    at = _ok(_signed_in("nieuw@x.example", "Nina").run())
    text = _text(at)
    assert "Gemeente Aa" not in text and "Gemeente Bee" not in text
    assert "Gemeente Voorbeeldstad" not in text  # the demo is the admin's
    assert "nieuw@x.example toe te voegen" in text
    assert "Aangemeld als Nina <nieuw@x.example>" in text
    assert not _has_key(at, "author")  # the author is the identity, never typed
    assert db.audit_log()[0].action == "sign_in"


def _has_key(at: AppTest, key: str) -> bool:
    return any(w.key == key for w in at.text_input)


def test_an_editor_sees_their_organisation_only_and_changes_as_themselves(db, new_assessment):
    aid, bid, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    at = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid)).run())
    assert "Gemeente Aa" in _text(at) and "Gemeente Bee" not in _text(at)
    assert not _has_key(at, "author")  # never typed
    assert "Uw rol: editor" in _text(at)
    _ok(at.switch_page("ui/assess.py").run())
    _ok(at.radio(key="level-OPEN-01").set_value(2).run())
    assert db.get_assessment(aid)[0].responses["OPEN-01"].level == 2
    assert db.history(aid)[0].author == "Ed <ed@aa.example>"

    other = _ok(_signed_in("ed@aa.example", "Ed", a=str(bid)).run())  # a guessed id
    _ok(other.switch_page("ui/assess.py").run())
    assert "Gemeente Bee" not in _text(other)
    assert f"Beoordeling {bid} bestaat niet" in _text(other)


def test_a_reviewer_reads_but_every_change_is_refused(db, new_assessment):
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "rita@audit.example", "reviewer")
    at = _ok(_signed_in("rita@audit.example", "Rita", a=str(aid)).run())
    assert "Alleen lezen" in _text(at)
    _ok(at.switch_page("ui/assess.py").run())
    assert "Gemeente Aa" in _text(at)
    assert at.radio(key="level-OPEN-01").disabled  # read only, not refused on save
    with pytest.raises(AppTestError, match="disabled"):
        at.radio(key="level-OPEN-01").set_value(3)
    assert "OPEN-01" not in db.get_assessment(aid)[0].responses
    assert db.get_summary(aid).version == 1
    # and behind the page the store refuses the change all the same
    view = db.as_principal(Principal.identity("rita@audit.example"))
    with pytest.raises(AccessDenied, match="reviewer"):
        view.save(aid, *db.get_assessment(aid), "x")


def test_an_assessment_cached_for_one_session_is_not_shown_to_an_outsider(db, new_assessment):
    aid, _, org_a, org_b = _two_organisations(db, new_assessment)
    operator = db.as_principal(Principal.operator())
    operator.set_member(org_a, "ed@aa.example", "editor")
    operator.set_member(org_b, "bo@bee.example", "owner")
    member = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid)).run())
    _ok(member.switch_page("ui/results.py").run())  # the version is now in the shared cache
    assert "Gemeente Aa" in _text(member)
    outsider = _ok(_signed_in("bo@bee.example", "Bo", a=str(aid)).run())
    _ok(outsider.switch_page("ui/results.py").run())
    assert "Gemeente Aa" not in _text(outsider)
    assert f"Beoordeling {aid} bestaat niet" in _text(outsider)


def test_an_owner_manages_members_in_the_app_and_reads_the_audit_log(db, new_assessment):
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    operator = db.as_principal(Principal.operator())
    operator.set_member(org_a, "olga@aa.example", "owner")
    operator.set_member(org_a, "ed@aa.example", "editor")
    at = _ok(_signed_in("olga@aa.example", "Olga", a=str(aid)).run())
    _ok(at.switch_page("ui/members.py").run())
    assert "Leden en logboek" in _text(at)
    at.text_input(key="member-email").set_value("Rita@Audit.example")
    at.selectbox(key="member-role").set_value("reviewer")
    _ok(at.button[[b.label for b in at.button].index("Toevoegen of rol wijzigen")].click().run())
    assert db.roles_of("rita@audit.example") == {org_a: "reviewer"}
    assert db.audit_log(org_a)[0].actor == "Olga <olga@aa.example>"
    at.selectbox(key="member-remove-who").set_value("ed@aa.example")
    _ok(at.button(key="member-remove").click().run())
    assert db.roles_of("ed@aa.example") == {}
    assert [r.action for r in db.audit_log(org_a)][:2] == ["member_removed", "member_set"]
    audit = at.dataframe[-1].value
    assert list(audit["Wat"])[:2] == ["member_removed", "member_set"]


def test_the_members_page_is_for_owners_and_only_with_sign_in(db, new_assessment):
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    at = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid)).run())
    _ok(at.switch_page("ui/members.py").run())
    assert "Alleen eigenaars van deze organisatie" in _text(at)
    assert not any(w.key == "member-email" for w in at.text_input)
    single = _ok(AppTest.from_file(str(ROOT / "app.py"), default_timeout=TIMEOUT).run())
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        single.switch_page("ui/members.py")  # without sign-in there is no such page


def test_an_owner_cannot_rename_an_assessment_into_another_organisation(db, new_assessment):
    aid, bid, org_a, org_b = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "olga@aa.example", "owner")
    at = _ok(_signed_in("olga@aa.example", "Olga", a=str(aid)).run())
    key = f"details-{aid}-{db.get_summary(aid).version}"
    at.text_input(key=f"{key}-name").set_value("Gemeente Bee")
    _ok(at.button(key=f"{key}-save").click().run())
    assert "hoort bij een andere organisatie, waarvan u geen eigenaar bent" in _text(at)
    assert db.get_summary(aid).organisation_id == org_a  # not moved into B
    assert db.get_summary(aid).version == 1  # and nothing saved
    assert [a.id for a in db.get_organisation(org_b).assessments] == [bid]
