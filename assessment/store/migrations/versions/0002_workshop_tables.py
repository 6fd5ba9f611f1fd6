"""The workshop tables: workshops, participants, rounds of voting and every vote (the
home-made schema version 2).

The tables as they were when they were added; later changes to them are later revisions.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "assessment_id",
            sa.Integer(),
            sa.ForeignKey("assessments.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("code", sa.String(12), nullable=False, unique=True),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("criterion_id", sa.String(200)),
        sa.Column("round", sa.Integer()),
        sa.Column("voting", sa.String(10), nullable=False),
        sa.Column("timer_started_at", sa.DateTime()),
        sa.Column("timer_seconds", sa.Integer()),
        sa.Column("consultant", sa.String(200)),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
    )
    op.create_index("ix_workshops_assessment_id", "workshops", ["assessment_id"])
    op.create_table(
        "workshop_participants",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("token_sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("joined_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_workshop_participants_workshop_id", "workshop_participants", ["workshop_id"]
    )
    op.create_table(
        "workshop_rounds",
        sa.Column(
            "workshop_id",
            sa.Integer(),
            sa.ForeignKey("workshops.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("criterion_id", sa.String(200), primary_key=True),
        sa.Column("round", sa.Integer(), primary_key=True),
        sa.Column("opened_at", sa.DateTime(), nullable=False),
        sa.Column("closed_at", sa.DateTime()),
        sa.Column("agreed_level", sa.Integer()),
        sa.Column("agreed_at", sa.DateTime()),
        sa.Column("agreed_by", sa.String(200)),
    )
    op.create_table(
        "workshop_votes",
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
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("comment", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index(
        "ix_workshop_votes_round", "workshop_votes", ["workshop_id", "criterion_id", "round"]
    )
    op.create_index("ix_workshop_votes_participant_id", "workshop_votes", ["participant_id"])


def downgrade() -> None:
    for table in ("workshop_votes", "workshop_rounds", "workshop_participants", "workshops"):
        op.drop_table(table)
