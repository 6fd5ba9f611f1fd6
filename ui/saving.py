"""Saving a change from a page: every change goes through :func:`_change`, which loads the
current version, applies one small edit, validates and saves it at once with the version the
page was showing, so nobody overwrites another person's work unnoticed. Errors become a
message on the next run (``state.flash``), never a traceback."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from assessment import edits
from assessment.assessments import (
    Assessment,
)
from assessment.errors import IkmError, ValidationFailed
from assessment.problem_words import in_language
from assessment.store import (
    MergeConflict,
    StaleVersionError,
)
from ui import state
from ui.labels import md, t
from ui.store_access import Ref, _author, store

_MINE = "_saved_versions"  # {(assessment id, version): version this session saved after it}


def _base_version(ref: Ref) -> int:
    """The version to save on: this session's own later saves count as seen."""
    mine: dict[tuple[int, int], int] = st.session_state.setdefault(_MINE, {})
    version = ref.version
    while (ref.aid, version) in mine:
        version = mine[(ref.aid, version)]
    return version


def _remember(aid: int, before: int, after: int) -> None:
    if after != before:
        st.session_state.setdefault(_MINE, {})[(aid, before)] = after


def _problem_text(exc: IkmError) -> str:
    if isinstance(exc, ValidationFailed):
        return "; ".join(
            p.message if p.path == "" else f"{p.path}: {p.message}" for p in exc.problems
        )
    return str(exc)


def _change(ref: Ref, edit: Callable[[Assessment], Assessment], lang: str) -> bool:
    """Apply ``edit`` to the version the page showed and save it at once, merged with what
    colleagues saved since (field by field); a field they changed too is a conflict that
    the page offers to resolve (:mod:`ui.conflict`)."""
    db = store()
    base = _base_version(ref)
    try:
        shown = db.get_version(ref.aid, base)
        changed = edit(shown.model_copy(deep=True))
        new_version = db.save_merged(ref.aid, changed, base, _author())
    except MergeConflict as exc:
        from ui import conflict

        conflict.remember(ref.aid, base, changed, exc)
        return False
    except StaleVersionError:
        state.flash("error", t("conflict", lang))
        return False
    except IkmError as exc:
        problem = in_language(_problem_text(exc), lang)
        state.flash("error", t("not_saved", lang, problem=md(problem)))
        return False
    _remember(ref.aid, base, new_version)
    return True


def update_response(ref: Ref, cid: str, changes: dict[str, Any], lang: str | None = None) -> bool:
    """Change fields of one criterion's response; an empty response is removed."""
    return _change(ref, lambda a: edits.set_response(a, cid, **changes), lang or state.lang())


def link_evidence(ref: Ref, cid: str, evidence_ids: list[str], lang: str | None = None) -> bool:
    """Make exactly ``evidence_ids`` support criterion ``cid``."""
    return _change(ref, lambda a: edits.link_evidence(a, cid, evidence_ids), lang or state.lang())


def set_supports(ref: Ref, evidence_id: str, criteria: list[str], lang: str | None = None) -> bool:
    """Make evidence item ``evidence_id`` support exactly ``criteria``."""
    return _change(
        ref, lambda a: edits.set_supports(a, evidence_id, criteria), lang or state.lang()
    )


def delete_evidence(ref: Ref, evidence_id: str, lang: str | None = None) -> bool:
    lang = lang or state.lang()

    if _change(ref, lambda a: edits.remove_evidence(a, evidence_id), lang):
        state.flash("toast", t("deleted", lang, id=evidence_id))
        return True
    return False


def erase_file(ref: Ref, evidence_id: str, lang: str | None = None) -> bool:
    """Erase the file of an evidence item for good (the store records the erasure)."""
    lang = lang or state.lang()
    db = store()
    try:
        assessment, _version = db.get_assessment(ref.aid)
        item = next(e for e in assessment.evidence if e.id == evidence_id)
        if item.file is None:
            return False
        db.erase_file(item.file.sha256, _author())
    except (IkmError, StopIteration) as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("erased", lang, id=evidence_id))
    return True


def update_actions(ref: Ref, changes: dict[str, dict[str, Any]], lang: str | None = None) -> bool:
    """Change owner, deadline, status or note of improvement points (per criterion id)."""
    return _change(ref, lambda a: edits.set_actions(a, changes), lang or state.lang())


def update_details(ref: Ref, *, lang: str | None = None, **fields: Any) -> bool:
    """Change the organisation, dates, assessors or report language of an assessment."""
    return _change(ref, lambda a: edits.set_details(a, **fields), lang or state.lang())


def resolve_conflict(
    aid: int, base: int, mine: Assessment, prefer: str, lang: str | None = None
) -> bool:
    """Save a conflicting change again with the person's choice: ``"mine"`` puts their value
    on top of the newest version, ``"theirs"`` keeps the colleague's (the rest of the change
    is saved either way)."""
    lang = lang or state.lang()
    try:
        new_version = store().save_merged(aid, mine, base, _author(), prefer=prefer)  # type: ignore[arg-type]
    except IkmError as exc:
        problem = in_language(_problem_text(exc), lang)
        state.flash("error", t("not_saved", lang, problem=md(problem)))
        return False
    _remember(aid, base, new_version)
    state.flash("toast", t("merge_kept_mine" if prefer == "mine" else "merge_kept_theirs", lang))
    return True


def restore(ref: Ref, version: int, lang: str | None = None) -> bool:
    lang = lang or state.lang()
    base = _base_version(ref)
    try:
        new_version = store().restore_version(ref.aid, version, _author(), expected_version=base)
    except StaleVersionError:
        state.flash("error", t("conflict", lang))
        return False
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(_problem_text(exc))))
        return False
    _remember(ref.aid, base, new_version)
    state.flash("toast", t("restored", lang, v=version))
    return True
