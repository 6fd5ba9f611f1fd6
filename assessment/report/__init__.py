"""The PDF pre-audit gap report: ``render_pdf(pack, assessment, lang)`` -> PDF bytes.

Importing this package imports nothing heavy and changes nothing: WeasyPrint is imported
when one of the names below is first used (so that an entry point can first apply the
speed fixes of :mod:`.tuning`, see ``ikm report`` and the app's report worker in
:mod:`.pool`), and no fix is applied as a side effect of an import.
"""

from __future__ import annotations

from typing import Any

__all__ = ["ReportError", "ReportTimeout", "render", "render_pdf"]


def __getattr__(name: str) -> Any:
    if name in ("ReportError", "ReportTimeout"):
        from . import errors

        return getattr(errors, name)
    if name not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module = importlib.import_module(f"{__name__}.rendering")

    # the public names, copied here from the submodule on first use
    globals().update({public: getattr(module, public) for public in __all__})
    return globals()[name]
