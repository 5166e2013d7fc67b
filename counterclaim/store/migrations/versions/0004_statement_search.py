"""A full-text index of statements, to find rebuttals across the library (SQLite FTS5).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # other databases search with their own indexes (not built yet)
    op.execute("CREATE VIRTUAL TABLE statement_search USING fts5(text, article_id UNINDEXED)")
    op.execute(
        "INSERT INTO statement_search (rowid, text, article_id) "
        "SELECT s.id, substr(a.text, s.content_start + 1, s.content_end - s.content_start), "
        "s.article_id FROM statements s JOIN articles a ON a.id = s.article_id"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE statement_search")
