"""How ``ikm.sqlite3`` and ``postgresql.sql`` here were made: with the store of commit 3899f06
(the home-made schema, ``ikm_schema`` version 2, before Alembic), so that
``tests/test_store_migrations.py`` can check that a database of that code upgrades.

Run at that commit only (``git worktree add /tmp/old 3899f06``, then
``python tests/data/store-v2/make_fixture.py OUT_FOLDER`` inside it); today's code makes
databases of the new scheme and must not overwrite these files.

- ``ikm.sqlite3``: the demo, an assessment with three versions, an evidence file, an erased
  file, an uploaded criteria pack and a workshop with two rounds of votes and an agreed level.
- ``postgresql.sql``: the DDL that the same code ran on PostgreSQL (its tables as
  ``metadata.create_all`` emitted them); the test fills them with the rows of the SQLite file.
"""

import sqlite3
import sys
from pathlib import Path

from sqlalchemy import create_mock_engine

from assessment.assessments import parse_assessment
from assessment.edits import add_evidence, set_response
from assessment.store import open_store
from assessment.store import schema as old_schema
from assessment.store.workshops import WorkshopStore

PACK = Path(__file__).resolve().parents[1] / "mini.yaml"


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    db = out / "ikm.sqlite3"
    db.unlink(missing_ok=True)
    with open_store(f"sqlite:///{db}") as store:
        assert store.ensure_demo() is not None
        pack = store.save_pack_text(PACK.read_text(encoding="utf-8"), "mini.yaml")
        store.create_assessment(
            parse_assessment(
                {
                    "schema_version": 1,
                    "criteria_set": {"id": pack.id, "version": pack.version},
                    "organisation": {"name": "Waterschap Mini"},
                    "assessment_date": "2026-10-01",
                },
                "fixture",
            ),
            pack,
            author="Fixture",
        )
        aid = store.create_assessment(
            parse_assessment(
                {
                    "schema_version": 1,
                    "criteria_set": {"id": "ikm-readiness", "version": "2026.1"},
                    "organisation": {"name": "Gemeente Oud", "sector": "public sector"},
                    "assessment_date": "2026-11-02",
                    "audit_date": "2027-05-03",
                },
                "fixture",
            ),
            author="Fixture",
        )
        kept = store.add_file(b"%PDF-1.4\n% regeling\n%%EOF\n", "regeling.pdf")
        gone = store.add_file(b"%PDF-1.4\n% klachten met namen\n%%EOF\n", "namen.pdf")
        doc, version = store.get_assessment(aid)
        doc = set_response(doc, "OPEN-01", level=2, note="oud")
        doc, _ = add_evidence(doc, kind="document", title="Regeling", criteria=["OPEN-01"],
                              file=kept)  # fmt: skip
        doc, _ = add_evidence(doc, kind="record", title="Dossiers", criteria=["OPEN-01"],
                              file=gone, personal_data=True)  # fmt: skip
        version = store.save(aid, doc, version, "Anna")
        store.erase_file(gone.sha256, "Anna")
        ws = WorkshopStore(store)
        w = ws.start(aid, "Carla")
        ws.show(w.id, "OPEN-01")
        ws.open_voting(w.id)
        bo, cas = ws.join(w.code, "Bo"), ws.join(w.code, "Cas")
        ws.vote(bo.token, "OPEN-01", 1)
        ws.vote(cas.token, "OPEN-01", 3, "de regeling staat online")
        ws.close_voting(w.id)
        ws.open_voting(w.id)
        ws.vote(bo.token, "OPEN-01", 3)
        ws.vote(cas.token, "OPEN-01", 3)
        ws.close_voting(w.id)
        ws.agree(w.id, 3, "Carla")
        ws.close(w.id)
    with sqlite3.connect(db) as conn:  # one file, no -wal beside it
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("VACUUM")
    statements: list[str] = []
    engine = create_mock_engine(
        "postgresql+psycopg://", lambda sql, *a, **k: statements.append(
            str(sql.compile(dialect=engine.dialect)).strip())
    )  # fmt: skip
    old_schema.metadata.create_all(engine, checkfirst=False)
    (out / "postgresql.sql").write_text(";\n\n".join(statements) + ";\n", encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
