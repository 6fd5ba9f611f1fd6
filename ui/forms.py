"""Forms that keep what was typed and show each message beside its field.

A form's problems are kept per form key until its next submit. A form is cleared only after
a successful save, by giving its widgets new keys (a file uploader cannot be emptied any
other way): build widget keys with :func:`widget_key`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from ui.labels import md, t


class Markdown(str):
    """A message that is Markdown already, made safe where it was written (a flashed error)."""


_GENERATION = "_form_generation"  # {form key: n}; a new n gives the widgets fresh keys
_PROBLEMS = "_form_problems"  # {form key: {field: message}}


def widget_key(key: str) -> str:
    """The widgets' key prefix of form ``key`` in its current generation."""
    n = st.session_state.get(_GENERATION, {}).get(key, 0)
    return key if n == 0 else f"{key}~{n}"


def clear(key: str) -> None:
    """Empty form ``key`` on the next run (its widgets get new keys)."""
    generations = st.session_state.setdefault(_GENERATION, {})
    generations[key] = generations.get(key, 0) + 1


def problems(key: str) -> dict[str, str]:
    """The messages of form ``key`` by field."""
    return st.session_state.get(_PROBLEMS, {}).get(key, {})


def set_problems(key: str, found: dict[str, str]) -> None:
    st.session_state.setdefault(_PROBLEMS, {})[key] = found


def beside(key: str, field: str) -> None:
    """The message for ``field`` of form ``key``, if any, right under the field."""
    message = problems(key).get(field)
    if message:
        st.error(message if isinstance(message, Markdown) else md(message), icon=":material/error:")


def audit_date_problem(assessed: date | None, audit: date | None, lang: str) -> str | None:
    """Why a planned audit date cannot be taken (it is before the assessment), or None."""
    if assessed is None or audit is None or audit >= assessed:
        return None
    return t("audit_before_assessment", lang, audit=audit.isoformat(), date=assessed.isoformat())


def folded(label: str, key: str, *, icon: str) -> Any:
    """An expander for form ``key`` whose content is drawn only while it is open: a folded
    form costs the page nothing (each widget is work for the server and the browser on every
    run). Open at once when the form has problems to show. The expander when open (draw the
    form in it), else None."""
    state, shown = f"{key}-open", f"_{key}-opened-for"
    found = problems(key)
    if found and st.session_state.get(shown) is not found:  # new messages: open, once
        st.session_state[state] = True  # (closed by the user after that, it stays closed)
        st.session_state[shown] = found
    box = st.expander(label, icon=icon, key=state, on_change="rerun")
    return box if box.open else None
