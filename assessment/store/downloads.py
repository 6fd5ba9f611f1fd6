"""Downloads from the app in the audit log: the PDF report, the Excel workbook, the plan as a
calendar (.ics) and as a table (.csv), and evidence files, each written as who, what, which
assessment and when. Methods of the access-checked view (:class:`.access.AccessStore`): a
reader of the assessment's organisation may download, and the row is written when the
download is made, not when the page showing the button is drawn."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import tables as t
from .errors import NoAccess, StoreError
from .levels import READ

if TYPE_CHECKING:
    from .access import Principal

DOWNLOADS = {
    "report_pdf": "the PDF report",
    "workbook_xlsx": "the Excel workbook",
    "plan_ics": "the plan as a calendar (.ics)",
    "plan_csv": "the plan as a table (.csv)",
}


class DownloadsMixin:
    """``record_download`` and ``download_file`` for the access-checked view."""

    _store: Any
    principal: Principal
    if TYPE_CHECKING:  # the view's own (access._Checker)

        def organisations_of(self, kind: str, key: Any) -> set[int]: ...
        def require(self, level: int, organisations: set[int], what: str) -> None: ...

    def record_download(self, assessment_id: int, what: str, detail: str | None = None) -> None:
        """Write a download of an assessment (``what``: one of :data:`DOWNLOADS`; ``detail``,
        e.g. the report's language) to the audit log, for a reader of its organisation."""
        if what not in DOWNLOADS:
            raise StoreError(f"{what!r} is not a download; one of {', '.join(DOWNLOADS)}")
        orgs = self._readable(assessment_id)
        self._record("download", assessment_id, orgs, f"{what} {detail}" if detail else what)

    def download_file(self, assessment_id: int, sha256: str) -> bytes | None:
        """The bytes of an evidence file of this assessment, for a reader of its organisation
        (None when erased or missing), with a row in the audit log. A file that is not this
        assessment's is answered like one that does not exist."""
        orgs = self._readable(assessment_id)
        key = str(sha256).lower()
        af = t.assessment_files
        with self._store._read() as conn:
            used = conn.execute(
                select(af.c.sha256).where(af.c.assessment_id == assessment_id, af.c.sha256 == key)
            ).first()
        if used is None:
            raise NoAccess(f"file {key[:12]} does not exist or you have no access to it")
        data = self._store.get_file(key)
        if data is not None:
            self._record("file_download", assessment_id, orgs, f"file {key}")
        return data

    def _readable(self, assessment_id: int) -> set[int]:
        orgs = self.organisations_of("assessment", assessment_id)
        self.require(READ, orgs, f"assessment {assessment_id}")
        return orgs

    def _record(self, action: str, assessment_id: int, orgs: set[int], detail: str) -> None:
        for org in sorted(orgs) or [None]:
            self._store.record_audit(
                self.principal.actor, action, org, f"assessment {assessment_id}", detail
            )
