"""The app's pages in menu order, and how to reach one from another.

Each page is a module of ``ui/`` that Streamlit runs as a script (its ``render()`` runs under
``if __name__ == "__main__"``). :func:`page` builds the same ``st.Page`` that ``app.py``
registers, for ``st.switch_page`` and ``st.page_link``.
"""

from __future__ import annotations

import base64
import os
from pathlib import Path

import streamlit as st

from ui import facilitator

PAGES: dict[str, str] = {
    "start": ":material/home:",
    "assess": ":material/checklist:",
    "evidence": ":material/folder_open:",
    "fieldwork": ":material/fact_check:",
    "results": ":material/bar_chart:",
    "plan": ":material/event_note:",
    "report": ":material/picture_as_pdf:",
    "workshop": ":material/co_present:",
}
ICON = str(Path(__file__).parent / "static" / "icon.png")  # the page icon, served by the app
# ... given to Streamlit as a data URL: a file path would be opened and checked with Pillow (and
# NumPy imported) on every run of every page; a data URL is passed on as it is.
ICON_URL = "data:image/png;base64," + base64.b64encode(Path(ICON).read_bytes()).decode("ascii")
SIGNED_IN_PAGES: dict[str, str] = {  # only with sign-in (see ui.auth)
    "members": ":material/group:",
}
LAN_ENV = "IKM_WORKSHOP_LAN"  # set by `ikm workshop serve`: other devices may only vote


def page(key: str, title: str | None = None) -> st.Page:
    """The page ``key`` (one of :data:`PAGES` or :data:`SIGNED_IN_PAGES`), at ``/<key>``."""
    icon = PAGES.get(key) or SIGNED_IN_PAGES[key]
    return st.Page(f"ui/{key}.py", title=title, icon=icon, url_path=key, default=key == "start")


def participant_only() -> bool:
    """Whether this session may see nothing but the workshop vote page: the URL has a join
    code, or the app is served on the network by ``ikm workshop serve`` and this session has
    not proven it is the facilitator (the secret of the link printed for this computer, see
    :mod:`ui.facilitator`) or its browser is not on this computer. The connection address
    alone never decides: it can be spoofed, and behind a proxy every browser looks local."""
    proven = facilitator.proven()  # also takes the secret out of the address
    if st.query_params.get("join"):
        return True
    if os.environ.get(LAN_ENV) != "1":
        return False
    return not (proven and _client_ip() is None)


def _client_ip() -> str | None:
    """The browser's address; None when it is on this computer."""
    return st.context.ip_address


def participate_page() -> st.Page:
    """The participant's page (the only page of a participant's session)."""
    return st.Page(
        "ui/participate.py", title="Workshop", icon=":material/how_to_vote:", default=True
    )
