"""Work left unfinished is known: why an article's analysis failed, and whether pairing
across the library still has to be done again.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("analysis_error", sa.Text(), nullable=True))
    op.create_table(
        "library_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_library_state")),
    )
    # a library analysed before this revision may have been cut short: pair it again
    op.execute("INSERT INTO library_state (key, value) VALUES ('pairing_due', '1')")


def downgrade() -> None:
    op.drop_table("library_state")
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("analysis_error")
