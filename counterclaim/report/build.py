"""`build_report`: the report's view-model made once from a library; `ReportStream`: the
same, one article at a time, for a report written as it is built."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Sequence
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
    pairs whose link ids are given, held whole (the window's preview, the PDF). Raises
    `ReportError` when there is nothing to report and the store's `LibraryError` for an
    unknown article id."""
    stream = ReportStream(
        library,
        article_ids,
        link_ids,
        generated_by,
        now,
        include_rejected=include_rejected,
        ratings=ratings,
        title=title,
        url=url,
    )
    articles = tuple(stream.articles())
    return dataclasses.replace(stream.report(), articles=articles)


class ReportStream:
    """The report built one article at a time, for writing as it goes: `articles()`
    reads one article's analysis, yields its part of the report and lets it go; `report()`
    then gives the rest (title, totals) with no articles in it. `known` is what is known
    before the first article: everything but the title and the totals.

    Takes the arguments of `build_report`, and raises what it raises (from `articles()`
    or `report()`)."""

    def __init__(
        self,
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
    ) -> None:
        self._library = library
        self._article_ids = article_ids
        self._link_ids = link_ids
        self._title = title
        self._first_title: str | None = None
        self._totals = Totals(0, 0, 0, 0, 0, 0)
        self._done = False
        self.known = Report(
            title=title or "",
            generated_at=(now or datetime.now(UTC)).replace(microsecond=0),
            generated_by=generated_by,
            articles=(),
            totals=self._totals,
            ratings=tuple(ratings),
            include_rejected=include_rejected,
            selection=link_ids is not None,
            url=url,
        )

    def articles(self) -> Iterator[ReportArticle]:
        """The report's articles, in order, each built when asked for."""
        library = self._library
        colours = {side.label: side.colour for side in library.sides()}
        other_article = _ArticleCache(library)
        for article, analysis in _chosen(library, self._article_ids):
            other_article.seen(article)
            built = _article(
                library,
                other_article,
                article,
                analysis,
                colours,
                self._link_ids,
                self.known.include_rejected,
            )
            del analysis
            if self._link_ids is None or built.pairs:
                self._count(built)
                yield built
        self._done = True

    def report(self) -> Report:
        """The report but its articles, once `articles()` has run to the end."""
        if not self._done:
            raise RuntimeError("ReportStream.report() before its articles were all read")
        if self._link_ids is not None and not self._totals.articles:
            raise ReportError("none of the selected pairs is in the chosen articles")
        return dataclasses.replace(
            self.known, title=self._title or self._titled(), totals=self._totals
        )

    def _count(self, article: ReportArticle) -> None:
        if self._first_title is None:
            self._first_title = article.title
        totals = self._totals
        self._totals = Totals(
            articles=totals.articles + 1,
            statements=totals.statements + article.statements,
            pairs=totals.pairs + len(article.pairs),
            verdicts=totals.verdicts + sum(p.verdict is not None for p in article.pairs),
            unanswered=totals.unanswered + article.unanswered,
            rejected=totals.rejected + article.rejected,
        )

    def _titled(self) -> str:
        if self._totals.articles == 1:
            return f"Claims and rebuttals: {self._first_title}"
        return f"Claims and rebuttals in {self._totals.articles} articles"


class _ArticleCache:
    """The articles a report's rebuttals come from, read once each; only their metadata is
    kept (a rebuttal shows where it is, not the article's text)."""

    def __init__(self, library: LibraryReader) -> None:
        self._library = library
        self._known: dict[int, Article] = {}

    def seen(self, article: Article) -> None:
        self._known[article.id] = dataclasses.replace(article, text="")

    def __call__(self, article_id: int) -> Article:
        if article_id not in self._known:
            self.seen(self._library.article(article_id, counts=False))
        return self._known[article_id]


def _chosen(
    library: LibraryReader, article_ids: list[int] | None
) -> Iterator[tuple[Article, Analysis]]:
    """Each chosen article with its analysis, read one at a time."""
    if article_ids is None:
        found = False
        for entry in library.article_list():  # without texts: one at a time, below
            analysis = library.analysis(entry.id) if entry.analysed else None
            if analysis is not None:
                found = True
                yield library.article(entry.id, counts=False), analysis
            del analysis  # let it go before the next is read
        if not found:
            raise ReportError("no article in the library is analysed yet; import one first")
        return
    if not article_ids:
        raise ReportError("no article chosen for the report")
    for article_id in dict.fromkeys(article_ids):
        article = library.article(article_id, counts=False)
        analysis = library.analysis(article_id)
        if analysis is None:
            raise ReportError(
                f"article {article_id} is not analysed yet; analyse it first "
                f"(Analyse Again in the window, or `counterclaim analyse {article_id}`)"
            )
        yield article, analysis
        del analysis


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
