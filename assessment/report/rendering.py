"""Render the pre-audit gap report: Jinja2 templates -> HTML -> WeasyPrint -> PDF/A-3b.

Safety: templates autoescape all user text; WeasyPrint gets :class:`AssetFetcher`, which
serves only the report's own ``templates/assets`` folder (and the charts made for this
render) and refuses every other URL; the stylesheet is passed as ``CSS(string=...)``;
presentational hints are off; the render runs in a worker thread and is stopped when it
takes longer than ``timeout`` seconds.
"""

from __future__ import annotations

import atexit
import hashlib
import io
import logging
import mimetypes
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2
from markupsafe import Markup
from weasyprint import CSS, HTML, Attachment
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .. import charts, chartsvg
from ..assessments import Assessment
from ..chart_summaries import readiness_summary, tag_summary, timeline_summary
from ..packs import Pack
from ..resources import templates_dir
from . import tuning
from .context import TIMELINE_LIMIT, ReportContext, build_context
from .errors import ReportCancelled, ReportError, ReportTimeout

if TYPE_CHECKING:
    from ..workshop import WorkshopAppendix

PDF_VARIANT = "pdf/a-3b"
CHART_FOLDER = "_charts"  # virtual folder under the assets: charts made for one render
_T = TypeVar("_T")
__all__ = ["ReportError", "ReportTimeout", "render", "render_pdf"]


Resource = tuple[bytes, str] | Callable[[], tuple[bytes, str]]  # body and media type


class RefusedURL(ValueError):
    """A URL outside the report's assets; WeasyPrint skips the resource."""


# ---- fetching ------------------------------------------------------------------------------


class AssetFetcher(URLFetcher):
    """Serves files inside ``root`` and in-memory ``extra`` resources; refuses all else.

    No network, no redirects, no ``data:`` and no file outside ``root`` (symbolic links are
    resolved first). ``served`` and ``refused`` record every URL asked for.
    """

    def __init__(self, root: Path, extra: Mapping[str, Resource] | None = None):
        super().__init__(
            timeout=1, allowed_protocols=("file",), allow_redirects=False, fail_on_errors=False
        )
        self.root = Path(root).resolve()
        self.extra = dict(extra or {})
        self.served: list[str] = []
        self.refused: list[str] = []
        self._lock = threading.Lock()

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        checkpoint()  # between WeasyPrint's progress steps, e.g. while the charts are fetched
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
            resource = self.extra[key]
            return resource() if callable(resource) else resource
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


# C0 and C1 control characters other than tab and newline: a font has no glyph for them
# (a box in the PDF) and they spoil the page's text layer.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _printable(value: object) -> object:
    """Every printed value without control characters (user text may hold them); markup the
    templates made themselves (a macro's output) stays markup."""
    if isinstance(value, Markup):
        return Markup(_CONTROL.sub("", value))
    return _CONTROL.sub("", value) if isinstance(value, str) else value


def environment() -> jinja2.Environment:
    """The Jinja2 environment of the report: autoescape on for every template, control
    characters dropped from every printed value."""
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(templates_dir())),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            finalize=_printable,
        )
    return _ENV


_TABLE_SPACE = re.compile(r"(</?(?:table|thead|tbody|tr|td|th)(?:\s[^<>]*)?>)\s+(?=<)")


def render_html(ctx: ReportContext, chart_urls: Mapping[str, str], created: datetime) -> str:
    """The report as HTML text."""
    stamp = created.strftime("%Y-%m-%dT%H:%M:%SZ")
    template = environment().get_template("report.html")
    alts = {name: chart_alt(ctx, name) for name in chart_names(ctx)}
    html = template.render(r=ctx, t=ctx.t, charts=chart_urls, chart_alt=alts, created=stamp)
    # Whitespace between table tags only makes WeasyPrint build anonymous boxes; user text
    # is escaped, so a "<" here always starts one of our own tags.
    return _TABLE_SPACE.sub(r"\1", html)


def stylesheet_text() -> str:
    return (templates_dir() / "report.css").read_text(encoding="utf-8")


def page_label_css(t: Mapping[str, str]) -> str:
    """The page footer ("Pagina X van Y") in the report's language, as CSS."""

    def quoted(text: str) -> str:
        escaped = (ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in text)
        return '"' + "".join(escaped) + '"'

    page, of = quoted(t["page"] + " "), quoted(" " + t["of"] + " ")
    return f"@page {{ @bottom-right {{ content: {page} counter(page) {of} counter(pages); }} }}"


# ---- charts --------------------------------------------------------------------------------


def chart_names(ctx: ReportContext) -> list[str]:
    """The charts this report shows."""
    names = ["readiness"]
    if ctx.result.tags:
        names.append("tags")
    if ctx.result.improvement_points:
        names.append("timeline")
    return names


def chart_spec(ctx: ReportContext, name: str) -> charts.Chart:
    """One of the report's charts as a Vega-Lite spec."""
    result, pack, lang = ctx.result, ctx.pack_model, ctx.lang
    if name == "readiness":
        return charts.readiness_chart(result, pack, lang, ctx.forecast_result, width=400)
    if name == "tags":
        return charts.tag_chart(result, pack, lang, width=400)
    return charts.timeline_chart(result, ctx.assessment, lang, limit=TIMELINE_LIMIT, width=430)


def chart_alt(ctx: ReportContext, name: str) -> str:
    """A chart's alternative text: its title and, in words, the figures it draws."""
    result, pack, lang, t = ctx.result, ctx.pack_model, ctx.lang, ctx.t
    if name == "readiness":
        title = t["readiness_chart"] if ctx.forecast else t["readiness_chart_now"]
        data = readiness_summary(result, pack, lang, ctx.forecast_result)
    elif name == "tags":
        title, data = t["tags"], tag_summary(result, pack, lang)
    else:
        title = t["timeline"] if ctx.assessment.audit_date else t["timeline_plan"]
        data = timeline_summary(result, ctx.assessment, lang, limit=TIMELINE_LIMIT)
    return f"{title}. {data}." if data else title


CHART_WAIT = 10.0  # seconds one render waits for the chart helper, all charts together


class _Charts:
    """The report's charts: sent to the chart worker process (:mod:`assessment.chartsvg`)
    first, so that they convert on the other core while WeasyPrint parses and styles the
    HTML; fetched when WeasyPrint asks for the images. When the worker cannot start, fails
    or does not answer within ``CHART_WAIT`` (a stuck worker is ended), the charts are
    converted in this process instead, which also raises any real error in a spec."""

    def __init__(self, ctx: ReportContext, names: list[str]):
        self.specs = {name: chart_spec(ctx, name) for name in names}
        self.helper = chartsvg.worker()
        self.pending = {name: self.helper.submit(spec) for name, spec in self.specs.items()}
        self.deadline = time.monotonic() + CHART_WAIT
        self.in_process = False  # after one failure, the rest converts here at once
        self.svgs: dict[str, str] = {}
        self.waited = 0.0  # seconds this thread spent waiting for or converting charts
        self.here = 0  # charts converted in this process (the worker failed or is missing)

    def svg(self, name: str) -> str:
        if name not in self.svgs:
            start = time.perf_counter()
            svg = self._from_helper(name)
            if svg is None:
                svg = chartsvg.convert(self.specs[name])
                self.here += 1
            self.svgs[name] = svg
            self.waited += time.perf_counter() - start
        return self.svgs[name]

    def _from_helper(self, name: str) -> str | None:
        if self.in_process:
            return None
        future = self.pending[name]
        try:
            return future.result(timeout=max(0.0, self.deadline - time.monotonic()))
        except TimeoutError:
            self.helper.restart()  # stuck or far too slow: the next render starts afresh
        except Exception:  # the helper failed or refused the spec
            pass
        future.cancel()
        self.in_process = True
        return None


# ---- the render ----------------------------------------------------------------------------


@dataclass
class Rendered:
    """A rendered report with the figures the benchmark prints."""

    pdf: bytes
    pages: int
    timings: dict[str, float] = field(default_factory=dict)
    fetcher: AssetFetcher | None = None
    document: Any = None  # WeasyPrint's laid-out document, when asked for (tests)
    charts_here: int = 0  # charts converted in the render's own process, not the worker


# WeasyPrint's font configuration copies the @font-face fonts to a temporary folder and
# loads them into Fontconfig: about half a second. The app renders many reports in one
# process, so the configuration and the parsed stylesheets are kept and shared by renders,
# which take turns (they are CPU-bound under the GIL anyway).
_WEASYPRINT_LOCK = threading.RLock()
_FONTS: FontConfiguration | None = None
_STYLESHEETS: dict[tuple[str, str, str], CSS] = {}


def _styles(
    t: Mapping[str, str], fetcher: AssetFetcher, base_url: str
) -> tuple[FontConfiguration, list[CSS]]:
    """The shared font configuration and the report's stylesheets (parsed once)."""
    global _FONTS
    if _FONTS is None:
        _FONTS = FontConfiguration()
    text = stylesheet_text()
    pages = page_label_css(t)
    key = ("main", hashlib.sha256(text.encode()).hexdigest(), base_url)
    if key not in _STYLESHEETS:
        main = CSS(string=text, base_url=base_url, url_fetcher=fetcher, font_config=_FONTS)
        _STYLESHEETS[key] = main
    labels_key = ("pages", pages, "")
    if labels_key not in _STYLESHEETS:
        _STYLESHEETS[labels_key] = CSS(string=pages, url_fetcher=fetcher, font_config=_FONTS)
    return _FONTS, [_STYLESHEETS[key], _STYLESHEETS[labels_key]]


def warm_up() -> None:
    """Load the fonts, parse the stylesheet and lay out a line now (a worker's start-up),
    so that the first report does not wait for it."""
    root = assets_dir().resolve()
    base_url = root.as_uri() + "/"
    with _WEASYPRINT_LOCK:
        fonts, stylesheets = _styles({"page": "", "of": ""}, AssetFetcher(root), base_url)
        HTML(string="<p>warm</p>", base_url=base_url).render(
            stylesheets=stylesheets[:1], font_config=fonts
        ).write_pdf()


RELEASE_WAIT = 0.5  # seconds release_fonts waits for a render that still holds the fonts


def release_fonts() -> None:
    """Drop the shared font configuration and remove its temporary folder of fonts.

    Waits at most ``RELEASE_WAIT`` for a running render: a runaway render that was given up
    on keeps the lock until its next checkpoint, and at exit the folder goes regardless.
    """
    global _FONTS
    locked = _WEASYPRINT_LOCK.acquire(timeout=RELEASE_WAIT)
    try:
        fonts, _FONTS = _FONTS, None
        _STYLESHEETS.clear()
    finally:
        if locked:
            _WEASYPRINT_LOCK.release()
    if fonts is not None:
        fonts.__del__()  # WeasyPrint's finaliser removes the folder (again later: harmless)


# WeasyPrint's finaliser comes too late at interpreter shutdown (the folder stayed behind);
# an exit handler also runs when the ikm program skips the teardown (cli._end_process).
atexit.register(release_fonts)


@contextmanager
def _font_timestamps(created: datetime) -> Iterator[None]:
    """Pin the time written into the subset fonts to ``created`` (hold ``_WEASYPRINT_LOCK``).

    WeasyPrint subsets the embedded fonts with HarfBuzz when ``libharfbuzz-subset0`` is
    there, which keeps each font's own dates; without it, with fontTools, which stamps the
    current time into every font's ``head`` table, so that two renders a second apart
    differed. fontTools takes that time from ``SOURCE_DATE_EPOCH`` when it is set (the
    reproducible-builds convention), and it has no option WeasyPrint passes on. So on that
    path only, and only for the PDF writing, the variable is set to ``created`` and restored
    afterwards. The environment belongs to the whole process: the app therefore renders in
    its worker process (:mod:`assessment.report.pool`), never in the server's interpreter.
    """
    from weasyprint.pdf import fonts as pdf_fonts

    subset = getattr(pdf_fonts, "harfbuzz_subset", None)
    if subset is not None and pdf_fonts.harfbuzz.hb_version_atleast(4, 1, 0):
        yield  # HarfBuzz subsets: no time is written
        return
    key = "SOURCE_DATE_EPOCH"
    before = os.environ.get(key)
    os.environ[key] = str(int(created.timestamp()))
    try:
        yield
    finally:
        if before is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = before


def _describe(metadata: Any, ctx: ReportContext) -> None:
    """Each assessor a creator of its own (not one "A, B" entry), and the report's language in
    the XMP metadata (``dc:language``) as well as in the document catalogue."""
    if ctx.assessors:
        metadata.authors = list(ctx.assessors)
    lang = escape(ctx.lang)
    metadata.xmp_metadata.append(
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:dc="http://purl.org/dc/elements/1.1/"><rdf:Description rdf:about="">'
        b"<dc:language><rdf:Bag><rdf:li>" + lang.encode() + b"</rdf:li></rdf:Bag></dc:language>"
        b"</rdf:Description></rdf:RDF>"
    )


def _one_file_entry(document: Any, pdf: Any) -> None:
    """The catalogue's associated files (``/AF``) name the attached assessment once
    (WeasyPrint's PDF/A-3 step lists it twice)."""
    files = pdf.catalog.get("AF")
    if files:
        seen: set[str] = set()
        kept = [entry for entry in files if not (str(entry) in seen or seen.add(str(entry)))]
        files[:] = kept


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def render(
    pack: Pack,
    assessment: Assessment,
    lang: str = "nl",
    *,
    timeout: float | None = 60,
    created: datetime | None = None,
    workshop: WorkshopAppendix | None = None,
    keep_document: bool = False,
    previous: tuple[Pack, Assessment] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Rendered:
    """Render the report and return the PDF with its page count and timings.

    ``created`` is the creation date written into the PDF (default: now, UTC); everything
    else in the file depends only on the input. ``timeout`` stops a runaway render.
    ``workshop`` adds the workshop appendix (see :func:`assessment.workshop.workshop_appendix`);
    ``previous`` (an earlier assessment with its pack) the comparison appendix.
    ``keep_document`` keeps WeasyPrint's laid-out pages on the result, to inspect the layout.
    ``cancelled``: asked at every checkpoint (each page laid out); once it answers True the
    render stops there with :class:`ReportCancelled` (it needs a ``timeout``).
    """
    created = created or _now()

    def work() -> Rendered:
        # One render at a time: renders share the fonts and the parsed stylesheets.
        # WeasyPrint's deep recursion gets room on the frame stack (see tuning).
        with _WEASYPRINT_LOCK:
            return tuning.call_with_roomy_stack(
                lambda: _render(pack, assessment, lang, created, workshop, keep_document, previous)
            )

    begin = time.perf_counter()
    out = work() if timeout is None else run_with_timeout(work, timeout, cancelled)
    # the whole call: freeing what the layout left behind counts as our own time
    out.timings["total"] = time.perf_counter() - begin
    out.timings["own"] = out.timings["total"] - out.timings["layout"] - out.timings["pdf"]
    return out


def render_pdf(
    pack: Pack,
    assessment: Assessment,
    lang: str = "nl",
    *,
    timeout: float | None = 60,
    workshop: WorkshopAppendix | None = None,
    previous: tuple[Pack, Assessment] | None = None,
) -> bytes:
    """The PDF pre-audit gap report of ``assessment`` in ``lang`` ("nl" or "en")."""
    return render(pack, assessment, lang, timeout=timeout, workshop=workshop, previous=previous).pdf


def _render(
    pack: Pack,
    assessment: Assessment,
    lang: str,
    created: datetime,
    workshop: WorkshopAppendix | None = None,
    keep_document: bool = False,
    previous: tuple[Pack, Assessment] | None = None,
) -> Rendered:
    timings: dict[str, float] = {}
    ctx = build_context(
        pack, assessment, lang, workshop=workshop, today=created.date(), previous=previous
    )
    checkpoint()

    # vl-convert holds the GIL while it converts, so the charts go to a helper process
    # and convert on the other core while WeasyPrint works (see _Charts).
    root = assets_dir().resolve()
    names = chart_names(ctx)
    made = _Charts(ctx, names)

    def waiter(name: str) -> Callable[[], tuple[bytes, str]]:
        return lambda: (made.svg(name).encode(), "image/svg+xml")

    extra = {(root / CHART_FOLDER / f"{n}.svg").as_posix(): waiter(n) for n in names}
    fetcher = AssetFetcher(root, extra)
    base_url = root.as_uri() + "/"
    html_text = render_html(ctx, {n: f"{CHART_FOLDER}/{n}.svg" for n in names}, created)
    checkpoint()

    start = time.perf_counter()
    fonts, stylesheets = _styles(ctx.t, fetcher, base_url)
    html = HTML(string=html_text, base_url=base_url, url_fetcher=fetcher)
    document = html.render(
        stylesheets=stylesheets,
        font_config=fonts,
        presentational_hints=False,
        pdf_variant=PDF_VARIANT,
    )
    timings["layout"] = time.perf_counter() - start
    _describe(document.metadata, ctx)
    for name in names:
        made.svg(name)  # surfaces a chart error even if WeasyPrint skipped the image
    timings["charts"] = made.waited  # part of "layout": waited for when fetched

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
    with _font_timestamps(created):  # the fonts are subset while the PDF is written
        pdf = document.write_pdf(
            attachments=[attachment],
            pdf_variant=PDF_VARIANT,
            pdf_identifier=identity.encode(),
            pdf_tags=True,  # a tagged PDF: headings, tables and reading order for screen readers
            finisher=_one_file_entry,
            presentational_hints=False,
        )
    timings["pdf"] = time.perf_counter() - start
    kept = document if keep_document else None
    return Rendered(pdf, len(document.pages), timings, fetcher, kept, made.here)


# ---- time limit and cancellation -----------------------------------------------------------
#
# The render runs in a worker thread. The caller waits at most ``timeout`` seconds and then
# raises ReportTimeout. The worker is stopped cooperatively: WeasyPrint reports progress on
# its "weasyprint.progress" logger at every step and for every page it lays out (and the
# asset fetcher checks too); a filter on that logger raises inside the worker once its
# deadline has passed, or once the render's ``cancelled`` check says so (then the caller
# raises ReportCancelled). No signals (they only work in the main thread) and no exceptions
# injected at arbitrary points (they could land while a lock is held).

# per render thread: its deadline (time.monotonic) and its cancel check, if any
_limits: dict[int, tuple[float, Callable[[], bool] | None]] = {}
_stopper_lock = threading.Lock()
_stopper_installed = False


class _Stop(BaseException):
    """Raised inside a worker that ran out of time (a BaseException, so that WeasyPrint's
    ``except Exception`` handlers let it through)."""


class _Cancel(BaseException):
    """Raised inside a worker whose render was cancelled (a BaseException, as :class:`_Stop`)."""


def checkpoint() -> None:
    """Stop the current render here if its deadline has passed or it was cancelled."""
    limits = _limits.get(threading.get_ident())
    if limits is None:
        return
    deadline, cancelled = limits
    if time.monotonic() > deadline:
        raise _Stop()
    if cancelled is not None and cancelled():
        raise _Cancel()


class _DeadlineFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        checkpoint()
        return False  # progress messages are only checkpoints: never printed


def _install_stopper() -> None:
    global _stopper_installed
    with _stopper_lock:
        if _stopper_installed:
            return
        progress = logging.getLogger("weasyprint.progress")
        progress.setLevel(logging.INFO)
        progress.propagate = False
        progress.addFilter(_DeadlineFilter())
        _stopper_installed = True


def run_with_timeout(
    work: Callable[[], _T], timeout: float, cancelled: Callable[[], bool] | None = None
) -> _T:
    """Run ``work`` in a worker thread; raise :class:`ReportTimeout` after ``timeout``
    seconds, or :class:`ReportCancelled` once ``cancelled()`` answers True. Works from any
    thread (e.g. Streamlit's script thread). The worker stops at its next :func:`checkpoint`
    (for a render: the next page WeasyPrint lays out)."""
    _install_stopper()
    box: dict[str, Any] = {}
    deadline = time.monotonic() + timeout

    def target() -> None:
        ident = threading.get_ident()
        _limits[ident] = (deadline, cancelled)
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc
        finally:
            _limits.pop(ident, None)

    worker = threading.Thread(target=target, name="ikm-report-render", daemon=True)
    worker.start()
    worker.join(timeout)
    if isinstance(box.get("error"), _Cancel):
        raise ReportCancelled("the report was cancelled while it was rendered")
    if worker.is_alive() or isinstance(box.get("error"), _Stop):
        raise ReportTimeout(
            f"the report took longer than {timeout:g} seconds and was stopped; "
            "the assessment may be too large"
        )
    error = box.get("error")
    if error is not None:
        raise error
    return box["value"]
