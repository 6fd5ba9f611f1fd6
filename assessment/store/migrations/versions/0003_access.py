"""Access: the members of each organisation with their role, the instance's admins, and the
audit log (sign-ins, access changes, exports, evidence downloads, erasures).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "organisation_members",
        sa.Column(
            "organisation_id",
            sa.Integer(),
            sa.ForeignKey("organisations.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("email", sa.String(320), primary_key=True),
        sa.Column("role", sa.String(10), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(400)),
    )
    op.create_index("ix_organisation_members_email", "organisation_members", ["email"])
    op.create_table(
        "instance_admins",
        sa.Column("email", sa.String(320), primary_key=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(400)),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(400)),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("organisation_id", sa.Integer()),
        sa.Column("subject", sa.String(400)),
        sa.Column("detail", sa.Text()),
    )
    op.create_index("ix_audit_log_organisation_id", "audit_log", ["organisation_id"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_organisation_id", table_name="audit_log")
    op.drop_table("audit_log")
    op.drop_table("instance_admins")
    op.drop_index("ix_organisation_members_email", table_name="organisation_members")
    op.drop_table("organisation_members")
