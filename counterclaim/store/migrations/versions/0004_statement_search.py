"""A full-text index of statements, to find rebuttals across the library: SQLite FTS5, or
on PostgreSQL a table of the same name whose `words` (a tsvector of the `simple`
configuration: lower case, no stemming, as FTS5's default) have a GIN index.

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
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE statement_search USING fts5(text, article_id UNINDEXED)")
    else:
        _create_search_table()
    op.execute(
        "INSERT INTO statement_search (rowid, text, article_id) "
        "SELECT s.id, substr(a.text, s.content_start + 1, s.content_end - s.content_start), "
        "s.article_id FROM statements s JOIN articles a ON a.id = s.article_id"
    )


def _create_search_table() -> None:
    """`rowid` is the statement's id, as in FTS5, so that one SQL fills both indexes."""
    op.execute(
        "CREATE TABLE statement_search (rowid integer PRIMARY KEY, text text NOT NULL, "
        "article_id integer NOT NULL, "
        "words tsvector GENERATED ALWAYS AS (to_tsvector('simple', text)) STORED)"
    )
    op.execute("CREATE INDEX ix_statement_search_words ON statement_search USING gin (words)")


def downgrade() -> None:
    op.execute("DROP TABLE statement_search")
