"""Run by Alembic inside :func:`assessment.store.migrate.ensure_schema` (never imported on
its own): the migrations run on the connection and in the transaction the store opened, so
they happen under its lock and commit together with everything else of the upgrade."""

from alembic import context

from assessment.store.migrate import VERSION_TABLE
from assessment.store.tables import metadata


def run() -> None:
    """Migrate on the caller's connection (``config.attributes["connection"]``)."""
    if context.is_offline_mode():
        raise RuntimeError("the store's migrations run on a live connection only")
    connection = context.config.attributes["connection"]
    context.configure(
        connection=connection,
        target_metadata=metadata,
        version_table=VERSION_TABLE,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER on SQLite: copy tables
    )
    with context.begin_transaction():  # inside the caller's transaction: no commit here
        context.run_migrations()


run()
