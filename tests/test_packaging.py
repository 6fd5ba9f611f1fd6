"""``pip install .`` works outside the checkout: the wheel carries criteria/, templates/ and the
store's Alembic scripts."""

import os
import shutil
import subprocess
import sys
import zipfile

import pytest

from tests.helpers import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    out = tmp_path_factory.mktemp("wheel")
    # build from a copy, so that setuptools' build/ folder never lands in the checkout
    source = tmp_path_factory.mktemp("source") / "ikm-readiness"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(".venv", ".git", "build", "*.egg-info", "__pycache__"),
    )  # fmt: skip
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         str(source), "-w", str(out)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    (path,) = out.glob("ikm_readiness-*.whl")
    return path


def test_wheel_carries_packs_templates_and_demo(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for pack in (ROOT / "criteria").glob("*.yaml"):
        assert f"assessment/criteria/{pack.name}" in names
    assert "assessment/data/demo.json" in names
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file() and "__pycache__" not in template.parts:
            assert f"assessment/templates/{template.relative_to(ROOT / 'templates')}" in names
    assert any(n.endswith("entry_points.txt") for n in names)
    migrations = ROOT / "assessment" / "store" / "migrations"
    shipped = [p for p in migrations.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    assert any(p.parent.name == "versions" and p.stem[0].isdigit() for p in shipped)
    for script in shipped:  # env.py, script.py.mako and every revision
        assert f"{script.relative_to(ROOT)}" in names


def test_installed_wheel_works_outside_the_checkout(wheel, tmp_path):
    site = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
         str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    code = (
        "import assessment, sys\n"
        "from assessment.resources import criteria_dir, templates_dir\n"
        "print('FILE', assessment.__file__)\n"
        "print('CRITERIA', criteria_dir())\n"
        "print('TEMPLATES', templates_dir())\n"
        "from assessment.cli import main\n"
        "sys.argv = ['ikm', 'demo', '-o', 'demo.json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "sys.argv = ['ikm', 'score', 'demo.json', '--json']\n"
        "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "from assessment.store import open_store, migrate\n"
        "print('SCRIPTS', migrate.SCRIPTS)\n"
        "with open_store('sqlite:///store.sqlite3') as store:\n"
        "    assert store.ensure_demo() == 1\n"
        "print('REVISION', migrate.head_revision())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(site)}
    proc = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    assert f"FILE {site}" in proc.stdout
    assert f"CRITERIA {site / 'assessment' / 'criteria'}" in proc.stdout
    assert f"TEMPLATES {site / 'assessment' / 'templates'}" in proc.stdout
    assert '"verdict"' in proc.stdout
    assert f"SCRIPTS {site / 'assessment' / 'store' / 'migrations'}" in proc.stdout
    from assessment.store.migrate import head_revision  # the checkout's newest revision

    assert f"REVISION {head_revision()}" in proc.stdout  # migrates with the wheel's scripts
