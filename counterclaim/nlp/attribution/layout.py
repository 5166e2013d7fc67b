"""Attributions read from the page's layout: a quote signed with a dash, a line that
starts with who speaks ("PENCE: ..."), and a quote that goes on in the voice just quoted."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

from counterclaim.nlp.attribution.spans import QUOTE_MARKS, Attribution, doc_text, said_end, trim

_DASH_SIGNATURE = re.compile(r"[”\"’']?[.,]?\s*[―—–]\s*([^\n]{2,80}?)\.?\s*(?:\n|\Z)")


_COLON_SPEAKER = re.compile(
    r"^[\"“]?(?:(?:More )?[Ff]rom (?:the )?)?"
    r"([A-Z][\w.'’-]*(?: (?:[A-Z][\w.'’-]*|at|of|for|and|on))*?)"
    r":[ \t]+(\S[^\n]*)$",
    re.M,
)


_NOT_SPEAKERS = frozenset(
    {
        "image",
        "photo",
        "photos",
        "picture",
        "video",
        "watch",
        "read",
        "related",
        "update",
        "updated",
        "note",
        "editor's note",
        "source",
        "sources",
        "credit",
        "caption",
        "warning",
        "breaking",
        "exclusive",
        "live",
        "opinion",
        "analysis",
        "q",
        "a",
        "tags",
        "share",
        # a fact-check page's labels: "Claim: ...", "Rating: False", "Origins: ..."
        "claim",
        "rating",
        "origin",
        "origins",
        "example",
        "examples",
        "status",
        "verdict",
        "summary",
        "fact check",
        "bottom line",
        "last updated",
        "what's true",
        "what's false",
    }
)


def dash_attributions(doc: Doc, quotes: list[Span]) -> Iterable[Attribution]:
    """A quote signed with a dash: “...” ― Carla Sanchez."""
    text = doc_text(doc)
    for quote in quotes:
        match = _DASH_SIGNATURE.match(text, quote.end_char)
        if match is None:
            continue
        name = doc.char_span(match.start(1), match.end(1), alignment_mode="contract")
        if name is None or not any(t.pos_ == "PROPN" for t in name):
            continue
        start, end = trim(text, quote.start_char, quote.end_char)
        dash = match.start(1) - 1
        yield Attribution(dash, dash + 1, name, name[-1], start, end, "dash-signature")


def colon_attributions(doc: Doc) -> Iterable[Attribution]:
    """A line that starts with who speaks: "PENCE: Well, look, ...", "Poll: Voters ..."."""
    for match in _COLON_SPEAKER.finditer(doc_text(doc)):
        label = match.group(1)
        if (
            label.lower() in _NOT_SPEAKERS
            or len(label.split()) > 6
            or len(match.group(2).split()) < 3
        ):
            continue
        name_start = match.start(1)
        first = label.split()[0].lower()
        if first in ("said", "says", "asked", "added") and " " in label:  # "Said Ellis: “...”"
            name_start += len(first) + 1
        name = doc.char_span(name_start, match.end(1), alignment_mode="contract")
        if name is None or not any(t.pos_ in ("PROPN", "NOUN") for t in name):
            continue
        start, end = trim(doc_text(doc), match.start(2), match.end(2))
        colon = match.end(1)
        yield Attribution(colon, colon + 1, name, name[-1], start, end, "colon-speaker")


def _a_name(quote: Span) -> bool:
    """ "War and Peace": a few words that end no sentence are a title or a name, not speech."""
    words = [t for t in quote if t.is_alpha]
    ends = any(t.text in (".", "!", "?") for t in quote)
    return len(quote) < 3 or (len(words) < 4 and not ends)


def continued_quotes(text: str, quotes: list[Span], found: list[Attribution]) -> list[Attribution]:
    """“...,” Jordan said Monday. “I want to assure our community ...” The next quote, with
    no cue of its own, goes on in the voice of the speaker just quoted."""
    ordered = sorted(found, key=lambda a: a.content_start)
    added: list[Attribution] = []
    for quote in quotes:
        if _a_name(quote) or any(
            a.content_start < quote.end_char and quote.start_char < a.content_end
            for a in (*ordered, *added)
        ):
            continue
        before = [a for a in (*ordered, *added) if a.content_end <= quote.start_char]
        previous = max(before, key=said_end, default=None)  # the one just before the quote
        if previous is None or previous.speaker is None or previous.rule == "according-to":
            continue
        gap = text[said_end(previous) : quote.start_char]
        if gap.count("\n\n") <= 1 and len(gap.strip(" \n" + QUOTE_MARKS).split()) <= 8:
            start, end = trim(text, quote.start_char, quote.end_char)
            added.append(
                Attribution(
                    previous.cue_start,
                    previous.cue_end,
                    previous.speaker,
                    previous.speaker_head,
                    start,
                    end,
                    "quote-continues",
                    previous.mode,
                )
            )
    return added
