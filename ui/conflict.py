"""A change that collided with a colleague's: who changed the same field and when, their
value and yours, and the choice "keep theirs" or "use mine". Shown at the top of every page
(under the title) until the person chooses."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import streamlit as st

from assessment.assessments import Assessment
from assessment.store import FieldConflict, MergeConflict
from ui.labels import LABELS, md, t

PENDING = "_merge_conflict"  # {"aid", "base", "mine" (JSON), "conflicts"} until resolved


def remember(aid: int, base: int, mine: Assessment, exc: MergeConflict) -> None:
    """Keep the refused change and its conflicts for :func:`panel`."""
    st.session_state[PENDING] = {
        "aid": aid,
        "base": base,
        "mine": mine.model_dump_json(),
        "conflicts": exc.conflicts,
    }


def pending(aid: int) -> dict[str, Any] | None:
    """The unresolved conflict of assessment ``aid``, if any."""
    found = st.session_state.get(PENDING)
    return found if found and found["aid"] == aid else None


def field_label(path: tuple[str, ...], lang: str) -> str:
    """``("responses", "OPEN-01", "level")`` as "OPEN-01 · niveau" (or "level")."""
    kind, *rest = path
    where = f"merge_in_{kind}"
    if where not in LABELS:
        return " · ".join(_field_name(p, lang) for p in path)
    if "{id}" not in t(where, "en"):  # a part without ids (the organisation): name every key
        return " · ".join([t(where, lang), *(_field_name(name, lang) for name in rest)])
    parts = [t(where, lang, id=rest[0] if rest else "")]
    parts += [_field_name(name, lang) for name in rest[1:]]
    return " · ".join(parts)


def _field_name(name: str, lang: str) -> str:
    key = f"merge_field_{name}"
    return t(key, lang) if key in LABELS else name


def _value(value: Any, lang: str) -> str:
    if value is None or value == "" or value == []:
        return t("merge_empty", lang)
    if isinstance(value, dict):
        return "; ".join(f"{_field_name(k, lang)}: {_value(v, lang)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC") if moment else "?"


def _describe(conflict: FieldConflict, lang: str) -> str:
    who = conflict.author or t("merge_someone", lang)
    return t(
        "merge_changed_by",
        lang,
        who=md(who),
        field=md(field_label(conflict.path, lang)),
        when=_when(conflict.changed_at),
        v=conflict.version or "?",
        theirs=md(_value(conflict.theirs, lang)),
        mine=md(_value(conflict.mine, lang)),
    )


def _choose(prefer: str) -> None:
    from ui.saving import resolve_conflict

    found = st.session_state.pop(PENDING, None)
    if found:
        mine = Assessment.model_validate_json(found["mine"])
        resolve_conflict(found["aid"], found["base"], mine, prefer)


def panel(aid: int | None, lang: str) -> None:
    """The open conflict of the open assessment, with the two choices."""
    found = pending(aid) if aid is not None else None
    if found is None:
        return
    with st.container(border=True, key="merge-conflict"):
        st.error(t("merge_conflict_title", lang), icon=":material/merge_type:")
        for conflict in found["conflicts"]:
            st.markdown(_describe(conflict, lang))
        with st.container(horizontal=True):
            st.button(
                t("merge_keep_theirs", lang),
                key="merge-keep-theirs",
                on_click=_choose,
                args=("theirs",),
            )
            st.button(
                t("merge_use_mine", lang),
                key="merge-use-mine",
                type="primary",
                on_click=_choose,
                args=("mine",),
            )


def clear() -> None:
    """Forget an unresolved conflict (another assessment was opened)."""
    st.session_state.pop(PENDING, None)
