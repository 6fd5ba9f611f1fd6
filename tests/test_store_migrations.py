"""Alembic migrations, run from code when the store opens: a database made by the store
before Alembic (tests/data/store-v2, made by commit 3899f06) is upgraded with all its data,
the revisions end exactly at the tables, a newer database is refused, a failed upgrade leaves
nothing behind, and processes opening a database at once migrate it once.
SQLite always; PostgreSQL with IKM_TEST_DATABASE_URL."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import MetaData, Table, create_engine, insert, select, text

from assessment.store import StoreError, open_store
from assessment.store import migrate as migrate_module
from assessment.store.engine import resolve_url
from assessment.store.tables import ACCESS_TABLES, WORKSHOP_TABLES, metadata, presence
from tests.helpers import ROOT

FIXTURE = ROOT / "tests" / "data" / "store-v2"


def _copy_rows_to_postgresql(url: str) -> None:
    """The fixture's tables as the old code made them on PostgreSQL, with the SQLite rows."""
    source = create_engine(f"sqlite:///{FIXTURE / 'ikm.sqlite3'}")
    target = create_engine(resolve_url(url))
    ddl = (FIXTURE / "postgresql.sql").read_text(encoding="utf-8")
    old = MetaData()
    old.reflect(source)
    with target.begin() as conn, source.connect() as src:
        for statement in ddl.split(";\n"):
            if statement.strip():
                conn.exec_driver_sql(statement)
        for table in old.sorted_tables:
            rows = [dict(row) for row in src.execute(select(table)).mappings()]
            if rows:
                conn.execute(insert(Table(table.name, MetaData(), autoload_with=conn)), rows)
            if "id" in table.c and table.c.id.primary_key:
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                    f"coalesce((SELECT max(id) FROM {table.name}), 0) + 1, false)"
                )
    source.dispose()
    target.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def legacy_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database made by the store before Alembic (home-made schema version 2)."""
    if request.param == "sqlite":
        shutil.copy(FIXTURE / "ikm.sqlite3", tmp_path / "old.sqlite3")
        return f"sqlite:///{tmp_path / 'old.sqlite3'}"
    url = request.getfixturevalue("pg_url")
    _copy_rows_to_postgresql(url)
    return url


def _context(conn) -> MigrationContext:
    return MigrationContext.configure(conn, opts={"version_table": migrate_module.VERSION_TABLE})


def _revision(store) -> str | None:
    with store._engine.connect() as conn:
        return _context(conn).get_current_revision()


def _differences(store) -> list:
    """What separates the database's schema from the tables of the code (none, we hope)."""
    with store._engine.connect() as conn:
        return compare_metadata(_context(conn), metadata)


def _guard(store) -> int:
    with store._engine.connect() as conn:
        return conn.execute(text("SELECT version FROM ikm_schema")).scalar_one()


def test_a_database_made_by_the_store_before_alembic_is_upgraded(legacy_url):
    with open_store(legacy_url) as store:
        assert _revision(store) == migrate_module.head_revision()
        assert _differences(store) == []
        assert _guard(store) == migrate_module.GUARD_VERSION  # the old code now refuses it
        assert store.ensure_demo() == 1  # the demo it had, not a new one
        orgs = {org.name: org for org in store.list_organisations()}
        assert {"Gemeente Oud", "Waterschap Mini"} <= set(orgs)
        old_id = orgs["Gemeente Oud"].assessments[0].id
        history = store.history(old_id)
        assert [v.changes[0]["kind"] for v in reversed(history)][:3] == [
            "created",
            "level",
            "erased_file",
        ]
        assessment, version = store.get_assessment(old_id)
        assert assessment.responses["OPEN-01"].level == 3  # agreed in the workshop
        assert assessment.responses["OPEN-01"].note == "oud"
        kept, gone = (e.file for e in assessment.evidence)
        assert store.get_file(kept.sha256).startswith(b"%PDF")
        assert gone.erased and store.get_file(gone.sha256) is None
        assert store.file_info(gone.sha256).erased_by == "Anna"
        mini = orgs["Waterschap Mini"].assessments[0].id
        assert store.pack_for(mini).id == "test-pack"  # the uploaded pack survived
        outcome = store.workshops.findings(old_id).outcomes[0]
        assert (outcome.criterion, outcome.agreed, outcome.rounds) == ("OPEN-01", 3, 2)
        # and everything still works on it
        w = store.workshops.start(old_id, "Carla")
        store.workshops.show(w.id, "OPEN-02")
        store.workshops.open_voting(w.id)
        store.workshops.vote(store.workshops.join(w.code, "Dirk").token, "OPEN-02", 2)
        store.workshops.close_voting(w.id)
        assert store.workshops.agree(w.id, 2) == version + 1
        assert store.create_assessment(assessment.model_copy()) > mini
    with open_store(legacy_url) as store:  # opening again changes nothing
        assert _revision(store) == migrate_module.head_revision()


def test_a_new_database_is_made_from_the_tables_and_stamped(store_url):
    with open_store(store_url) as store:
        assert _revision(store) == migrate_module.head_revision()
        assert _differences(store) == []
        assert _guard(store) == migrate_module.GUARD_VERSION


def test_a_schema_1_database_gets_the_workshop_tables(store_url, new_assessment):
    with open_store(store_url) as store:
        kept = store.create_assessment(new_assessment())
        with store._engine.begin() as conn:
            for table in (presence, *reversed(ACCESS_TABLES), *reversed(WORKSHOP_TABLES)):
                # the tables after revision 0001
                conn.execute(text(f"DROP TABLE IF EXISTS {table.name}"))
            conn.execute(text("DROP TABLE ikm_alembic_version"))
            conn.execute(text("UPDATE ikm_schema SET version = 1"))
    with open_store(store_url) as store:
        assert _revision(store) == migrate_module.head_revision()
        assert _differences(store) == []  # revision 0002 made exactly the tables of the code
        ws = store.workshops
        w = ws.start(kept)
        ws.show(w.id, "OPEN-01")
        ws.open_voting(w.id)
        ws.vote(ws.join(w.code, "Anna").token, "OPEN-01", 3)
        assert ws.close_voting(w.id).count == 1


def test_a_newer_database_is_refused_and_left_alone(store_url, new_assessment):
    with open_store(store_url) as store:
        store.create_assessment(new_assessment())
        with store._engine.begin() as conn:
            conn.execute(text("UPDATE ikm_alembic_version SET version_num = '9999'"))
    with pytest.raises(StoreError, match="revision 9999, newer than this ikm-readiness"):
        open_store(store_url)
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:
        assert conn.execute(text("SELECT version_num FROM ikm_alembic_version")).scalar() == "9999"
        conn.execute(text("DROP TABLE ikm_alembic_version"))
        conn.execute(text("UPDATE ikm_schema SET version = 3"))  # a home-made version 3
    engine.dispose()
    with pytest.raises(StoreError, match="schema version 3, newer than this ikm-readiness"):
        open_store(store_url)


_REVISION_3 = '''
"""A test revision."""
import sqlalchemy as sa
from alembic import op

revision = "{rev}"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("extra", sa.Column("id", sa.Integer(), primary_key=True))
    with op.batch_alter_table("organisations") as batch:
        batch.add_column(sa.Column("note", sa.String(50)))
    {fail}


def downgrade() -> None:
    pass
'''


def _next_revision() -> str:
    """The number after the newest revision of the code (a test revision on top of it)."""
    return f"{int(migrate_module.head_revision()) + 1:04d}"


def _scripts_with_revision_3(tmp_path: Path, fail: bool) -> Path:
    scripts = tmp_path / ("failing" if fail else "scripts")
    shutil.copytree(migrate_module.SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    body = _REVISION_3.format(
        rev=_next_revision(),
        down=migrate_module.head_revision(),
        fail='raise RuntimeError("step failed half way")' if fail else "pass",
    )
    (scripts / "versions" / f"{_next_revision()}_test.py").write_text(textwrap.dedent(body))
    return scripts


def test_a_new_revision_runs_once_when_the_store_opens(store_url, new_assessment, tmp_path):
    with open_store(store_url) as store:
        kept = store.create_assessment(new_assessment())
    new_revision = _next_revision()
    scripts = _scripts_with_revision_3(tmp_path, fail=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate_module, "SCRIPTS", scripts)
        with open_store(store_url) as store:
            assert _revision(store) == new_revision
            with store._engine.connect() as conn:
                conn.execute(text("SELECT note FROM organisations"))
                conn.execute(text("SELECT id FROM extra"))
            assert store.get_assessment(kept)[1] == 1
        with open_store(store_url) as store:  # already up to date
            assert _revision(store) == new_revision


def test_a_failed_upgrade_leaves_nothing_behind(store_url, new_assessment, tmp_path):
    with open_store(store_url) as store:
        store.create_assessment(new_assessment())
    head = migrate_module.head_revision()
    scripts = _scripts_with_revision_3(tmp_path, fail=True)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(migrate_module, "SCRIPTS", scripts)
        with pytest.raises(RuntimeError, match="step failed half way"):
            open_store(store_url)
    with open_store(store_url) as store:
        assert _revision(store) == head
        with store._engine.connect() as conn:
            assert not conn.dialect.has_table(conn, "extra")
        assert _differences(store) == []


def test_processes_opening_an_old_database_at_once_migrate_it_once(legacy_url):
    engine = create_engine(resolve_url(legacy_url))
    with engine.begin() as conn:  # make it schema 1, so that the upgrade has DDL to run
        for table in reversed(WORKSHOP_TABLES):
            conn.execute(text(f"DROP TABLE IF EXISTS {table.name}"))
        conn.execute(text("UPDATE ikm_schema SET version = 1"))
    engine.dispose()
    code = "import sys\nfrom assessment.store import open_store\nopen_store(sys.argv[1]).close()\n"
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", code, legacy_url],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for proc in procs:
        _out, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err
    with open_store(legacy_url) as store:
        assert _revision(store) == migrate_module.head_revision()
        assert _differences(store) == []
        with store._engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM ikm_alembic_version")).scalar() == 1


def test_another_applications_alembic_table_is_left_alone(store_url):
    engine = create_engine(resolve_url(store_url))
    with engine.begin() as conn:  # a shared PostgreSQL schema: someone else uses Alembic too
        conn.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)"))
        conn.execute(text("INSERT INTO alembic_version VALUES ('their_head')"))
    engine.dispose()
    with open_store(store_url) as store:
        assert _revision(store) == migrate_module.head_revision()
        with store._engine.connect() as conn:
            assert conn.execute(text("SELECT * FROM alembic_version")).scalar() == "their_head"


def test_revision_0004_keeps_the_rounds_of_0002_revealed(store_url, new_assessment):
    from alembic import command

    with open_store(store_url) as store:
        aid = store.create_assessment(new_assessment())
        ws = store.workshops
        w = ws.start(aid)
        ws.show(w.id, "OPEN-01")
        ws.open_voting(w.id)
        ws.vote(ws.join(w.code, "Anna").token, "OPEN-01", 3)
        ws.close_voting(w.id)
        with store._engine.begin() as conn:
            command.downgrade(migrate_module.alembic_config(conn), "0002")
            assert not conn.dialect.has_table(conn, "workshop_reasons")
    with open_store(store_url) as store:  # upgraded again when it opens
        assert _revision(store) == migrate_module.head_revision()
        assert _differences(store) == []
        info = store.workshops.get(w.id)
        assert info.revealed and not info.anonymous  # shown at once before 0004: revealed
        assert store.workshops.summary(w.id).votes[0].participant == "Anna"
