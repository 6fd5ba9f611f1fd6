"""When a link is clickable (assessment/links.py), and that the app, the import and the
command line ask this one rule instead of their own."""

from __future__ import annotations

import re

import pytest

from assessment.links import is_clickable, web_href
from tests.helpers import ROOT


@pytest.mark.parametrize(
    ("link", "href"),
    [
        ("https://example.org/beleid", "https://example.org/beleid"),
        ("http://intranet.example:8080/a?b=c#d", "http://intranet.example:8080/a?b=c#d"),
        ("  https://example.org/x  ", "https://example.org/x"),
        ("HTTPS://EXAMPLE.ORG", "HTTPS://EXAMPLE.ORG"),
        ("https://", None),
        ("https:///path-only", None),
        ("intranet/klachten.docx", None),
        ("www.example.org", None),
        ("ftp://example.org/file", None),
        ("javascript:alert(1)", None),
        ("file:///etc/passwd", None),
        ("https://example.org/a b", None),
        ('https://example.org/"onmouseover="x', None),
        ("https://example.org/<script>", None),
        ("https://example.org/\x07", None),
        ("https://[::1", None),
        ("", None),
        (None, None),
    ],
)
def test_web_href(link: str | None, href: str | None) -> None:
    assert web_href(link) == href
    assert is_clickable(link) is (href is not None)


# A rule of one's own: a link's start compared with a scheme, or a split URL's scheme
# compared with http(s).
_OWN_RULE = re.compile(
    r"""startswith\(\(?\s*["']https?://"""
    r"""|scheme(\.lower\(\))?\s*(not\s+in|in|==|!=)\s*\(?\s*["']https?["']"""
)

# The report package is being reworked in another branch; its own web_href (the same rule
# as assessment.links, where it came from) is to import it from there.
_KNOWN: dict[str, int] = {}


def test_one_rule_for_a_clickable_link() -> None:
    hits: dict[str, list[str]] = {}
    for package in ("assessment", "ui"):
        for path in sorted((ROOT / package).rglob("*.py")):
            rel = path.relative_to(ROOT).as_posix()
            if rel == "assessment/links.py":
                continue
            lines = [
                f"{rel}:{n}: {line.strip()}"
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if _OWN_RULE.search(line)
            ]
            if len(lines) > _KNOWN.get(rel, 0):
                hits[rel] = lines
    assert hits == {}, "use assessment.links.web_href / is_clickable"


def test_the_pattern_finds_the_old_rules() -> None:
    for old in (
        'if fields.link and not fields.link.startswith(("https://", "http://")):',
        'elif not public_url.startswith(("http://", "https://")):',
        'if parts.scheme.lower() not in ("http", "https") or not parts.hostname:',
        'if parts.scheme == "https":',
    ):
        assert _OWN_RULE.search(old), old


def test_the_app_and_the_import_use_the_rule() -> None:
    users = {
        "ui/evidence.py": "web_href",  # show
        "ui/evidence_services.py": "is_clickable",  # add and change
        "assessment/xlsx_import.py": "is_clickable",  # import
        "assessment/cli_workshop.py": "is_clickable",  # the workshop's public address
    }
    for rel, name in users.items():
        text = (ROOT / rel).read_text(encoding="utf-8")
        assert re.search(rf"from (assessment|\.)\.?links import .*\b{name}\b", text), rel
