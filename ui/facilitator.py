"""The facilitator's proof for ``ikm workshop serve`` without sign-in.

``ikm workshop serve`` draws a random secret per run (``IKM_FACILITATOR_TOKEN``) and prints
it in the facilitator's link (``?facilitator=<token>``) for this computer. A session that
opens that link has proven it is the facilitator: the proof is kept in the session state,
the token is taken out of the address at once, and every other session (whatever its
connection address: behind a reverse proxy on this computer every browser looks local) gets
the vote page only. The proof is bound to the serve run's secret and to this browser's own
XSRF cookie, so a session id taken to another browser does not carry it.
"""

from __future__ import annotations

import hmac
import os

import streamlit as st

TOKEN_ENV = "IKM_FACILITATOR_TOKEN"  # set by `ikm workshop serve`, new for every run
PARAM = "facilitator"  # the query parameter of the facilitator's link
_PROOF = "_facilitator_proof"
XSRF_COOKIE = "_streamlit_xsrf"


def proven() -> bool:
    """Whether this session has proven it is the facilitator of this serve run.

    A ``?facilitator=`` parameter is checked (constant-time) and taken out of the address
    whether it is right or wrong."""
    secret = os.environ.get(TOKEN_ENV, "")
    given = st.query_params.get(PARAM)
    if given is not None:
        del st.query_params[PARAM]
        if secret and hmac.compare_digest(given.encode(), secret.encode()):
            st.session_state[_PROOF] = _binding(secret)
    proof = st.session_state.get(_PROOF)
    return bool(secret) and isinstance(proof, str) and hmac.compare_digest(proof, _binding(secret))


def _binding(secret: str) -> str:
    """The proof for ``secret`` in this browser: an HMAC of the browser's key."""
    return hmac.new(secret.encode(), browser_key().encode(), "sha256").hexdigest()


def browser_key() -> str:
    """What ties a session to its browser: the token in Streamlit's XSRF cookie (unmasked:
    the cookie's mask changes with each page load, its token does not); empty without one."""
    cookie = st.context.cookies.get(XSRF_COOKIE)
    return xsrf_token(cookie) if isinstance(cookie, str) else ""


def xsrf_token(cookie: str) -> str:
    """The token of an XSRF cookie of the form ``2|mask|masked|timestamp`` (hex; the mask
    repeated over the token), as hex; the cookie itself when it has another form."""
    parts = cookie.strip("\"'").split("|")
    if len(parts) == 4 and parts[0] == "2":
        try:
            mask, masked = bytes.fromhex(parts[1]), bytes.fromhex(parts[2])
        except ValueError:
            return cookie
        if mask:  # the mask repeats over the token (WebSocket masking)
            return bytes(x ^ mask[i % len(mask)] for i, x in enumerate(masked)).hex()
    return cookie
