"""The fieldwork page's actions (issue 14): reading an uploaded register with a mapping, and
saving the analysis, the sample, the file review and the evidence they make.

The caches hold the mapped columns only, never an upload's other columns, and give every
session its own copy.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st

from assessment.assessments import Assessment
from assessment.errors import IkmError
from ui import state
from ui.labels import t
from ui.saving import _change
from ui.store_access import Ref, store


@dataclass(frozen=True)
class RegisterRead:
    """An uploaded register read with a mapping: the register, or the problem as text."""

    register: Any  # assessment.fieldwork.reading.Register | None
    problem: str | None
    columns_missing: bool = False  # a required field has no column: the mapping can mend it


@st.cache_data(show_spinner=False, max_entries=2)
def read_register_upload(
    name: str, raw: bytes, mapping: tuple[tuple[str, str], ...]
) -> RegisterRead:
    """Read an uploaded register keeping only the mapped columns (cached for the reruns of
    the page; the cache holds the mapped columns only, never the upload's other columns)."""
    from assessment.fieldwork.reading import ColumnsNotFound, parse_register

    try:
        return RegisterRead(parse_register(raw, name, dict(mapping)), None)
    except IkmError as exc:
        return RegisterRead(None, str(exc), isinstance(exc, ColumnsNotFound))


@st.cache_data(show_spinner=False, max_entries=2)
def register_headers(name: str, raw: bytes) -> tuple[list[str], str | None]:
    """The headers of an uploaded register for the mapping step, or the problem as text
    (cached for the reruns of the page: the headers only)."""
    from assessment.fieldwork.reading import register_headers as headers

    try:
        return headers(raw, name), None
    except IkmError as exc:
        return [], str(exc)


def save_analysis(ref: Ref, record: Any, lang: str | None = None) -> bool:
    """Keep the figures of a register analysis with the assessment."""
    from assessment.fieldwork.record import set_analysis

    return _change(ref, lambda a: set_analysis(a, record), lang or state.lang())


def save_sample(ref: Ref, record: Any, discard_review: bool, lang: str | None = None) -> bool:
    """Keep a drawn sample; answers outside it are only discarded when confirmed."""
    from assessment.fieldwork.record import set_sample

    return _change(
        ref, lambda a: set_sample(a, record, discard_review=discard_review), lang or state.lang()
    )


def set_review_answer(
    ref: Ref,
    file_id: str,
    criterion_id: str,
    check_id: str,
    answer: str | None,
    note: str | None,
    lang: str | None = None,
) -> bool:
    """Record one answer of the file review (None removes it)."""
    from assessment.fieldwork.record import set_answer

    return _change(
        ref,
        lambda a: set_answer(a, file_id, criterion_id, check_id, answer, note),
        lang or state.lang(),
    )


def add_fieldwork_evidence(
    ref: Ref, what: str, criteria: list[str] | None = None, lang: str | None = None
) -> bool:
    """Turn the register analysis (``what="register"``) or the file review (``"review"``)
    into evidence items; an earlier item of the same kind is updated."""
    from assessment.fieldwork.evidence import add_register_evidence, add_review_evidence

    lang = lang or state.lang()
    pack = store().pack_for(ref.aid)

    def edit(a: Assessment) -> Assessment:
        if what == "register":
            return add_register_evidence(a, list(criteria or []), lang)[0]
        return add_review_evidence(a, pack, lang)[0]

    if _change(ref, edit, lang):
        state.flash("toast", t("fw_evidence_saved", lang))
        return True
    return False
