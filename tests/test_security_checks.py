"""The security checks of issue 15, each tried and refused (AppTest and the store; the real
server's XSRF and the real sign-in cookie are in tests/test_security_server.py and
tests/test_auth_browser.py): session fixation by a URL taken to another browser, a forged
``st.user``, a guessed assessment id or file hash, a workshop code used for another
workshop, and the settings that keep XSRF protection on."""

from __future__ import annotations

import re
import tomllib
from typing import Any

import pytest

from assessment.store import NoAccess, Principal
from tests.helpers import ROOT
from tests.test_app_auth import _app, _ok, _signed_in, _text, _two_organisations

PAGES = ("assess", "evidence", "results", "plan", "report", "workshop", "fieldwork")


def _buttons(at: Any) -> list[str]:
    return [b.key for b in at.button]


# ---- session fixation: what one browser carries does not sign in another ------------------


def test_a_signed_in_browsers_address_opened_in_another_browser_signs_nobody_in(db, new_assessment):
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    member = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid), c="OPEN-01").run())
    assert "Gemeente Aa" in _text(member)
    taken = {key: member.query_params[key] for key in member.query_params}
    assert taken.get("a") == [str(aid)] or taken.get("a") == str(aid)
    other = _ok(_app(**{k: v if isinstance(v, str) else v[0] for k, v in taken.items()}).run())
    assert _buttons(other) == ["sign-in"]
    assert "Gemeente Aa" not in _text(other)


def test_the_session_state_of_one_browser_is_not_another_browsers(db, new_assessment):
    """Streamlit keeps session state per session on the server; a second browser with the
    same address gets a fresh session, not the first one's identity or open assessment."""
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    member = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid)).run())
    assert member.session_state["a"] == str(aid)
    other = _ok(_app().run())
    assert "a" not in other.session_state
    assert _buttons(other) == ["sign-in"]


# ---- a forged st.user: the identity comes only from Streamlit's signed auth cookie ---------


@pytest.mark.parametrize(
    "query",
    [
        {"email": "ed@aa.example"},
        {"is_logged_in": "true", "login": "ed@aa.example"},
        {"st.user.email": "ed@aa.example", "name": "Ed"},
    ],
)
def test_an_identity_claimed_in_the_address_signs_nobody_in(db, new_assessment, query):
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    at = _ok(_app(a=str(aid), **query).run())
    assert _buttons(at) == ["sign-in"]
    assert "Gemeente Aa" not in _text(at)


def test_a_user_with_an_email_but_not_logged_in_is_nobody(db, new_assessment):
    """What a forged cookie without Streamlit's signature would at most give: an e-mail
    without ``is_logged_in``; the app treats it as not signed in."""
    aid, _, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    for user in ({"email": "ed@aa.example"}, {"is_logged_in": "yes", "email": ""}):
        at = _ok(_app(user, a=str(aid)).run())
        assert _buttons(at) == ["sign-in"], user
        assert "Gemeente Aa" not in _text(at)


def test_the_server_trusts_no_identity_header():
    """``server.trustedUserHeaders`` would let a header set ``st.user``: never configured."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert "trustedUserHeaders" not in config.get("server", {})
    assert config["server"]["enableXsrfProtection"] is True


# ---- a guessed assessment id or file hash --------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_a_guessed_assessment_id_reads_like_a_missing_one(db, new_assessment, page):
    _, bid, org_a, _ = _two_organisations(db, new_assessment)
    db.as_principal(Principal.operator()).set_member(org_a, "ed@aa.example", "editor")
    missing = bid + 1000

    def seen(guess: int) -> str:
        at = _ok(_signed_in("ed@aa.example", "Ed", a=str(guess)).run())
        _ok(at.switch_page(f"ui/{page}.py").run())
        return re.sub(rf"\b{guess}\b", "N", _text(at))

    foreign, nothing = seen(bid), seen(missing)
    assert "Gemeente Bee" not in foreign
    assert "Beoordeling N bestaat niet" in foreign  # the refusal, said on the page
    assert foreign == nothing  # "exists but not yours" and "does not exist" say the same


def test_a_guessed_file_hash_reads_like_a_missing_one(db, new_assessment):
    stored = db.add_file(b"%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF\n", "geheim.pdf")
    evidence = [
        {
            "id": "E1",
            "kind": "document",
            "title": "Geheim",
            "criteria": ["OPEN-01"],
            "file": stored.model_dump(mode="json", exclude_none=True),
        }
    ]
    db.create_assessment(new_assessment("Gemeente Bee", evidence=evidence), author="Bram")
    aid = db.create_assessment(new_assessment("Gemeente Aa"), author="Anna")
    operator = db.as_principal(Principal.operator())
    operator.set_member(db.get_summary(aid).organisation_id, "ed@aa.example", "editor")
    view = db.as_principal(Principal.identity("ed@aa.example"))
    answers = []
    for sha in (stored.sha256, "0" * 64):
        for call in (view.get_file, view.file_info):
            with pytest.raises(NoAccess) as refused:
                call(sha)
            answers.append(str(refused.value).replace(sha[:12], "X"))
    assert len(set(answers)) == 1, answers
    # and the app takes no file hash from the address: a guessed one shows nothing
    at = _ok(_signed_in("ed@aa.example", "Ed", a=str(aid), file=stored.sha256).run())
    _ok(at.switch_page("ui/evidence.py").run())
    assert "Geheim" not in _text(at) and not at.get("download_button")


# ---- a workshop code used for another workshop ---------------------------------------------


def test_a_participant_of_one_workshop_cannot_vote_in_another_by_changing_the_code(
    db, new_assessment
):
    aid, bid, *_ = _two_organisations(db, new_assessment)
    ws = db.workshops
    first, second = ws.start(aid, "Carla"), ws.start(bid, "Bert")
    for info, criterion in ((first, "OPEN-01"), (second, "OPEN-02")):
        ws.show(info.id, criterion)
        ws.open_voting(info.id)
    token = ws.join(first.code, "Piet").token
    # the code of the other workshop in the address, with the first one's token
    at = _ok(_app(join=second.code, p=token).run())
    assert "Welkom, Piet" in _text(at)
    assert "OPEN-01" in _text(at) and "OPEN-02" not in _text(at)  # the first one's screen
    at.radio[0].set_value(2)
    [vote] = [b for b in at.button if b.label == "Stem uitbrengen"]
    _ok(vote.click().run())
    assert ws.vote_count(second.id) == 0  # nothing in the other workshop
    assert [v.participant for v in ws.summary(first.id).votes] == ["Piet"]
    # and the store refuses a vote on the other workshop's criterion with this token
    from assessment.store import VoteRefused

    with pytest.raises(VoteRefused, match="no longer on the screen"):
        ws.vote(token, "OPEN-02", 1)
    assert ws.vote_count(second.id) == 0
