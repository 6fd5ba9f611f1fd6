"""The demo: a filled example assessment of the built-in main pack.

The data lives in ``assessment/data/demo.json``: a half-ready municipality that shows every
feature of the method (shared evidence, an unbacked claim, a not-applicable criterion, a
mandatory gap, user deadlines and an at-risk point, items that are not checkable, a
knock-out point without an owner, overdue points and an overloaded owner).
"""

from __future__ import annotations

from .assessments import Assessment, load_assessment
from .catalog import load_catalog
from .resources import data_dir

DEMO_PACK_ID = "ikm-readiness"


def demo_assessment(lang: str = "nl") -> Assessment:
    """The demo assessment, validated against the built-in pack, in language ``lang``."""
    catalog = load_catalog()
    assessment, _pack, _warnings = load_assessment(data_dir() / "demo.json", catalog.pack_for)
    return assessment.model_copy(update={"language": lang})
