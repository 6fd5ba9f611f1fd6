"""When a link is clickable: the one rule for the app (adding and showing evidence), the
report and the import.

A link is clickable when it is a plain ``http`` or ``https`` address with a host and nothing
that could break out of an attribute (spaces, control characters, quotes, angle brackets,
backslashes, backticks). Any other link is kept, but shown as text.
"""

from __future__ import annotations

from urllib.parse import urlsplit

_UNSAFE = frozenset("\"'<>\\`")


def web_href(link: str | None) -> str | None:
    """The link itself (trimmed) when it is a plain http(s) URL with a host; else None."""
    if not link:
        return None
    text = link.strip()
    if any(ch.isspace() or ord(ch) < 32 or ord(ch) == 127 or ch in _UNSAFE for ch in text):
        return None
    try:
        parts = urlsplit(text)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None
    return text


def is_clickable(link: str | None) -> bool:
    """Whether :func:`web_href` makes ``link`` a clickable address."""
    return web_href(link) is not None
