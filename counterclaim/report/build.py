"""`build_report`: the report's view-model made once from a library."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime

from counterclaim.colours import NO_SIDE_COLOUR, ink_on, safe_colour
from counterclaim.domain import (
    Analysis,
    Article,
    LibraryStatement,
    LinkStatus,
    Pair,
    Speaker,
    Statement,
)
from counterclaim.overview import NO_SIDE, unanswered_claims
from counterclaim.report.model import (
    LibraryReader,
    Position,
    Report,
    ReportArticle,
    ReportError,
    ReportPair,
    Totals,
    Voice,
)
from counterclaim.report.sources import shown_source, text_fragment_link, web_url

UNKNOWN_SPEAKER = "Unknown speaker"


def build_report(
    library: LibraryReader,
    article_ids: list[int] | None = None,
    link_ids: set[str] | None = None,
    generated_by: str = "",
    now: datetime | None = None,
    *,
    include_rejected: bool = False,
    ratings: Sequence[str] = (),
    title: str | None = None,
    url: str | None = None,
) -> Report:
    """The report on these articles (every analysed one when None), optionally only on the
    pairs whose link ids are given. Raises `ReportError` when there is nothing to report
    and the store's `LibraryError` for an unknown article id."""
    colours = {side.label: side.colour for side in library.sides()}
    known: dict[int, Article] = {}

    def other_article(article_id: int) -> Article:
        if article_id not in known:
            known[article_id] = library.article(article_id)
        return known[article_id]

    articles = []
    for article, analysis in _chosen(library, article_ids):
        known[article.id] = article
        built = _article(
            library, other_article, article, analysis, colours, link_ids, include_rejected
        )
        if link_ids is None or built.pairs:
            articles.append(built)
    if link_ids is not None and not articles:
        raise ReportError("none of the selected pairs is in the chosen articles")
    return Report(
        title=title or _title(articles),
        generated_at=(now or datetime.now(UTC)).replace(microsecond=0),
        generated_by=generated_by,
        articles=tuple(articles),
        totals=_totals(articles),
        ratings=tuple(ratings),
        include_rejected=include_rejected,
        selection=link_ids is not None,
        url=url,
    )


def _chosen(
    library: LibraryReader, article_ids: list[int] | None
) -> list[tuple[Article, Analysis]]:
    if article_ids is None:
        chosen = [(a, library.analysis(a.id)) for a in library.articles() if a.analysed]
        found = [(a, analysis) for a, analysis in chosen if analysis is not None]
        if not found:
            raise ReportError("no article in the library is analysed yet; import one first")
        return found
    result = []
    for article_id in dict.fromkeys(article_ids):
        article = library.article(article_id)
        analysis = library.analysis(article_id)
        if analysis is None:
            raise ReportError(
                f"article {article_id} is not analysed yet; analyse it first "
                f"(Analyse Again in the window, or `counterclaim analyse {article_id}`)"
            )
        result.append((article, analysis))
    if not result:
        raise ReportError("no article chosen for the report")
    return result


def _article(
    library: LibraryReader,
    _other_article: Callable[[int], Article],
    article: Article,
    analysis: Analysis,
    colours: dict[str, str],
    link_ids: set[str] | None,
    include_rejected: bool,
) -> ReportArticle:
    cross = library.cross_pairs(article.id)
    here = [_pair_here(article, analysis, pair, colours) for pair in analysis.pairs]
    there = [
        _pair_there(article, analysis, p, other, _other_article(other.article_id), colours)
        for p, other in cross
    ]
    chosen = [p for p in (*here, *there) if p is not None]
    if link_ids is not None:
        chosen = [p for p in chosen if p.id in link_ids]
    rejected = sum(p.status == LinkStatus.REJECTED for p in chosen)
    if not include_rejected:
        chosen = [p for p in chosen if p.status != LinkStatus.REJECTED]
    chosen.sort(key=lambda p: (p.claim.position.start, -p.score, p.id or ""))
    meta = article.meta
    return ReportArticle(
        id=article.id,
        title=meta.title,
        outlet=meta.outlet,
        author=meta.author,
        published=meta.published,
        source=shown_source(meta.source),
        source_url=web_url(meta.source),
        statements=len(analysis.statements),
        unanswered=len(unanswered_claims(analysis, [p for p, _ in cross])),
        rejected=rejected,
        pairs=tuple(chosen),
    )


def _pair_here(
    article: Article, analysis: Analysis, pair: Pair, colours: dict[str, str]
) -> ReportPair | None:
    claim = _statement(analysis, pair.claim_id)
    rebuttal = _statement(analysis, pair.rebuttal_id)
    if claim is None or rebuttal is None:
        return None
    return _pair(
        pair,
        _voice(article, claim, analysis.speaker(claim.speaker_id), colours),
        _voice(article, rebuttal, analysis.speaker(rebuttal.speaker_id), colours),
        elsewhere=False,
    )


def _pair_there(
    article: Article,
    analysis: Analysis,
    pair: Pair,
    other: LibraryStatement,
    where: Article,
    colours: dict[str, str],
) -> ReportPair | None:
    claim = _statement(analysis, pair.claim_id)
    if claim is None:
        return None
    return _pair(
        pair,
        _voice(article, claim, analysis.speaker(claim.speaker_id), colours),
        _voice(where, other.statement, other.speaker, colours),
        elsewhere=True,
    )


def _pair(pair: Pair, claim: Voice, rebuttal: Voice, elsewhere: bool) -> ReportPair:
    return ReportPair(
        id=pair.id,
        claim=claim,
        rebuttal=rebuttal,
        elsewhere=elsewhere,
        relation=pair.relation.value,
        status=pair.status.value,
        verdict=pair.verdict,
        note=pair.note,
        score=round(pair.score, 4),
        reasons=tuple(pair.reasons),
    )


def _voice(
    article: Article, statement: Statement, speaker: Speaker | None, colours: dict[str, str]
) -> Voice:
    side = speaker.side if speaker and speaker.side else NO_SIDE
    colour = safe_colour(colours.get(side, NO_SIDE_COLOUR))
    return Voice(
        statement_id=statement.id,
        text=statement.text,
        speaker=_speaker_name(statement, speaker),
        speaker_kind=speaker.kind.value if speaker else None,
        side=side,
        colour=colour,
        ink=ink_on(colour),
        position=_position(article.id, statement),
        article_title=article.meta.title,
        source=shown_source(article.meta.source),
        source_link=text_fragment_link(web_url(article.meta.source), statement.text),
    )


def _position(article_id: int, statement: Statement) -> Position:
    return Position(article_id, statement.content.start, statement.content.end)


def _speaker_name(statement: Statement, speaker: Speaker | None) -> str:
    if speaker is not None:
        return speaker.name
    return " ".join(statement.speaker_text.split()) or UNKNOWN_SPEAKER


def _statement(analysis: Analysis, statement_id: str) -> Statement | None:
    return next((s for s in analysis.statements if s.id == statement_id), None)


def _title(articles: Sequence[ReportArticle]) -> str:
    if len(articles) == 1:
        return f"Claims and rebuttals: {articles[0].title}"
    return f"Claims and rebuttals in {len(articles)} articles"


def _totals(articles: Iterable[ReportArticle]) -> Totals:
    articles = list(articles)
    pairs = [p for a in articles for p in a.pairs]
    return Totals(
        articles=len(articles),
        statements=sum(a.statements for a in articles),
        pairs=len(pairs),
        verdicts=sum(p.verdict is not None for p in pairs),
        unanswered=sum(a.unanswered for a in articles),
        rejected=sum(a.rejected for a in articles),
    )
