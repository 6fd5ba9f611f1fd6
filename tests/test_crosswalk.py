"""docs/crosswalk.md is generated from the packs' refs and must be up to date."""

import subprocess
import sys

from assessment.crosswalk import awb_articles, crosswalk_markdown, hos_provisions, iso_clauses
from assessment.packs import load_pack
from tests.helpers import ROOT

CRITERIA = ROOT / "criteria"
PAGE = ROOT / "docs" / "crosswalk.md"


def packs():
    return [
        load_pack(CRITERIA / f"{name}.yaml") for name in ("ikm-readiness", "awb-9", "hos-code-2024")
    ]


def test_committed_crosswalk_is_what_the_packs_give():
    assert PAGE.read_text(encoding="utf-8") == crosswalk_markdown(*packs()), (
        "docs/crosswalk.md is out of date: run python scripts/crosswalk.py"
    )


def test_every_main_criterion_has_a_row():
    main, _, _ = packs()
    page = PAGE.read_text(encoding="utf-8")
    for _, c in main.criteria():
        assert f"\n| {c.id} | " in page, c.id


def test_numbers_are_read_from_the_refs_in_numeric_order():
    main, _, hos = packs()
    hearing = main.criteria_by_id["HANDLE-05"]
    assert iso_clauses(hearing) == ["7.5", "7.6"]
    assert "9:10" in awb_articles(hearing)
    row = next(
        line
        for line in PAGE.read_text(encoding="utf-8").splitlines()
        if line.startswith("| HANDLE-05 |")
    )
    assert "AWB-08" in row  # the awb-9 criterion on hearing cites 9:10 too
    assert hos_provisions(hos.criteria_by_id["HOS-15"])[-1] == "6.16"


def test_script_check_mode_agrees(tmp_path):
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "crosswalk.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "up to date" in done.stdout
