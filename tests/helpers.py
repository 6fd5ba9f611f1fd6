"""Shared test helpers: paths to test data and small loaders."""

from __future__ import annotations

import json
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
