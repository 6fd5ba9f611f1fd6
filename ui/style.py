"""One fixed stylesheet: Streamlit's English hints left out, and the colours Streamlit's theme
makes too faint for WCAG 2.1 AA.

Streamlit does not translate its own widget texts. The uploader's "200MB per file" line and
the "Press Enter to apply" hint say nothing the page needs, so this stylesheet hides them;
the words that are needed (the uploader's button, "Select all", the date picker) are
rewritten by :mod:`ui.widget_text`. It holds no text at all. On a wide screen it also narrows
the page margins a little, so that wide tables fit.

Captions: Streamlit draws them at 60 % opacity, 4.0:1 on the sidebar's grey
and 4.2:1 on white, below the 4.5:1 that WCAG 1.4.3 asks. :data:`CAPTION` is a calm grey of
5.6:1 on the sidebar and 6.2:1 on white (checked by axe-core in tests/test_browser_a11y.py).
"""

from __future__ import annotations

import streamlit as st

from ui import widget_text

CAPTION = "#5a6270"  # captions: 6.2:1 on white, 5.6:1 on the sidebar's #f3f5f8

_CSS = """
[data-testid="stCaptionContainer"] {{ color: {caption}; opacity: 1; }}
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="InputInstructions"] {{ display: none; }}
@media (min-width: 1100px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 3rem; padding-right: 3rem; }}
}}
"""


def stylesheet() -> str:
    """The stylesheet."""
    return _CSS.format(caption=CAPTION)


def apply(lang: str) -> None:
    """Add the stylesheet, and the script that puts Streamlit's own words in ``lang``
    (:mod:`ui.widget_text`), to the page (they take no room)."""
    st.html(f"<style>{stylesheet()}</style>")
    widget_text.apply(lang)
