"""The library's statement index: what a search finds, and how the index is kept."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from counterclaim.store import Library
from tests.large import store_large_article

SEARCHES = ("bridge clo", "k", "bridge t", "never", '"was closed"')


def found(path: Path) -> dict[str, list[str]]:
    with Library.open(path) as library:
        return {q: [s.statement.id for s in library.search(q, 50)] for q in SEARCHES}


def index_sql(path: Path) -> str:
    with closing(sqlite3.connect(path)) as db:
        query = "SELECT sql FROM sqlite_master WHERE name = 'statement_search'"
        return str(db.execute(query).fetchone()[0])


def test_a_library_from_before_0010_finds_the_same_from_an_index_of_word_beginnings(
    library_path: Path,
) -> None:
    store_large_article(library_path, statements=40)
    with closing(sqlite3.connect(library_path)) as db:  # as 0009 made it: no prefix index
        db.execute("CREATE VIRTUAL TABLE old USING fts5(text, article_id UNINDEXED)")
        db.execute(
            "INSERT INTO old (rowid, text, article_id) "
            "SELECT rowid, text, article_id FROM statement_search"
        )
        db.execute("DROP TABLE statement_search")
        db.execute("ALTER TABLE old RENAME TO statement_search")
        db.execute("ALTER TABLE articles DROP COLUMN place")  # 0012
        db.execute("DROP INDEX ix_articles_paired")  # 0011
        db.execute("UPDATE alembic_version SET version_num = '0009'")
        db.commit()
    assert "prefix" not in index_sql(library_path)
    before = found(library_path)  # opening upgrades the library

    assert "prefix='1 2 3'" in index_sql(library_path)  # "bridge t" reads one list, not many
    assert found(library_path) == before
    assert all(before.values()) and len(before["k"]) == 40
    with closing(sqlite3.connect(library_path)) as db:
        assert db.execute("SELECT count(*) FROM statement_search").fetchone() == (40,)
        db.execute("INSERT INTO statement_search(statement_search) VALUES ('integrity-check')")


def test_which_articles_are_not_paired_yet_is_read_from_an_index(library_path: Path) -> None:
    store_large_article(library_path, statements=2)
    with closing(sqlite3.connect(library_path)) as db:
        plan = db.execute("EXPLAIN QUERY PLAN SELECT id FROM articles WHERE paired = 0")
        steps = " ".join(str(step[-1]) for step in plan)
    assert "USING COVERING INDEX ix_articles_paired" in steps  # not every article's text
