"""Keep the store's organisation list in step with the organisation name inside an assessment.

The store lists assessments under an organisation record, found by name when the assessment
was created. When the user renames the organisation in an assessment's details, the list
must follow: :func:`follow_rename` renames the record when the assessment is its only one,
and otherwise moves the assessment to the organisation of the new name (created when new),
so the other assessments keep the name they carry. ``admit`` (the access-checked view's)
sees where the assessment would go, in the same transaction, and may refuse it.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import delete, select, update

from . import tables as t
from .repository import Store

Admit = Callable[[str, "int | None"], None]  # ("join", organisation id) or ("new", None)


def follow_rename(
    store: Store,
    assessment_id: int,
    name: str,
    sector: str | None,
    admit: Admit | None = None,
) -> None:
    """Put assessment ``assessment_id`` under the organisation called ``name``: an existing
    organisation of that name, else its own organisation renamed when it holds nothing else,
    else a new organisation. An organisation left without assessments is removed.
    ``admit(move, organisation)`` is called before a move into another organisation
    (``"join"``, its id) or a new one (``"new"``, None); it refuses by raising."""
    summary = store.get_summary(assessment_id)
    cleaned = name.strip()
    if summary.organisation_name == cleaned:
        return
    own = store.get_organisation(summary.organisation_id)
    with store._write() as conn:
        found = conn.execute(
            select(t.organisations.c.id)
            .where(t.organisations.c.name_key == cleaned.casefold())
            .where(t.organisations.c.id != own.id)
            .order_by(t.organisations.c.id)
            .limit(1)
        ).scalar()
        if found is None and len(own.assessments) == 1:
            conn.execute(
                update(t.organisations)
                .where(t.organisations.c.id == own.id)
                .values(name=cleaned, name_key=cleaned.casefold(), sector=sector)
            )
            return
        if admit is not None:
            admit("new" if found is None else "join", found)
        if found is None:
            found = store._insert_organisation(conn, cleaned, sector)
        conn.execute(
            update(t.assessments)
            .where(t.assessments.c.id == assessment_id)
            .values(organisation_id=found)
        )
        still = conn.execute(
            select(t.assessments.c.id).where(t.assessments.c.organisation_id == own.id).limit(1)
        ).first()
        if still is None:
            conn.execute(delete(t.organisations).where(t.organisations.c.id == own.id))
