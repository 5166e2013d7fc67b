"""Links say how the rebuttal answers the claim: denies, disputes or contextualises.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.add_column(
            sa.Column("relation", sa.String(), nullable=False, server_default="disputes")
        )


def downgrade() -> None:
    with op.batch_alter_table("links") as batch:
        batch.drop_column("relation")
