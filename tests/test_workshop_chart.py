"""The workshop's vote chart: labels large enough for a projector, names escaped and fitted,
two rounds side by side, no names in an anonymous round."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from assessment.workshop import Vote, summarise_votes
from assessment.workshop_chart import MIN_SHOWN_WIDTH, WIDTH, ChartRound, vote_chart_svg

SCALE = [(0, "Afwezig"), (1, "Ad hoc"), (2, "Vastgelegd"), (3, "Werkend"), (4, "Geborgd")]
NS = "{http://www.w3.org/2000/svg}"


def _round(label: str, *votes: tuple[str, int], names: bool = True) -> ChartRound:
    return ChartRound(label, summarise_votes("C", [Vote(n, lvl) for n, lvl in votes]), names)


def _texts(svg: str) -> list[str]:
    return ["".join(e.itertext()) for e in ET.fromstring(svg).iter(f"{NS}text")]


def test_every_label_is_at_least_16_px_on_a_projector_column():
    svg = vote_chart_svg(SCALE, [_round("ronde 1", ("Anna", 1), ("Bo", 3))])
    root = ET.fromstring(svg)
    assert root.get("viewBox").split()[2] == str(WIDTH)
    sizes = [float(root.get("font-size"))]
    sizes += [float(e.get("font-size")) for e in root.iter() if e.get("font-size")]
    scale = MIN_SHOWN_WIDTH / WIDTH  # the narrowest the page shows it
    assert min(sizes) * scale >= 16
    assert MIN_SHOWN_WIDTH <= 620  # the facilitator column is about 625 px at 1400x900


def test_who_voted_what_per_level_and_zero_counts():
    svg = vote_chart_svg(SCALE, [_round("ronde 1", ("Anna", 1), ("Bo", 3), ("Cas", 3))])
    texts = _texts(svg)
    assert "Anna" in texts and "Bo, Cas" in texts
    assert texts.count("0") == 3  # levels 0, 2 and 4 got no vote
    assert "3 · Werkend" in texts


def test_names_are_escaped_and_fitted():
    many = [(f"Deelnemer {i}", 2) for i in range(12)] + [("<b>Eve</b> & co", 1)]
    svg = vote_chart_svg(SCALE, [_round("r", *many)])
    assert "<b>" not in svg and "&lt;b&gt;Eve&lt;/b&gt; &amp; co" in svg
    row = next(t for t in _texts(svg) if t.startswith("Deelnemer"))
    assert re.search(r" \+\d+$", row)  # as many names as fit, then how many more
    assert len(row) < 30


def test_two_rounds_side_by_side_and_an_anonymous_round_shows_no_names():
    first = _round("ronde 1", ("Anna", 0), ("Bo", 4))
    second = _round("ronde 2", ("Anna", 2), ("Bo", 3), names=False)
    svg = vote_chart_svg(SCALE, [first, second])
    texts = _texts(svg)
    assert "ronde 1" in texts and "ronde 2" in texts  # the legend
    assert "Anna" not in " ".join(texts) and "Bo" not in " ".join(texts)
    rects = [e for e in ET.fromstring(svg).iter(f"{NS}rect") if e.get("rx")]
    assert len(rects) == 4  # two bars per round, one colour per round
    assert len({r.get("fill") for r in rects}) == 2
