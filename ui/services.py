"""The thin layer between the pages and ``assessment``: the store, packs, saving and the report.

Pages never touch the store directly. Every change goes through :func:`_change`, which
loads the current version, applies one small edit, validates and saves it at once with the
version the page was showing, so nobody overwrites another person's work unnoticed. Errors
become a message on the next run (``state.flash``), never a traceback.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from assessment import edits
from assessment.assessments import (
    Assessment,
    CriteriaSetRef,
    Organisation,
)
from assessment.catalog import Catalog
from assessment.errors import IkmError, ValidationFailed
from assessment.i18n import localise
from assessment.method import Result, score
from assessment.packs import Pack, load_pack_bytes
from assessment.problem_words import in_language
from assessment.store import (
    FileRejected,
    NotFoundError,
    OrganisationSummary,
    StaleVersionError,
    Store,
    VersionInfo,
    open_store,
)
from assessment.store import accepted_extensions as _accepted_extensions
from ui import state
from ui.labels import md, t

log = logging.getLogger(__name__)
MIB = 1024 * 1024
MAX_IMPORT_MB = 200  # an .ikmz carries every evidence file; each file keeps the store's limit
_MINE = "_saved_versions"  # {(assessment id, version): version this session saved after it}


@dataclass(frozen=True)
class Ref:
    """What a page was showing: the assessment id and its version."""

    aid: int
    version: int


@dataclass(frozen=True)
class Opened:
    """The open assessment at one version, with its pack and its result."""

    ref: Ref
    assessment: Assessment
    pack: Pack
    result: Result


@dataclass(frozen=True)
class PackCheck:
    """An uploaded pack: the pack when valid, else every problem as text."""

    pack: Pack | None
    problems: tuple[str, ...]


# ---- resources -------------------------------------------------------------------------------


@st.cache_resource(show_spinner=False)
def store() -> Store:
    """The store (one per process), with the demo set up on first use."""
    opened = open_store()
    try:
        opened.ensure_demo()
    except IkmError as exc:  # the app still works without the demo
        log.warning("demo not set up: %s", exc)
    return opened


@st.cache_resource(show_spinner=False, max_entries=64)
def _opened(aid: int, version: int) -> Opened | None:
    """One version of an assessment, with its pack and result (immutable, so shared)."""
    db = store()
    try:
        assessment, stored_version = db.get_assessment(aid)
        pack = db.pack_for(aid)
    except NotFoundError:
        return None
    return Opened(Ref(aid, stored_version), assessment, pack, score(pack, assessment))


def current() -> Opened | None:
    """The open assessment (from the id in session state), or None."""
    raw = state.assessment_id()
    if raw is None or not raw.isdigit():
        return None
    aid = int(raw)
    try:
        version = store().get_summary(aid).version
    except NotFoundError:
        return None
    opened = _opened(aid, version)
    if opened is not None and opened.ref.version != version:  # saved in between
        _opened.clear()
        opened = _opened(aid, version)
    return opened


def packs() -> Catalog:
    """Built-in packs plus the packs users uploaded earlier."""
    return store().catalog()


def pack_title(pack_id: str, lang: str) -> str:
    catalog = packs()
    return localise(catalog.get(pack_id).title, lang) if pack_id in catalog else pack_id


def overview() -> list[OrganisationSummary]:
    """Organisations with their assessments (readiness, verdict, last change)."""
    return store().list_organisations()


def accepted_extensions() -> list[str]:
    return _accepted_extensions()


def max_upload_mb() -> int:
    """The store's limit for one evidence file, in whole megabytes for the uploader."""
    return max(1, store().max_file_bytes // MIB)


def max_import_mb() -> int:
    return max(MAX_IMPORT_MB, max_upload_mb())


def has_file(sha256: str) -> bool:
    info = store().file_info(sha256)
    return info is not None and not info.erased


def file_bytes(sha256: str) -> bytes:
    return store().get_file(sha256) or b""


def history(aid: int) -> list[VersionInfo]:
    return store().history(aid)


def export_ikmz(aid: int, include_personal_data: bool = True) -> bytes:
    """The .ikmz archive; without the files of evidence marked as personal data if asked."""
    return store().export_ikmz(aid, include_personal_data=include_personal_data)


def file_stem(opened: Opened) -> str:
    """A file name for downloads: the organisation and the assessment date."""
    slug = re.sub(r"[^a-z0-9]+", "-", opened.assessment.organisation.name.lower()).strip("-")
    return f"{slug[:60] or 'assessment'}-{opened.assessment.assessment_date.isoformat()}"


# ---- saving ------------------------------------------------------------------------------------


def _author() -> str | None:
    name = (st.session_state.get(state.AUTHOR) or "").strip()
    return name[:200] or None


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
    """Apply ``edit`` to the version the page showed and save it at once."""
    db = store()
    base = _base_version(ref)
    try:
        assessment, version = db.get_assessment(ref.aid)
        if version != base:
            raise StaleVersionError(ref.aid, base, version, None)
        changed = edit(assessment.model_copy(deep=True))
        new_version = db.save(ref.aid, changed, base, _author())
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


# ---- new assessments, packs, import, the demo --------------------------------------------------


@st.cache_resource(show_spinner=False, max_entries=8)
def check_pack_upload(name: str, raw: bytes) -> PackCheck:
    """Validate an uploaded pack; every problem by line when it is invalid."""
    try:
        return PackCheck(load_pack_bytes(raw, name), ())
    except ValidationFailed as exc:
        return PackCheck(None, tuple(str(p) for p in exc.problems))
    except IkmError as exc:
        return PackCheck(None, (str(exc),))


def create_assessment(
    *,
    name: str,
    sector: str | None,
    size: str | None,
    handling: str | None,
    pack_id: str | None,
    pack_upload: tuple[str, bytes] | None,
    assessment_date: date,
    audit_date: date | None,
    assessors: list[str],
    language: str,
    lang: str,
) -> int | None:
    """Store a new, empty assessment and return its id (None with a message on failure)."""
    db = store()
    try:
        if pack_upload is not None:
            upload_name, raw = pack_upload
            pack = db.save_pack_text(raw.decode("utf-8-sig"), upload_name)
        else:
            pack = db.catalog().get(pack_id or "ikm-readiness")
        assessment = Assessment(
            schema_version=1,
            criteria_set=CriteriaSetRef(id=pack.id, version=pack.version),
            organisation=Organisation(name=name, sector=sector, size=size, handling=handling),
            assessment_date=assessment_date,
            audit_date=audit_date,
            assessors=assessors,
            language=language,
        )
        return db.create_assessment(assessment, pack, author=_author())
    except (IkmError, UnicodeDecodeError, ValueError) as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return None


def import_upload(name: str, data: bytes, lang: str) -> int | None:
    """Import a .json or .ikmz file as a new assessment; None with the problems on failure."""
    warnings: list[Any] = []
    try:
        aid = store().import_file(data, name, author=_author(), warnings=warnings)
    except IkmError as exc:
        detail = md(in_language(str(exc), lang))
        state.flash("error", t("import_failed", lang, file=md(name)) + "\n\n" + detail)
        return None
    state.flash("toast", t("imported", lang, file=md(name)))
    for warning in warnings:
        state.flash("warning", t("import_warning", lang, problem=md(str(warning))))
    return aid


def demo_id(lang: str | None = None) -> int | None:
    """The demo assessment's id; imported again when the user had deleted it."""
    lang = lang or state.lang()
    db = store()
    try:
        aid = db.ensure_demo()
        if aid is None:
            from assessment.demo import demo_assessment

            aid = db.import_file(
                demo_assessment(lang).to_json().encode("utf-8"), "demo.json", author="demo"
            )
        return aid
    except IkmError as exc:
        state.flash("error", t("demo_failed", lang, problem=md(str(exc))))
        return None


# ---- the report --------------------------------------------------------------------------------


def report_available() -> bool:
    """Whether the report can be rendered here; starts the chart helper process if so."""
    try:
        from assessment import report
        from assessment.chartsvg import start_early
    except ImportError:
        return False
    start_early()  # it starts up while the user looks at the page, not on the first render
    return hasattr(report, "render_pdf")


@st.cache_resource(show_spinner=False, max_entries=6)
def _pdf(aid: int, version: int, lang: str, votes: int = 0) -> bytes:
    """The report; ``votes`` (workshop votes so far) only keys the cache."""
    from assessment.report import render_pdf
    from assessment.store.workshops import WorkshopStore

    opened = _opened(aid, version)
    if opened is None:
        raise NotFoundError(f"assessment {aid} does not exist")
    appendix = WorkshopStore.of(store()).appendix(aid, lang)  # the workshop appendix, if any
    return render_pdf(opened.pack, opened.assessment, lang, workshop=appendix)


def _votes(aid: int) -> int:
    from assessment.store.workshops import WorkshopStore

    return WorkshopStore.of(store()).vote_total(aid)


def prepare_pdf(opened: Opened, lang: str) -> str | None:
    """Render the PDF report (kept for the download); the problem as text when it fails."""
    try:
        _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid))
    except IkmError as exc:
        return str(exc)
    except Exception as exc:  # a renderer failure must not take the page down
        log.exception("report failed")
        return f"{type(exc).__name__}: {exc}"
    return None


def pdf_bytes(opened: Opened, lang: str) -> bytes | None:
    try:
        return _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid))
    except Exception:
        return None


# ---- evidence kept on the Evidence page, the bin, the demo, renames (issue 18) ----------------

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

    from assessment.store.files import human_size

    limit = store().max_file_bytes
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if not data:
        return t("file_empty", lang, name=name)
    if len(data) > limit:
        size, most = human_size(len(data)), human_size(limit)
        if lang == "nl":  # decimal comma
            size, most = size.replace(".", ","), most.replace(".", ",")
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
    if fields.link and not fields.link.startswith(("https://", "http://")):
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
    from assessment.store import bin as store_bin

    store_bin.purge(store())
    return store_bin.binned(store())


def move_to_bin(aid: int, lang: str) -> bool:
    from assessment.store import bin as store_bin

    try:
        store_bin.move_to_bin(store(), aid, _author())
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    if state.assessment_id() == str(aid):
        state.close_assessment()
    state.flash("toast", t("binned", lang))
    return True


def take_out_of_bin(aid: int, lang: str) -> bool:
    from assessment.store import bin as store_bin

    try:
        store_bin.take_out(store(), aid)
    except IkmError as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return False
    state.flash("toast", t("unbinned", lang))
    return True


@st.cache_resource(show_spinner=False, max_entries=2000)
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


def follow_rename(ref: Ref, name: str, sector: str | None) -> None:
    """Let the start list show the organisation's new name."""
    from assessment.store.orgname import follow_rename as follow

    try:
        follow(store(), ref.aid, name, sector)
    except IkmError as exc:
        log.warning("organisation list not renamed: %s", exc)
