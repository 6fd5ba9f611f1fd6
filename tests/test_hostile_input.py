"""Every ``ikm`` command on hostile input: never a traceback, user text never markup and
never a control code on the terminal, and JSON nested too deep refused with a clear message
(on the command line and in the app's import)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner, Result
from pypdf import PdfReader

from assessment.cli import main

# Rich markup (a broken closing tag and a colour), HTML, terminal escapes (clear the screen,
# set the window title, bell, backspace, carriage return, NUL, a C1 control), bidirectional
# overrides and marks, Arabic, and 10,000 characters in all. The PDF commands get the same
# text cut to 300 characters, to keep the test quick: 2.1 s of CPU at 300 characters, 3.8 s
# at 1,500 and about a minute at 10,000 (192 pages; over ten minutes before level labels
# kept their spaces, see assessment/report/context.py), printed by bench/bench_report.py.
_CORE = (
    "[bold red]Gemeente[/bold red] [/x] Test [link=https://evil.example]l[/link] "
    "<b>html</b> <script>alert(1)</script> &amp; "
    "\x1b[2J\x1b]0;title\x07 \x00\x08\r\x9b31m \u202eRTL\u202c \u2067iso\u2069 "
    "\u200fمرحبا\u200e"
)
HOSTILE = (_CORE + " " + "lang verhaal " * 800)[:10_000]
RAW_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
SHORT = HOSTILE[:300]
assert len(HOSTILE) == 10_000 and SHORT.startswith(_CORE)


def hostile_pack_yaml(hostile: str = HOSTILE) -> str:
    def text(tag: str) -> dict[str, str]:
        return {"nl": f"{tag} {hostile}", "en": f"{tag} {hostile}"}

    def criterion(cid: str, target: int) -> dict[str, Any]:
        return {
            "id": cid,
            "title": text("title"),
            "question": text("question"),
            "guidance": text("guidance"),
            "improvement": text("improvement"),
            "levels": {2: text("level")},
            "refs": [hostile],
            "tags": ["culture"],
            "target": target,
        }

    data = {
        "id": "hostile-pack",
        "version": "1",
        "title": text("pack"),
        "description": text("description"),
        "scale": [
            {"level": 0, "label": text("absent"), "description": text("d0")},
            {"level": 1, "label": text("adhoc")},
            {"level": 2, "label": text("defined"), "requires": ["document"]},
            {"level": 3, "label": text("operating"), "requires": ["record"]},
        ],
        "tags": {"culture": text("tag")},
        "pillars": [
            {
                "id": "open",
                "title": text("pillar"),
                "description": text("pillar-description"),
                "criteria": [criterion("H-1", 2), criterion("H-2", 3)],
            }
        ],
    }
    return yaml.safe_dump(data, allow_unicode=True)


def hostile_assessment_data(HOSTILE: str = HOSTILE) -> dict[str, Any]:
    """An assessment whose every text field is :data:`HOSTILE`."""
    return {
        "schema_version": 1,
        "criteria_set": {"id": "hostile-pack", "version": "1"},
        "organisation": {"name": HOSTILE, "sector": HOSTILE, "size": HOSTILE},
        "assessment_date": "2026-11-23",
        "audit_date": "2027-04-01",
        "assessors": [HOSTILE, HOSTILE],
        "language": "nl",
        "evidence": [
            {
                "id": HOSTILE,
                "kind": "document",
                "title": HOSTILE,
                "criteria": ["H-1", "H-2"],
                "source": HOSTILE,
                "date": "2026-10-01",
                "link": HOSTILE,
                "file": {
                    "name": HOSTILE,
                    "sha256": "ab" * 32,
                    "size": 10,
                    "media_type": HOSTILE,
                },
            }
        ],
        "responses": {
            "H-1": {"level": 3, "note": HOSTILE},
            "H-2": {"level": 1, "note": HOSTILE},
        },
        "actions": {"H-2": {"owner": HOSTILE, "status": "open", "note": HOSTILE}},
    }


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "packs").mkdir()
    pack = folder / "packs" / "hostile.yaml"
    pack.write_text(hostile_pack_yaml(), encoding="utf-8")
    assessment = folder / "hostile.json"
    assessment.write_text(json.dumps(hostile_assessment_data()), encoding="utf-8")
    (folder / "short").mkdir()
    short_pack = folder / "short" / "hostile.yaml"
    short_pack.write_text(hostile_pack_yaml(SHORT), encoding="utf-8")
    short = folder / "short.json"
    short.write_text(json.dumps(hostile_assessment_data(SHORT)), encoding="utf-8")
    return {"pack": pack, "assessment": assessment, "short_pack": short_pack, "short": short}


def run(*args: object, code: int = 0, env: dict[str, str] | None = None) -> Result:
    """Run ``ikm ARGS`` in this process; no traceback, the expected exit code, and no raw
    control character or interpreted markup on the terminal."""
    result = CliRunner().invoke(main, [str(a) for a in args], env=env)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    output = result.output + (result.stderr if result.stderr_bytes is not None else "")
    assert result.exit_code == code, output[:3000]
    assert "Traceback" not in output
    assert not RAW_CONTROLS.search(output), RAW_CONTROLS.search(output)
    return result


def test_every_command_on_a_hostile_assessment(files: dict[str, Path], tmp_path: Path) -> None:
    pack, source = files["pack"], files["assessment"]
    criteria = ("--criteria", pack)

    assert f"{pack}: ok (hostile-pack 1, 2 criteria)" in run("validate", pack).output

    for lang in ("nl", "en"):
        table = run("score", source, *criteria, "--lang", lang).output
        # the markup is printed as it is, never interpreted (nor a MarkupError)
        assert "[bold red]Gemeente[/bold red] [/x] Test" in table
        assert "[link=https://evil.example]" in table
        assert "<script>alert(1)</script>" in table
        # control characters shown as escapes; the right-to-left mark kept
        assert "\\x1b[2J" in table and "\\u202eRTL" in table and "\u200f" in table

    as_json = json.loads(run("score", source, *criteria, "--json").output)
    owners = {p["criterion"]: p["owner"] for p in as_json["improvement_points"]}
    assert owners["H-2"] == HOSTILE

    pdf = tmp_path / "report.pdf"
    run("report", files["short"], "--criteria", files["short_pack"], "-o", pdf)
    assert len(PdfReader(pdf).pages) > 3

    database = ("--database", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    imported = run("store", "import", source, *criteria, "--author", HOSTILE, *database)
    aid = int(imported.output.strip().splitlines()[-1])
    listed = run("store", "list", *database).output
    assert "[bold red]Gemeente[/bold red]" in listed and "\\x1b[2J" in listed
    assert "[/x] Test" in run("store", "history", aid, *database).output
    exported = tmp_path / "export.json"
    run("store", "export", aid, "-o", exported, *database)
    assert json.loads(exported.read_text(encoding="utf-8"))["organisation"]["name"] == HOSTILE
    run("store", "restore", aid, 1, "--author", HOSTILE, *database)
    run("store", "erase-file", "ab" * 32, "--yes", *database)
    assert "v2" in run("store", "history", aid, *database).output
    run("workshop", "votes", aid, *database)
    short = run("store", "import", files["short"], "--criteria", files["short_pack"], *database)
    short_id = int(short.output.strip().splitlines()[-1])
    run("workshop", "report", short_id, "-o", tmp_path / "workshop.pdf", *database)
    run("demo", "-o", tmp_path / "demo.json")


def deeply_nested(levels: int = 100_000) -> str:
    return "[" * levels + "]" * levels


@pytest.mark.parametrize("text", [deeply_nested(), '{"a":' * 100_000 + "1" + "}" * 100_000])
def test_deeply_nested_json_is_refused_with_a_clear_message(text: str, tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text(text, encoding="utf-8")
    expected = f"{source}: JSON nested more than 64 levels deep"
    for args in (("score", source), ("report", source, "-o", tmp_path / "r.pdf")):
        result = run(*args, code=1)
        assert expected in result.output
    database = ("--database", f"sqlite:///{tmp_path / 'store.sqlite3'}")
    assert expected in run("store", "import", source, *database, code=1).output
    assert not (tmp_path / "r.pdf").exists()


def test_nesting_below_the_parsers_limit_is_refused_too(tmp_path: Path) -> None:
    source = tmp_path / "deep.json"
    source.write_text('{"schema_version": 1, "x": ' + deeply_nested(500) + "}")
    assert "nested more than 64 levels deep" in run("score", source, code=1).output


def test_the_apps_import_refuses_deep_json_with_a_message(tmp_path: Path) -> None:
    from assessment.errors import IkmError
    from assessment.store import open_store

    with open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}") as store:
        for name in ("deep.json", "deep.ikmz"):
            data = deeply_nested().encode()
            if name.endswith(".ikmz"):
                import io
                import zipfile

                buffer = io.BytesIO()
                with zipfile.ZipFile(buffer, "w") as archive:
                    archive.writestr("assessment.json", data)
                data = buffer.getvalue()
            with pytest.raises(IkmError, match="nested more than 64 levels deep"):
                store.import_file(data, name)
