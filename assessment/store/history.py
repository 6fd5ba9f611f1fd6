"""What changed between two versions of an assessment, as records and as a short sentence.

Each save stores a list of change records (plain dicts, JSON in the database) so the history
can say, in Dutch or English, "OPEN-01: niveau 2 → 3; bewijs E4 toegevoegd".
"""

from __future__ import annotations

from typing import Any

from ..assessments import Assessment
from ..i18n import language

Change = dict[str, Any]

_TOP_FIELDS = ("assessment_date", "audit_date", "language", "assessors")
_ORG_FIELDS = ("name", "sector", "size", "handling")


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def diff(old: Assessment | None, new: Assessment) -> list[Change]:
    """The change records that turn ``old`` into ``new`` (``[{"kind": "created"}]`` without old)."""
    if old is None:
        return [{"kind": "created"}]
    changes: list[Change] = []
    for name in _TOP_FIELDS:
        before, after = _plain(getattr(old, name)), _plain(getattr(new, name))
        if before != after:
            changes.append({"kind": "field", "field": name, "from": before, "to": after})
    for name in _ORG_FIELDS:
        before, after = getattr(old.organisation, name), getattr(new.organisation, name)
        if before != after:
            changes.append(
                {"kind": "field", "field": f"organisation.{name}", "from": before, "to": after}
            )
    if old.criteria_set != new.criteria_set:
        changes.append(
            {
                "kind": "field",
                "field": "criteria_set",
                "from": f"{old.criteria_set.id} {old.criteria_set.version or ''}".strip(),
                "to": f"{new.criteria_set.id} {new.criteria_set.version or ''}".strip(),
            }
        )
    changes.extend(_response_changes(old, new))
    changes.extend(_evidence_changes(old, new))
    changes.extend(_action_changes(old, new))
    changes.extend(_fieldwork_changes(old, new))
    return changes


def _fieldwork_changes(old: Assessment, new: Assessment) -> list[Change]:
    """The register analysis, the sample and the file review answers per file."""
    a, b = old.fieldwork, new.fieldwork
    out: list[Change] = []
    before, after = (a.analysis if a else None), (b.analysis if b else None)
    if before != after:
        if after is None:
            out.append({"kind": "fieldwork_analysis_removed"})
        else:
            out.append(
                {"kind": "fieldwork_analysis", "name": after.name, "complaints": after.complaints}
            )
    before_sample, after_sample = (a.sample if a else None), (b.sample if b else None)
    if before_sample != after_sample:
        if after_sample is None:
            out.append({"kind": "fieldwork_sample_removed"})
        else:
            out.append(
                {"kind": "fieldwork_sample", "size": after_sample.size, "seed": after_sample.seed}
            )
    review_a, review_b = (a.review if a else {}), (b.review if b else {})
    for file_id in _ordered_keys(review_a, review_b):
        if review_a.get(file_id) != review_b.get(file_id):
            out.append({"kind": "fieldwork_review", "file": file_id})
    return out


def _response_changes(old: Assessment, new: Assessment) -> list[Change]:
    out: list[Change] = []
    for cid in _ordered_keys(old.responses, new.responses):
        a, b = old.responses.get(cid), new.responses.get(cid)
        level_a, level_b = (a.level if a else None), (b.level if b else None)
        if level_a != level_b:
            out.append({"kind": "level", "criterion": cid, "from": level_a, "to": level_b})
        na_a, na_b = bool(a and a.not_applicable), bool(b and b.not_applicable)
        if na_a != na_b:
            out.append({"kind": "not_applicable", "criterion": cid, "to": na_b})
        if (a.note if a else None) != (b.note if b else None):
            out.append({"kind": "note", "criterion": cid})
        if (a.justification if a else None) != (b.justification if b else None):
            out.append({"kind": "justification", "criterion": cid})
    return out


def _evidence_changes(old: Assessment, new: Assessment) -> list[Change]:
    out: list[Change] = []
    before = {e.id: e for e in old.evidence}
    after = {e.id: e for e in new.evidence}
    for eid, item in after.items():
        if eid not in before:
            out.append({"kind": "evidence_added", "id": eid, "title": item.title})
            continue
        a, b = before[eid].model_dump(mode="json"), item.model_dump(mode="json")
        fields = [k for k in b if a.get(k) != b.get(k)]
        if fields:
            out.append(
                {"kind": "evidence_changed", "id": eid, "title": item.title, "fields": fields}
            )
    for eid, item in before.items():
        if eid not in after:
            out.append({"kind": "evidence_removed", "id": eid, "title": item.title})
    return out


def _action_changes(old: Assessment, new: Assessment) -> list[Change]:
    out: list[Change] = []
    for cid in _ordered_keys(old.actions, new.actions):
        a = old.actions[cid].model_dump(mode="json") if cid in old.actions else {}
        b = new.actions[cid].model_dump(mode="json") if cid in new.actions else {}
        for name in ("owner", "deadline", "status", "note"):
            if a.get(name) != b.get(name):
                change: Change = {"kind": "action", "criterion": cid, "field": name}
                if name != "note":
                    change.update({"from": a.get(name), "to": b.get(name)})
                out.append(change)
    return out


def _ordered_keys(a: dict[str, Any], b: dict[str, Any]) -> list[str]:
    return list(dict.fromkeys([*a, *b]))


# ---- wording ---------------------------------------------------------------------------------

_FIELD_NAMES = {
    "assessment_date": {"nl": "datum", "en": "date"},
    "audit_date": {"nl": "auditdatum", "en": "audit date"},
    "language": {"nl": "taal", "en": "language"},
    "assessors": {"nl": "beoordelaars", "en": "assessors"},
    "organisation.name": {"nl": "naam organisatie", "en": "organisation name"},
    "organisation.sector": {"nl": "sector", "en": "sector"},
    "organisation.size": {"nl": "omvang", "en": "size"},
    "organisation.handling": {"nl": "klachtafhandeling", "en": "complaint handling"},
    "criteria_set": {"nl": "normenset", "en": "criteria set"},
    "owner": {"nl": "eigenaar", "en": "owner"},
    "deadline": {"nl": "deadline", "en": "deadline"},
    "status": {"nl": "status", "en": "status"},
    "note": {"nl": "notitie", "en": "note"},
}

_TEXT = {
    "created": {"nl": "aangemaakt", "en": "created"},
    "imported": {"nl": "geïmporteerd uit {name}", "en": "imported from {name}"},
    "restored": {"nl": "versie {version} teruggezet", "en": "version {version} restored"},
    "erased_file": {
        "nl": "bestand {name} definitief gewist",
        "en": "file {name} erased for good",
    },
    "field": {"nl": "{field}: {from_} → {to}", "en": "{field}: {from_} → {to}"},
    "level": {
        "nl": "{criterion}: niveau {from_} → {to}",
        "en": "{criterion}: level {from_} → {to}",
    },
    "not_applicable_on": {
        "nl": "{criterion}: niet van toepassing",
        "en": "{criterion}: not applicable",
    },
    "not_applicable_off": {
        "nl": "{criterion}: weer van toepassing",
        "en": "{criterion}: applicable again",
    },
    "note": {"nl": "{criterion}: toelichting gewijzigd", "en": "{criterion}: note changed"},
    "justification": {
        "nl": "{criterion}: motivering gewijzigd",
        "en": "{criterion}: justification changed",
    },
    "evidence_added": {"nl": "bewijs {id} toegevoegd", "en": "evidence {id} added"},
    "evidence_removed": {"nl": "bewijs {id} verwijderd", "en": "evidence {id} removed"},
    "evidence_changed": {"nl": "bewijs {id} gewijzigd", "en": "evidence {id} changed"},
    "action": {
        "nl": "{criterion}: {field} {from_} → {to}",
        "en": "{criterion}: {field} {from_} → {to}",
    },
    "action_note": {
        "nl": "{criterion}: notitie verbeterpunt gewijzigd",
        "en": "{criterion}: improvement note changed",
    },
    "fieldwork_analysis": {
        "nl": "registeranalyse {name}: {complaints} klachten",
        "en": "register analysis {name}: {complaints} complaints",
    },
    "fieldwork_analysis_removed": {
        "nl": "registeranalyse verwijderd",
        "en": "register analysis removed",
    },
    "fieldwork_sample": {
        "nl": "steekproef van {size} getrokken (startgetal {seed})",
        "en": "sample of {size} drawn (seed {seed})",
    },
    "fieldwork_sample_removed": {"nl": "steekproef verwijderd", "en": "sample removed"},
    "fieldwork_review": {"nl": "dossiertoets {file} gewijzigd", "en": "file review {file} changed"},
    "none": {"nl": "geen wijzigingen", "en": "no changes"},
    "more": {"nl": "en {n} meer", "en": "and {n} more"},
}


def _show(value: Any, lang: str) -> str:
    if value is None or value == [] or value == "":
        return "—"
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def describe(change: Change, lang: str = "nl") -> str:
    """One change record in words, in ``lang`` (``nl`` or ``en``)."""
    lang = language(lang)
    kind = change.get("kind", "")
    params = {k: v for k, v in change.items() if k != "kind"}
    if kind == "not_applicable":
        kind = "not_applicable_on" if change.get("to") else "not_applicable_off"
    if kind == "action" and change.get("field") == "note":
        kind = "action_note"
    if kind in ("field", "action"):
        name = change.get("field", "")
        params["field"] = _FIELD_NAMES.get(name, {}).get(lang, name)
    if kind in ("field", "action", "level"):
        params["from_"] = _show(change.get("from"), lang)
        params["to"] = _show(change.get("to"), lang)
    if kind == "action" and change.get("field") == "status":  # words, not in_progress
        from ..messages import status_label

        for key in ("from", "to"):
            if change.get(key):
                params["from_" if key == "from" else "to"] = status_label(change[key], lang)
    template = _TEXT.get(kind, {}).get(lang)
    if template is None:
        return kind
    try:
        return template.format(**params)
    except (KeyError, IndexError):
        return kind


def summarise(changes: list[Change], lang: str = "nl", limit: int = 4) -> str:
    """The first ``limit`` changes in words, joined with '; ', and how many more there are."""
    if not changes:
        return _TEXT["none"][language(lang)]
    shown = [describe(c, lang) for c in changes[:limit]]
    rest = len(changes) - limit
    if rest > 0:
        shown.append(_TEXT["more"][language(lang)].format(n=rest))
    return "; ".join(shown)
