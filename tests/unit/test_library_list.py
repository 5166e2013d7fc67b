"""The library list reads titles and counts in one query, never the articles' texts."""

from __future__ import annotations

import re
from pathlib import Path

from counterclaim.domain import ArticleMeta, LinkStatus, Review
from counterclaim.store import Library
from tests.large import store_large_article
from tests.sql import sql_sent


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
    assert len(sent) == 1
    assert "articles.text" not in sent[0]


def test_a_search_is_one_full_text_query_and_one_read_of_what_it_found(
    library_path: Path,
) -> None:
    article_id, _ = store_large_article(library_path, statements=160)
    with Library.open(library_path) as library:
        text = library.article(article_id).text
        with sql_sent(library) as sent:
            found = library.search("bridge closed")
    assert len(found) == 100
    assert len(sent) == 2
    whole_texts = re.compile(r"(?<!substr\()articles\.text\b")  # only the words are cut out
    assert not any(whole_texts.search(sql) for sql in sent)
    first = found[0].statement
    assert first.text == text[first.content.start : first.content.end]
    assert found[0].speaker is not None and found[0].speaker.side in ("Russia", "NATO")
    assert found[0].article_title == "A long exchange"


def test_pairs_left_to_review_come_from_one_query_whatever_the_library_size(
    library_path: Path,
) -> None:
    """The list's counts of pairs left to review are one grouped query over the library,
    not one per article: the same SQL for 3 articles as for 63."""
    article_id, pairs = store_large_article(library_path, statements=20)
    with Library.open(library_path) as library:
        for n in range(2):
            library.add_article(ArticleMeta(f"Short {n}", outlet="BBC"), f"text {n}", f"h{n}")
        with sql_sent(library) as few:
            listed = library.article_list()
        for n in range(2, 62):
            library.add_article(ArticleMeta(f"Short {n}"), f"text {n}", f"h{n}")
        with sql_sent(library) as many:
            more = library.article_list()
        analysis = library.analysis(article_id)
        assert analysis is not None and analysis.pairs[0].id is not None
        link = analysis.pairs[0].id
        library.review_link(link, Review(LinkStatus.CONFIRMED), "tester")
        with sql_sent(library) as one:
            (after,) = library.article_list(of_links=[link])
    assert len(few) == len(many) == len(one) == 1
    assert len(more) == 63
    assert (listed[0].to_review, listed[1].to_review, listed[1].outlet) == (pairs, 0, "BBC")
    assert (after.id, after.to_review, after.pairs) == (article_id, pairs - 1, pairs)
