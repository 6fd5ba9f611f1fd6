"""Against the real server (``streamlit run app.py`` with the repository's
``.streamlit/config.toml``): CSRF on uploads (Streamlit's XSRF protection stays on, so a
cross-site upload without the XSRF token is refused, and a page on another site cannot open
the app's WebSocket), and session fixation of the facilitator's right in network mode (a
session id taken to another browser resumes the session but not the right)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import requests

from tests.browser_support import (
    app_command,
    app_session,
    browser_cookies,
    free_port,
    running_server,
    wait_healthy,
)

EVIL = "https://evil.example"


SECRET = "the-facilitator-secret-of-this-run-0123456789"


def _serve(data, **env: str) -> Iterator[str]:
    port = free_port()
    command = app_command(port)
    env = {"IKM_DATA_DIR": str(data), "IKM_DATABASE_URL": f"sqlite:///{data / 'x.sqlite3'}", **env}
    with running_server(command, env) as proc:
        wait_healthy(port, proc)
        yield f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> Iterator[str]:
    yield from _serve(tmp_path_factory.mktemp("xsrf"), IKM_WORKSHOP_LAN="")


@pytest.fixture(scope="module")
def workshop_server(tmp_path_factory) -> Iterator[str]:
    """The app as ``ikm workshop serve`` runs it (network mode, this run's secret)."""
    yield from _serve(
        tmp_path_factory.mktemp("lan"), IKM_WORKSHOP_LAN="1", IKM_FACILITATOR_TOKEN=SECRET
    )


def _browser(base: str) -> tuple[requests.Session, str]:
    """A browser that loaded the app: it holds the XSRF cookie the server set."""
    session = requests.Session()
    session.get(base + "/", timeout=30).raise_for_status()
    session.get(base + "/_stcore/health", timeout=30).raise_for_status()  # as the page does
    token = session.cookies.get("_streamlit_xsrf")
    assert token, "the server set no XSRF cookie"
    return session, token


def _upload(session: requests.Session, base: str, method: str, **headers: str) -> int:
    url = f"{base}/_stcore/upload_file/some-session-id/some-file-id"
    files = {"file": ("bewijs.pdf", b"%PDF-1.7\n%%EOF\n", "application/pdf")}
    return session.request(method, url, files=files, headers=headers, timeout=30).status_code


def test_a_cross_site_upload_without_the_xsrf_token_is_refused(server):
    session, token = _browser(server)
    # the browser sends its cookies along (worst case), but a page on another site cannot
    # read the cookie to put the token in the header
    assert _upload(session, server, "PUT", Origin=EVIL) == 403
    assert _upload(session, server, "PUT", Origin=EVIL, **{"X-Xsrftoken": "forged"}) == 403
    _, other_token = _browser(server)  # another browser's token does not fit either
    assert _upload(session, server, "PUT", Origin=EVIL, **{"X-Xsrftoken": other_token}) == 403
    assert _upload(session, server, "POST", Origin=EVIL) in (403, 405)
    # with its own token the request passes the XSRF check (and fails only on the made-up
    # session): the refusals above are the XSRF protection's
    assert _upload(session, server, "PUT", **{"X-Xsrftoken": token}) == 400


def test_the_running_server_has_xsrf_protection_on(server):
    session, _token = _browser(server)
    cookie = next(c for c in session.cookies if c.name == "_streamlit_xsrf")
    assert cookie.get_nonstandard_attr("SameSite", "").lower() in ("lax", "strict")


def test_a_page_on_another_site_cannot_open_the_apps_websocket(server):
    from websockets.exceptions import ConnectionClosed, InvalidStatus
    from websockets.sync.client import connect

    url = server.replace("http://", "ws://") + "/_stcore/stream"
    with (
        pytest.raises((ConnectionClosed, InvalidStatus)),
        connect(url, origin=EVIL, subprotocols=["streamlit"], open_timeout=30) as ws,  # type: ignore[list-item]
    ):
        ws.recv(timeout=30)


def _whole_app(sent: str) -> bool:
    return "Gemeente Voorbeeldstad" in sent and "pt-code" not in sent


def _vote_page_only(sent: str) -> bool:
    return "pt-code" in sent and "Gemeente Voorbeeldstad" not in sent


def test_the_facilitators_session_id_in_another_browser_does_not_carry_the_right(
    workshop_server,
):
    base = workshop_server
    facilitator = browser_cookies(base)
    assert _vote_page_only(app_session(base, facilitator)[1])  # local, without the secret
    session, sent = app_session(base, facilitator, query=f"facilitator={SECRET}")
    assert session and _whole_app(sent)
    # the facilitator's own browser reconnecting keeps the session and the right
    again, sent = app_session(base, facilitator, resume=session)
    assert again == session and _whole_app(sent)
    # another browser presenting that session id: Streamlit resumes the session (neither is
    # signed in), but the proof is bound to the first browser's XSRF cookie: vote page only
    other = browser_cookies(base)
    assert other != facilitator
    resumed, sent = app_session(base, other, resume=session)
    assert resumed == session
    assert _vote_page_only(sent)
    # and a wrong secret in another browser gives nothing either
    assert _vote_page_only(app_session(base, other, query="facilitator=guess")[1])
