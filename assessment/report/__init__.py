"""The PDF pre-audit gap report: ``render_pdf(pack, assessment, lang)`` -> PDF bytes.

WeasyPrint is imported only when this package is, so that ``ikm --help`` and the domain
stay light.
"""

from . import tuning

tuning.prepare()  # before render imports WeasyPrint: see tuning

from .render import ReportError, ReportTimeout, render, render_pdf  # noqa: E402

__all__ = ["ReportError", "ReportTimeout", "render", "render_pdf"]
