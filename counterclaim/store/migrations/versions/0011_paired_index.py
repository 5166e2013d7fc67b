"""Which articles are not paired yet is read from an index: pairing asks it for every claim
of a new article, and reading it from the articles themselves walks past every article's
text.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_articles_paired"), "articles", ["paired"])


def downgrade() -> None:
    op.drop_index(op.f("ix_articles_paired"), table_name="articles")
