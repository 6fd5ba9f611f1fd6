"""The schema before Alembic, home-made version 1: organisations, assessments and their
versions, the files they refer to, evidence files, uploaded packs, settings.

Databases reach this revision by being stamped (``assessment.store.migrate`` adopts a
database whose ``ikm_schema`` says 1); it changes nothing itself.

Revision ID: 0001
Revises:
Create Date: 2026-12-03
"""

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    pass


def downgrade() -> None:
    pass
