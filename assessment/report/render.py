"""Render the pre-audit gap report: Jinja2 templates -> HTML -> WeasyPrint -> PDF/A-3b.

Safety: templates autoescape all user text; WeasyPrint gets :class:`AssetFetcher`, which
serves only the report's own ``templates/assets`` folder (and the charts made for this
render) and refuses every other URL; the stylesheet is passed as ``CSS(string=...)``;
presentational hints are off; the render runs in a worker thread and is stopped when it
takes longer than ``timeout`` seconds.
"""

from __future__ import annotations

import ctypes
import hashlib
import io
import mimetypes
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import charts
from ..assessments import Assessment
from ..errors import IkmError
from ..packs import Pack
from ..resources import templates_dir
from .context import TIMELINE_LIMIT, ReportContext, build_context

PDF_VARIANT = "pdf/a-3b"
CHART_FOLDER = "_charts"  # virtual folder under the assets: charts made for one render
_T = TypeVar("_T")


class ReportError(IkmError):
    """The report could not be rendered (time limit, broken template)."""


class ReportTimeout(ReportError):
    """The render took longer than its time limit and was stopped."""


class RefusedURL(ValueError):
    """A URL outside the report's assets; WeasyPrint skips the resource."""


# ---- fetching ------------------------------------------------------------------------------


class AssetFetcher(URLFetcher):
    """Serves files inside ``root`` and in-memory ``extra`` resources; refuses all else.

    No network, no redirects, no ``data:`` and no file outside ``root`` (symbolic links are
    resolved first). ``served`` and ``refused`` record every URL asked for.
    """

    def __init__(self, root: Path, extra: Mapping[str, tuple[bytes, str]] | None = None):
        super().__init__(
            timeout=1, allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False
        )
        self.root = Path(root).resolve()
        self.extra = dict(extra or {})
        self.served: list[str] = []
        self.refused: list[str] = []
        self._lock = threading.Lock()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        resource = self._resolve(url)
        with self._lock:
            (self.served if resource else self.refused).append(url)
        if resource is None:
            raise RefusedURL(f"the report only loads its own assets, not {url[:200]!r}")
        body, media_type = resource
        return URLFetcherResponse(url, body, {"Content-Type": media_type})

    def _resolve(self, url: str) -> tuple[bytes, str] | None:
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            return None
        path = Path(url2pathname(parts.path))
        if not path.is_absolute():
            return None
        key = path.as_posix()
        if key in self.extra:
            return self.extra[key]
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError):
            return None
        if not real.is_relative_to(self.root) or not real.is_file():
            return None
        media_type = mimetypes.guess_type(real.name)[0] or "application/octet-stream"
        if real.suffix == ".ttf":
            media_type = "font/ttf"
        return real.read_bytes(), media_type


def assets_dir() -> Path:
    return templates_dir() / "assets"


# ---- templates -----------------------------------------------------------------------------

_ENV: jinja2.Environment | None = None


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report: autoescape on for every template."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir())),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
    return _ENV


def render_html(ctx: ReportContext, chart_urls: Mapping[str, str], created: datetime) -> str:
    """The report as HTML text."""
    return environment().get_template("report.html").render(
        r=ctx, t=ctx.t, charts=chart_urls, created=created.strftime("%Y-%m-%dT%H:%M:%SZ")
    )


def stylesheet_text() -> str:
    return (templates_dir() / "report.css").read_text(encoding="utf-8")


def page_label_css(t: Mapping[str, str]) -> str:
    """The page footer ("Pagina X van Y") in the report's language, as CSS."""

    def quoted(text: str) -> str:
        return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text) + '"'

    return (
        "@page { @bottom-right { content: "
        f"{quoted(t['page'] + ' ')} counter(page) {quoted(' ' + t['of'] + ' ')} counter(pages); }} }}"
    )


# ---- charts --------------------------------------------------------------------------------


def chart_svgs(ctx: ReportContext) -> dict[str, str]:
    """The report's charts as SVG text, by name."""
    result, pack, lang = ctx.result, ctx.pack_model, ctx.lang
    out = {
        "readiness": charts.to_svg(
            charts.readiness_chart(result, pack, lang, ctx.forecast_result, width=400)
        )
    }
    if result.tags:
        out["tags"] = charts.to_svg(charts.tag_chart(result, pack, lang, width=400))
    if result.improvement_points:
        out["timeline"] = charts.to_svg(
            charts.timeline_chart(
                result, ctx.assessment, lang, limit=TIMELINE_LIMIT, width=430
            )
        )
    return out


# ---- the render ----------------------------------------------------------------------------


@dataclass
class Rendered:
    """A rendered report with the figures the benchmark prints."""

    pdf: bytes
    pages: int
    timings: dict[str, float] = field(default_factory=dict)
    fetcher: AssetFetcher | None = None


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def render(
    pack: Pack,
    assessment: Assessment,
    lang: str = "nl",
    *,
    timeout: float | None = 60,
    created: datetime | None = None,
) -> Rendered:
    """Render the report and return the PDF with its page count and timings.

    ``created`` is the creation date written into the PDF (default: now, UTC); everything
    else in the file depends only on the input. ``timeout`` stops a runaway render.
    """
    created = created or _now()
    if timeout is None:
        return _render(pack, assessment, lang, created)
    return run_with_timeout(lambda: _render(pack, assessment, lang, created), timeout)


def render_pdf(
    pack: Pack, assessment: Assessment, lang: str = "nl", *, timeout: float | None = 60
) -> bytes:
    """The PDF pre-audit gap report of ``assessment`` in ``lang`` ("nl" or "en")."""
    return render(pack, assessment, lang, timeout=timeout).pdf


def _render(pack: Pack, assessment: Assessment, lang: str, created: datetime) -> Rendered:
    timings: dict[str, float] = {}
    start = time.perf_counter()
    ctx = build_context(pack, assessment, lang)
    timings["context"] = time.perf_counter() - start

    start = time.perf_counter()
    svgs = chart_svgs(ctx)
    timings["charts"] = time.perf_counter() - start

    start = time.perf_counter()
    root = assets_dir().resolve()
    chart_urls = {name: f"{CHART_FOLDER}/{name}.svg" for name in svgs}
    extra = {
        (root / CHART_FOLDER / f"{name}.svg").as_posix(): (svg.encode(), "image/svg+xml")
        for name, svg in svgs.items()
    }
    fetcher = AssetFetcher(root, extra)
    base_url = root.as_uri() + "/"
    html_text = render_html(ctx, chart_urls, created)
    timings["template"] = time.perf_counter() - start

    start = time.perf_counter()
    fonts = FontConfiguration()
    css = CSS(string=stylesheet_text(), base_url=base_url, url_fetcher=fetcher, font_config=fonts)
    pages_css = CSS(string=page_label_css(ctx.t), url_fetcher=fetcher, font_config=fonts)
    html = HTML(string=html_text, base_url=base_url, url_fetcher=fetcher)
    document = html.render(
        stylesheets=[css, pages_css],
        font_config=fonts,
        presentational_hints=False,
        pdf_variant=PDF_VARIANT,
    )
    timings["layout"] = time.perf_counter() - start

    start = time.perf_counter()
    source = assessment.to_json().encode()
    day = datetime(
        assessment.assessment_date.year,
        assessment.assessment_date.month,
        assessment.assessment_date.day,
        tzinfo=UTC,
    )
    attachment = Attachment(
        file_obj=io.BytesIO(source),
        url_fetcher=fetcher,
        name="assessment.json",
        description="The assessment this report was made from (ikm-readiness JSON)",
        created=day,
        modified=day,
        relationship="Source",
    )
    identity = hashlib.sha256(
        b"\0".join([source, pack.sha256.encode(), lang.encode(), html_text.encode()])
    ).hexdigest()[:32]
    pdf = document.write_pdf(
        attachments=[attachment],
        pdf_variant=PDF_VARIANT,
        pdf_identifier=identity.encode(),
        presentational_hints=False,
    )
    timings["pdf"] = time.perf_counter() - start
    return Rendered(pdf, len(document.pages), timings, fetcher)


# ---- time limit ----------------------------------------------------------------------------


def run_with_timeout(work: Callable[[], _T], timeout: float) -> _T:
    """Run ``work`` in a worker thread; stop it and raise :class:`ReportTimeout` after
    ``timeout`` seconds. Works from any thread (no signals), e.g. Streamlit's script thread.

    The worker is stopped by raising an exception inside it (CPython's
    ``PyThreadState_SetAsyncExc``), which takes effect at its next Python instruction:
    WeasyPrint's layout is Python code, so a runaway layout stops promptly.
    """
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=target, name="ikm-report-render", daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        _raise_in(worker, _Stop)
        worker.join(5)
        raise ReportTimeout(
            f"the report took longer than {timeout:g} seconds and was stopped; "
            "the assessment may be too large"
        )
    error = box.get("error")
    if isinstance(error, _Stop):  # pragma: no cover - only when stopped just in time
        raise ReportTimeout(f"the report took longer than {timeout:g} seconds and was stopped")
    if error is not None:
        raise error
    return box["value"]


class _Stop(BaseException):
    """Raised inside a worker that ran out of time (a BaseException: not caught by
    WeasyPrint's ``except Exception`` handlers)."""


def _raise_in(thread: threading.Thread, exc_type: type[BaseException]) -> None:
    if thread.ident is None:  # pragma: no cover
        return
    ctypes.pythonapi.PyThreadState_SetAsyncExc(
        ctypes.c_ulong(thread.ident), ctypes.py_object(exc_type)
    )
