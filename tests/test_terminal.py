"""assessment.terminal: user text on the terminal is never markup and never a control code."""

import json

from rich.console import Console

from assessment.chartsvg import without_controls
from assessment.terminal import json_text, printable, rich_text


def test_control_characters_are_shown_as_escapes_and_marks_kept() -> None:
    text = "a\x1b[2Jb\x00\x07\x08\r\x7f\x9b c\u202ed\u2066e\u200ff\u200eg\th\ni"
    assert printable(text) == (
        "a\\x1b[2Jb\\x00\\x07\\x08\\x0d\\x7f\\x9b c\\u202ed\\u2066e\u200ff\u200eg\th\ni"
    )


def test_rich_text_is_never_markup() -> None:
    console = Console(record=True, width=200, color_system=None)
    console.print(rich_text("Gemeente [/x] Test [bold red]rood[/bold red]"))
    assert console.export_text().strip() == "Gemeente [/x] Test [bold red]rood[/bold red]"


def test_json_text_escapes_controls_and_parses_to_the_same_value() -> None:
    data = {"name": "x\x1b[2J\u202e\x9bé", "n": [1, 2]}
    text = json_text(data)
    assert "\x1b" not in text and "\u202e" not in text and "\x9b" not in text
    assert "é" in text
    assert json.loads(text) == data


def test_chart_specs_lose_the_control_characters_vl_convert_aborts_on() -> None:
    spec = {"title": "a\x00b\x1bc\td\ne", "layer": [{"x": ["\x08y", 3]}]}
    assert without_controls(spec) == {"title": "abc\td\ne", "layer": [{"x": ["y", 3]}]}
