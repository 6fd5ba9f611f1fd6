"""A set of criteria packs: the built-in ones plus any the user adds.

Built-in packs are loaded lazily: their id is read from the file's top-level ``id:`` line
and the whole file is parsed and validated only when an assessment asks for that id. Packs
the user names (``--criteria``, uploads) are always loaded and validated at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .assessments import CriteriaSetRef
from .errors import PackNotFound
from .packs import Pack, load_pack, pack_files
from .resources import criteria_dir

_TOP_LEVEL_ID = re.compile(r"^id:\s*[\"']?([a-z0-9-]+)[\"']?\s*(?:#.*)?$", re.MULTILINE)


def peek_pack_id(path: Path) -> str | None:
    """The pack id from a file's top-level ``id:`` line, without parsing the YAML."""
    try:
        with open(path, encoding="utf-8") as handle:
            head = handle.read(4096)
    except (OSError, UnicodeDecodeError):
        return None
    match = _TOP_LEVEL_ID.search(head)
    return match.group(1) if match else None


class Catalog:
    """Packs by id. A pack added later replaces an earlier one with the same id."""

    def __init__(self, packs: Iterable[Pack] = ()):
        self._packs: dict[str, Pack] = {}
        self._lazy: dict[str, Path] = {}
        for pack in packs:
            self.add(pack)

    def add(self, pack: Pack) -> None:
        """Add a loaded pack (it replaces a built-in or earlier pack with its id)."""
        self._lazy.pop(pack.id, None)
        self._packs[pack.id] = pack

    def add_lazy(self, path: Path) -> None:
        """Register a pack file to be loaded when its id is first asked for."""
        pack_id = peek_pack_id(path)
        if pack_id is None:
            self.add(load_pack(path))
        elif pack_id not in self._packs:
            self._lazy[pack_id] = path

    def ids(self) -> list[str]:
        """Every pack id, loaded or not, sorted."""
        return sorted({*self._packs, *self._lazy})

    def __contains__(self, pack_id: str) -> bool:
        return pack_id in self._packs or pack_id in self._lazy

    def __iter__(self) -> Iterator[Pack]:
        """Every pack, loading the lazy ones."""
        return iter([self.get(pack_id) for pack_id in self.ids()])

    def __len__(self) -> int:
        return len(self.ids())

    def get(self, pack_id: str) -> Pack:
        """The pack with ``pack_id``; :class:`PackNotFound` names the ids that are known."""
        if pack_id not in self._packs and pack_id in self._lazy:
            pack = load_pack(self._lazy.pop(pack_id))
            self._packs[pack.id] = pack
        try:
            return self._packs[pack_id]
        except KeyError:
            known = ", ".join(self.ids()) or "none"
            raise PackNotFound(
                f"criteria pack '{pack_id}' is not loaded (loaded: {known}); "
                "add it with --criteria PATH"
            ) from None

    def pack_for(self, ref: CriteriaSetRef) -> Pack:
        """Resolve an assessment's ``criteria_set`` to a pack."""
        return self.get(ref.id)


def builtin_pack_paths() -> list[Path]:
    """The built-in pack files shipped in ``criteria/``."""
    folder = criteria_dir()
    return pack_files([folder]) if folder.is_dir() else []


def load_catalog(extra: Iterable[str | Path] = (), *, builtin: bool = True) -> Catalog:
    """Built-in packs (loaded when needed) plus the packs in ``extra`` (files or folders).

    Every pack in ``extra`` is validated now; the first invalid one raises its
    :class:`~assessment.errors.IkmError` with all of its problems.
    """
    catalog = Catalog()
    if builtin:
        for path in builtin_pack_paths():
            catalog.add_lazy(path)
    for path in pack_files(extra):
        catalog.add(load_pack(path))
    return catalog
