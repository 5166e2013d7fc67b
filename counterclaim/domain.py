"""Plain data shared by every layer: no Qt, no SQLAlchemy, no spaCy here.

Every span is a character offset into an article's normalised text, which never
changes after import.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from functools import cached_property
from typing import Any

DEFAULT_RATINGS = (
    "True",
    "Mostly true",
    "Half true",
    "Mostly false",
    "False",
    "Misleading",
    "Unproven",
)
"""A common fact-checking scale, best first (ClaimReview alternateName values); the
reviewer can change it in the preferences."""


class StatementKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"
    HEADLINE = "headline"


class StatementMode(StrEnum):
    """What the attribution reports: words said, a view held ("believes", "polls show"), a
    stance shown by an act ("endorsed", "ruled against"), or only what someone spoke about
    ("spoke about the balloons"). The speech view shows speech; only speech and beliefs are
    paired as claims and rebuttals."""

    SPEECH = "speech"
    BELIEF = "belief"
    STANCE = "stance"
    TOPIC = "topic"


class SpeakerKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    COUNTRY = "country"
    GROUP = "group"


class Relation(StrEnum):
    """How a rebuttal answers a claim. Support is never offered as a rebuttal."""

    DENIES = "denies"  # says the claim is false
    DISPUTES = "disputes"  # asserts the opposite without naming the claim as false
    CONTEXTUALISES = "contextualises"  # adds facts that weaken the claim
    REPEATS = "repeats"  # the same speaker says it again in another article: not a rebuttal


class Origin(StrEnum):
    EXTRACTED = "extracted"
    MANUAL = "manual"


class LinkStatus(StrEnum):
    SUGGESTED = "suggested"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Side:
    label: str
    colour: str
    id: str | None = None  # "sd3" once stored


@dataclass(frozen=True)
class Speaker:
    """A person, organisation, country or group that says something in an article."""

    id: str
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    affiliation: str | None = None
    side: str | None = None


@dataclass(frozen=True)
class Statement:
    """Something a speaker said: the cue that reports it and the content said."""

    id: str
    speaker_id: str | None
    speaker_text: str
    cue: str
    kind: StatementKind
    content: Span
    text: str
    cue_span: Span | None = None
    speaker_span: Span | None = None
    origin: Origin = Origin.EXTRACTED
    rule: str = ""
    mode: StatementMode = field(default_factory=lambda: StatementMode.SPEECH)


@dataclass(frozen=True)
class Pair:
    """A claim beside a statement that rebuts it, with the reasons in words."""

    claim_id: str
    rebuttal_id: str
    score: float
    reasons: tuple[str, ...]
    status: LinkStatus = LinkStatus.SUGGESTED
    id: str | None = None
    relation: Relation = field(default_factory=lambda: Relation.DISPUTES)
    verdict: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Review:
    """What a reviewer decided about a link: its status, a verdict and a note."""

    status: LinkStatus
    verdict: str | None = None
    note: str = ""


@dataclass(frozen=True)
class Edit:
    """One field of one stored thing, from one value to another.

    `target` is the thing's public id ("ln7" a link, "st40" a statement, "sp12" a
    speaker, "sd3" a side). Values are text: ids, "0"/"1" for flags, None for no value.
    """

    target: str
    what: str
    before: str | None
    after: str | None


class BatchState(StrEnum):
    """Where a reviewer's action stands on the undo stack."""

    DONE = "done"
    UNDONE = "undone"
    DISCARDED = "discarded"  # undone, then replaced by a new action: it cannot be redone


@dataclass(frozen=True)
class EditMark:
    """How many actions were made, undone or redone in the library, and whose the last
    was: a window that sees it move reads the others' changes."""

    count: int
    who: str | None


@dataclass(frozen=True)
class Batch:
    """One action of a reviewer (confirm a pair, merge two speakers, ...): its edits,
    who did it and when, and whether it is undone."""

    id: int
    label: str
    who: str
    at: datetime
    state: BatchState
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Change:
    """One line of the history: an action's edit, with who, when and its state."""

    batch_id: int
    label: str
    target: str
    what: str
    before: str | None
    after: str | None
    who: str
    at: datetime
    state: BatchState = BatchState.DONE


@dataclass(frozen=True)
class Analysis:
    """What the pipeline found in one article's text."""

    speakers: tuple[Speaker, ...]
    statements: tuple[Statement, ...]
    pairs: tuple[Pair, ...]
    sides: tuple[Side, ...] = ()
    features: dict[str, dict[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    """Statement id -> what the claim or belief says, as pairing across the library reads
    it (`counterclaim.nlp.views.features_of`); stored with the statement."""

    def speaker(self, speaker_id: str | None) -> Speaker | None:
        return self._speakers_by_id.get(speaker_id or "")

    def statement(self, statement_id: str) -> Statement:
        """The statement of this id (KeyError if the article has none)."""
        return self._statements_by_id[statement_id]

    # Looked up for every pair on every paint and filter: built once, on first use.
    @cached_property
    def _speakers_by_id(self) -> dict[str, Speaker]:
        return {s.id: s for s in self.speakers}

    @cached_property
    def _statements_by_id(self) -> dict[str, Statement]:
        return {s.id: s for s in self.statements}


@dataclass(frozen=True)
class LibraryStatement:
    """A statement found elsewhere in the library, with where it was said."""

    statement: Statement
    speaker: Speaker | None
    article_id: int
    article_title: str
    published: str | None = None


@dataclass(frozen=True)
class ArticleMeta:
    """What is known about an article besides its text."""

    title: str
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    source: str | None = None  # the canonical URL, or the file it was imported from
    language: str | None = None  # ISO 639-1 ("en"), as detected at import
    place: str | None = None  # where the story was filed, from its dateline ("Corsicana")


@dataclass(frozen=True)
class Article:
    id: int
    meta: ArticleMeta
    text: str
    sha256: str
    imported_at: datetime
    analysed: bool = False
    counts: dict[str, int] = field(default_factory=dict, compare=False)
    analysis_error: str | None = None  # why the latest analysis failed, until one succeeds

    @property
    def title(self) -> str:
        return self.meta.title


@dataclass(frozen=True)
class ArticleReading:
    """Everything the window shows of one article, read in one transaction: the article,
    what was found in it (None if never analysed), the library's sides, and its claims'
    links to statements in other articles."""

    article: Article
    analysis: Analysis | None
    sides: tuple[Side, ...]
    elsewhere: tuple[tuple[Pair, LibraryStatement], ...]


@dataclass(frozen=True)
class ArticleEntry:
    """An article as the library list shows it: what it is called and where its review
    stands, without its text."""

    id: int
    title: str
    published: str | None = None
    analysed: bool = False
    statements: int = 0
    pairs: int = 0
    analysis_error: str | None = None
    outlet: str | None = None
    source: str | None = None  # the canonical URL, or the file it was imported from
    to_review: int = 0  # its claims' pairs (in it or elsewhere) no reviewer decided yet
    counted: bool = True  # False: listed without its counts (all zero), to be read next
