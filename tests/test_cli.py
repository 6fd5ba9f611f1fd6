"""The ``ikm`` command: exit codes, messages, never a traceback. In this process with Click's
runner, and as a real process where the process itself matters (``ikm report`` ends it
early, see cli._end_process; ``ikm --help`` imports nothing heavy)."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import DATA, ROOT, run_ikm

ikm = run_ikm


def assert_clean_failure(proc, code=1):
    assert proc.returncode == code, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    assert proc.stderr.strip()


def test_validate_builtin_packs_ok():
    proc = ikm("validate", ROOT / "criteria")
    assert proc.returncode == 0, proc.stderr
    assert "ikm-readiness.yaml: ok (ikm-readiness" in proc.stdout


def test_validate_bad_packs_lists_problems_and_exits_1():
    proc = ikm("validate", DATA / "method.yaml", DATA / "packs")
    assert_clean_failure(proc)
    assert f"{DATA / 'method.yaml'}: ok" in proc.stdout
    assert f"{DATA / 'packs' / 'duplicate-key.yaml'}:3: version: duplicate key" in proc.stderr
    assert f"{DATA / 'packs' / 'not-utf8.yaml'}: not UTF-8 text" in proc.stderr


def test_validate_missing_path_and_usage():
    assert_clean_failure(ikm("validate", "/no/such/pack.yaml"))
    assert_clean_failure(ikm("validate"), code=2)
    assert_clean_failure(ikm("score"), code=2)
    assert_clean_failure(ikm("frobnicate"), code=2)


def test_score_json_has_the_specified_shape():
    proc = ikm(
        "score", DATA / "method-assessment.json", "--criteria", DATA / "method.yaml", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert {"criteria_set", "verdict", "overall", "pillars", "tags", "criteria",
            "improvement_points"} <= set(data)  # fmt: skip
    assert data["verdict"] == "conditional"
    assert data["overall"]["readiness"] == pytest.approx(73.3333333)
    assert data["improvement_points"][0]["criterion"] == "B-2"


def test_score_table_is_readable_in_both_languages():
    args = ("score", DATA / "method-assessment.json", "--criteria", DATA / "method.yaml")
    nl = ikm(*args)
    assert nl.returncode == 0, nl.stderr
    assert "Voorwaardelijk gereed" in nl.stdout
    assert "73,3%" in nl.stdout
    assert "onder de drempel van" in nl.stdout
    en = ikm(*args, "--lang", "en")
    assert "Conditionally ready" in en.stdout
    assert "73.3%" in en.stdout
    assert "Improvement points" in en.stdout


def test_score_warns_on_version_mismatch_on_stderr():
    proc = ikm(
        "score", DATA / "assessments" / "version-mismatch.json", "--criteria", DATA / "method.yaml"
    )
    assert proc.returncode == 0
    assert "warning: version '0.9' differs" in proc.stderr


@pytest.mark.parametrize(
    "name",
    sorted(
        p.name for p in (DATA / "assessments").glob("*.json") if p.name != "version-mismatch.json"
    ),
)
def test_score_bad_assessment_exits_1_with_the_file_named(name):
    path = DATA / "assessments" / name
    proc = ikm("score", path, "--criteria", DATA / "method.yaml")
    assert_clean_failure(proc)
    assert str(path) in proc.stderr


def test_score_missing_file_and_bad_criteria():
    proc = ikm("score", "/no/such.json")
    assert_clean_failure(proc)
    assert "/no/such.json: file not found" in proc.stderr
    proc = ikm(
        "score", DATA / "method-assessment.json", "--criteria", DATA / "packs" / "alias.yaml"
    )
    assert_clean_failure(proc)
    assert "alias.yaml:10: scale[2].label" in proc.stderr


def test_demo_writes_a_valid_assessment(tmp_path):
    out = tmp_path / "demo.json"
    proc = ikm("demo", "-o", out)
    assert proc.returncode == 0, proc.stderr
    scored = ikm("score", out, "--json")
    assert scored.returncode == 0, scored.stderr
    assert json.loads(scored.stdout)["criteria_set"]["id"] == "ikm-readiness"


def test_demo_into_missing_folder_writes_nothing(tmp_path):
    out = tmp_path / "nope" / "demo.json"
    proc = ikm("demo", "-o", out)
    assert_clean_failure(proc)
    assert "does not exist" in proc.stderr
    assert not out.parent.exists()
    assert_clean_failure(ikm("demo"), code=2)


def test_help_does_not_import_heavy_modules():
    code = (
        "import sys\n"
        "from assessment.cli import main\n"
        "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
        "heavy = sorted({m.split('.')[0] for m in sys.modules} & "
        "{'weasyprint', 'streamlit', 'sqlalchemy', 'altair', 'pandas'})\n"
        "print('HEAVY', heavy)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "HEAVY []" in proc.stdout


def test_report_as_a_real_process_writes_the_pdf(tmp_path):
    # the ikm program leaves the collector off during `report` and ends the process
    # without Python's teardown: the exit handlers still run and the output is flushed
    demo = tmp_path / "demo.json"
    assert ikm("demo", "-o", demo).returncode == 0
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp)}
    proc = ikm("report", demo, "-o", tmp_path / "out.pdf", "--lang", "en", env=env, real=True)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == f"wrote {tmp_path / 'out.pdf'}\n"
    assert list(temp.iterdir()) == []  # WeasyPrint's font folder is removed
    from pypdf import PdfReader

    reader = PdfReader(tmp_path / "out.pdf")
    assert len(reader.pages) > 20
    assert "Executive summary" in reader.pages[2].extract_text()


def test_report_failure_as_a_real_process_exits_1_with_the_file_named(tmp_path):
    # `report` ends the process through _end_process, failures included
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    proc = ikm("report", broken, "-o", tmp_path / "out.pdf", real=True)
    assert_clean_failure(proc)
    assert "broken.json" in proc.stderr
    assert not (tmp_path / "out.pdf").exists()


@pytest.mark.parametrize(
    ("code", "status", "stderr"), [("None", 0, ""), ("3", 3, ""), ("'boom'", 1, "boom\n")]
)
def test_end_process_flushes_the_output_and_keeps_the_exit_status(code, status, stderr):
    script = (
        "import atexit, sys\n"
        "from assessment.cli import _end_process\n"
        "atexit.register(lambda: print('handler ran', end=''))\n"
        "print('unflushed ', end='')\n"  # a pipe is block-buffered: only a flush shows it
        f"_end_process({code})\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == status
    assert proc.stdout == "unflushed handler ran"
    assert proc.stderr == stderr
