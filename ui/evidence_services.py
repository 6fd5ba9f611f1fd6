"""Evidence kept on the Evidence page (add, edit, attach, several files at once), the bin of
deleted assessments, the demo's reset and renames (issue 18)."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from assessment import edits
from assessment.assessments import Assessment
from assessment.errors import IkmError
from assessment.formats import file_size
from assessment.links import is_clickable
from assessment.store import FileRejected, RenameRefused
from ui import state
from ui.labels import md, t
from ui.new_assessments import demo_id
from ui.saving import _change
from ui.store_access import Ref, _author, accepted_extensions, overview, shared_store, store

log = logging.getLogger(__name__)


UPLOAD_WIDGET_MB = 200  # = server.maxUploadSize: the uploader lets files above the store's
# limit through, so the store decides and says so beside the field in the page's language


@dataclass(frozen=True)
class EvidenceFields:
    """What the evidence form holds (the file apart)."""

    kind: str
    title: str
    source: str | None
    day: date | None
    link: str | None
    personal_data: bool
    criteria: list[str]


def upload_problem(name: str, data: bytes, lang: str) -> str | None:
    """Why an evidence file would be refused, in ``lang``; None when the store takes it."""
    from pathlib import PurePath

    limit = store().max_file_bytes
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if not data:
        return t("file_empty", lang, name=name)
    if len(data) > limit:
        size, most = file_size(len(data), lang), file_size(limit, lang)
        return t("file_too_large", lang, name=name, size=size, limit=most)
    if suffix not in {e.lstrip(".") for e in accepted_extensions()}:
        return t("file_type_refused", lang, name=name, types=", ".join(accepted_extensions()))
    return None


def _store_upload(name: str, data: bytes, lang: str) -> tuple[Any, str | None]:
    """Store one evidence file: (its description, None) or (None, why it was refused)."""
    problem = upload_problem(name, data, lang)
    if problem:
        return None, problem
    try:
        return store().add_file(data, name), None
    except FileRejected:  # the content is not what the name says
        return None, t("file_content_wrong", lang, name=name)
    except IkmError as exc:
        return None, t("not_saved", lang, problem=md(str(exc)))


def save_evidence(
    ref: Ref, evidence_id: str | None, fields: EvidenceFields, upload: Any, lang: str
) -> tuple[str | None, dict[str, str]]:
    """Add an evidence item (``evidence_id`` None) or change one; with ``upload`` its file is
    attached or replaced. Returns the item's id, or None and a message per form field
    (``title``, ``link``, ``file``, ``form``); when anything is refused nothing is saved."""
    problems: dict[str, str] = {}
    if not fields.title:
        problems["title"] = t("ev_title_needed", lang)
    if fields.link and not is_clickable(fields.link):
        problems["link"] = t("ev_link_bad", lang)
    if upload is not None:
        problem = upload_problem(upload.name, upload.getvalue(), lang)
        if problem:
            problems["file"] = problem
    if problems:
        return None, problems
    stored_file = None
    if upload is not None:
        stored_file, problem = _store_upload(upload.name, upload.getvalue(), lang)
        if problem:
            return None, {"file": problem}
    values: dict[str, Any] = {
        "kind": fields.kind,
        "title": fields.title,
        "source": fields.source,
        "date": fields.day,
        "link": fields.link,
        "personal_data": fields.personal_data,
        "criteria": list(fields.criteria),
    }
    if stored_file is not None:
        values["file"] = stored_file
    new_id: list[str] = []

    def edit(a: Assessment) -> Assessment:
        if evidence_id is None:
            changed, eid = edits.add_evidence(a, **values)
            new_id.append(eid)
            return changed
        new_id.append(evidence_id)
        return edits.update_evidence(a, evidence_id, **values)

    before = state.flash_count()
    if _change(ref, edit, lang):
        label = "ev_added" if evidence_id is None else "ev_saved"
        state.flash("toast", t(label, lang, id=new_id[-1]))
        return new_id[-1], {}
    return None, {"form": state.take_errors(before) or t("conflict", lang)}


def add_evidence_files(
    ref: Ref, uploads: list[Any], fields: EvidenceFields, lang: str
) -> tuple[list[str], dict[str, str]]:
    """Add one evidence item per file (titled with the file's name). All or nothing: when a
    file is refused, nothing is saved and each refused file is named with its problem."""
    problems = {
        u.name: problem
        for u in uploads
        if (problem := upload_problem(u.name, u.getvalue(), lang)) is not None
    }
    if problems:
        return [], problems
    stored = []
    for u in uploads:
        described, problem = _store_upload(u.name, u.getvalue(), lang)
        if problem:
            return [], {u.name: problem}
        stored.append(described)
    ids: list[str] = []

    def edit(a: Assessment) -> Assessment:
        for described in stored:
            title = described.name.rsplit(".", 1)[0] or described.name
            a, eid = edits.add_evidence(
                a,
                kind=fields.kind,
                title=title,
                source=fields.source,
                date=fields.day,
                criteria=list(fields.criteria),
                personal_data=fields.personal_data,
                file=described,
            )
            ids.append(eid)
        return a

    before = state.flash_count()
    if _change(ref, edit, lang):
        state.flash("toast", t("ev_bulk_added", lang, n=len(ids)))
        return ids, {}
    return [], {"": state.take_errors(before) or t("conflict", lang)}


def binned() -> dict[int, Any]:
    """The assessments in the bin, by id; those kept longer than 30 days are deleted first."""
    shared_store().purge_bin()  # housekeeping of the whole store, nobody's own action
    visible = {item.id for org in overview() for item in org.assessments}
    return {aid: entry for aid, entry in store().binned_assessments().items() if aid in visible}


def move_to_bin(aid: int, lang: str) -> bool:
    try:
        store().move_to_bin(aid, _author())
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    if state.assessment_id() == str(aid):
        state.close_assessment()
    state.flash("toast", t("binned", lang))
    return True


def take_out_of_bin(aid: int, lang: str) -> bool:
    try:
        store().take_out_of_bin(aid)
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("unbinned", lang))
    return True


@st.cache_data(show_spinner=False, max_entries=2000)
def origin(aid: int, created_at: Any = None) -> str | None:
    """The file an assessment was imported from, or None when it was made here (kept per id
    and creation time: it never changes)."""
    first = store().history(aid)[-1]
    for change in first.changes:
        if change.get("kind") == "imported":
            return str(change.get("name") or "") or None
    return None


def reset_demo(lang: str) -> bool:
    """Put the demo back as shipped, as a new version (its history keeps every change)."""
    from assessment.demo import demo_assessment

    aid = demo_id(lang)
    if aid is None:
        return False
    db = store()
    try:
        _current, version = db.get_assessment(aid)
        db.save(aid, demo_assessment(), version, _author())
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("demo_reset_done", lang))
    return True


def is_demo(aid: int) -> bool:
    return store().ensure_demo() == aid


def follow_rename(ref: Ref, name: str, sector: str | None, lang: str = "nl") -> str | None:
    """Let the start list show the organisation's new name; the message why not when the
    store refuses it (a move into another organisation or a new one, see
    ``AccessStore.follow_rename``), None when it followed."""
    try:
        store().follow_rename(ref.aid, name, sector)
    except RenameRefused as exc:
        return t(f"rename_refused_{exc.reason}", lang, name=md(repr(name.strip())))
    except IkmError as exc:
        log.warning("organisation list not renamed: %s", exc)
    return None
