"""Sign-in end to end: a real OpenID Connect provider (``oidc-provider-mock``) on 127.0.0.1, a
real ``streamlit run app.py`` configured with an ``[auth]`` section, and headless Chromium.
Sign in, see only your organisations, be refused the others by URL and by id, a reviewer
finds every control that would change it disabled, a participant without an account votes
and reaches nothing else; a forged identity and another browser's session sign nobody in."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from assessment.store import Principal, open_store
from tests.browser_support import ARGS, CHROMIUM, app_command, free_port, wait_healthy
from tests.helpers import ROOT

pytestmark = [
    pytest.mark.auth,
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
]
EDITOR, REVIEWER, NEWCOMER = "ed@aa.example", "rita@audit.example", "nina@x.example"
NAMES = {EDITOR: "Ed Editor", REVIEWER: "Rita Reviewer", NEWCOMER: "Nina Nieuw"}


@dataclass
class Site:
    base: str
    db_url: str
    aid: int  # Gemeente Aa: the editor and the reviewer are members
    bid: int  # Gemeente Bee: nobody signing in here is a member
    code: str  # an open workshop's join code on Gemeente Aa


@pytest.fixture
def provider() -> Iterator[str]:
    """A real OpenID Connect provider on 127.0.0.1 with three people to sign in as."""
    import werkzeug.serving
    from oidc_provider_mock import User, app

    users = [User(sub=e, claims={"email": e, "name": n}) for e, n in NAMES.items()]
    server = werkzeug.serving.make_server("127.0.0.1", 0, app(user_claims=users), threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(10)
        server.server_close()


@pytest.fixture
def site(provider: str, tmp_path: Path) -> Iterator[Site]:
    """``streamlit run app.py`` with sign-in against ``provider``, and a store of two
    organisations."""
    from assessment.assessments import parse_assessment

    db_url = f"sqlite:///{tmp_path / 'auth.sqlite3'}"

    def build(name: str):  # type: ignore[no-untyped-def]
        data = {
            "schema_version": 1,
            "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
            "organisation": {"name": name},
            "assessment_date": "2026-11-23",
        }
        return parse_assessment(data, name)

    with open_store(db_url) as store:
        aid = store.create_assessment(build("Gemeente Aa"), author="Anna")
        bid = store.create_assessment(build("Gemeente Bee"), author="Bram")
        operator = store.as_principal(Principal.operator())
        org_a = store.get_summary(aid).organisation_id
        operator.set_member(org_a, EDITOR, "editor")
        operator.set_member(org_a, REVIEWER, "reviewer")
        workshop = store.workshops.start(aid, "Carla")
        store.workshops.show(workshop.id, "OPEN-01")
        store.workshops.open_voting(workshop.id)
    port = free_port()
    home = tmp_path / "run"  # Streamlit reads .streamlit/ from the working folder
    (home / ".streamlit").mkdir(parents=True)
    shutil.copy(ROOT / ".streamlit" / "config.toml", home / ".streamlit" / "config.toml")
    (home / ".streamlit" / "secrets.toml").write_text(
        "[auth]\n"
        f'redirect_uri = "http://127.0.0.1:{port}/oauth2callback"\n'
        'cookie_secret = "a-test-cookie-secret-of-enough-length"\n'
        'client_id = "ikm-readiness"\n'
        'client_secret = "test-secret"\n'
        f'server_metadata_url = "{provider}/.well-known/openid-configuration"\n',
        encoding="utf-8",
    )
    env = {**os.environ, "IKM_DATA_DIR": str(tmp_path), "IKM_DATABASE_URL": db_url}
    env.pop("IKM_WORKSHOP_LAN", None)
    command = app_command(port)
    proc = subprocess.Popen(
        command, cwd=home, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        wait_healthy(port, proc)
        yield Site(f"http://127.0.0.1:{port}", db_url, aid, bid, workshop.code)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _sign_in(page, site: Site, email: str) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    page.goto(site.base)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("button", name=email).click()  # the provider's own page
    expect(page.get_by_text(f"Aangemeld als {NAMES[email]} <{email}>")).to_be_visible()


def test_sign_in_organisations_roles_and_a_participant(site: Site, tmp_path: Path):
    from playwright.sync_api import expect, sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        expect.set_options(timeout=30_000)

        # not signed in: the sign-in page, whatever the address asks for
        anon = browser.new_page()
        anon.set_default_timeout(30_000)
        anon.goto(f"{site.base}/assess?a={site.aid}&c=OPEN-01")
        expect(anon.get_by_role("button", name="Aanmelden")).to_be_visible()
        expect(anon.get_by_text("Gemeente Aa")).to_have_count(0)
        expect(anon.get_by_text("OPEN-01")).to_have_count(0)

        # a participant without an account: the vote page with the code, nothing else
        anon.goto(f"{site.base}/?join={site.code}")
        anon.get_by_label("Uw naam").fill("Piet")
        anon.get_by_role("button", name="Meedoen").click()
        anon.get_by_test_id("stRadioGroup").locator("label").nth(3).click()
        anon.get_by_role("button", name="Stem uitbrengen").click()
        expect(anon.get_by_text("Uw stem: niveau 3")).to_be_visible()
        expect(anon.get_by_text("Gemeente Aa")).to_have_count(0)
        anon.screenshot(path=str(tmp_path / "participant.png"))

        # the editor: their organisation only; the other one refused by URL and by id
        editor = browser.new_context().new_page()
        editor.set_default_timeout(30_000)
        _sign_in(editor, site, EDITOR)
        expect(editor.get_by_text("Gemeente Aa").first).to_be_visible()
        expect(editor.get_by_text("Gemeente Bee")).to_have_count(0)
        expect(editor.get_by_text("Gemeente Voorbeeldstad")).to_have_count(0)
        editor.goto(f"{site.base}/assess?a={site.bid}")
        expect(editor.get_by_text(f"Beoordeling {site.bid} bestaat niet")).to_be_visible()
        expect(editor.get_by_text("Gemeente Bee")).to_have_count(0)
        editor.goto(f"{site.base}/assess?a={site.aid}&c=OPEN-01")
        expect(editor.get_by_text("Uw rol: editor")).to_be_visible()
        editor.get_by_test_id("stRadioGroup").get_by_text("2 · Vastgelegd").click()
        expect(editor.get_by_text("voor niveau 2 ontbreekt nog: een document")).to_be_visible()
        editor.screenshot(path=str(tmp_path / "editor.png"))

        # the reviewer: reads, is told it is read only, and a change is refused
        reviewer = browser.new_context().new_page()
        reviewer.set_default_timeout(30_000)
        _sign_in(reviewer, site, REVIEWER)
        reviewer.goto(f"{site.base}/assess?a={site.aid}&c=OPEN-02")
        expect(reviewer.get_by_text("Alleen lezen")).to_be_visible()
        # every control that would change it is disabled (not merely refused on save)
        levels = reviewer.get_by_test_id("stRadioGroup").get_by_role("radio")
        expect(levels.first).to_be_disabled()
        expect(levels.nth(3)).to_be_disabled()
        expect(reviewer.get_by_role("textbox", name="Toelichting")).to_be_disabled()
        reviewer.screenshot(path=str(tmp_path / "reviewer.png"))

        # a first sign-in: nothing at all, and whom to ask
        newcomer = browser.new_context().new_page()
        newcomer.set_default_timeout(30_000)
        _sign_in(newcomer, site, NEWCOMER)
        expect(newcomer.get_by_text(f"{NEWCOMER} toe te voegen")).to_be_visible()
        expect(newcomer.get_by_text("Gemeente Aa")).to_have_count(0)
        browser.close()

    with open_store(site.db_url) as store:
        assessment, _ = store.get_assessment(site.aid)
        assert assessment.responses["OPEN-01"].level == 2
        assert "OPEN-02" not in assessment.responses
        assert store.history(site.aid)[0].author == f"{NAMES[EDITOR]} <{EDITOR}>"
        signed_in = {row.actor for row in store.audit_log() if row.action == "sign_in"}
        assert signed_in == {f"{NAMES[e]} <{e}>" for e in (EDITOR, REVIEWER, NEWCOMER)}


def _user_cookie(secret: str, site: Site, email: str) -> str:
    """A ``_streamlit_user`` cookie as Streamlit writes one, signed with ``secret``."""
    import json

    from itsdangerous import URLSafeTimedSerializer

    payload = {"origin": site.base, "is_logged_in": True, "email": email, "name": NAMES[email]}
    return URLSafeTimedSerializer(secret, salt="_streamlit_user").dumps(json.dumps(payload))


def test_a_forged_identity_and_another_browsers_session_sign_nobody_in(site: Site):
    """st.user comes only from Streamlit's signed auth cookie: a cookie signed with another
    secret, an unsigned one, identity headers of a proxy and the address sign nobody in; the
    session id of a signed-in browser presented by another browser gets a new session."""
    import json

    from playwright.sync_api import expect, sync_playwright

    from tests.browser_support import app_session, browser_cookies

    forged = {
        "wrong secret": _user_cookie("not-the-apps-cookie-secret-at-all", site, EDITOR),
        "unsigned": json.dumps({"origin": site.base, "is_logged_in": True, "email": EDITOR}),
    }
    headers = {
        name: EDITOR
        for name in ("X-Forwarded-Email", "X-Auth-Request-Email", "Remote-User", "X-Email")
    }
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        expect.set_options(timeout=30_000)
        for kind, value in forged.items():
            context = browser.new_context(extra_http_headers=headers)
            context.add_cookies([{"name": "_streamlit_user", "value": value, "url": site.base}])
            page = context.new_page()
            page.goto(f"{site.base}/assess?a={site.aid}&email={EDITOR}&is_logged_in=true")
            expect(page.get_by_role("button", name="Aanmelden")).to_be_visible()
            expect(page.get_by_text("Gemeente Aa")).to_have_count(0)
            assert kind and page.get_by_text("Aangemeld als").count() == 0
            context.close()

        # the editor signs in for real; their browser's cookies and session id
        context = browser.new_context()
        page = context.new_page()
        page.set_default_timeout(30_000)
        _sign_in(page, site, EDITOR)
        cookies = {c["name"]: c["value"] for c in context.cookies() if c["name"].startswith("_")}
        browser.close()

    assert "_streamlit_user" in cookies
    session, sent = app_session(site.base, cookies)
    assert f"Aangemeld als {NAMES[EDITOR]}" in sent  # the real cookie signs in (control)
    # another browser (its own XSRF cookie, no auth cookie) presenting that session id
    other = browser_cookies(site.base)
    resumed, sent = app_session(site.base, other, resume=session)
    assert resumed != session  # Streamlit refuses to resume another identity's session
    assert "Aangemeld als" not in sent and "Gemeente Aa" not in sent
    # the real cookie's own payload, signed with another secret: the same
    from itsdangerous import URLSafeTimedSerializer

    _, payload = URLSafeTimedSerializer("x", salt="_streamlit_user").loads_unsafe(
        cookies["_streamlit_user"]
    )
    assert json.loads(payload)["email"] == EDITOR  # the format forged above is Streamlit's
    resigned = URLSafeTimedSerializer("another-secret", salt="_streamlit_user").dumps(payload)
    resumed, sent = app_session(site.base, {**other, "_streamlit_user": resigned}, session)
    assert resumed != session and "Aangemeld als" not in sent
