"""Statements say whether they report speech, a belief or a stance.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.add_column(sa.Column("mode", sa.String(), nullable=False, server_default="speech"))


def downgrade() -> None:
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("mode")
