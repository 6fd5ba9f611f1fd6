"""The app's charts: Vega-Lite specs of ``assessment.charts``, drawn on the server as PNG
images by the report's renderer (``ui/chart_images.py``) and shown with their data in words as
alternative text; drawn in the browser by ``st.vega_lite_chart`` without the renderer."""

from __future__ import annotations

from contextlib import nullcontext
from typing import Any

import pytest
import streamlit as st

from assessment import chartsvg
from assessment.chart_summaries import (
    levels_summary,
    readiness_summary,
    tag_summary,
    timeline_summary,
)
from assessment.formats import vega_locale
from tests.apptest_support import app, ok
from ui import chart_images, layout, services

PNG = b"\x89PNG\r\n\x1a\n"


def shown(aid: int, page: str) -> list[Any]:
    """Each chart image on ``page`` of the open assessment (its proto: url and alt)."""
    at = ok(app(a=str(aid)).switch_page(f"ui/{page}.py").run())
    assert not at.get("vega_lite_chart")  # nothing is drawn in the browser
    return [img for element in at.get("image") for img in element.proto.imgs]


def test_results_page_shows_the_charts_as_pictures_with_their_figures_in_words(db):
    aid = db.ensure_demo()
    images = shown(aid, "results")
    opened = services._opened(aid, db.get_summary(aid).version)
    pack, result = opened.pack, opened.result
    # readiness, development elements, and one levels chart per pillar (in tabs)
    assert len(images) == 2 + len(pack.pillars)
    alts = [image.alt for image in images]
    assert alts[:2] == [
        readiness_summary(result, pack, "nl", result.forecast),
        tag_summary(result, pack, "nl"),
    ]
    assert alts[2:] == [levels_summary(result, p.id, "nl") for p in pack.pillars]
    # served by address (kept by the browser), not sent inside the page
    assert all("/media/" in image.url and image.url.endswith(".png") for image in images)
    assert "Open voor klachten: nu " in alts[0] and "Totaal: nu " in alts[0]


def test_plan_page_shows_the_timeline_with_each_point_in_words(db):
    aid = db.ensure_demo()
    images = shown(aid, "plan")
    opened = services._opened(aid, db.get_summary(aid).version)
    assert [image.alt for image in images] == [
        timeline_summary(opened.result, opened.assessment, "nl")
    ]


def test_a_chart_is_a_picture_at_its_own_size_with_its_alternative_text(monkeypatch):
    calls: list[tuple[bytes, dict[str, Any]]] = []
    asked: list[dict[str, Any]] = []
    image = PNG + b"\x00\x00\x00\rIHDR" + (920).to_bytes(4, "big") + (300).to_bytes(4, "big")
    boxes: list[int] = []
    monkeypatch.setattr(st, "image", lambda data, **kw: calls.append((data, kw)))
    monkeypatch.setattr(st, "container", lambda width: boxes.append(width) or nullcontext())
    monkeypatch.setattr(chart_images, "png", lambda spec: asked.append(spec) or image)
    monkeypatch.setattr(layout.state, "lang", lambda: "nl")
    spec = {"mark": "bar", "width": 460, "config": {"background": "white"}}
    layout.chart(spec, alt="Openheid 60 %")
    # in a box of its own width (920 px at scale 2), stretched to it: never scaled down
    assert calls == [(image, {"width": "stretch", "alt": "Openheid 60 %"})]
    assert boxes == [460]
    # drawn in the report's own font (the spec's), with the page's locale
    assert asked == [{**spec, "config": {"background": "white", "locale": vega_locale("nl")}}]
    assert spec["config"] == {"background": "white"}  # the caller's spec is not changed


def test_without_the_renderer_the_chart_is_drawn_in_the_browser_with_room_for_its_axis(
    monkeypatch,
):
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(chart_images, "png", lambda spec: None)
    monkeypatch.setattr(st, "vega_lite_chart", lambda **kw: calls.append(kw))
    monkeypatch.setattr(layout.state, "lang", lambda: "en")
    spec = {"mark": "bar", "height": 104, "width": 460, "config": {"background": "white"}}
    layout.chart(spec, room=60, alt="")
    layout.chart({"mark": "bar"}, alt="")
    font, en = layout.APP_CHART_FONT, vega_locale("en")
    assert calls == [
        {
            "spec": {**spec, "config": {"background": "white", "font": font, "locale": en}},
            "theme": None,
            "height": 164,
        },
        {"spec": {"mark": "bar", "config": {"font": font, "locale": en}}, "theme": None},
    ]
    assert spec["config"] == {"background": "white"}  # the caller's spec is not changed


def test_dutch_charts_get_dutch_months_and_the_decimal_comma(monkeypatch):
    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(chart_images, "png", lambda spec: calls.append(spec))
    monkeypatch.setattr(st, "vega_lite_chart", lambda **kw: None)
    monkeypatch.setattr(layout.state, "lang", lambda: "nl")
    layout.chart({"mark": "bar"}, alt="")
    locale = calls[0]["config"]["locale"]
    assert locale["time"]["shortMonths"][2] == "mrt"
    assert locale["number"]["decimal"] == ","


# ---- ui/chart_images.py ----------------------------------------------------------------------

SPEC = {
    "data": {"values": [{"x": 1, "y": "a"}]},
    "mark": "bar",
    "width": 200,
    "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y"}},
}


@pytest.fixture
def fresh():
    chart_images.forget()
    yield
    chart_images.forget()


def test_a_spec_becomes_a_sharp_png_converted_once(fresh):
    first = chart_images.png(SPEC)
    assert first is not None and first.startswith(PNG)
    pixels = int.from_bytes(first[16:20], "big")
    assert chart_images.scale(SPEC) == chart_images.SCALE  # a narrow chart: twice its size
    assert chart_images.css_width(first, SPEC) == round(pixels / chart_images.SCALE) > 200
    assert chart_images.png(dict(SPEC)) is first  # kept by content: not converted again


def test_prepare_starts_every_chart_before_the_page_asks(fresh, monkeypatch):
    sent: list[dict[str, Any]] = []
    real = chartsvg.worker()

    class Counting:
        def submit_png(self, spec: dict[str, Any], scale: float) -> Any:
            sent.append(spec)
            return real.submit_png(spec, scale)

    monkeypatch.setattr(chartsvg, "worker", Counting)
    other = {**SPEC, "width": 300}
    chart_images.prepare([SPEC, other])
    assert sent == [SPEC, other]
    assert chart_images.png(other) is not None and chart_images.png(SPEC) is not None
    assert len(sent) == 2


def test_a_failed_conversion_is_drawn_in_the_browser_and_tried_again_next_time(fresh, monkeypatch):
    from concurrent.futures import Future

    tries: list[int] = []

    class Broken:
        def submit_png(self, spec: dict[str, Any], scale: float) -> Future[bytes]:
            tries.append(1)
            future: Future[bytes] = Future()
            future.set_exception(RuntimeError("the chart worker cannot start"))
            return future

    monkeypatch.setattr(chartsvg, "worker", Broken)
    assert chart_images.png(SPEC) is None
    assert chart_images.png(SPEC) is None
    assert len(tries) == 2


def test_without_vl_convert_nothing_is_converted(fresh, monkeypatch):
    monkeypatch.setattr(chart_images, "available", lambda: False)
    monkeypatch.setattr(chartsvg, "worker", lambda: pytest.fail("no conversion expected"))
    chart_images.prepare([SPEC])
    assert chart_images.png(SPEC) is None


def test_a_wide_chart_is_drawn_at_a_scale_that_streamlit_never_scales_down():
    # Streamlit scales an image wider than 1,460 pixels down, and encodes it anew, every run
    wide = {**SPEC, "width": 900}
    assert chart_images.scale(wide) < chart_images.SCALE
    assert round((900 + chart_images.LABEL_ROOM) * chart_images.scale(wide)) <= 1460
    from streamlit.elements.lib import image_utils

    assert image_utils.MAXIMUM_CONTENT_WIDTH == chart_images.MAX_PIXELS  # Streamlit's limit
    assert chart_images.scale({"mark": "bar"}) == chart_images.SCALE  # no width: as drawn
