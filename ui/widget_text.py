"""Streamlit's own English words in the page's language.

Streamlit writes some texts in English whatever the app's language, and offers no setting
for them: the date picker (its calendar is fixed to ``en-US``: month and weekday names, "Choose
date", the "yyyy" placeholder), screen-reader labels ("Help for …", "Remove a.pdf",
"Next month"), file sizes ("1.2MB"), the uploader's "Upload" button and the multiselect's
"Select all". One small script watches the page and rewrites those texts from a fixed table:
exact words and a few patterns, all built here from our own labels. The text itself is
rewritten (not hidden and drawn anew by a stylesheet), so a screen reader hears the word the
page shows. It touches only Streamlit's widget texts (text inside the date field, the
calendar, the uploader, the multiselect's "Select all") and the ``aria-label``,
``aria-valuetext`` and ``title`` attributes; the original is kept, so switching back to
English restores it. In English the table holds only the app's own words for two buttons.
"""

from __future__ import annotations

import json

import streamlit as st
from babel.dates import get_day_names, get_month_names

from assessment.formats import locale_of
from assessment.i18n import DEFAULT_LANGUAGE
from ui.labels import t

# month and weekday names from Babel (the one home of dates, assessment/formats.py)
MONTHS_EN = [get_month_names("wide", locale=locale_of("en"))[m] for m in range(1, 13)]
MONTHS_NL = [get_month_names("wide", locale=locale_of("nl"))[m] for m in range(1, 13)]
DAYS_EN = [get_day_names("wide", locale=locale_of("en"))[d] for d in range(7)]  # Monday first
DAYS_NL = [get_day_names("wide", locale=locale_of("nl"))[d] for d in range(7)]

# Streamlit's fixed words (aria-labels, the calendar's buttons and hint, placeholders)
WORDS_NL: dict[str, str] = {
    "Choose date": "Datum kiezen",
    "Next month": "Volgende maand",
    "Previous month": "Vorige maand",
    "Next": "Volgende",
    "Previous": "Vorige",
    "Today": "Vandaag",
    "Use arrow keys to navigate dates. Enter to select. Escape to close.": (
        "Kies een datum met de pijltjestoetsen, Enter om te kiezen, Escape om te sluiten."
    ),
    "Add files": "Bestanden toevoegen",
    "file upload": "bestand kiezen",
    "Clear all": "Alles wissen",
    "Clear value": "Wissen",
    "Open": "Openen",
    "Close": "Sluiten",
    "Empty": "Leeg",
    "yyyy": "jjjj",
    "App pages": "Pagina's van de app",
    "Sidebar": "Zijbalk",
    "Collapse sidebar": "Zijbalk inklappen",
    "Expand sidebar": "Zijbalk uitklappen",
    "Link to heading": "Link naar deze kop",
    "Main menu": "Hoofdmenu",
    "check icon": "vinkje",
    "error icon": "foutteken",
    "history icon": "klokje",
    "Running...": "Bezig...",
    "Page not found": "Pagina niet gevonden",
    "The page that you have requested does not seem to exist. Running the app's main page.": (
        "Die pagina bestaat niet. U ziet de startpagina van de app."
    ),
}
# the calendar's weekday columns, S M T W T F S (a table header of one letter each)
WEEKDAY_LETTERS_NL = {"S": "Z", "M": "M", "T": "D", "W": "W", "F": "V"}

_MONTH = "(" + "|".join(MONTHS_EN) + ")"
_DAY = "(" + "|".join(DAYS_EN) + ")"
# (regular expression, replacement in JavaScript's $1 syntax, whether English month and day
# names in the result are then replaced: only where every word comes from the calendar)
PATTERNS_NL: list[tuple[str, str, bool]] = [
    (r"^Help for (.+)$", "Uitleg bij $1", False),
    (r"^Remove (.+)$", "$1 verwijderen", False),
    (r"^year, (.+)$", "jaar, $1", False),
    (r"^month, (.+)$", "maand, $1", False),
    (r"^day, (.+)$", "dag, $1", False),
    (r"^(.+) start date$", "$1, begindatum", False),
    (r"^(.+) end date$", "$1, einddatum", False),
    (rf"^(Today, )?{_DAY}, {_MONTH} (\d+), (\d+)$", "$1$2 $4 $3 $5", True),
    (rf"^Choose date, {_MONTH} (\d+)$", "Datum kiezen, $1 $2", True),
    (rf"^{_MONTH}( \d+)?$", "$1$2", True),
    (rf"^(\d+ – ){_MONTH}$", "$1$2", True),  # a month field's value read aloud: 12 – December
    (r"^(.*, )?(\d+)\.(\d+)(B|KB|MB|GB)$", "$1$2,$3 $4", False),  # 1.2MB: 1,2 MB
    (r"^(.*, )?(\d+)(B|KB|MB|GB)$", "$1$2 $3", False),
]
NAMES_NL: dict[str, str] = {
    **dict(zip(MONTHS_EN, MONTHS_NL, strict=True)),
    **dict(zip(DAYS_EN, DAYS_NL, strict=True)),
    "Today, ": "vandaag, ",
}

# The script: installed once per page, its table replaced when the language changes.
_SCRIPT = """
<script>
(() => {
  const w = window.parent && window.parent.document ? window.parent : window;
  w.__ikmWidgetText = TABLE;
  if (w.__ikmWidgetTextObserver) { w.__ikmWidgetTextAll(); return; }
  const doc = w.document;
  const ATTRS = ["aria-label", "aria-valuetext", "title"];
  const SCOPE = '[data-testid="stDateInput"], [data-baseweb="popover"], [role="dialog"],'
    + ' [data-testid="stFileUploader"], [data-key="__select_all__"]';
  const originals = new WeakMap(), shown = new WeakMap();
  const names = (s, t) => s.replace(/Today, |[A-Z][a-z]+/g,
    (m) => (t.names[m] !== undefined ? t.names[m] : m));
  const say = (s) => {
    const t = w.__ikmWidgetText;
    if (!t.on || !s) return s;
    if (t.words[s] !== undefined) return t.words[s];
    for (const [re, to, withNames] of t.patterns) {
      const r = new RegExp(re);
      if (r.test(s)) return withNames ? names(s.replace(r, to), t) : s.replace(r, to);
    }
    return s;
  };
  const attr = (el, a) => {
    const key = "__ikm_" + a, now = el.getAttribute(a);
    if (now === null) return;
    if (el[key + "_shown"] !== now) el[key] = now;  // Streamlit wrote a new original
    const to = say(el[key]);
    el[key + "_shown"] = to;
    if (to !== now) el.setAttribute(a, to);
  };
  const text = (node) => {
    const parent = node.parentElement;
    if (!parent || !parent.closest(SCOPE)) return;
    if (shown.get(node) !== node.data) originals.set(node, node.data);
    const original = originals.get(node), t = w.__ikmWidgetText;
    let to = say(original.trim()) === original.trim() ? original : say(original.trim());
    if (t.on && parent.tagName === "TH" && t.letters[original] !== undefined)
      to = t.letters[original];
    shown.set(node, to);
    if (to !== node.data) node.data = to;
  };
  const walk = (root) => {
    if (root.nodeType === 3) { text(root); return; }
    if (root.nodeType !== 1) return;
    for (const a of ATTRS) if (root.hasAttribute(a)) attr(root, a);
    for (const el of root.querySelectorAll("[aria-label], [aria-valuetext], [title]"))
      for (const a of ATTRS) attr(el, a);
    if (!root.matches(SCOPE) && !root.closest(SCOPE) && !root.querySelector(SCOPE)) return;
    const it = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = it.nextNode(); n; n = it.nextNode()) text(n);
  };
  w.__ikmWidgetTextAll = () => walk(doc.body);
  w.__ikmWidgetTextObserver = new w.MutationObserver((changes) => {
    for (const c of changes) {
      if (c.type === "attributes") attr(c.target, c.attributeName);
      else if (c.type === "characterData") text(c.target);
      else c.addedNodes.forEach(walk);
    }
  });
  w.__ikmWidgetTextObserver.observe(doc.body, {subtree: true, childList: true,
    characterData: true, attributes: true, attributeFilter: ATTRS});
  walk(doc.body);
})();
</script>
"""


def own_words(lang: str) -> dict[str, str]:
    """Streamlit's words that the app says its own way in ``lang`` too (the uploader's button,
    the multiselect's "Select all"): our label, shown and read aloud alike."""
    return {"Upload": t("upload_button", lang), "Select all": t("select_all", lang)}


def table(lang: str) -> dict[str, object]:
    """The words and patterns the script replaces in ``lang`` (in English only our own)."""
    dutch = lang == DEFAULT_LANGUAGE  # Dutch: Streamlit's own words are English
    own = {english: ours for english, ours in own_words(lang).items() if english != ours}
    return {
        "on": dutch or bool(own),
        "words": {**WORDS_NL, **own} if dutch else own,
        "patterns": PATTERNS_NL if dutch else [],
        "names": NAMES_NL if dutch else {},
        "letters": WEEKDAY_LETTERS_NL if dutch else {},
    }


def script(lang: str) -> str:
    """The script with the table for ``lang`` (JSON, with no '<' that could end the tag)."""
    data = json.dumps(table(lang), ensure_ascii=False).replace("<", "\\u003c")
    return _SCRIPT.replace("TABLE", data)


def apply(lang: str) -> None:
    """Add the script to the page (it takes no room)."""
    st.html(script(lang), unsafe_allow_javascript=True)
