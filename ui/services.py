"""The thin layer between the pages and ``assessment``: the store, packs, saving and the report.

Pages never touch the store directly. Every change goes through :func:`_change`, which
loads the current version, applies one small edit, validates and saves it at once with the
version the page was showing, so nobody overwrites another person's work unnoticed. Errors
become a message on the next run (``state.flash``), never a traceback.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
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
from assessment.errors import IkmError, InputFileError, ValidationFailed
from assessment.i18n import localise
from assessment.method import Result, score
from assessment.packs import Pack, load_pack_bytes
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
        state.flash("error", t("not_saved", lang, problem=md(_problem_text(exc))))
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


def add_evidence(
    ref: Ref,
    *,
    kind: str,
    title: str,
    source: str | None,
    day: date | None,
    link: str | None,
    upload: Any,
    personal_data: bool,
    criteria: list[str],
    lang: str | None = None,
) -> str | None:
    """Add an evidence item (storing its file first); return its id, or None with a message."""
    lang = lang or state.lang()
    if not title:
        state.flash("error", t("ev_title_needed", lang))
        return None
    if link and not link.startswith(("https://", "http://")):
        state.flash("error", t("ev_link_bad", lang))
        return None
    stored_file = None
    if upload is not None:
        try:
            stored_file = store().add_file(upload.getvalue(), upload.name)
        except (FileRejected, InputFileError) as exc:
            message = str(exc)
            if upload.name not in message:
                message = f"{upload.name}: {message}"
            state.flash("error", t("not_saved", lang, problem=md(message)))
            return None
    new_id: list[str] = []

    def edit(a: Assessment) -> Assessment:
        changed, eid = edits.add_evidence(
            a,
            kind=kind,
            title=title,
            criteria=list(criteria),
            source=source,
            date=day,
            link=link,
            file=stored_file,
            personal_data=personal_data,
        )
        new_id.append(eid)
        return changed

    if _change(ref, edit, lang):
        state.flash("toast", t("ev_added", lang, id=new_id[-1]))
        return new_id[-1]
    return None


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
        state.flash("error", t("import_failed", lang, file=md(name)) + "\n\n" + md(str(exc)))
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


REPORT_TIMEOUT = 60  # seconds a render may take once it is its turn (the queue not counted)


def report_available() -> bool:
    """Whether the report can be rendered here; starts the report worker if so."""
    import importlib.util

    if importlib.util.find_spec("weasyprint") is None:
        return False
    report_pool().start()  # it warms up while the user looks at the page, not on the render
    return True


@st.cache_resource(show_spinner=False)
def report_pool() -> Any:
    """The server's report worker process (one, warmed up): the server itself never imports
    WeasyPrint or applies its speed fixes (see assessment.report.pool)."""
    from assessment.report.pool import ReportPool

    return ReportPool(workers=1, timeout=REPORT_TIMEOUT)


PDF_CACHE_SIZE = 6  # reports kept for the download, for all sessions together


@st.cache_resource(show_spinner=False)
def _pdf_cache() -> tuple[threading.Lock, OrderedDict[tuple[int, int, str, int], bytes]]:
    return threading.Lock(), OrderedDict()


def _pdf(
    aid: int, version: int, lang: str, votes: int = 0, on_wait: Callable[[Any], None] | None = None
) -> bytes:
    """The report (kept for the download); ``votes`` (workshop votes so far) only keys the
    cache. ``on_wait(job)`` is called while the render waits in the queue or runs (outside
    any cached function, so that it may show what it likes on the page)."""
    from assessment.report.pool import wait_for
    from assessment.store.workshops import WorkshopStore

    lock, kept = _pdf_cache()
    key = (aid, version, lang, votes)
    with lock:
        if key in kept:
            kept.move_to_end(key)
            return kept[key]
    opened = _opened(aid, version)
    if opened is None:
        raise NotFoundError(f"assessment {aid} does not exist")
    appendix = WorkshopStore.of(store()).appendix(aid, lang)  # the workshop appendix, if any
    job = report_pool().submit(opened.pack, opened.assessment, lang, workshop=appendix)
    pdf = wait_for(job, on_wait)
    with lock:
        kept[key] = pdf
        while len(kept) > PDF_CACHE_SIZE:
            kept.popitem(last=False)
    return pdf


def _votes(aid: int) -> int:
    from assessment.store.workshops import WorkshopStore

    return WorkshopStore.of(store()).vote_total(aid)


def prepare_pdf(
    opened: Opened, lang: str, on_wait: Callable[[Any], None] | None = None
) -> str | None:
    """Render the PDF report (kept for the download); the problem as text when it fails.
    ``on_wait(job)`` is called while it waits (``job.state``: "queued" or "rendering")."""
    try:
        _pdf(opened.ref.aid, opened.ref.version, lang, _votes(opened.ref.aid), on_wait)
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
