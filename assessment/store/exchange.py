"""Export and import of assessments: portable JSON and ``.ikmz`` archives, and the demo."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, insert, select

from ..assessments import MAX_ASSESSMENT_BYTES, Assessment, EvidenceFile, load_assessment_text
from ..catalog import Catalog
from ..errors import PackNotFound, Problem
from ..yamlsource import decode_text
from . import archive as ikmz
from . import tables as t
from .base import StoreBase, _database_errors
from .errors import ArchiveError, FileRejected, StoreError
from .files import check_file

DEMO_KEY = "demo_assessment_id"


class ExchangeMixin(StoreBase):
    """Methods of :class:`Store` for exchange."""

    @_database_errors
    def export_json(self, assessment_id: int) -> str:
        """The current version as portable JSON (SPEC section 2)."""
        assessment, _version = self.get_assessment(assessment_id)
        return assessment.to_json()

    @_database_errors
    def export_ikmz(self, assessment_id: int, include_personal_data: bool = True) -> bytes:
        """An ``.ikmz`` archive: ``assessment.json`` and ``evidence/<sha256>`` for each file
        whose content is in the store.

        With ``include_personal_data=False`` files of evidence items marked as holding
        personal data are left out (their name, size and hash stay in the JSON).
        """
        assessment, _version = self.get_assessment(assessment_id)
        personal = {
            e.file.sha256 for e in assessment.evidence if e.file is not None and e.personal_data
        }
        wanted = [
            sha
            for sha in ikmz.evidence_files(assessment)
            if include_personal_data or sha not in personal
        ]
        blobs: dict[str, bytes] = {}
        with self._read() as conn:
            for sha in wanted:
                content = conn.execute(
                    select(t.files.c.content).where(t.files.c.sha256 == sha)
                ).scalar()
                if content is not None:
                    blobs[sha] = content
        return ikmz.write_archive(assessment.to_json(), blobs)

    @_database_errors
    def import_file(
        self,
        data: bytes,
        name: str,
        catalog: Catalog | None = None,
        *,
        author: str | None = None,
        warnings: list[Problem] | None = None,
        admit: Callable[[Assessment], None] | None = None,
    ) -> int:
        """Import an assessment from ``.json`` or ``.ikmz`` bytes; return the new id.

        The assessment is validated against its pack from ``catalog`` (else the store's
        :meth:`catalog`); an archive is checked entry by entry (see ``archive``) and each
        file like an upload. Any problem raises an ``IkmError`` naming ``name``, and then
        nothing is imported. Warnings (e.g. another pack version) are appended to
        ``warnings``. A pack that came from a file outside the built-in set is kept too.
        ``admit``, when given, is called with the checked assessment before anything is
        stored and may refuse it by raising (the access check of its organisation).
        """
        blobs: dict[str, bytes] = {}
        if ikmz.is_archive(data) or name.lower().endswith(".ikmz"):
            content = ikmz.read_archive(data, name, self.max_file_bytes)
            text, blobs = content.text, content.blobs
            where = f"{name}!{ikmz.ASSESSMENT_ENTRY}"
        else:
            text = decode_text(data, name, max_bytes=MAX_ASSESSMENT_BYTES)
            if not text.strip():
                raise StoreError(f"{name}: file is empty")
            where = name
        catalog = catalog or self.catalog()
        try:
            assessment, pack, found = load_assessment_text(text, where, catalog.pack_for)
        except PackNotFound as exc:
            if str(exc).startswith(where):
                raise
            raise PackNotFound(f"{where}: {exc}") from None
        described = self._check_blobs(assessment, blobs, name)
        if admit is not None:
            admit(assessment)
        if warnings is not None:
            warnings.extend(found)

        def store(conn: Connection) -> int:
            self._remember_pack(conn, pack)
            for sha, info in described.items():
                self._store_blob(conn, info, blobs[sha], revive=False)
            marked = self._mark_erased(assessment, self._erased_hashes(conn, assessment))
            org = self._organisation_for(conn, marked)
            changes = [{"kind": "imported", "name": Path(name).name}]
            return self._insert_assessment(conn, marked, pack, org, author, changes)

        return self._in_write(store)

    def _check_blobs(
        self, assessment: Assessment, blobs: dict[str, bytes], name: str
    ) -> dict[str, EvidenceFile]:
        """Each archived file must be referred to, have the recorded size and the right type."""
        referred: dict[str, EvidenceFile] = {}
        for item in assessment.evidence:
            if item.file is not None:
                referred.setdefault(item.file.sha256, item.file)
        described: dict[str, EvidenceFile] = {}
        for sha, body in blobs.items():
            meta = referred.get(sha)
            if meta is None:
                raise ArchiveError(
                    f"{name}: evidence/{sha} is not referred to by any evidence item; "
                    "nothing was imported"
                )
            if meta.size != len(body):
                raise ArchiveError(
                    f"{name}: evidence/{sha} has {len(body)} bytes but the assessment says "
                    f"{meta.size}; nothing was imported"
                )
            try:
                described[sha] = check_file(body, meta.name, self.max_file_bytes)
            except FileRejected as exc:
                raise ArchiveError(f"{name}: evidence/{sha}: {exc}; nothing was imported") from None
        return described

    @_database_errors
    def ensure_demo(self, catalog: Catalog | None = None) -> int | None:
        """Import the demo assessment the first time the store is used; return its id.

        Later calls return the same id; None once the user deleted the demo (it is not
        brought back).
        """
        with self._read() as conn:
            value = self._setting(conn, DEMO_KEY)
        if value is None:
            from ..demo import demo_assessment

            demo = demo_assessment()
            pack = (catalog or self.catalog()).pack_for(demo.criteria_set)

            def set_up(conn: Connection) -> str:
                existing = self._setting(conn, DEMO_KEY)
                if existing is not None:  # another process was first
                    return existing
                org = self._organisation_for(conn, demo)
                new_id = self._insert_assessment(
                    conn, demo, pack, org, "demo", [{"kind": "created"}]
                )
                conn.execute(insert(t.settings).values(key=DEMO_KEY, value=str(new_id)))
                return str(new_id)

            value = self._in_write(set_up)
        demo_id = int(value)
        with self._read() as conn:
            exists = conn.execute(select(t.assessments.c.id).where(t.assessments.c.id == demo_id))
            return demo_id if exists.first() else None

    @staticmethod
    def _setting(conn: Connection, key: str) -> str | None:
        return conn.execute(select(t.settings.c.value).where(t.settings.c.key == key)).scalar()
