"""From an article's text to an :class:`~counterclaim.domain.Analysis`: statements,
speakers, sides and suggested pairs. The one entry point the other layers call."""

from __future__ import annotations

import gc
import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.colours import side_colour
from counterclaim.domain import (
    Analysis,
    Side,
    Span,
    Speaker,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.nlp import pairing, propositions, rebuttals, views, voices
from counterclaim.nlp.attribution import Attribution
from counterclaim.nlp.common import (
    CLAIMABLE,
    ArticleInput,
    Cancelled,
    group_restatements,
)
from counterclaim.nlp.pieces import parse, parse_many
from counterclaim.nlp.pipeline import load_pipeline
from counterclaim.nlp.quotes import QUOTES_KEY
from counterclaim.nlp.speakers import Entity, Resolution, SpeakerResolver
from counterclaim.nlp.voices import Voice
from counterclaim.text import PICTURE_CREDIT

_NOT_FOR_FEATURES = ("cc_quotes", "cc_attribution")


class Extractor:
    """Holds the loaded pipeline; analyses articles one by one or in batches."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, preferred_model: str | None = None, lasting: bool = False) -> Extractor:
        """The pipeline loaded; `lasting`: for as long as this process runs (a command, a
        pipeline process), so its objects are kept out of the garbage collector's full
        passes, which went through them all (a tenth of a second an import of 20
        articles). A pipeline let go of in a process that goes on is never `lasting`:
        kept out of the collector, its reference cycles would never be freed."""
        extractor = cls(load_pipeline(preferred_model))
        if lasting:
            gc.freeze()
        return extractor

    def analyse(
        self,
        text: str,
        title: str | None = None,
        cancel: threading.Event | None = None,
        told: Callable[[int, int], None] | None = None,
    ) -> Analysis:
        """The article's analysis; a long one is read in pieces (`told` hears how many are
        done, of how many), and ``cancel`` is checked between them."""
        pieces = parse(self.nlp, text, cancel, told)
        return build_analysis(pieces, text, title)

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
        told: Callable[[int, int], None] | None = None,
    ) -> Iterator[Analysis]:
        """Analyses in order; checks ``cancel`` between articles of the ``nlp.pipe`` batch
        and between the pieces of a long article (`told` hears of those pieces)."""
        items = list(articles)
        parsed = parse_many(self.nlp, (item.text for item in items), cancel, told)
        for n, (item, pieces) in enumerate(zip(items, parsed, strict=True)):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            yield build_analysis(pieces, item.text, item.title)
            if progress is not None:
                progress(n + 1)

    def compare_statements(
        self,
        claim: str,
        claim_speaker: Speaker | None,
        counter: str,
        counter_speaker: Speaker | None,
    ) -> pairing.Verdict:
        """Whether ``counter`` rebuts ``claim`` when both speakers (and their sides) are known,
        as for statements of two articles in one library (`pairing.compare_views`)."""
        claim_features, counter_features = self.statement_features([claim, counter])
        return pairing.compare_views(
            pairing.speaker_view("claim", claim_features, claim_speaker),
            pairing.speaker_view("counter", counter_features, counter_speaker),
        )

    def statement_features(self, texts: list[str]) -> list[views.Features]:
        """What each statement says, parsed on its own, as pairing across the library
        compares it (`views.features_of`): quotes and attribution are not needed for it."""
        docs = self.nlp.pipe(texts, disable=_NOT_FOR_FEATURES)
        return [views.features_of(propositions.view_of("", doc[:])) for doc in docs]

    def compare(self, claim: str, counter: str) -> pairing.Verdict:
        """Whether ``counter`` rebuts ``claim``, both plain texts with no known speaker."""
        claim_doc, counter_doc = self.nlp.pipe([claim, counter])
        return pairing.score(
            propositions.view_of("claim", claim_doc[:]),
            propositions.view_of("counter", counter_doc[:]),
        )


def build_analysis(
    pieces: Iterable[tuple[int, Doc]], text: str, title: str | None = None
) -> Analysis:
    """The analysis of `text`, read from its Docs (`counterclaim.nlp.pieces`): one for a
    short article, one per piece for a long one, each read and let go before the next.
    The rebuttals of a long article are linked as it is read (`rebuttals.Answers`), each
    with the speakers as the article has made them up to its claims' reach."""
    resolver = SpeakerResolver()
    met = _Met()
    headline = _headline_span(text, title)
    statements: list[Statement] = []
    features: dict[str, views.Features] = {}
    linker = rebuttals.Answers()
    sentences = 0
    for offset, doc in pieces:
        attributions: list[Attribution] = doc._.cc_attributions or []
        resolutions = resolver.resolve_all(doc, attributions)
        spans = doc.spans.get(QUOTES_KEY, [])
        quotes = _Quotes([(q.start_char + offset, q.end_char + offset) for q in spans])
        said: list[Voice] = []
        for a, r in zip(attributions, resolutions, strict=True):
            statement = _statement(
                f"st{len(statements) + 1}", text, a, r, met.id_of(r), offset, headline, quotes
            )
            statements.append(statement)
            if statement.mode in CLAIMABLE:
                said.append(voices.voice_of(doc, statement, offset, sentences))
                features[statement.id] = views.features_of(said[-1].view)
        sentences += voices.sentence_count(doc)
        linker.add(said)
        linker.settle(met.speaker, sentences)
    speakers = met.speakers()
    by_id = {s.id: s for s in speakers}
    linker.settle(by_id.get)  # the rest, with the speakers as the whole article made them
    pairs = group_restatements(linker.found(), {s.id: s for s in statements}, by_id)
    sides = sorted({s.side for s in speakers if s.side})
    return Analysis(
        speakers=tuple(speakers),
        statements=tuple(statements),
        pairs=tuple(pairs),
        sides=tuple(Side(label, side_colour(n)) for n, label in enumerate(sides)),
        features=features,
    )


class _Met:
    """The speakers met so far, numbered in the order they first speak."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        self._ids: dict[int, str] = {}

    def id_of(self, resolution: Resolution | None) -> str | None:
        if resolution is None:
            return None
        entity = resolution.entity
        if id(entity) not in self._ids:
            self._ids[id(entity)] = f"sp{len(self._ids) + 1}"
            self.entities[self._ids[id(entity)]] = entity
        return self._ids[id(entity)]

    def speaker(self, speaker_id: str) -> Speaker | None:
        """The speaker as the article has made them so far."""
        entity = self.entities.get(speaker_id)
        return _speaker(speaker_id, entity) if entity is not None else None

    def speakers(self) -> list[Speaker]:
        return [_speaker(speaker_id, e) for speaker_id, e in self.entities.items()]


def _speaker(speaker_id: str, entity: Entity) -> Speaker:
    return Speaker(
        id=speaker_id,
        name=entity.name,
        kind=entity.kind,
        aliases=tuple(entity.aliases),
        affiliation=entity.affiliation,
        side=entity.side,
    )


def _statement(
    statement_id: str,
    text: str,
    attribution: Attribution,
    resolution: Resolution | None,
    speaker_id: str | None,
    offset: int,
    headline: tuple[int, int] | None,
    quotes: _Quotes,
) -> Statement:
    """The statement of an attribution found in the Doc of the article's text from
    `offset` on."""
    a = attribution
    speaker = a.speaker
    speaker_span = Span(speaker.start_char + offset, speaker.end_char + offset) if speaker else None
    rule = a.rule + (f"; speaker by {resolution.how}" if resolution else "; speaker unresolved")
    content = Span(a.content_start + offset, a.content_end + offset)
    return Statement(
        id=statement_id,
        speaker_id=speaker_id,
        speaker_text=speaker.text if speaker is not None else "",
        cue=text[a.cue_start + offset : a.cue_end + offset],
        kind=_kind(content, headline, quotes),
        content=content,
        text=text[content.start : content.end],
        cue_span=Span(a.cue_start + offset, a.cue_end + offset),
        speaker_span=speaker_span,
        rule=rule,
        mode=StatementMode(a.mode),
    )


class _Quotes:
    """The article's quotations, (start, end) of each, found by where they start: a long
    article has thousands of statements and of quotations."""

    def __init__(self, quotes: list[tuple[int, int]]) -> None:
        self.quotes = sorted(quotes)
        self.starts = [start for start, _ in self.quotes]
        self.longest = max((end - start for start, end in self.quotes), default=0)

    def near(self, start: int, end: int) -> list[tuple[int, int]]:
        """The quotations that may touch the characters from start to end."""
        low = bisect_left(self.starts, start - self.longest)
        return self.quotes[low : bisect_right(self.starts, end)]


def _kind(content: Span, headline: tuple[int, int] | None, quotes: _Quotes) -> StatementKind:
    if headline is not None and headline[0] <= content.start < headline[1]:
        return StatementKind.HEADLINE
    near = quotes.near(content.start, content.end)
    if any(s <= content.start and content.end <= e for s, e in near):
        return StatementKind.DIRECT
    if any(s < content.end and content.start < e for s, e in near):
        return StatementKind.MIXED
    return StatementKind.INDIRECT


def _headline_span(text: str, title: str | None) -> tuple[int, int] | None:
    """The article's headline: the line that is its title, with at most punctuation or a
    picture's credit after it ("Image: ..."). A title that is only the start of the first
    paragraph, as one made from its first sentence, is no headline."""
    if not title:
        return None
    start = text.find(title)
    if start < 0 or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return None
    end = text.find("\n", start)
    end = end if end >= 0 else len(text)
    rest = PICTURE_CREDIT.sub("", text[start + len(title) : end])
    if any(char.isalnum() for char in rest):
        return None
    return start, end
