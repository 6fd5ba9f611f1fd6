"""The store and the open assessment for the pages: the one store of the process, the
assessment each session has open (its own copy), and reading helpers."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from assessment.assessments import (
    Assessment,
)
from assessment.catalog import Catalog
from assessment.errors import IkmError
from assessment.i18n import localise
from assessment.method import Result, score
from assessment.packs import Pack
from assessment.store import (
    AccessStore,
    NotFoundError,
    OrganisationSummary,
    Store,
    VersionInfo,
    open_store,
)
from assessment.store import accepted_extensions as _accepted_extensions
from ui import state

log = logging.getLogger(__name__)
MIB = 1024 * 1024
MAX_IMPORT_MB = 200  # an .ikmz carries every evidence file; each file keeps the store's limit


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


# ---- resources ------------------------------------------------------------------------------


def store() -> AccessStore:
    """The store as this session's person may use it (``ui.auth.principal``): every call is
    checked by the store's access view, never by the pages."""
    from ui import auth

    view = shared_store().as_principal(auth.principal())
    auth.record_sign_in(view)
    return view


def _close_store(opened: Store) -> None:
    opened.close()


@st.cache_resource(show_spinner=False, on_release=_close_store)
def shared_store() -> Store:
    """The store (one per process, shared by every session: it is thread-safe and holds no
    session's data), with the demo set up on first use. Pages never use it directly: they
    get :func:`store`, the access-checked view."""
    opened = open_store()
    try:
        opened.ensure_demo()
    except IkmError as exc:  # the app still works without the demo
        log.warning("demo not set up: %s", exc)
    return opened


def _opened(aid: int, version: int) -> Opened | None:
    """One version of an assessment, with its pack and its result as of today (the result
    says which points are overdue, so a version opened yesterday is scored anew)."""
    return _opened_on(aid, version, date.today())


@st.cache_data(show_spinner=False, max_entries=64)
def _opened_on(aid: int, version: int, today: date) -> Opened | None:
    """One version of an assessment, with its pack and its result on ``today``.

    ``st.cache_data``: every call gets its own copy (unpickled, under a millisecond), so a
    page that changes the assessment or pack object it was given never changes what another
    session sees.
    """
    db = store()
    try:
        assessment, stored_version = db.get_assessment(aid)
        pack = db.pack_for(aid)
    except NotFoundError:
        return None
    return Opened(Ref(aid, stored_version), assessment, pack, score(pack, assessment, today))


@st.cache_data(show_spinner=False, max_entries=512)
def completeness_of(aid: int, version: int) -> tuple[int, int, int] | None:
    """(answered, applicable, to re-confirm) of one version, for lists that show readiness:
    every view that shows readiness or a verdict also shows how complete it is."""
    opened = _opened(aid, version)
    if opened is None:
        return None
    done = opened.result.completeness
    return done.answered, done.applicable, done.to_confirm


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
        _opened_on.clear()
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


def file_download(aid: int, sha256: str) -> Callable[[], bytes]:
    """The bytes of an evidence file of assessment ``aid`` for ``st.download_button``,
    fetched when clicked (on another thread, so the session's access view is taken now) and
    then written to the audit log with the assessment."""
    view = store()
    return lambda: view.download_file(aid, sha256) or b""


def recorded_download(
    aid: int, what: str, make: Callable[[], Any], detail: str | None = None
) -> Callable[[], Any]:
    """``make`` for ``st.download_button``, run when clicked, after the download (``what``:
    ``report_pdf``, ``workbook_xlsx``, ``plan_ics``, ``plan_csv``) is written to the audit
    log through the access-checked store (who, what, which assessment, when)."""
    view = store()

    def download() -> Any:
        view.record_download(aid, what, detail)
        return make()

    return download


def json_download(aid: int) -> Callable[[], str]:
    """The assessment's JSON for ``st.download_button`` (an export: in the audit log)."""
    view = store()
    return lambda: view.export_json(aid)


def ikmz_download(aid: int, include_personal_data: bool = True) -> Callable[[], bytes]:
    """The .ikmz archive for ``st.download_button`` (an export: in the audit log)."""
    view = store()
    return lambda: view.export_ikmz(aid, include_personal_data=include_personal_data)


def history(aid: int) -> list[VersionInfo]:
    return store().history(aid)


def export_ikmz(aid: int, include_personal_data: bool = True) -> bytes:
    """The .ikmz archive; without the files of evidence marked as personal data if asked."""
    return store().export_ikmz(aid, include_personal_data=include_personal_data)


def file_stem(opened: Opened) -> str:
    """A file name for downloads: the organisation and the assessment date."""
    slug = re.sub(r"[^a-z0-9]+", "-", opened.assessment.organisation.name.lower()).strip("-")
    return f"{slug[:60] or 'assessment'}-{opened.assessment.assessment_date.isoformat()}"


def _author() -> str | None:
    name = (st.session_state.get(state.AUTHOR) or "").strip()
    return name[:200] or None
