"""Long articles in pieces the pipeline can take, joined back into one ``Doc``.

spaCy refuses a text over ``nlp.max_length`` characters, and its working memory grows with
the length of each text it parses (about 0.3 GB for 100,000 characters). A long article
is cut into pieces of at most :data:`PIECE_CHARS` characters, each parsed on its own with
our components; ``Doc.from_docs`` joins the pieces into one Doc of the whole text, so
every span and offset points into the article as stored, and the speakers are resolved
and the pairs found over the whole article, as for a short one.

The cuts fall where nothing said runs across them: at a blank line outside any quotation,
before a paragraph that does not open with a quote (which could go on in the voice just
quoted) and after one that does not end with a colon (which could announce it). Failing
that at a line break, then after a sentence, then between two words; only a text with no
white space at all is cut mid-word.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from itertools import groupby, pairwise

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.attribution import Attribution
from counterclaim.nlp.common import Cancelled
from counterclaim.nlp.quotes import find_quotes

PIECE_CHARS = 100_000
"""The longest text parsed at once: longer articles are parsed in pieces."""

_PARAGRAPH = re.compile(r"\n[ \t]*\n\s*")
_LINE = re.compile(r"\n\s*")
_SENTENCE = re.compile(r"[.!?][\"”’')\]]*\s+")
_SPACE = re.compile(r"\s+")
_OPENING_QUOTES = '“"‘«„'


def piece_limit(nlp: Language) -> int:
    return max(1, min(nlp.max_length, PIECE_CHARS))


def cut_points(text: str, limit: int) -> list[int]:
    """Where each piece after the first starts, so that no piece is over `limit`
    characters."""
    cuts: list[int] = []
    start = 0
    while len(text) - start > limit:
        start = _cut(text, start, start + limit)
        cuts.append(start)
    return cuts


def _cut(text: str, start: int, end: int) -> int:
    """The best place to end the piece text[start:...], at most at `end`."""
    window = text[start:end]
    quoted = find_quotes(window)
    lowest = len(window) // 4  # a piece much shorter than it may be only makes more pieces

    starts = [s for s, _ in quoted]

    def outside(at: int) -> bool:  # the quotes found do not overlap
        n = bisect_right(starts, at) - 1
        return n < 0 or quoted[n][1] < at

    def clear(at: int) -> bool:  # no voice carried over the blank line
        opening = text[start + at : start + at + 60].split("\n", 1)[0].split()[:8]
        before = at
        while before > 0 and window[before - 1].isspace():
            before -= 1
        return (
            outside(at)
            and window[before - 1 : before] != ":"
            and not any(c in _OPENING_QUOTES for word in opening for c in word)
        )

    tiers: tuple[tuple[re.Pattern[str], Callable[[int], bool]], ...] = (
        (_PARAGRAPH, clear),
        (_PARAGRAPH, outside),
        (_LINE, outside),
        (_SENTENCE, outside),
        (_SPACE, outside),
        (_SPACE, lambda _at: True),
    )
    for pattern, good in tiers:
        found = [m.end() for m in pattern.finditer(window, lowest) if m.end() < len(window)]
        best = next((at for at in reversed(found) if good(at)), None)
        if best is not None:
            return start + best
    return end  # no white space at all: cut between two characters


def parse(nlp: Language, text: str, cancel: threading.Event | None = None) -> Doc:
    """The text's Doc, parsed in pieces when it is longer than one piece may be."""
    limit = piece_limit(nlp)
    if len(text) <= limit:
        return nlp(text)
    bounds = [0, *cut_points(text, limit), len(text)]
    pieces = []
    for start, end in pairwise(bounds):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        piece = nlp(text[start:end])
        piece.tensor = piece.tensor[:0].copy()  # the pipeline is done with it: free it
        pieces.append(piece)
    return join(pieces)


def parse_many(
    nlp: Language, texts: Iterable[str], cancel: threading.Event | None = None
) -> Iterator[Doc]:
    """Each text's Doc, in order: short texts parsed together with ``nlp.pipe``, long
    ones piece by piece."""
    limit = piece_limit(nlp)
    for long, run in groupby(texts, key=lambda text: len(text) > limit):
        if long:
            yield from (parse(nlp, text, cancel) for text in run)
        else:
            yield from nlp.pipe(run)


def join(pieces: list[Doc]) -> Doc:
    """One Doc of the pieces' texts one after the other, with their quotes (span group)
    and their attributions moved to where they are in the whole text."""
    # spaCy's stub lacks the keyword `exclude` its Doc.from_docs has had since 3.3
    whole = Doc.from_docs(  # type: ignore[call-arg]
        pieces, ensure_whitespace=False, exclude=["user_data", "tensor"]
    )
    attributions: list[Attribution] = []
    chars = tokens = 0
    for piece in pieces:
        for found in piece._.cc_attributions or []:
            attributions.append(_moved(found, whole, chars, tokens))
        chars += len(piece.text)
        tokens += len(piece)
    whole._.cc_attributions = attributions
    return whole


def _moved(found: Attribution, whole: Doc, chars: int, tokens: int) -> Attribution:
    speaker, head = found.speaker, found.speaker_head
    return replace(
        found,
        cue_start=found.cue_start + chars,
        cue_end=found.cue_end + chars,
        content_start=found.content_start + chars,
        content_end=found.content_end + chars,
        speaker=whole[speaker.start + tokens : speaker.end + tokens] if speaker else None,
        speaker_head=whole[head.i + tokens] if head is not None else None,
    )
