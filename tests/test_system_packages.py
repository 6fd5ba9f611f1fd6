"""scripts/system-packages.sh: the one list of system packages, checked before make run/test."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "system-packages.sh"

pytestmark = pytest.mark.skipif(
    shutil.which("dpkg-query") is None or shutil.which("bash") is None,
    reason="needs bash and dpkg-query (Debian)",
)


def _run(tmp_path: Path, *args: str, absent: tuple[str, ...] = (), **env: str):
    """Run the script with a dpkg-query that reports ``absent`` as not installed."""
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    query = fake / "dpkg-query"
    query.write_text(
        "#!/bin/sh\nfor a; do last=$a; done\n"
        f'case " {" ".join(absent)} " in *" $last "*) exit 1;; esac\n'
        'printf "install ok installed"\n'
    )
    query.chmod(0o755)
    environment = {
        **os.environ,
        "PATH": f"{fake}{os.pathsep}{os.environ['PATH']}",
        "PYTHON": sys.executable,
        "CI": "",
        **env,
    }
    return subprocess.run(
        ["bash", str(SCRIPT), *args], capture_output=True, text=True, env=environment
    )


def test_check_passes_when_nothing_is_missing(tmp_path: Path) -> None:
    done = _run(tmp_path, "check")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""


def test_check_prints_the_exact_command_for_what_is_missing(tmp_path: Path) -> None:
    done = _run(tmp_path, "check", "test", absent=("libharfbuzz-subset0", "poppler-utils"))
    assert done.returncode == 1
    assert "apt-get install -y --no-install-recommends libharfbuzz-subset0 poppler-utils" in (
        done.stderr
    )


def test_run_needs_no_test_packages(tmp_path: Path) -> None:
    assert _run(tmp_path, "check", "run", absent=("chromium", "poppler-utils")).returncode == 0
    done = _run(tmp_path, "check", "run", absent=("libpango-1.0-0",))
    assert done.returncode == 1 and "libpango-1.0-0" in done.stderr


def test_a_python_without_venv_asks_for_python_venv(tmp_path: Path) -> None:
    done = _run(tmp_path, "check", "run", PYTHON="no-such-python3.11")
    assert done.returncode == 1
    assert "python3.11 python3.11-venv" in done.stderr


def test_wrong_usage_exits_2(tmp_path: Path) -> None:
    assert _run(tmp_path, "upgrade").returncode == 2
    assert _run(tmp_path, "check", "everything").returncode == 2


def test_the_makefile_and_ci_use_the_script() -> None:
    root = SCRIPT.parent.parent
    makefile = (root / "Makefile").read_text()
    assert "scripts/system-packages.sh check run" in makefile
    assert "scripts/system-packages.sh check test" in makefile
    assert "run: system-run" in makefile and "test: system-test" in makefile
    assert "scripts/system-packages.sh install test" in (root / ".ci" / "run").read_text()


def test_the_tests_ask_for_node_and_npm(tmp_path: Path) -> None:
    done = _run(tmp_path, "check", "test", absent=("nodejs",), NPM="no-such-npm")
    assert done.returncode == 1
    assert "--no-install-recommends nodejs npm" in done.stderr
    assert _run(tmp_path, "check", "run", NPM="no-such-npm").returncode == 0


def test_make_test_installs_the_pinned_axe_core() -> None:
    root = SCRIPT.parent.parent
    makefile = (root / "Makefile").read_text()
    assert "test: system-test $(STAMP) $(AXE)" in makefile
    assert "npm ci --prefix tests/axe" in makefile
    lock = (root / "tests" / "axe" / "package-lock.json").read_text()
    assert '"integrity": "sha512-' in lock  # npm ci installs exactly this build
    assert "node_modules/" in (root / ".gitignore").read_text()
