"""Queries that turn stored rows into `counterclaim.domain` dataclasses."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from counterclaim.domain import (
    Analysis,
    Article,
    ArticleEntry,
    ArticleMeta,
    LinkStatus,
    Origin,
    Pair,
    Relation,
    Side,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.store import ids
from counterclaim.store.errors import LibraryError
from counterclaim.store.models import ArticleRow, LinkRow, SideRow, SpeakerRow, StatementRow


def to_article(row: ArticleRow, counts: dict[str, int]) -> Article:
    meta = ArticleMeta(
        row.title, row.outlet, row.author, row.published, row.source, row.language, row.place
    )
    return Article(
        row.id,
        meta,
        row.text,
        row.sha256,
        row.imported_at,
        row.analysed,
        counts,
        row.analysis_error,
    )


def article_entries(
    session: Session, of_links: Collection[str] | None = None, counts: bool = True
) -> list[ArticleEntry]:
    """Every article as the library list shows it (or those holding the claims of these
    links), oldest import first, in one query that reads no article text: its statements,
    and its pairs and those left to review, each counted in one grouped pass. Without
    `counts`, nothing is counted (a tenth of the time in a library of 10,000 articles)."""
    if not counts:
        return _uncounted(session)
    among = None
    if of_links is not None:
        among = (
            select(StatementRow.article_id)
            .join(LinkRow, LinkRow.claim_id == StatementRow.id)
            .where(LinkRow.id.in_([ids.row_id(ids.LINK, link) for link in of_links]))
        )
    statements = _statement_counts(among).subquery()
    links = _link_counts(among).subquery()
    query = (
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.published,
            ArticleRow.analysed,
            func.coalesce(statements.c.count, 0),
            func.coalesce(links.c.pairs, 0),
            ArticleRow.analysis_error,
            ArticleRow.outlet,
            ArticleRow.source,
            func.coalesce(links.c.to_review, 0),
        )
        .outerjoin(statements, statements.c.article_id == ArticleRow.id)
        .outerjoin(links, links.c.article_id == ArticleRow.id)
        .order_by(ArticleRow.imported_at, ArticleRow.id)
    )
    if among is not None:
        query = query.where(ArticleRow.id.in_(among))
    return [ArticleEntry(*row) for row in session.execute(query)]


def _uncounted(session: Session) -> list[ArticleEntry]:
    rows = session.execute(
        select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.published,
            ArticleRow.analysed,
            ArticleRow.analysis_error,
            ArticleRow.outlet,
            ArticleRow.source,
        ).order_by(ArticleRow.imported_at, ArticleRow.id)
    )
    return [
        ArticleEntry(i, title, published, analysed, 0, 0, error, outlet, source, 0, counted=False)
        for i, title, published, analysed, error, outlet, source in rows
    ]


def _statement_counts(among: Select[int] | None) -> Select[int, int]:
    query = (
        select(StatementRow.article_id, func.count().label("count"))
        .where(StatementRow.hidden.is_(False))
        .group_by(StatementRow.article_id)
    )
    return query if among is None else query.where(StatementRow.article_id.in_(among))


def _link_counts(among: Select[int] | None) -> Select[int, int, int]:
    """Per article, over the links of its claims: the pairs whose two statements it holds,
    and the pairs no reviewer has confirmed or rejected as the window lists them (those in
    the article, and rebuttals elsewhere that are not the speaker saying it again)."""
    claim, rebuttal = aliased(StatementRow), aliased(StatementRow)
    inside = claim.article_id == rebuttal.article_id
    open_ = and_(
        LinkRow.status == LinkStatus.SUGGESTED.value,
        or_(inside, LinkRow.relation != Relation.REPEATS.value),
    )
    query = (
        select(
            claim.article_id.label("article_id"),
            func.sum(case((inside, 1), else_=0)).label("pairs"),
            func.sum(case((open_, 1), else_=0)).label("to_review"),
        )
        .join(claim, LinkRow.claim_id == claim.id)
        .join(rebuttal, LinkRow.rebuttal_id == rebuttal.id)
        .where(LinkRow.hidden.is_(False), claim.hidden.is_(False), rebuttal.hidden.is_(False))
        .group_by(claim.article_id)
    )
    return query if among is None else query.where(claim.article_id.in_(among))


def _count_queries(
    article_id: int | None = None,
) -> tuple[Select[int, int], Select[int, int]]:
    """Per article (or for one): its statements; the pairs whose two statements it holds."""
    claim, rebuttal = aliased(StatementRow), aliased(StatementRow)
    statements = (
        select(StatementRow.article_id, func.count().label("count"))
        .where(StatementRow.hidden.is_(False))
        .group_by(StatementRow.article_id)
    )
    pairs = (
        select(claim.article_id.label("article_id"), func.count(LinkRow.id).label("count"))
        .join(claim, LinkRow.claim_id == claim.id)
        .join(rebuttal, LinkRow.rebuttal_id == rebuttal.id)
        .where(claim.article_id == rebuttal.article_id, LinkRow.hidden.is_(False))
        .where(claim.hidden.is_(False), rebuttal.hidden.is_(False))
        .group_by(claim.article_id)
    )
    if article_id is not None:
        statements = statements.where(StatementRow.article_id == article_id)
        pairs = pairs.where(claim.article_id == article_id)
    return statements, pairs


def article_counts(session: Session, article_id: int | None = None) -> dict[int, dict[str, int]]:
    """Per article (or for one): its statements and the pairs whose two statements it holds."""
    counts: dict[int, dict[str, int]] = {}
    for name, query in zip(("statements", "pairs"), _count_queries(article_id), strict=True):
        for article, count in session.execute(query):
            counts.setdefault(article, {"statements": 0, "pairs": 0})[name] = count
    return counts


def load_analysis(session: Session, article: ArticleRow) -> Analysis:
    """The article's speakers, statements and the pairs whose two statements it holds.

    Pairs come best first; sides are those its speakers belong to.
    """
    speakers = session.execute(
        select(SpeakerRow, SideRow)
        .outerjoin(SideRow, SpeakerRow.side_id == SideRow.id)
        .where(SpeakerRow.article_id == article.id, SpeakerRow.hidden.is_(False))
        .order_by(SpeakerRow.id)
    ).all()
    sides = {side.id: to_side(side) for _, side in speakers if side is not None}
    return Analysis(
        speakers=tuple(to_speaker(row, side) for row, side in speakers),
        statements=tuple(_statements(session, article)),
        pairs=tuple(_pairs(session, article.id)),
        sides=tuple(sides[key] for key in sorted(sides)),
    )


def to_side(row: SideRow) -> Side:
    return Side(row.label, row.colour, ids.public_id(ids.SIDE, row.id))


def to_speaker(row: SpeakerRow, side: SideRow | None) -> Speaker:
    return Speaker(
        id=ids.public_id(ids.SPEAKER, row.id),
        name=row.name,
        kind=SpeakerKind(row.kind),
        aliases=tuple(row.aliases),
        affiliation=row.affiliation,
        side=None if side is None else side.label,
    )


def _statements(session: Session, article: ArticleRow) -> list[Statement]:
    rows = session.scalars(
        select(StatementRow)
        .where(StatementRow.article_id == article.id, StatementRow.hidden.is_(False))
        .order_by(StatementRow.content_start, StatementRow.id)
    )
    return [to_statement(row, article.text) for row in rows]


def to_statement(row: StatementRow, text: str) -> Statement:
    """The statement of `row` in an article of this `text`."""
    return statement_saying(row, text[row.content_start : row.content_end])


def statement_saying(row: StatementRow, words: str) -> Statement:
    """The statement of `row`, whose words (the content span's text) are `words`."""
    return Statement(
        id=ids.public_id(ids.STATEMENT, row.id),
        speaker_id=None if row.speaker_id is None else ids.public_id(ids.SPEAKER, row.speaker_id),
        speaker_text=row.speaker_text,
        cue=row.cue,
        kind=StatementKind(row.kind),
        content=Span(row.content_start, row.content_end),
        text=words,
        cue_span=_span(row.cue_start, row.cue_end),
        speaker_span=_span(row.speaker_start, row.speaker_end),
        origin=Origin(row.origin),
        rule=row.rule,
        mode=StatementMode(row.mode),
    )


def _span(start: int | None, end: int | None) -> Span | None:
    return None if start is None or end is None else Span(start, end)


def _pairs(session: Session, article_id: int) -> list[Pair]:
    in_article = select(StatementRow.id).where(
        StatementRow.article_id == article_id, StatementRow.hidden.is_(False)
    )
    rows = session.scalars(
        select(LinkRow)
        .where(LinkRow.claim_id.in_(in_article), LinkRow.rebuttal_id.in_(in_article))
        .where(LinkRow.hidden.is_(False))
        .order_by(LinkRow.score.desc(), LinkRow.id)
    )
    return [to_pair(row) for row in rows]


def to_pair(row: LinkRow) -> Pair:
    return Pair(
        claim_id=ids.public_id(ids.STATEMENT, row.claim_id),
        rebuttal_id=ids.public_id(ids.STATEMENT, row.rebuttal_id),
        score=row.score,
        reasons=tuple(row.reasons),
        status=LinkStatus(row.status),
        relation=Relation(row.relation),
        verdict=row.verdict,
        note=row.note or "",
        id=ids.public_id(ids.LINK, row.id),
    )


def article_row(session: Session, article_id: int) -> ArticleRow:
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise LibraryError(f"there is no article {article_id} in the library")
    return row


def visible_sides(session: Session) -> list[Side]:
    rows = session.scalars(select(SideRow).where(SideRow.hidden.is_(False)).order_by(SideRow.id))
    return [to_side(row) for row in rows]


def article_with_text(session: Session, sha256: str) -> int | None:
    return session.scalar(select(ArticleRow.id).where(ArticleRow.sha256 == sha256))


def no_counts() -> dict[str, int]:
    return {"statements": 0, "pairs": 0}
