"""Anti-groupthink in workshops: participant groups, anonymous rounds, votes hidden until
revealed, and the reasons of the outliers.

Rounds closed before this revision were shown at once, so they count as revealed when they
closed.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("workshops", sa.Column("groups", sa.Text()))
    op.add_column("workshop_participants", sa.Column("group_name", sa.String(80)))
    op.add_column(
        "workshop_rounds",
        sa.Column("anonymous", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("workshop_rounds", sa.Column("revealed_at", sa.DateTime()))
    op.execute("UPDATE workshop_rounds SET revealed_at = closed_at")
    op.create_table(
        "workshop_reasons",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("criterion_id", sa.String(200), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column(
            "participant_id",
            sa.Integer(),
            sa.ForeignKey("workshop_participants.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_workshop_reasons_participant_id", "workshop_reasons", ["participant_id"])
    op.create_index(
        "ix_workshop_reasons_round", "workshop_reasons", ["workshop_id", "criterion_id", "round"]
    )


def downgrade() -> None:
    # Plain DROP COLUMN (SQLite 3.35+, PostgreSQL): a batch copy of ``workshops`` on SQLite
    # would drop the table and, with foreign keys on, delete every participant, round and vote.
    op.drop_table("workshop_reasons")
    for table, column in (
        ("workshop_rounds", "revealed_at"),
        ("workshop_rounds", "anonymous"),
        ("workshop_participants", "group_name"),
        ("workshops", "groups"),
    ):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
