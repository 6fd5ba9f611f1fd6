"""Workshop page, the join box: the join code, the link participants open and its QR code."""

from __future__ import annotations

import io
import os
from urllib.parse import urlsplit

import streamlit as st

from assessment.store import WorkshopInfo
from ui.labels import md, t

PUBLIC_URL_ENV = "IKM_PUBLIC_URL"  # set by `ikm workshop serve`: the address phones can reach


def join_url(code: str) -> str:
    """The link participants open: ``IKM_PUBLIC_URL`` (set by ``ikm workshop serve``), else
    the address this browser uses."""
    base = os.environ.get(PUBLIC_URL_ENV) or _origin()
    return f"{base.rstrip('/')}/?join={code}"


def _origin() -> str:
    try:
        parts = urlsplit(st.context.url or "")
    except Exception:  # no browser (tests)
        parts = urlsplit("")
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return "http://localhost:8501"


def _local_only(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in ("localhost", "127.0.0.1", "::1")


@st.cache_data(show_spinner=False, max_entries=16)
def qr_png(url: str) -> bytes:
    """A QR code of ``url`` as PNG bytes."""
    import qrcode

    code = qrcode.QRCode(border=2, box_size=12, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(url)
    code.make(fit=True)
    buffer = io.BytesIO()
    code.make_image().save(buffer)
    return buffer.getvalue()


def join_box(info: WorkshopInfo, lang: str) -> None:
    url = join_url(info.code)
    compact = info.round is not None and not info.voting_open  # make room for the result
    with st.container(border=True, key="ws-join"):
        if compact:
            qr, text = st.columns([1, 1.5], vertical_alignment="center")
        else:  # large, to scan from the back of the room
            qr = text = st.container(horizontal_alignment="center", key="ws-join-big")
        qr.image(
            qr_png(url),
            width="stretch" if compact else 300,
            alt=t("ws_qr_alt", lang, url=url),
        )
        with text:
            st.markdown(f"**{t('ws_join_head', lang)}**")
            with st.container(key="ws-code"):
                st.markdown(md(info.code))
        # the address under both columns: it fits on one line there, also beside the result;
        # that it works on this computer only is for the consultant, not the room (a tooltip)
        with st.container(key="ws-url", horizontal_alignment="center"):
            st.markdown(
                md(t("ws_join_at", lang, url=url)),
                help=t("ws_local_only", lang) if _local_only(url) else None,
            )
