"""Long articles in pieces the pipeline can take, one after the other.

spaCy refuses a text over ``nlp.max_length`` characters, and its working memory grows with
the length of each text it parses (see :data:`PIECE_CHARS`). A long article
is cut into pieces of at most :data:`PIECE_CHARS` characters, each parsed on its own with
our components, and read (`counterclaim.nlp.extract`) before the next is parsed: the
statements found keep their places in the whole article, the speakers met in one piece
are known in the next, and the pairs are found over the whole article, as for a short
one; only one piece's Doc is held at a time.

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
from itertools import groupby, pairwise

from spacy.language import Language
from spacy.tokens import Doc

from counterclaim.nlp.common import Cancelled
from counterclaim.nlp.quotes import find_quotes

PIECE_CHARS = 25_000
"""The longest text parsed at once: longer articles are parsed in pieces. The pipeline's
working memory grows with the text it parses at once: our pipeline peaks at about 310 MB
on pieces of 25,000 characters and at about 570 MB on pieces of 100,000, and is no
faster on the longer ones."""

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


Pieces = Iterator[tuple[int, Doc]]
"""An article's Docs in order, each with where its text starts in the article."""


def parse(
    nlp: Language,
    text: str,
    cancel: threading.Event | None = None,
    told: Callable[[int, int], None] | None = None,
) -> Pieces:
    """The text's Doc, or for a text longer than one piece may be, the Doc of each piece
    in turn: a piece is parsed when the one before has been read, so that memory holds one
    piece at a time, whatever the article's length. `told` hears (pieces parsed, of how
    many) as the work goes."""
    limit = piece_limit(nlp)
    if len(text) <= limit:
        yield 0, nlp(text)
        return
    bounds = [0, *cut_points(text, limit), len(text)]
    for n, (start, end) in enumerate(pairwise(bounds)):
        if cancel is not None and cancel.is_set():
            raise Cancelled
        if told is not None:
            told(n, len(bounds) - 1)
        yield start, nlp(text[start:end])


def parse_many(
    nlp: Language,
    texts: Iterable[str],
    cancel: threading.Event | None = None,
    told: Callable[[int, int], None] | None = None,
) -> Iterator[Pieces]:
    """Each text's pieces, in order: short texts parsed together with ``nlp.pipe``, in
    batches of at most a piece's length in all, long ones piece by piece. Each text's
    pieces must be read before the next text's."""
    limit = piece_limit(nlp)
    for long, run in groupby(texts, key=lambda text: len(text) > limit):
        if long:
            yield from (parse(nlp, text, cancel, told) for text in run)
        else:
            for batch in _batches(run, limit):
                if cancel is not None and cancel.is_set():
                    raise Cancelled
                yield from (iter([(0, doc)]) for doc in nlp.pipe(batch, batch_size=len(batch)))


def _batches(texts: Iterable[str], limit: int) -> Iterator[list[str]]:
    """The texts in runs of at most `limit` characters in all (or one text)."""
    batch: list[str] = []
    size = 0
    for text in texts:
        if batch and size + len(text) > limit:
            yield batch
            batch, size = [], 0
        batch.append(text)
        size += len(text)
    if batch:
        yield batch
