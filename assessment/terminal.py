"""User text on the terminal: never markup, never control codes.

Names, titles, notes and owners come from files anyone may write. On the terminal such text
is shown as it is: Rich markup (``[bold]``, ``[/x]``) stays literal (:func:`rich_text`), and
control characters, which could move the cursor, clear the screen or reverse the reading
order of the rest of the line, are shown as escapes (``\\x1b``, ``\\u202e``) instead of being
sent to the terminal (:func:`printable`). Line breaks and tabs are kept.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

# C0 and C1 control characters (but tab and line feed), DEL, and the bidirectional
# embedding, override and isolate controls (the marks U+200E and U+200F are harmless)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control character shown as an escape; tabs and newlines kept."""
    return _UNPRINTABLE.sub(_escape, text)


def json_text(data: object) -> str:
    """``data`` as indented JSON for the terminal: non-ASCII text kept, but every control
    character written as a ``\\uXXXX`` escape (the parsed value is the same)."""
    import json

    text = json.dumps(data, ensure_ascii=False, indent=2)
    # outside strings JSON is ASCII without control characters: only string content changes
    return _UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def rich_text(text: str, style: str = "") -> Text:
    """``text`` as a Rich ``Text``: printed literally, markup never interpreted."""
    from rich.text import Text

    return Text(printable(text), style=style)
