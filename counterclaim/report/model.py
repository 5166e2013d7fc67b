"""The report's view-model: what every format shows, built once from a library.

Frozen dataclasses, no Qt, no SQL: `build_report` reads the library through its public
methods (which hand out `counterclaim.domain` dataclasses) and every renderer works from
the `Report` it returns, so the formats cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Protocol

from counterclaim.colours import NO_SIDE_COLOUR
from counterclaim.domain import (
    Analysis,
    Article,
    LibraryStatement,
    LinkStatus,
    Pair,
    Side,
    Speaker,
    SpeakerKind,
    Statement,
)
from counterclaim.overview import NO_SIDE, unanswered_claims

UNKNOWN_SPEAKER = "Unknown speaker"
_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}){1,2}")


class ReportError(Exception):
    """The report cannot be made (nothing analysed, an article not analysed yet); the
    message says what to do."""


class LibraryReader(Protocol):
    """The part of `counterclaim.store.Library` a report reads."""

    def articles(self) -> list[Article]: ...

    def article(self, article_id: int) -> Article: ...

    def analysis(self, article_id: int) -> Analysis | None: ...

    def cross_pairs(self, article_id: int) -> list[tuple[Pair, LibraryStatement]]: ...

    def sides(self) -> list[Side]: ...


@dataclass(frozen=True)
class Position:
    """Where a statement's words are: character offsets into an article's text."""

    article_id: int
    start: int
    end: int

    @property
    def link(self) -> str:
        """A link back to the words in the workbench."""
        return f"counterclaim://article/{self.article_id}#chars={self.start}-{self.end}"


@dataclass(frozen=True)
class Voice:
    """One end of a pair: the words verbatim, who said them, on which side, and where."""

    statement_id: str
    text: str
    speaker: str
    speaker_kind: str | None  # a SpeakerKind value; None when the speaker is unknown
    side: str
    colour: str  # "#rrggbb", checked: safe in a style attribute
    ink: str  # black or white, readable on `colour`
    position: Position
    article_title: str
    source: str | None  # the article's URL, or its file's name
    source_link: str | None  # an http(s) link to the words (a text fragment), if there is one


@dataclass(frozen=True)
class ReportPair:
    """A claim beside its rebuttal, with what the machine and the reviewer said of it."""

    id: str | None
    claim: Voice
    rebuttal: Voice
    elsewhere: bool  # the rebuttal is in another article
    relation: str
    status: str
    verdict: str | None
    note: str
    score: float
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class ReportArticle:
    id: int
    title: str
    outlet: str | None
    author: str | None
    published: str | None
    source: str | None  # the URL, or the name of the file (not its folders: a report is shared)
    source_url: str | None  # the source when it is an http(s) URL, else None
    statements: int
    unanswered: int  # claims neither made nor answered in a pair still standing
    rejected: int  # rejected pairs (left out unless the report includes them)
    pairs: tuple[ReportPair, ...]


@dataclass(frozen=True)
class Totals:
    articles: int
    statements: int
    pairs: int
    verdicts: int
    unanswered: int
    rejected: int


@dataclass(frozen=True)
class Report:
    title: str
    generated_at: datetime
    generated_by: str
    articles: tuple[ReportArticle, ...]
    totals: Totals
    ratings: tuple[str, ...]  # the verdict scale, best first ("True" ... "False")
    include_rejected: bool
    selection: bool  # only the pairs the reviewer selected
    url: str | None = None  # where the report is published, when the reviewer says

    def rating(self, verdict: str | None) -> int | None:
        """The verdict's place on the scale: len(ratings) for the best, 1 for the worst;
        None when the verdict is not on the scale."""
        if verdict is None or verdict not in self.ratings:
            return None
        return len(self.ratings) - self.ratings.index(verdict)


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
            raise ReportError(f"article {article_id} is not analysed yet; analyse it first")
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


def is_person(kind: str | None) -> bool:
    return kind == SpeakerKind.PERSON.value


def web_url(source: str | None) -> str | None:
    """`source` if it is an http(s) URL with no spaces or control characters: the only kind
    of address a report links to (never javascript:, data: or a local file)."""
    if source is None:
        return None
    url = source.strip()
    if not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f<>\"]+", url, flags=re.IGNORECASE):
        return None
    return url


def shown_source(source: str | None) -> str | None:
    """What a report says an article came from: its URL, or a file's name without the
    folders it sits in on the fact-checker's disk."""
    if source is None or web_url(source) is not None:
        return source
    return re.split(r"[\\/]", source.rstrip("\\/"))[-1] or source


def text_fragment_link(url: str | None, text: str) -> str | None:
    """The source URL with a text fragment (`#:~:text=`) that browsers scroll to and
    highlight: the whole words when short, else the first and last six words."""
    if url is None:
        return None
    words = text.split()
    if not words:
        return url
    if len(words) <= 12:
        fragment = _fragment_part(words)
    else:
        fragment = f"{_fragment_part(words[:6])},{_fragment_part(words[-6:])}"
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


def _fragment_part(words: list[str]) -> str:
    """Words percent-encoded for a text fragment, where "-" and "," are syntax."""
    from urllib.parse import quote

    return quote(" ".join(words), safe="").replace("-", "%2D")


def safe_colour(colour: str) -> str:
    """A side colour as "#rrggbb", or the no-side grey when it is anything else (a colour
    goes into a style attribute: only a hex colour may)."""
    colour = colour.strip()
    if not _HEX_COLOUR.fullmatch(colour):
        return NO_SIDE_COLOUR
    if len(colour) == 4:
        colour = "#" + "".join(c * 2 for c in colour[1:])
    return colour.lower()


def ink_on(colour: str) -> str:
    """Black or white text, whichever is more readable on this background (WCAG)."""
    red, green, blue = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    channels = [
        c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
    ]
    luminance = 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
