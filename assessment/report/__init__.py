"""The PDF pre-audit gap report: ``render_pdf(pack, assessment, lang)`` -> PDF bytes.

WeasyPrint is imported only when this package is, so that ``ikm --help`` and the domain
stay light.
"""

from .render import ReportError, ReportTimeout, render, render_pdf

__all__ = ["ReportError", "ReportTimeout", "render", "render_pdf"]
