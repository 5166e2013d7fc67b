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
    Pair,
    Side,
    Span,
    Speaker,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.nlp import pairing, propositions, rebuttals, views
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

_NOT_FOR_FEATURES = ("cc_quotes", "cc_attribution")


class Extractor:
    """Holds the loaded pipeline; analyses articles one by one or in batches."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp

    @classmethod
    def load(cls, preferred_model: str | None = None) -> Extractor:
        return cls(load_pipeline(preferred_model))

    def analyse(self, text: str, title: str | None = None) -> Analysis:
        return self._with_features(build_analysis(parse(self.nlp, text), title))

    def analyse_many(
        self,
        articles: Iterable[ArticleInput],
        cancel: threading.Event | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> Iterator[Analysis]:
        """Analyses in order; checks ``cancel`` between articles of the ``nlp.pipe`` batch
        and between the pieces of a long article."""
        items = list(articles)
        docs = parse_many(self.nlp, (item.text for item in items), cancel)
        for n, (item, doc) in enumerate(zip(items, docs, strict=True)):
            if cancel is not None and cancel.is_set():
                raise Cancelled
            yield self._with_features(build_analysis(doc, item.title))
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

    def _with_features(self, analysis: Analysis) -> Analysis:
        claims = [s for s in analysis.statements if s.mode in CLAIMABLE]
        found = self.statement_features([s.text for s in claims])
        return replace(analysis, features={s.id: f for s, f in zip(claims, found, strict=True)})

    def compare(self, claim: str, counter: str) -> pairing.Verdict:
        """Whether ``counter`` rebuts ``claim``, both plain texts with no known speaker."""
        claim_doc, counter_doc = self.nlp.pipe([claim, counter])
        return pairing.score(
            propositions.view_of("claim", claim_doc[:]),
            propositions.view_of("counter", counter_doc[:]),
        )


def build_analysis(doc: Doc, title: str | None = None) -> Analysis:
    attributions: list[Attribution] = doc._.cc_attributions or []
    resolver = SpeakerResolver(doc)
    resolutions = resolver.resolve_all(attributions)
    speakers, speaker_ids = _speakers(resolutions)
    text = doc.text
    headline = _headline_span(text, title)
    quotes = _Quotes([(q.start_char, q.end_char) for q in doc.spans.get(QUOTES_KEY, [])])
    statements = [
        _statement(f"st{n + 1}", text, a, r, speaker_ids, headline, quotes)
        for n, (a, r) in enumerate(zip(attributions, resolutions, strict=True))
    ]
    pairs = suggest_pairs(doc, statements, speakers)
    sides = sorted({s.side for s in speakers if s.side})
    return Analysis(
        speakers=tuple(speakers),
        statements=tuple(statements),
        pairs=tuple(pairs),
        sides=tuple(Side(label, side_colour(n)) for n, label in enumerate(sides)),
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
    speaker_ids: dict[int, str],
    headline: tuple[int, int] | None,
    quotes: _Quotes,
) -> Statement:
    a = attribution
    speaker_span = Span(a.speaker.start_char, a.speaker.end_char) if a.speaker is not None else None
    rule = a.rule + (f"; speaker by {resolution.how}" if resolution else "; speaker unresolved")
    return Statement(
        id=statement_id,
        speaker_id=speaker_ids[id(resolution.entity)] if resolution else None,
        speaker_text=a.speaker.text if a.speaker is not None else "",
        cue=text[a.cue_start : a.cue_end],
        kind=_kind(a, headline, quotes),
        content=Span(a.content_start, a.content_end),
        text=text[a.content_start : a.content_end],
        cue_span=Span(a.cue_start, a.cue_end),
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


def _kind(a: Attribution, headline: tuple[int, int] | None, quotes: _Quotes) -> StatementKind:
    if headline is not None and headline[0] <= a.content_start < headline[1]:
        return StatementKind.HEADLINE
    near = quotes.near(a.content_start, a.content_end)
    if any(s <= a.content_start and a.content_end <= e for s, e in near):
        return StatementKind.DIRECT
    if any(s < a.content_end and a.content_start < e for s, e in near):
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


def suggest_pairs(doc: Doc, statements: list[Statement], speakers: list[Speaker]) -> list[Pair]:
    """Each statement that denies, beside the claim of another side it answers best."""
    by_id = {s.id: s for s in speakers}
    found = rebuttals.answers(doc, statements, by_id)
    return group_restatements(found, {s.id: s for s in statements}, by_id)
