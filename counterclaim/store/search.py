"""Finding statements across the library: the full-text index and the links between
articles (a claim in one article, its rebuttal in another).

The index is SQLite's FTS5 in a file, and a tsvector column on PostgreSQL
(`counterclaim.store.server_search`): both are a table `statement_search` whose `rowid`
is the statement's id, so they are filled with the same SQL and asked the same questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, delete, func, or_, select, text
from sqlalchemy.orm import Session

from counterclaim.domain import LibraryStatement, LinkStatus, Pair
from counterclaim.store import ids, server_search
from counterclaim.store.models import (
    ArticleRow,
    LinkOrigin,
    LinkRow,
    SideRow,
    SpeakerRow,
    StatementRow,
)
from counterclaim.store.reading import statement_saying, to_pair, to_speaker
from counterclaim.store.saving import add_suggested_links

Features = dict[str, Any]

_WORD = re.compile(r"[^\W\d_]{4,}")


def statement_ids(session: Session, article_id: int) -> list[int]:
    """The article's statements (for `reindex_article`, before they are replaced)."""
    query = select(StatementRow.id).where(StatementRow.article_id == article_id)
    return list(session.scalars(query))


def reindex_article(session: Session, article: ArticleRow, earlier: Iterable[int] = ()) -> None:
    """Put the article's statements in the index, replacing what it held for them and for
    `earlier` (its statements before an analysis replaced them). Rows go by their ids: the
    index finds an article's rows only by reading every row of the library."""
    rows = list(session.scalars(select(StatementRow).where(StatementRow.article_id == article.id)))
    gone = sorted({*earlier, *(row.id for row in rows)})
    for chunk in (gone[i : i + 500] for i in range(0, len(gone), 500)):
        marks = ", ".join(f":i{n}" for n in range(len(chunk)))
        session.execute(
            text(f"DELETE FROM statement_search WHERE rowid IN ({marks})"),
            {f"i{n}": i for n, i in enumerate(chunk)},
        )
    if rows:
        session.execute(
            text("INSERT INTO statement_search (rowid, text, article_id) VALUES (:i, :t, :a)"),
            [_index_row(row, article.text) for row in rows],
        )


def _index_row(row: StatementRow, article_text: str) -> dict[str, object]:
    said = article_text[row.content_start : row.content_end]
    return {"i": row.id, "t": said, "a": row.article_id}


def index_statement(session: Session, row: StatementRow, article_text: str) -> None:
    """Put one statement's words in the index (again)."""
    session.execute(text("DELETE FROM statement_search WHERE rowid = :i"), {"i": row.id})
    session.execute(
        text("INSERT INTO statement_search (rowid, text, article_id) VALUES (:i, :t, :a)"),
        _index_row(row, article_text),
    )


MATCH_BUDGET = 1500
"""How many index rows a search for similar statements ranks at most (roughly): the
claim's rarest words are searched for until their statements add up to this many. bm25
over every statement that shares a common word took 30 ms a claim at 10,000 articles.
Chosen on Emergent's train claims spread over the 10,000-article library
(tests/bench/test_library_search_recall.py): 1500 finds as many of their headlines among
the best 8 as 2000 did (recall 0.801; opposing ones 0.571 against 0.564), 14% sooner;
1000 finds fewer (0.792)."""


def similar_to_each(
    session: Session,
    statement_ids: list[str],
    limit: int,
    paired_only: bool = False,
    counts: dict[str, int] | None = None,
) -> dict[str, list[LibraryStatement]]:
    """For each statement, the statements of other articles that share the most words
    with it, best first (with `paired_only`, of articles already paired with the library).
    A fixed number of queries besides one index search per statement: their words are
    read together, the words' counts looked up once (those not in `counts` already, which
    is given them), the statements found read at once."""
    cut = func.substr(  # the statement's words only, not the whole article's text
        ArticleRow.text,
        StatementRow.content_start + 1,
        StatementRow.content_end - StatementRow.content_start,
    )
    by_row = {ids.row_id(ids.STATEMENT, i): i for i in statement_ids}
    rows = session.execute(
        select(StatementRow.id, StatementRow.article_id, cut)
        .join(ArticleRow, ArticleRow.id == StatementRow.article_id)
        .where(StatementRow.id.in_(list(by_row)))
    )
    asked: dict[str, tuple[int, list[str]]] = {}
    for row_id, article_id, said in rows:
        words = list(dict.fromkeys(w.lower() for w in _WORD.findall(said)))[:16]
        if words:
            asked[by_row[row_id]] = (article_id, words)
    counts = {} if counts is None else counts
    counts.update(
        _counts(session, sorted({w for _, ws in asked.values() for w in ws} - set(counts)))
    )
    found_ids = {
        statement_id: _similar_ids(
            session, _rarest(words, counts, MATCH_BUDGET), article_id, paired_only, limit
        )
        for statement_id, (article_id, words) in asked.items()
    }
    by_id = _found(session, sorted({i for found in found_ids.values() for i in found}))
    return {
        statement_id: [by_id[i] for i in found if i in by_id]
        for statement_id, found in found_ids.items()
    }


def _similar_ids(
    session: Session, words: list[str], article_id: int, paired_only: bool, limit: int
) -> list[int]:
    if _on_server(session):
        return server_search.similar_ids(session, words, article_id, paired_only, limit)
    query = " OR ".join(f'"{w}"' for w in words)
    # statements left out by their ids (the index's rowids): the index's article_id is
    # read from its stored row for every match, which cost as much as ranking them
    unpaired = " OR article_id IN (SELECT id FROM articles WHERE paired = 0)"
    found = session.execute(
        text(
            "SELECT rowid FROM statement_search WHERE statement_search MATCH :q "
            "AND rowid NOT IN (SELECT id FROM statements WHERE article_id = :a"
            + (unpaired if paired_only else "")
            + ") ORDER BY bm25(statement_search) LIMIT :n"
        ),
        {"q": query, "a": article_id, "n": limit},
    ).scalars()
    return list(found)


def _counts(session: Session, words: list[str]) -> dict[str, int]:
    """How many statements have each word."""
    look_up = server_search.word_counts if _on_server(session) else _word_counts
    counts: dict[str, int] = {}
    for at in range(0, len(words), 200):  # SQLite joins at most 500 SELECTs in one
        counts.update(look_up(session, words[at : at + 200]))
    return counts


def _rarest(words: list[str], counts: dict[str, int], budget: int) -> list[str]:
    """The words (in their order) that the fewest statements have, until those statements
    add up to `budget`; all of them when they add up to less (a small library)."""
    counts = {w: counts.get(w, 0) for w in words}
    if sum(counts.values()) <= budget:
        return words
    kept: set[str] = set()
    total = 0
    for word in sorted(words, key=lambda w: counts[w]):
        if kept and total + counts[word] > budget:
            break
        kept.add(word)
        total += counts[word]
    return [w for w in words if w in kept]


def _word_counts(session: Session, words: list[str]) -> dict[str, int]:
    """How many statements have each of these words, from FTS5's own word list."""
    session.execute(
        text(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.statement_words "
            "USING fts5vocab(main, statement_search, 'row')"
        )
    )
    counts = {w: 0 for w in words}
    # one look-up of each word: fts5vocab reads `term IN (...)` by walking every word
    # of the index, which grows with the library
    each = " UNION ALL ".join(
        f"SELECT term, doc FROM temp.statement_words WHERE term = :w{n}" for n in range(len(words))
    )
    found = session.execute(text(each), {f"w{n}": w for n, w in enumerate(words)})
    counts.update({term: int(doc) for term, doc in found})
    return counts


def _on_server(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def search_statements(session: Session, query: str, limit: int) -> list[LibraryStatement]:
    """Statements anywhere in the library with all the query's words (as prefixes),
    best first; a quoted phrase is matched as a phrase."""
    if _on_server(session):
        statement_ids = server_search.search_ids(session, query, limit)
        by_id = _found(session, statement_ids)
        return [by_id[i] for i in statement_ids if i in by_id]
    terms = _terms(query)
    if not terms:
        return []
    found = session.execute(
        text(
            "SELECT rowid FROM statement_search WHERE statement_search MATCH :q "
            "ORDER BY bm25(statement_search) LIMIT :n"
        ),
        {"q": " AND ".join(terms), "n": limit},
    ).scalars()
    statement_ids = list(found)
    by_id = _found(session, statement_ids)
    return [by_id[i] for i in statement_ids if i in by_id]


def _terms(query: str) -> list[str]:
    """FTS5 terms for what a person typed: phrases in quotes, other words as prefixes.
    Everything is quoted, so FTS5 syntax in the query is never interpreted."""
    terms = []
    for phrase, word in re.findall(r'"([^"]+)"|(\w+)', query):
        if phrase.strip():
            terms.append('"' + " ".join(re.findall(r"\w+", phrase)) + '"')
        elif word:
            terms.append(f'"{word}"*')
    return [t for t in terms if t not in ('""', '""*')]


def _found(session: Session, statement_ids: list[int]) -> dict[int, LibraryStatement]:
    """The visible statements of these ids, by id, read in one query with their
    speakers, sides and articles' titles: the words are cut from the article in SQL, so
    no article's text is read whole."""
    if not statement_ids:
        return {}
    words = func.substr(
        ArticleRow.text,
        StatementRow.content_start + 1,
        StatementRow.content_end - StatementRow.content_start,
    )
    rows = session.execute(
        select(StatementRow, words, ArticleRow.id, ArticleRow.title, ArticleRow.published)
        .add_columns(SpeakerRow, SideRow)
        .join(ArticleRow, ArticleRow.id == StatementRow.article_id)
        .outerjoin(SpeakerRow, SpeakerRow.id == StatementRow.speaker_id)
        .outerjoin(SideRow, SideRow.id == SpeakerRow.side_id)
        .where(StatementRow.id.in_(statement_ids), StatementRow.hidden.is_(False))
    )
    return {
        row.id: LibraryStatement(
            statement=statement_saying(row, said),
            speaker=to_speaker(speaker, side) if speaker else None,
            article_id=article_id,
            article_title=title,
            published=published,
        )
        for row, said, article_id, title, published, speaker, side in rows
    }


def save_cross_pairs(session: Session, article_id: int, pairs: list[Pair]) -> None:
    """Replace the machine's suggestions whose claim is in this article and whose rebuttal
    is in another; links a reviewer confirmed or rejected stay as they are."""
    claims = select(StatementRow.id).where(StatementRow.article_id == article_id)
    decided = _decided(session, LinkRow.claim_id.in_(claims))
    session.execute(
        delete(LinkRow).where(
            LinkRow.claim_id.in_(claims),
            LinkRow.rebuttal_id.not_in(claims),  # the article's own statements, by index
            LinkRow.status == LinkStatus.SUGGESTED.value,
            LinkRow.origin == LinkOrigin.SUGGESTED.value,
            LinkRow.hidden.is_(False),
        )
    )
    _add_links(session, pairs, decided)


def add_answers(session: Session, article_id: int, pairs: list[Pair]) -> None:
    """Add suggestions whose rebuttal is in this article and whose claim is in another,
    except where a link between the two statements is there already."""
    statements = select(StatementRow.id).where(StatementRow.article_id == article_id)
    ends = select(LinkRow.claim_id, LinkRow.rebuttal_id)  # the links' ends only, not the rows
    there = {(c, r) for c, r in session.execute(ends.where(LinkRow.rebuttal_id.in_(statements)))}
    _add_links(session, pairs, there)


def _decided(session: Session, where: ColumnElement[bool]) -> set[tuple[int, int]]:
    decided = or_(LinkRow.status != LinkStatus.SUGGESTED.value, LinkRow.hidden.is_(True))
    ends = select(LinkRow.claim_id, LinkRow.rebuttal_id).where(where, decided)
    return {(claim, rebuttal) for claim, rebuttal in session.execute(ends)}


def _add_links(session: Session, pairs: list[Pair], skipped: set[tuple[int, int]]) -> None:
    ends = [
        (ids.row_id(ids.STATEMENT, p.claim_id), ids.row_id(ids.STATEMENT, p.rebuttal_id))
        for p in pairs
    ]
    add_suggested_links(session, list(zip(ends, pairs, strict=True)), skipped)


def statement_features(session: Session, statement_ids: list[str]) -> dict[str, Features]:
    """The stored features of these statements (those that have them), by id."""
    rows = {ids.row_id(ids.STATEMENT, i): i for i in statement_ids}
    found = session.execute(
        select(StatementRow.id, StatementRow.features).where(
            StatementRow.id.in_(list(rows)), StatementRow.features.is_not(None)
        )
    )
    # a JSON null (as libraries saved before none_as_null hold) is no features either
    return {rows[row_id]: features for row_id, features in found if features is not None}


def keep_features(session: Session, features: dict[str, Features]) -> None:
    """Store features computed for statements that had none (made by hand, or analysed
    before features were kept)."""
    for statement_id, found in features.items():
        row = session.get(StatementRow, ids.row_id(ids.STATEMENT, statement_id))
        if row is not None:
            row.features = found


def cross_pairs(session: Session, article_id: int) -> list[tuple[Pair, LibraryStatement]]:
    """Links from this article's claims to rebuttals in other articles, best first."""
    claims = select(StatementRow.id).where(
        StatementRow.article_id == article_id, StatementRow.hidden.is_(False)
    )
    rows = session.scalars(
        select(LinkRow)
        .join(StatementRow, LinkRow.rebuttal_id == StatementRow.id)
        .where(LinkRow.claim_id.in_(claims), StatementRow.article_id != article_id)
        .where(LinkRow.hidden.is_(False), StatementRow.hidden.is_(False))
        .order_by(LinkRow.score.desc(), LinkRow.id)
    )
    links = list(rows)
    rebuttals = _found(session, [link.rebuttal_id for link in links])
    return [(to_pair(link), rebuttals[link.rebuttal_id]) for link in links]
