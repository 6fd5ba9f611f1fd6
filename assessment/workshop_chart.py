"""The workshop's vote chart: per scale level a bar for each round and who voted it, as SVG.

Drawn for a projector at the back of a room: the chart is :data:`WIDTH` units wide and every
label is :data:`FONT` units high, so wherever it is shown at least :data:`MIN_SHOWN_WIDTH`
pixels wide (the facilitator's main column is about 1,000 px on a 1920x1080 screen) no label
is smaller than 16 px. Pure: names and labels are escaped here, the page shows the SVG as an
image (no script, no links).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .workshop import VoteSummary, summarise_votes

WIDTH = 1000
FONT = 26  # label size in chart units
MIN_SHOWN_WIDTH = -(-WIDTH * 16 // FONT)  # shown at least this wide, labels are >= 16 px
LABEL_W, BAR_X, BAR_W = 430, 440, 170
NAMES_X = BAR_X + BAR_W + 55
COLOURS = ("#9fb3c8", "#1f3a5f")  # earlier round (light), latest round (brand navy)
TEXT, MUTED, GRID = "#1b2733", "#4a5a6a", "#d9e0e7"
CHAR_W, BOLD_W = 0.56, 0.66  # average glyph width of a sans-serif face, in ems


@dataclass(frozen=True)
class ChartRound:
    """One round in the chart: its label ("ronde 1"), its votes, and whether names show."""

    label: str
    summary: VoteSummary
    names: bool = True


def _fit(text: str, width: float, bold: bool = False) -> str:
    """``text`` cut with an ellipsis to about ``width`` units (in bold: wider glyphs)."""
    room = max(1, int(width / (FONT * (BOLD_W if bold else CHAR_W))))
    return text if len(text) <= room else text[: max(0, room - 1)].rstrip() + "…"


def _names(names: Sequence[str], width: float) -> str:
    """The names of one level, as many as fit, then "+N"."""
    shown: list[str] = []
    for i, name in enumerate(names):
        rest = len(names) - i - 1
        candidate = ", ".join([*shown, name]) + (f" +{rest}" if rest else "")
        if len(candidate) * FONT * CHAR_W > width and shown:
            return ", ".join(shown) + f" +{len(names) - len(shown)}"
        shown.append(name)
    return _fit(", ".join(shown), width)


def vote_chart_svg(
    scale: Sequence[tuple[int, str]], rounds: Sequence[ChartRound], legend: bool = True
) -> str:
    """The chart as an SVG document: a row per ``scale`` level ``(level, label)``, a bar per
    round in ``rounds`` (oldest first; the latest dark), the count after each bar, and the
    names of the latest round's voters when its ``names`` is true (not in an anonymous round).
    """
    if not rounds:
        rounds = [ChartRound("", summarise_votes("", []))]
    levels = [level for level, _ in scale]
    tallies = [r.summary.counts(levels) for r in rounds]
    top = max([1, *(n for tally in tallies for n in tally.values())])
    bar_h = 40 if len(rounds) == 1 else 30
    row_h = bar_h * len(rounds) + 22
    head = 46 if legend and len(rounds) > 1 else 8
    height = head + row_h * len(scale) + 6
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-family="Source Sans Pro, DejaVu Sans, '
        f'Arial, sans-serif" font-size="{FONT}" fill="{TEXT}" role="img">'
    ]
    if head > 8:
        x = BAR_X
        for i, r in enumerate(rounds):
            colour = COLOURS[1] if i == len(rounds) - 1 else COLOURS[0]
            parts.append(f'<rect x="{x}" y="10" width="24" height="24" fill="{colour}"/>')
            parts.append(f'<text x="{x + 32}" y="31">{escape(_fit(r.label, 300))}</text>')
            x += 40 + int(len(_fit(r.label, 300)) * FONT * CHAR_W) + 30
    latest = rounds[-1]
    for row, (level, label) in enumerate(scale):
        y = head + row * row_h
        parts.append(f'<line x1="0" x2="{WIDTH}" y1="{y}" y2="{y}" stroke="{GRID}"/>')
        middle = y + 11 + bar_h * len(rounds) / 2 + FONT * 0.35
        parts.append(
            f'<text x="0" y="{middle:.0f}" font-weight="700">'
            f"{escape(_fit(f'{level} · {label}', LABEL_W - 10, bold=True))}</text>"
        )
        for i, tally in enumerate(tallies):
            n = tally.get(level, 0)
            top_y = y + 11 + i * bar_h
            colour = COLOURS[1] if i == len(rounds) - 1 else COLOURS[0]
            width = BAR_W * n / top
            if n:
                parts.append(
                    f'<rect x="{BAR_X}" y="{top_y + 3}" width="{width:.1f}" '
                    f'height="{bar_h - 6}" rx="4" fill="{colour}"/>'
                )
            parts.append(
                f'<text x="{BAR_X + width + 10:.1f}" y="{top_y + bar_h / 2 + FONT * 0.35:.0f}" '
                f'fill="{TEXT if n else MUTED}" font-weight="{700 if n else 400}">{n}</text>'
            )
        voters = latest.summary.voters(level)
        if latest.names and voters:
            parts.append(
                f'<text x="{NAMES_X}" y="{middle:.0f}">'
                f"{escape(_names(voters, WIDTH - NAMES_X))}</text>"
            )
    parts.append("</svg>")
    return "".join(parts)
