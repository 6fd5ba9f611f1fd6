"""``ikm store``: import, list, history, export, restore, erase-file, and clear errors."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

from assessment.demo import demo_assessment
from tests.helpers import run_ikm


def ikm(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """``ikm ARGS`` in this process (a real process proves nothing more for these)."""
    return run_ikm(*args, env={"IKM_DATABASE_URL": None, "COLUMNS": "200", **(env or {})})


def test_import_list_history_export(store_url, tmp_path):
    source = tmp_path / "demo.json"
    source.write_text(demo_assessment().to_json(), encoding="utf-8")

    done = ikm("store", "import", str(source), "--author", "Anna", "--database", store_url)
    assert done.returncode == 0, done.stderr
    new_id = done.stdout.strip().splitlines()[-1]
    assert new_id.isdigit()

    listed = ikm("store", "list", "--database", store_url)
    assert listed.returncode == 0, listed.stderr
    assert "Gemeente Voorbeeldstad" in listed.stdout
    verdicts = "Ready for the audit|Conditionally ready|Not ready yet"
    assert re.search(rf"\d+\.\d%  ({verdicts})  v1", listed.stdout)

    history = ikm("store", "history", new_id, "--database", store_url)
    assert history.returncode == 0, history.stderr
    assert "imported from demo.json" in history.stdout and "Anna" in history.stdout

    out_json = tmp_path / "out.json"
    exported = ikm("store", "export", new_id, "-o", str(out_json), "--database", store_url)
    assert exported.returncode == 0, exported.stderr
    assert json.loads(out_json.read_text()) == json.loads(source.read_text())

    out_ikmz = tmp_path / "out.ikmz"
    exported = ikm("store", "export", new_id, "-o", str(out_ikmz), "--database", store_url)
    assert exported.returncode == 0, exported.stderr
    with zipfile.ZipFile(out_ikmz) as archive:
        assert archive.namelist() == ["assessment.json"]  # the demo has no file contents


def test_database_from_environment_and_custom_pack(tmp_path):
    url = f"sqlite:///{tmp_path / 'env.sqlite3'}"
    pack = tmp_path / "custom.yaml"
    pack.write_text(
        "id: custom\nversion: '1'\ntitle: Custom\nscale:\n"
        "  - {level: 0, label: None}\n  - {level: 1, label: Some}\n"
        "  - {level: 2, label: Full}\n"
        "pillars:\n  - id: p\n    title: P\n    criteria:\n"
        "      - {id: C-1, title: C, question: Q, improvement: I, target: 2}\n",
        encoding="utf-8",
    )
    source = tmp_path / "custom.json"
    source.write_text(
        json.dumps(
            {
                "schema_version": 1,
                "criteria_set": {"id": "custom"},
                "organisation": {"name": "Stichting Zorg"},
                "assessment_date": "2026-11-23",
                "responses": {"C-1": {"level": 2}},
            }
        ),
        encoding="utf-8",
    )
    env = {"IKM_DATABASE_URL": url}
    missing = ikm("store", "import", str(source), env=env)
    assert missing.returncode == 1
    assert "'custom' is not loaded" in missing.stderr and "Traceback" not in missing.stderr
    done = ikm("store", "import", str(source), "--criteria", str(pack), env=env)
    assert done.returncode == 0, done.stderr
    pack.unlink()  # the store kept the pack's text
    listed = ikm("store", "list", env=env)
    assert "Stichting Zorg" in listed.stdout and "100.0" in listed.stdout


def test_errors_are_clear(tmp_path):
    url = f"sqlite:///{tmp_path / 'e.sqlite3'}"
    cases = [
        (
            ("store", "import", str(tmp_path / "nope.json"), "--database", url),
            1,
            "nope.json: file not found",
        ),
        (
            ("store", "export", "7", "-o", str(tmp_path / "x.json"), "--database", url),
            1,
            "assessment 7 does not exist",
        ),
        (
            ("store", "export", "7", "-o", str(tmp_path / "x.txt"), "--database", url),
            2,
            "must end in .json or .ikmz",
        ),
        (("store", "history", "7", "--database", url), 1, "assessment 7 does not exist"),
        (
            ("store", "list", "--database", "mysql://u:secret@host/db"),
            1,
            "unsupported database 'mysql'",
        ),
        (
            ("store", "list", "--database", "postgresql://u:secret@127.0.0.1:1/db"),
            1,
            "cannot open database postgresql+psycopg://u:***@127.0.0.1:1/db",
        ),
    ]
    for args, code, message in cases:
        done = ikm(*args)
        assert done.returncode == code, (args, done.stderr)
        assert message in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr and "secret" not in done.stderr
    assert not (tmp_path / "x.json").exists()


def test_help_does_not_import_sqlalchemy():
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from assessment.cli import main\n"
        "result = CliRunner().invoke(main, ['store', '--help'])\n"
        "assert result.exit_code == 0 and 'import' in result.output\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=Path(__file__).parent,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"


def test_restore_and_erase_file(sqlite_url, new_assessment):
    from assessment.assessments import Evidence, Response
    from assessment.store import open_store

    with open_store(sqlite_url) as store:
        stored = store.add_file(b"%PDF-1.7 dossier", "dossier.pdf")
        evidence = [Evidence(id="E1", kind="record", title="Dossier", file=stored)]
        new_id = store.create_assessment(new_assessment(evidence=evidence))
        changed, version = store.get_assessment(new_id)
        changed.responses["OPEN-01"] = Response(level=2)
        store.save(new_id, changed, version, "Anna")

    done = ikm("store", "restore", str(new_id), "1", "--author", "Bram", "--database", sqlite_url)
    assert done.returncode == 0, done.stderr
    assert "version 1 restored as version 3" in done.stdout
    refused = ikm("store", "erase-file", "nothex", "--database", sqlite_url)
    assert refused.returncode == 2 and "not a sha256" in refused.stderr
    done = ikm("store", "erase-file", stored.sha256, "--yes", "--database", sqlite_url)
    assert done.returncode == 0, done.stderr
    assert f"erased dossier.pdf; assessments with a new version: {new_id}" in done.stdout

    with open_store(sqlite_url) as store:
        current, version = store.get_assessment(new_id)
        assert version == 4 and "OPEN-01" not in current.responses
        assert current.evidence[0].file.erased
        assert store.get_file(stored.sha256) is None
        assert [h.author for h in store.history(new_id)][:2] == ["ikm store", "Bram"]
