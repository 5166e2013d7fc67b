"""The library list reads titles and counts in one query, never the articles' texts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event

from counterclaim.domain import ArticleMeta
from counterclaim.store import Library
from tests.large import store_large_article


@contextmanager
def sql_sent(library: Library) -> Iterator[list[str]]:
    """The SQL statements the library sends while the block runs."""
    sent: list[str] = []

    def on_execute(*args: Any) -> None:
        sent.append(args[2])

    engine = library._engine  # the engine is the library's own; the test listens to it
    event.listen(engine, "before_cursor_execute", on_execute)
    try:
        yield sent
    finally:
        event.remove(engine, "before_cursor_execute", on_execute)


def test_the_list_has_titles_and_counts_from_one_query_without_texts(library_path: Path) -> None:
    article_id, pairs = store_large_article(library_path, statements=20)
    with Library.open(library_path) as library:
        other, _ = library.add_article(ArticleMeta("Not yet", published="2026-01-02"), "x y", "h")
        with sql_sent(library) as sent:
            listed = library.article_list()
        whole = library.articles()
    assert [(a.id, a.title) for a in listed] == [(a.id, a.title) for a in whole]
    first, second = listed
    assert (first.id, first.analysed, first.statements, first.pairs) == (
        article_id,
        True,
        20,
        pairs,
    )
    assert (second.id, second.analysed, second.statements, second.pairs) == (other, False, 0, 0)
    assert second.published == "2026-01-02"
    assert not hasattr(first, "text")
    queries = [sql for sql in sent if sql != "BEGIN"]
    assert len(queries) == 1
    assert "articles.text" not in queries[0]
