"""The report's view-model: what every format shows.

Frozen dataclasses, no Qt, no SQL: `counterclaim.report.build.build_report` makes a
`Report` once from a library (through its public methods, which hand out
`counterclaim.domain` dataclasses) and every renderer works from it, so the formats cannot
disagree.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from counterclaim.domain import (
    Analysis,
    Article,
    ArticleEntry,
    LibraryStatement,
    Pair,
    Side,
    SpeakerKind,
)
from counterclaim.errors import BAD_INPUT, CounterclaimError


class ReportError(CounterclaimError):
    """The report cannot be made (nothing analysed, an article not analysed yet); the
    message says what to do."""

    exit_code = BAD_INPUT


class LibraryReader(Protocol):
    """The part of `counterclaim.store.Library` a report reads."""

    def article_list(self) -> list[ArticleEntry]: ...

    def article(self, article_id: int, *, counts: bool = True) -> Article: ...

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


def is_person(kind: str | None) -> bool:
    return kind == SpeakerKind.PERSON.value
