"""Criteria packs for the store: the built-in ones and uploaded ones kept as text."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, insert, select

from ..assessments import CriteriaSetRef
from ..catalog import Catalog, load_catalog
from ..errors import IkmError, PackNotFound
from ..packs import Pack, parse_pack
from . import tables as t
from .base import StoreBase, _database_errors, log
from .errors import NotFoundError
from .files import sha256_hex
from .records import StoredPack


class PackMixin(StoreBase):
    """Methods of :class:`Store` for criteria packs."""

    def _builtin_catalog(self) -> Catalog:
        """The built-in packs, all loaded once (so threads never load one at the same time)."""
        with self._lock:
            if self._builtin is None:
                self._builtin = Catalog(list(load_catalog()))
            return self._builtin

    @_database_errors
    def save_pack_text(self, text: str, name: str) -> Pack:
        """Validate an uploaded pack and keep its text, so assessments on it survive a restart.

        Raises :class:`~assessment.errors.PackError` with every problem when invalid.
        Storing the same text twice keeps one copy.
        """
        pack = parse_pack(text, name)
        self._in_write(lambda conn: self._store_pack(conn, pack, text, name))
        return pack

    def _store_pack(self, conn: Connection, pack: Pack, text: str, name: str) -> None:
        if conn.execute(select(t.packs.c.sha256).where(t.packs.c.sha256 == pack.sha256)).first():
            return
        conn.execute(
            insert(t.packs).values(
                sha256=pack.sha256,
                pack_id=pack.id,
                version=pack.version,
                name=Path(name).name[:500],
                text=text,
                created_at=t.utc_now(),
            )
        )
        with self._lock:
            self._parsed_packs[pack.sha256] = pack

    @_database_errors
    def stored_packs(self) -> list[StoredPack]:
        """The packs users uploaded, oldest first."""
        p = t.packs
        with self._read() as conn:
            rows = conn.execute(
                select(p.c.sha256, p.c.pack_id, p.c.version, p.c.name, p.c.created_at).order_by(
                    p.c.created_at, p.c.sha256
                )
            ).all()
        return [StoredPack(**row._asdict()) for row in rows]

    def _stored_pack(self, conn: Connection, sha256: str) -> Pack | None:
        with self._lock:
            cached = self._parsed_packs.get(sha256)
        if cached is not None:
            return cached
        row = conn.execute(
            select(t.packs.c.text, t.packs.c.name).where(t.packs.c.sha256 == sha256)
        ).first()
        if row is None:
            return None
        try:
            pack = parse_pack(row.text, row.name)
        except IkmError as exc:  # e.g. stricter rules in a newer version: skip, keep working
            log.warning("stored pack %s no longer loads: %s", row.name, exc)
            return None
        with self._lock:
            self._parsed_packs[sha256] = pack
        return pack

    @_database_errors
    def catalog(self) -> Catalog:
        """The built-in packs plus the stored ones (a stored pack replaces a built-in one of
        the same id; of two stored versions the newest wins)."""
        catalog = Catalog(self._builtin_catalog())
        with self._read() as conn:
            for stored in conn.execute(
                select(t.packs.c.sha256).order_by(t.packs.c.created_at, t.packs.c.sha256)
            ).scalars():
                pack = self._stored_pack(conn, stored)
                if pack is not None:
                    catalog.add(pack)
        return catalog

    def _find_pack(
        self, ref: CriteriaSetRef, sha256: str | None = None, conn: Connection | None = None
    ) -> Pack | None:
        """The exact pack by sha256 when known, else the pack with the id; None if neither."""
        if sha256:
            for pack in self._builtin_catalog():
                if pack.sha256 == sha256:
                    return pack
            if conn is not None:
                found = self._stored_pack(conn, sha256)
            else:
                with self._read() as c:
                    found = self._stored_pack(c, sha256)
            if found is not None and found.id == ref.id:
                return found
        try:
            return self.catalog().pack_for(ref)
        except PackNotFound:
            return None

    def _pack_for_stored(
        self, conn: Connection, assessment_id: int, ref: CriteriaSetRef
    ) -> Pack | None:
        sha = conn.execute(
            select(t.assessments.c.pack_sha256).where(t.assessments.c.id == assessment_id)
        ).scalar()
        return self._find_pack(ref, sha, conn)

    def _pack_of(self, assessment_id: int, ref: CriteriaSetRef) -> Pack | None:
        with self._read() as conn:
            return self._pack_for_stored(conn, assessment_id, ref)

    @_database_errors
    def pack_for(self, assessment_id: int) -> Pack:
        """The criteria pack an assessment was saved with (the exact text when still known),
        else the loaded pack with its id; :class:`~assessment.errors.PackNotFound` if none."""
        with self._read() as conn:
            row = conn.execute(
                select(t.assessments.c.pack_id, t.assessments.c.pack_sha256).where(
                    t.assessments.c.id == assessment_id
                )
            ).first()
            if row is None:
                raise NotFoundError(f"assessment {assessment_id} does not exist")
            pack = self._find_pack(CriteriaSetRef(id=row.pack_id), row.pack_sha256, conn)
        if pack is None:
            raise PackNotFound(
                f"criteria pack '{row.pack_id}' of assessment {assessment_id} is not loaded; "
                "upload it again"
            )
        return pack

    def _remember_pack(self, conn: Connection, pack: Pack) -> None:
        """Keep the text of a pack that came from a file outside the built-in set."""
        if any(p.sha256 == pack.sha256 for p in self._builtin_catalog()):
            return
        source = Path(pack.source) if pack.source else None
        try:
            if source is None or not source.is_file():
                return
            text = source.read_text(encoding="utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return
        if sha256_hex(text.encode("utf-8")) == pack.sha256:
            self._store_pack(conn, pack, text, source.name)
