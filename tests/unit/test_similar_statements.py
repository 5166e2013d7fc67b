"""Finding statements of other articles that say something alike (pairing across the
library asks this for every claim of a new article): a few queries, however many it finds
and however big the library, and re-analysing an article replaces its rows in the index."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from counterclaim.domain import Analysis, Pair
from counterclaim.store import Library
from tests.large import store_large_article
from tests.sql import sql_sent


@pytest.fixture
def two_articles(library_path: Path) -> tuple[int, int]:
    """Two analysed articles saying alike things, of 20 and 21 statements: their ids."""
    first, _ = store_large_article(library_path, statements=20)
    other, _ = store_large_article(library_path, statements=21)
    return first, other


def test_alike_statements_are_found_with_a_few_queries_without_article_texts(
    library_path: Path, two_articles: tuple[int, int]
) -> None:
    first, other = two_articles
    with Library.open(library_path) as library:
        claim = library.analysis(first)
        assert claim is not None
        with sql_sent(library) as sent:
            first_claim = claim.statements[0].id
            found = library.similar_to_each([first_claim], 8)[first_claim]
        text = library.article(other).text
    assert len(found) == 8 and {s.article_id for s in found} == {other}
    said = found[0].statement
    assert said.text == text[said.content.start : said.content.end]
    assert found[0].speaker is not None and found[0].article_title == "A long exchange"
    assert len(sent) <= 5  # was 4 more for each statement found (statement, article, ...)
    whole_texts = re.compile(r"(?<!substr\()articles\.text\b")
    assert not any(whole_texts.search(sql) for sql in sent)
    assert not any(" IN (" in sql for sql in sent if "statement_words" in sql)  # a word each


def test_analysing_an_article_again_replaces_its_statements_in_the_index_by_their_ids(
    library_path: Path, two_articles: tuple[int, int]
) -> None:
    first, other = two_articles
    with Library.open(library_path) as library:
        analysis = library.analysis(first)
        assert analysis is not None
        fewer = Analysis(analysis.speakers, analysis.statements[:10], ())
        with sql_sent(library) as sent:
            library.save_analysis(first, fewer)
        found = library.search("kilometre")
    by_article = [s.article_id for s in found]
    assert (by_article.count(first), by_article.count(other)) == (10, 21)
    # the index finds an article's rows only by reading every row of the library
    assert not any(re.search(r"statement_search WHERE article_id", sql) for sql in sent)


def test_the_claims_of_an_article_are_looked_up_together_with_one_search_each(
    library_path: Path, two_articles: tuple[int, int]
) -> None:
    first, other = two_articles
    with Library.open(library_path) as library:
        claims = library.analysis(first)
        assert claims is not None
        wanted = [s.id for s in claims.statements[:12]]
        alone = {i: library.similar_to_each([i], 8)[i] for i in wanted}
        with sql_sent(library) as sent:
            together = library.similar_to_each(wanted, 8)
    assert together == alone and all(len(found) == 8 for found in together.values())
    assert {s.article_id for found in together.values() for s in found} == {other}
    searches = [sql for sql in sent if "MATCH" in sql]
    assert len(searches) == 12  # one index search a claim; words, counts and rows read once
    assert len(sent) - len(searches) <= 4  # was 3 more queries for each claim


def test_an_article_paired_with_the_library_stores_its_suggestions_in_one_insert(
    library_path: Path, two_articles: tuple[int, int]
) -> None:
    """A new article whose claims have doubles across a big library is suggested thousands
    of rebuttals elsewhere: they are stored together, not a row at a time, and read back."""
    first, other = two_articles
    with Library.open(library_path) as library:
        claims, rebuttals = library.analysis(first), library.analysis(other)
        assert claims is not None and rebuttals is not None
        pairs = [
            Pair(c.id, r.id, 0.5, ("says the opposite",))
            for c in claims.statements[:20]
            for r in rebuttals.statements[:10]
        ]
        with sql_sent(library) as sent:
            library.save_pairing(first, pairs, [])
        stored = library.cross_pairs(first)
    inserts = [sql for sql in sent if sql.lstrip().upper().startswith("INSERT INTO LINKS")]
    assert len(inserts) == 1, f"{len(inserts)} inserts for {len(pairs)} suggestions"
    assert len(stored) == 200
    assert {(p.claim_id, o.statement.id) for p, o in stored} == {
        (p.claim_id, p.rebuttal_id) for p in pairs
    }
