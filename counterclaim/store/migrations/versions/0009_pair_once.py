"""Pairing across the library reads what each statement says from the library, and pairs
each new article once: statements keep their parsed features, articles whether they were
paired.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # features stay empty here: pairing parses a statement without them once, and keeps them
    op.add_column("statements", sa.Column("features", sa.JSON(), nullable=True))
    op.add_column("articles", sa.Column("paired", sa.Boolean(), nullable=False, server_default="0"))
    # what was analysed was paired, unless pairing was cut short: then all of it again
    op.execute(
        "UPDATE articles SET paired = analysed WHERE NOT EXISTS "
        "(SELECT 1 FROM library_state WHERE key = 'pairing_due' AND value = '1')"
    )


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("paired")
    with op.batch_alter_table("statements") as batch:
        batch.drop_column("features")
