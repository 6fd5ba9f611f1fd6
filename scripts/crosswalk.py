"""Write docs/crosswalk.md from the refs of the built-in packs (``--check``: only compare).

Usage: ``python scripts/crosswalk.py [--check]``. Exit 0 when written (or up to date),
1 when ``--check`` finds the committed page out of date.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from assessment.crosswalk import crosswalk_markdown  # noqa: E402
from assessment.packs import load_pack  # noqa: E402

TARGET = ROOT / "docs" / "crosswalk.md"


def render() -> str:
    """The crosswalk page the built-in packs give today."""
    criteria = ROOT / "criteria"
    return crosswalk_markdown(
        load_pack(criteria / "ikm-readiness.yaml"),
        load_pack(criteria / "awb-9.yaml"),
        load_pack(criteria / "hos-code-2024.yaml"),
    )


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET.relative_to(ROOT)} is out of date: run python scripts/crosswalk.py")
            return 1
        print(f"{TARGET.relative_to(ROOT)} is up to date")
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
