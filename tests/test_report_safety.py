"""Safety of the report: user text stays text, nothing is fetched but the report's own
assets, and only http(s) links are clickable."""

from __future__ import annotations

import io
import re
import socket

import pytest
from pypdf import PdfReader
from report_sample import HOSTILE, hostile_assessment

from assessment.report import render
from assessment.report.context import web_href
from assessment.report.rendering import AssetFetcher, RefusedURL, assets_dir, environment


@pytest.fixture(scope="module")
def hostile():
    pack, assessment = hostile_assessment()
    calls: list[object] = []
    original = socket.socket.connect

    def no_network(self, address):  # any connection attempt is recorded and refused
        calls.append(address)
        raise OSError("network use during a report render")

    socket.socket.connect = no_network
    try:
        out = render(pack, assessment, "en")
    finally:
        socket.socket.connect = original
    return out, PdfReader(io.BytesIO(out.pdf)), calls


def _links(reader: PdfReader) -> list[str]:
    uris = []
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.append(str(action["/URI"]))
    return uris


def test_hostile_text_is_printed_literally(hostile):
    _, reader, _ = hostile
    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in reader.pages))
    assert re.sub(r"\s+", "", "<script>alert(1)</script>") in text
    assert "{{7*7}}" in text and "&amp;" in text and "url(file:///etc/passwd)" in text


def test_nothing_is_fetched_but_the_reports_own_assets(hostile):
    out, _, calls = hostile
    assert calls == []
    assert out.fetcher.refused == []
    root = assets_dir().resolve().as_uri() + "/"
    assert out.fetcher.served and all(url.startswith(root) for url in out.fetcher.served)
    assert not any("evil" in url or "passwd" in url for url in out.fetcher.served)


def test_only_http_links_are_clickable(hostile):
    _, reader, _ = hostile
    external = [u for u in _links(reader) if not u.startswith("#")]
    # a link that wraps onto two lines is two clickable areas of the same address
    assert sorted(set(external)) == ["http://example.org/plain", "https://example.org/ok?a=1&b=2"]
    raw = reader.stream.getvalue() if hasattr(reader.stream, "getvalue") else b""
    for bad in (b"/JavaScript", b"/JS ", b"/Launch", b"javascript:"):
        assert bad not in raw


def test_web_href_accepts_only_plain_http_urls():
    assert web_href("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert web_href("HTTP://example.org") == "HTTP://example.org"
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,x",
        "//example.org",
        "https://",
        "https://exa mple.org",
        'https://example.org/"onmouseover="x',
        "ftp://example.org",
        None,
        "",
    ]:
        assert web_href(bad) is None, bad


def test_fetcher_serves_assets_and_refuses_everything_else(tmp_path):
    fetcher = AssetFetcher(assets_dir())
    font = (assets_dir() / "fonts" / "OpenSans-Regular.ttf").resolve()
    response = fetcher.fetch(font.as_uri())
    assert response.read()[:4] == font.read_bytes()[:4]
    outside = tmp_path / "secret.txt"
    outside.write_text("secret")
    link = assets_dir() / "fonts" / "link-to-secret"
    refused = [
        "http://example.org/a.css",
        "https://example.org/font.ttf",
        "ftp://example.org/x",
        "data:text/css,body{}",
        outside.as_uri(),
        (assets_dir() / ".." / "report.css").as_uri(),
        (assets_dir() / "fonts" / "missing.ttf").as_uri(),
        "file://evil.example/etc/passwd",
        "file:///etc/passwd",
        "javascript:alert(1)",
    ]
    for url in refused:
        with pytest.raises(RefusedURL):
            fetcher.fetch(url)
    try:
        link.symlink_to(outside)
        with pytest.raises(RefusedURL):
            fetcher.fetch(link.as_uri())
    finally:
        link.unlink(missing_ok=True)
    assert fetcher.refused == [*refused, link.as_uri()]


def test_templates_autoescape():
    template = environment().from_string("{{ value }}")
    assert environment().autoescape is True or environment().autoescape(None)
    assert template.render(value=HOSTILE).count("<") == 0


def test_control_characters_never_reach_the_pdf():
    from assessment.report.rendering import environment

    template = environment().from_string(
        "{% macro b(x) %}<b>{{ x }}</b>{% endmacro %}<p>{{ x }}</p>{{ b(x) }}"
    )
    # user text loses its control characters and stays text; a macro's markup stays markup
    assert template.render(x="Gemeente\x07 <Test>\x1b[31m\u0085 ok\tja") == (
        "<p>Gemeente &lt;Test&gt;[31m ok\tja</p><b>Gemeente &lt;Test&gt;[31m ok\tja</b>"
    )


def test_a_long_level_label_keeps_its_spaces_a_short_one_stays_on_one_line():
    # one unbreakable 1,500-character word made the layout retry its line split pixel by
    # pixel (25 s instead of 2 s for the hostile pack; bench/bench_report.py "long text")
    import yaml

    from assessment.packs import parse_pack
    from assessment.report.context import UNBROKEN_LABEL, _level

    long = "lang verhaal " * 120
    data = {
        "id": "p",
        "version": "1",
        "title": "P",
        "scale": [{"level": 0, "label": "Geborgd en verbeterd"}, {"level": 1, "label": long},
                  {"level": 2, "label": "Twee"}, {"level": 3, "label": "Drie"}],
        "pillars": [{"id": "x", "title": "X", "criteria": [
            {"id": "X-1", "title": "T", "question": "Q?", "improvement": "I"}]}],
    }  # fmt: skip
    pack = parse_pack(yaml.safe_dump(data), "p.yaml")
    assert _level(pack, 0, "nl") == "0\u00a0·\u00a0Geborgd\u00a0en\u00a0verbeterd"
    shown = _level(pack, 1, "nl")
    assert len(long.strip()) > UNBROKEN_LABEL
    assert shown.startswith("1\u00a0·\u00a0lang verhaal lang") and "\u00a0" not in shown[4:]
    assert _level(pack, None, "nl") == "–"
