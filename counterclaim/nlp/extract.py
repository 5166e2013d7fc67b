"""From an article's text to an :class:`~counterclaim.domain.Analysis`: statements,
speakers, sides and suggested pairs. The one entry point the other layers call."""

from __future__ import annotations

import threading
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

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

_NOT_FOR_FEATURES = ("cc_quotes", "cc_attribution")


class Extractor:
    """Holds the loaded pipeline; analyses articles one by one or in batches."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, preferred_model: str | None = None) -> Extractor:
        return cls(load_pipeline(preferred_model))

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
    short article, one per piece for a long one, each read and let go before the next."""
    resolver = SpeakerResolver()
    headline = _headline_span(text, title)
    found: list[tuple[Statement, Resolution | None, Voice | None]] = []
    sentences = 0
    for offset, doc in pieces:
        attributions: list[Attribution] = doc._.cc_attributions or []
        resolutions = resolver.resolve_all(doc, attributions)
        spans = doc.spans.get(QUOTES_KEY, [])
        quotes = _Quotes([(q.start_char + offset, q.end_char + offset) for q in spans])
        for a, r in zip(attributions, resolutions, strict=True):
            statement = _statement(f"st{len(found) + 1}", text, a, r, offset, headline, quotes)
            said = statement.mode in CLAIMABLE
            voice = voices.voice_of(doc, statement, offset, sentences) if said else None
            found.append((statement, r, voice))
        sentences += voices.sentence_count(doc)
    speakers, speaker_ids = _speakers([r for _, r, _ in found])
    by_id = {s.id: s for s in speakers}
    statements: list[Statement] = []
    said_voices: list[Voice] = []
    for statement, resolution, voice in found:
        if resolution is not None:
            statement = replace(statement, speaker_id=speaker_ids[id(resolution.entity)])
        statements.append(statement)
        if voice is not None:
            speaker = by_id.get(statement.speaker_id or "")
            said_voices.append(voices.with_speaker(voice, statement, speaker))
    pairs = group_restatements(rebuttals.answers(said_voices), {s.id: s for s in statements}, by_id)
    sides = sorted({s.side for s in speakers if s.side})
    return Analysis(
        speakers=tuple(speakers),
        statements=tuple(statements),
        pairs=tuple(pairs),
        sides=tuple(Side(label, side_colour(n)) for n, label in enumerate(sides)),
        features={v.statement.id: views.features_of(v.view) for v in said_voices},
    )


def _speakers(resolutions: list[Resolution | None]) -> tuple[list[Speaker], dict[int, str]]:
    entities: list[Entity] = []
    for resolution in resolutions:
        if resolution is not None and all(resolution.entity is not e for e in entities):
            entities.append(resolution.entity)
    ids = {id(entity): f"sp{n + 1}" for n, entity in enumerate(entities)}
    speakers = [
        Speaker(
            id=ids[id(e)],
            name=e.name,
            kind=e.kind,
            aliases=tuple(e.aliases),
            affiliation=e.affiliation,
            side=e.side,
        )
        for e in entities
    ]
    return speakers, ids


def _statement(
    statement_id: str,
    text: str,
    attribution: Attribution,
    resolution: Resolution | None,
    offset: int,
    headline: tuple[int, int] | None,
    quotes: _Quotes,
) -> Statement:
    """The statement of an attribution found in the Doc of the article's text from
    `offset` on; its speaker is numbered when the whole article has been read."""
    a = attribution
    speaker = a.speaker
    speaker_span = Span(speaker.start_char + offset, speaker.end_char + offset) if speaker else None
    rule = a.rule + (f"; speaker by {resolution.how}" if resolution else "; speaker unresolved")
    content = Span(a.content_start + offset, a.content_end + offset)
    return Statement(
        id=statement_id,
        speaker_id=None,
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
    if not title:
        return None
    start = text.find(title)
    if start < 0:
        return None
    end = text.find("\n", start)
    return start, end if end >= 0 else len(text)
