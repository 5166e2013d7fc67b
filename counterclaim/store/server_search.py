"""The statement index on PostgreSQL: the same questions `counterclaim.store.search` asks
SQLite's FTS5, asked of the `statement_search` table's `words` (a tsvector with a GIN
index, in the `simple` configuration: lower case, no stemming, like FTS5's default).

What a person types is read as on SQLite: a quoted phrase is a phrase
(`websearch_to_tsquery`), every other word is a word beginning (`word:*`), and a
statement must have all of them. Best first is `ts_rank` where SQLite uses bm25: both
rank a statement higher the more of the searched words it has, and the shorter it is.
"""

from __future__ import annotations

import math
import re

from sqlalchemy import text
from sqlalchemy.orm import Session

RANK = "ts_rank(words, q, 1)"
"""Normalised by the statement's length (1: divided by 1 + log of it), as bm25 is."""


def search_ids(session: Session, query: str, limit: int) -> list[int]:
    """The ids of the statements with all the query's words (as prefixes) and phrases,
    best first."""
    parts, values = _query_parts(query)
    if not parts:
        return []
    found = session.execute(
        text(
            f"SELECT rowid FROM statement_search, (SELECT {' && '.join(parts)} AS q) AS query "
            f"WHERE words @@ q ORDER BY {RANK} DESC, rowid LIMIT :n"
        ),
        {**values, "n": limit},
    )
    return list(found.scalars())


def _query_parts(query: str) -> tuple[list[str], dict[str, str]]:
    """tsquery expressions (with their values) for what a person typed. Nothing of it is
    read as tsquery syntax: phrases go through `websearch_to_tsquery` in quotes, words are
    only letters, digits and `_`."""
    parts: list[str] = []
    values: dict[str, str] = {}
    for n, (phrase, word) in enumerate(re.findall(r'"([^"]+)"|(\w+)', query)):
        words = re.findall(r"[^\W_]+", phrase or word)
        if not words:
            continue
        if phrase:
            parts.append(f"websearch_to_tsquery('simple', :p{n})")
            values[f"p{n}"] = '"' + " ".join(words) + '"'
        else:
            parts.extend(f"to_tsquery('simple', :w{n}_{i})" for i in range(len(words)))
            values.update({f"w{n}_{i}": f"{w}:*" for i, w in enumerate(words)})
    return parts, values


def word_counts(session: Session, words: list[str]) -> dict[str, int]:
    """How many statements have each of these words (read from the GIN index)."""
    each = " UNION ALL ".join(
        f"SELECT :w{n}, count(*) FROM statement_search WHERE words @@ to_tsquery('simple', :w{n})"
        for n in range(len(words))
    )
    found = session.execute(text(each), {f"w{n}": w for n, w in enumerate(words)})
    return {str(word): int(count) for word, count in found}


def similar_ids(
    session: Session, words: list[str], article_id: int, paired_only: bool, limit: int
) -> list[int]:
    """The ids of statements outside the article with the most of these words (letters
    only), best first: a rare word counts for more than a common one, as in bm25 (its
    inverse document frequency), then the shorter statement."""
    counts = word_counts(session, words)
    total = session.execute(text("SELECT count(*) FROM statement_search")).scalar_one()
    weights = {f"f{n}": _rarity(total, counts.get(w, 0)) for n, w in enumerate(words)}
    score = " + ".join(
        f"(CASE WHEN words @@ to_tsquery('simple', :w{n}) THEN :f{n} ELSE 0 END)"
        for n in range(len(words))
    )
    unpaired = " OR article_id IN (SELECT id FROM articles WHERE NOT paired)"
    found = session.execute(
        text(
            "SELECT rowid FROM statement_search, to_tsquery('simple', :q) AS query(q) "
            "WHERE words @@ q AND rowid NOT IN (SELECT id FROM statements WHERE article_id = :a"
            + (unpaired if paired_only else "")
            + f") ORDER BY {score} DESC, {RANK} DESC, rowid LIMIT :n"
        ),
        {
            "q": " | ".join(words),
            "a": article_id,
            "n": limit,
            **{f"w{n}": w for n, w in enumerate(words)},
            **weights,
        },
    )
    return list(found.scalars())


def _rarity(total: int, having: int) -> float:
    """bm25's inverse document frequency of a word that `having` of `total` statements have."""
    return math.log((total - having + 0.5) / (having + 0.5) + 1)
