"""A set of loaded criteria packs: the built-in ones plus any the user adds."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .assessments import CriteriaSetRef
from .errors import IkmError, PackNotFound
from .packs import Pack, load_pack, pack_files
from .resources import criteria_dir


class Catalog:
    """Packs by id. A pack added later replaces a built-in one with the same id."""

    def __init__(self, packs: Iterable[Pack] = ()):
        self._packs: dict[str, Pack] = {}
        for pack in packs:
            self.add(pack)

    def add(self, pack: Pack) -> None:
        self._packs[pack.id] = pack

    def __contains__(self, pack_id: str) -> bool:
        return pack_id in self._packs

    def __iter__(self):
        return iter(self._packs.values())

    def __len__(self) -> int:
        return len(self._packs)

    def get(self, pack_id: str) -> Pack:
        """The pack with ``pack_id``; :class:`PackNotFound` names the ids that are loaded."""
        try:
            return self._packs[pack_id]
        except KeyError:
            known = ", ".join(sorted(self._packs)) or "none"
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
    """Built-in packs plus the packs in ``extra`` (files or folders).

    Raises the first pack's :class:`~assessment.errors.IkmError`; every problem of that file
    is in its message.
    """
    catalog = Catalog()
    paths = (builtin_pack_paths() if builtin else []) + pack_files(extra)
    for path in paths:
        catalog.add(load_pack(path))
    return catalog


__all__ = ["Catalog", "IkmError", "builtin_pack_paths", "load_catalog"]
