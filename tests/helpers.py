"""Shared test helpers: paths to test data and small loaders."""

from __future__ import annotations

import json
import subprocess
import sys
import traceback
from pathlib import Path
from typing import Any

from assessment.assessments import Assessment, parse_assessment
from assessment.packs import Pack, load_pack

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def method_pack() -> Pack:
    """The small pack of tests/data/method.yaml."""
    return load_pack(DATA / "method.yaml")


def method_data() -> dict[str, Any]:
    """The raw JSON of tests/data/method-assessment.json (a fresh copy each call)."""
    return json.loads((DATA / "method-assessment.json").read_text(encoding="utf-8"))


def method_assessment(**changes: Any) -> Assessment:
    """The method-test assessment with top-level fields replaced by ``changes``."""
    data = method_data()
    data.update(changes)
    return parse_assessment(data, "method-assessment.json")


def run_ikm(
    *args: object, env: dict[str, str] | None = None, real: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run ``ikm ARGS``: in this process with Click's runner (fast), or with ``real`` as a
    real process (where the process itself matters: ``ikm report``'s quick exit). An
    exception that escapes the command counts as a traceback on standard error."""
    argv = [str(a) for a in args]
    if real:
        ikm = Path(sys.executable).with_name("ikm")
        return subprocess.run(
            [str(ikm), *argv], capture_output=True, text=True, timeout=120, env=env
        )
    from click.testing import CliRunner

    from assessment.cli import main

    result = CliRunner().invoke(main, argv, env=env)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (in-process): " + "".join(traceback.format_exception(result.exception))
    return subprocess.CompletedProcess(argv, result.exit_code, result.stdout, stderr)
