"""One fixed stylesheet: what Streamlit writes in English by itself, in the page's language,
and the colours Streamlit's theme makes too faint for WCAG 2.1 AA.

Streamlit does not translate its own widget texts: the uploader's "Upload" button and its
"200MB per file" line, the multiselect's "Select all", the "Press Enter to apply" hint. This
stylesheet hides them and, where a word is needed, shows ours from :mod:`ui.labels`. It holds
no user text: every word in it is one of our labels, quoted as a CSS string. On a wide
screen it also narrows the page margins a little, so that wide tables fit.

Captions: Streamlit draws them at 60 % opacity, 4.0:1 on the sidebar's grey
and 4.2:1 on white, below the 4.5:1 that WCAG 1.4.3 asks. :data:`CAPTION` is a calm grey of
5.6:1 on the sidebar and 6.2:1 on white (checked by axe-core in tests/test_browser_a11y.py).
"""

from __future__ import annotations

import json

import streamlit as st

from ui import widget_text
from ui.labels import t

CAPTION = "#5a6270"  # captions: 6.2:1 on white, 5.6:1 on the sidebar's #f3f5f8

_CSS = """
[data-testid="stCaptionContainer"] {{ color: {caption}; opacity: 1; }}
[data-testid="stFileUploaderDropzoneInstructions"] {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p {{
  font-size: 0;
}}
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {{
  content: {upload}; font-size: 0.875rem;
}}
[data-key="__select_all__"] [data-item-hl] {{ font-size: 0; }}
[data-key="__select_all__"] [data-item-hl]::after {{ content: {select_all}; font-size: 1rem; }}
[data-testid="InputInstructions"] {{ display: none; }}
@media (min-width: 1100px) {{
  [data-testid="stMainBlockContainer"] {{ padding-left: 3rem; padding-right: 3rem; }}
}}
"""


def _css_string(text: str) -> str:
    """A label as a CSS string literal (JSON's escaping is valid CSS; no '<' can slip in)."""
    return json.dumps(text).replace("<", "\\3c ")


def stylesheet(lang: str) -> str:
    """The stylesheet in ``lang``."""
    return _CSS.format(
        caption=CAPTION,
        upload=_css_string(t("upload_button", lang)),
        select_all=_css_string(t("select_all", lang)),
    )


def apply(lang: str) -> None:
    """Add the stylesheet, and the script for the texts no stylesheet reaches
    (:mod:`ui.widget_text`), to the page (they take no room)."""
    st.html(f"<style>{stylesheet(lang)}</style>")
    widget_text.apply(lang)
