"""What every attribution rule shares: the Attribution found, and how its spans are cut
(trimmed of punctuation, stretched to whole quotes, the speaker's mention)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

_EDGE_PUNCT = " \n\t,;:-–—"


QUOTE_MARKS = '"“”‘’«»„'


@dataclass(frozen=True)
class Attribution:
    cue_start: int
    cue_end: int
    speaker: Span | None  # the mention, as written ("He", "The NATO chief")
    speaker_head: Token | None
    content_start: int
    content_end: int
    rule: str
    mode: str = "speech"  # "speech", "belief" (believes, wants, polls show) or "stance"


if not Doc.has_extension("cc_attributions"):
    Doc.set_extension("cc_attributions", default=None)


def said_end(attribution: Attribution) -> int:
    """Where the attribution's words, cue and speaker end."""
    speaker_end = attribution.speaker.end_char if attribution.speaker is not None else 0
    return max(attribution.content_end, attribution.cue_end, speaker_end)


def weak(attribution: Attribution) -> bool:
    """Found from a verb's object alone, a stance or a topic: not kept inside reported
    words."""
    return attribution.mode in ("stance", "topic") or attribution.rule.endswith(":object")


def nested(inner: Attribution, found: list[Attribution]) -> bool:
    """Whether the cue sits inside what someone else is reported to have said."""
    return any(o is not inner and o.content_start <= inner.cue_start < o.content_end for o in found)


def overlaps(a: Attribution, b: Attribution) -> bool:
    return a.content_start < b.content_end and b.content_start < a.content_end


def extend_to_quotes(tokens: list[Token], quotes: list[Span]) -> tuple[int, int]:
    """The characters the tokens cover, widened to take in every quote they touch; a
    content that is one quote and nothing else is the inside of that quote."""
    text = doc_text(tokens[0].doc)
    start, end = min(t.idx for t in tokens), _end_of_tokens(tokens)
    while start < end and text[start] in QUOTE_MARKS + _EDGE_PUNCT + "'":
        start += 1
    while end > start and text[end - 1] in QUOTE_MARKS + _EDGE_PUNCT + "'":
        end -= 1
    touched = [q for q in quotes if q.start_char <= end and start <= q.end_char]
    if len(touched) == 1 and touched[0].start_char <= start and end <= touched[0].end_char:
        return trim(text, touched[0].start_char, touched[0].end_char)
    for quote in touched:  # a partial quote keeps its marks
        q_start, q_end = quote.start_char, quote.end_char
        if q_start > 0 and text[q_start - 1] in QUOTE_MARKS:
            q_start -= 1
        if q_end < len(text) and text[q_end] in QUOTE_MARKS:
            q_end += 1
        start, end = min(start, q_start), max(end, q_end)
    return trim(text, start, end)


def _end_of_tokens(tokens: list[Token]) -> int:
    return max(t.idx + len(t.text) for t in tokens)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop white space, edge punctuation and unbalanced quote marks at both ends."""
    while start < end and (text[start] in _EDGE_PUNCT or _unbalanced_at_start(text, start, end)):
        start += 1
    while end > start and (text[end - 1] in _EDGE_PUNCT or _unbalanced_at_end(text, start, end)):
        end -= 1
    if end > start and text[end - 1] in ".!?" and text[start:end].count(" ") < 2:
        end -= 1
    return start, end


def _unbalanced_at_start(text: str, start: int, end: int) -> bool:
    return text[start] in '“"‘' and _quote_balance(text[start:end]) > 0


def _unbalanced_at_end(text: str, start: int, end: int) -> bool:
    return text[end - 1] in '”"’' and _quote_balance(text[start:end]) < 0


def _quote_balance(text: str) -> int:
    """Positive when the text opens more quotes than it closes."""
    straight = text.count('"') % 2
    return (
        text.count("“")
        - text.count("”")
        + (1 if straight and text[0] == '"' else 0)
        - (1 if straight and text[-1] == '"' else 0)
    )


def mention_span(head: Token) -> Span:
    """The noun phrase that names a speaker: "RUSSIAN presidential press secretary Dmitriy
    Peskov", "The chief of NATO", "He"."""
    left = [
        t for t in head.lefts if t.dep_ in ("det", "compound", "amod", "poss", "nmod", "nummod")
    ]
    start = min((t.left_edge.i for t in left), default=head.i)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == end:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                end = max(t.i for t in objects[0].subtree if t.i <= objects[0].i) + 1
        elif child.dep_ in ("compound", "flat") and child.i == end:
            end = child.i + 1
    return head.doc[start:end]


_TEXT_KEY = "cc_text"


def doc_text(doc: Doc) -> str:
    """The document's text, kept with it: Doc.text joins every token on each call."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def inside(position: int, quotes: Iterable[Span]) -> bool:
    return any(q.start_char <= position < q.end_char for q in quotes)


def duplicate(candidate: Attribution, found: list[Attribution]) -> bool:
    return any(
        a.content_start == candidate.content_start and a.content_end == candidate.content_end
        for a in found
    )
