"""The facilitator's secret of ``ikm workshop serve`` (ui/facilitator.py, ui/nav.py): in network
mode without sign-in a session gets the whole app only with the secret of the link printed
for this computer, never for its connection address alone; the proof stays in the session,
leaves the address, and does not travel with a session id to another browser."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

import ui.facilitator
import ui.nav
from tests.apptest_support import app, ok, text

SECRET = "s3cret-of-this-serve-run-0123456789abcdefghij"


@pytest.fixture
def lan(db, monkeypatch):
    """The app as ``ikm workshop serve`` starts it, every browser looking local (a proxy)."""
    monkeypatch.setenv("IKM_WORKSHOP_LAN", "1")
    monkeypatch.setenv("IKM_FACILITATOR_TOKEN", SECRET)
    monkeypatch.setattr(ui.nav, "_client_ip", lambda: None)
    return db


def _whole_app(at: AppTest) -> bool:
    return len(at.sidebar) > 0 and "Gemeente Voorbeeldstad" in text(at)


def _vote_page_only(at: AppTest) -> bool:
    return len(at.sidebar) == 0 and at.text_input(key="pt-code") is not None


def test_a_local_address_without_the_secret_gets_the_vote_page_only(lan):
    at = ok(app().run())
    assert _vote_page_only(at)
    assert "Gemeente Voorbeeldstad" not in text(at)
    with pytest.raises(ValueError):
        at.switch_page("ui/assess.py")  # no other page is registered


def test_a_wrong_secret_gets_the_vote_page_only_and_leaves_the_address(lan):
    for wrong in ("", "x", SECRET[:-1], SECRET + "x", SECRET.upper()):
        at = ok(app(facilitator=wrong).run())
        assert _vote_page_only(at), wrong
        assert "facilitator" not in at.query_params


def test_the_right_secret_gets_the_whole_app_and_leaves_the_address(lan):
    at = ok(app(facilitator=SECRET).run())
    assert _whole_app(at)
    assert "facilitator" not in at.query_params  # not left in the address bar or history
    ok(at.run())  # the proof stays with the session
    assert _whole_app(at)
    ok(at.switch_page("ui/workshop.py").run())
    assert len(at.sidebar) > 0


def test_without_a_secret_of_the_run_nobody_is_the_facilitator(lan, monkeypatch):
    monkeypatch.setenv("IKM_FACILITATOR_TOKEN", "")
    assert _vote_page_only(ok(app(facilitator="").run()))


def test_the_secret_and_a_non_local_address_still_get_the_vote_page_only(lan, monkeypatch):
    monkeypatch.setattr(ui.nav, "_client_ip", lambda: "192.168.1.30")
    assert _vote_page_only(ok(app(facilitator=SECRET).run()))


def test_a_join_code_gets_the_vote_page_even_for_the_facilitator(lan):
    at = ok(app(facilitator=SECRET, join="K7QX4M").run())
    assert _vote_page_only(at)


def test_the_proof_does_not_travel_with_the_session_to_another_browser(lan, monkeypatch):
    """A session id resumed from another browser (Streamlit reconnects a known session id)
    brings that browser's own XSRF cookie: the proof, bound to the first one, is void."""
    monkeypatch.setattr(ui.facilitator, "browser_key", lambda: "browser-one")
    at = ok(app(facilitator=SECRET).run())
    assert _whole_app(at)
    monkeypatch.setattr(ui.facilitator, "browser_key", lambda: "browser-two")
    assert _vote_page_only(ok(at.run()))


def test_a_new_serve_run_voids_the_proof_of_the_last_one(lan, monkeypatch):
    at = ok(app(facilitator=SECRET).run())
    assert _whole_app(at)
    monkeypatch.setenv("IKM_FACILITATOR_TOKEN", "another-run-another-secret-0123456789")
    assert _vote_page_only(ok(at.run()))


def test_without_network_mode_the_app_is_whole_as_before(db):
    assert _whole_app(ok(app().run()))


def test_the_browser_key_is_the_unmasked_token_of_streamlits_xsrf_cookie():
    from streamlit.web.server.starlette.starlette_app_utils import generate_xsrf_token_string

    token = bytes(range(16))
    one, two = generate_xsrf_token_string(token), generate_xsrf_token_string(token)
    assert one != two  # a new mask on each page load ...
    assert ui.facilitator.xsrf_token(one) == ui.facilitator.xsrf_token(two) == token.hex()
    other = generate_xsrf_token_string(bytes(16))
    assert ui.facilitator.xsrf_token(other) != token.hex()
    assert ui.facilitator.xsrf_token("2|zz|zz|1") == "2|zz|zz|1"
