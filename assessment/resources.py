"""Where the built-in criteria packs, templates and data live, in a checkout or installed."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _first_existing(*candidates: Path) -> Path:
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def criteria_dir() -> Path:
    """The folder of built-in packs: ``criteria/`` of the checkout, or the wheel's copy."""
    return _first_existing(_PACKAGE.parent / "criteria", _PACKAGE / "criteria")


def templates_dir() -> Path:
    """The report templates: ``templates/`` of the checkout, or the wheel's copy."""
    return _first_existing(_PACKAGE.parent / "templates", _PACKAGE / "templates")


def data_dir() -> Path:
    """Data shipped inside the package (the demo assessment)."""
    return _PACKAGE / "data"
