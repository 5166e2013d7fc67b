"""Where a story was filed, read from its dateline at import ("CORSICANA (October 14,
2014)", "WASHINGTON (AP) —"): shown and edited with the article's other details. Articles
imported before keep no place until a reviewer gives one.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("place", sa.String(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("place")
