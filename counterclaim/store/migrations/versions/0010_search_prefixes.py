"""The statement index keeps the words' first one, two and three letters, so that a search
for a word's beginning ("said t", "nato th") reads one list instead of merging the lists of
every word that begins so (SQLite FTS5 `prefix=`).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

PREFIXES = "1 2 3"


def upgrade() -> None:
    _rebuild(f"prefix='{PREFIXES}'")


def downgrade() -> None:
    _rebuild("")


def _rebuild(options: str) -> None:
    """The index made again with `options`, holding the same rows (what a statement made by
    hand or hidden put in it too)."""
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL finds word beginnings in its GIN index (`:*`) as it is
    extra = f", {options}" if options else ""
    op.execute(
        f"CREATE VIRTUAL TABLE statement_search_new USING fts5(text, article_id UNINDEXED{extra})"
    )
    op.execute(
        "INSERT INTO statement_search_new (rowid, text, article_id) "
        "SELECT rowid, text, article_id FROM statement_search"
    )
    op.execute("DROP TABLE statement_search")
    op.execute("ALTER TABLE statement_search_new RENAME TO statement_search")
