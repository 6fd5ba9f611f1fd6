"""New assessments for the start page: a checked pack upload, a new empty assessment, an
imported file, the demo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import streamlit as st

from assessment.assessments import (
    Assessment,
    CriteriaSetRef,
    Organisation,
)
from assessment.errors import IkmError, ValidationFailed
from assessment.packs import Pack, load_pack_bytes
from assessment.problem_words import in_language
from ui import state
from ui.labels import md, t
from ui.store_access import _author, store


@dataclass(frozen=True)
class PackCheck:
    """An uploaded pack: the pack when valid, else every problem as text."""

    pack: Pack | None
    problems: tuple[str, ...]


@st.cache_data(show_spinner=False, max_entries=8)
def check_pack_upload(name: str, raw: bytes) -> PackCheck:
    """Validate an uploaded pack; every problem by line when it is invalid (each call gets
    its own copy of the pack: two sessions uploading the same file share nothing)."""
    try:
        return PackCheck(load_pack_bytes(raw, name), ())
    except ValidationFailed as exc:
        return PackCheck(None, tuple(str(p) for p in exc.problems))
    except IkmError as exc:
        return PackCheck(None, (str(exc),))


def create_assessment(
    *,
    name: str,
    sector: str | None,
    size: str | None,
    handling: str | None,
    pack_id: str | None,
    pack_upload: tuple[str, bytes] | None,
    assessment_date: date,
    audit_date: date | None,
    assessors: list[str],
    language: str,
    lang: str,
) -> int | None:
    """Store a new, empty assessment and return its id (None with a message on failure)."""
    db = store()
    try:
        if pack_upload is not None:
            upload_name, raw = pack_upload
            pack = db.save_pack_text(raw.decode("utf-8-sig"), upload_name)
        else:
            pack = db.catalog().get(pack_id or "ikm-readiness")
        assessment = Assessment(
            schema_version=1,
            criteria_set=CriteriaSetRef(id=pack.id, version=pack.version),
            organisation=Organisation(name=name, sector=sector, size=size, handling=handling),
            assessment_date=assessment_date,
            audit_date=audit_date,
            assessors=assessors,
            language=language,
        )
        return db.create_assessment(assessment, pack, author=_author())
    except (IkmError, UnicodeDecodeError, ValueError) as exc:
        state.flash("error", t("not_saved", lang, problem=md(str(exc))))
        return None


def import_upload(name: str, data: bytes, lang: str) -> int | None:
    """Import a .json or .ikmz file as a new assessment; None with the problems on failure."""
    warnings: list[Any] = []
    try:
        aid = store().import_file(data, name, author=_author(), warnings=warnings)
    except IkmError as exc:
        detail = md(in_language(str(exc), lang))
        state.flash("error", t("import_failed", lang, file=md(name)) + "\n\n" + detail)
        return None
    state.flash("toast", t("imported", lang, file=md(name)))
    for warning in warnings:
        state.flash("warning", t("import_warning", lang, problem=md(str(warning))))
    return aid


def demo_id(lang: str | None = None) -> int | None:
    """The demo assessment's id; imported again when the user had deleted it."""
    lang = lang or state.lang()
    db = store()
    try:
        aid = db.ensure_demo()
        if aid is None:
            from assessment.demo import demo_assessment

            aid = db.import_file(
                demo_assessment(lang).to_json().encode("utf-8"), "demo.json", author="demo"
            )
        return aid
    except IkmError as exc:
        state.flash("error", t("demo_failed", lang, problem=md(str(exc))))
        return None
