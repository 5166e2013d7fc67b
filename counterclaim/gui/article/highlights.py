"""The statements' and speakers' highlights, laid into the article's lines once.

As selections drawn over the text, each highlight cost a pass over the lines on every
paint (362 of them for an article of 181 statements: ~75 ms a paint). Laid into the
lines' formats, a paint draws each line once, however many statements it holds; the text
itself is never changed.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from itertools import pairwise

from PySide6.QtGui import QSyntaxHighlighter, QTextCharFormat, QTextDocument

Mark = tuple[int, int, QTextCharFormat]  # document positions: start, end (one past)


class Highlights(QSyntaxHighlighter):
    """Formats over spans of a document; where spans overlap, later ones are merged over
    earlier ones, as selections drawn in that order would show."""

    def __init__(self, document: QTextDocument) -> None:
        super().__init__(document)
        self._marks: list[Mark] = []
        self._order: list[int] = []  # mark indexes by start
        self._starts: list[int] = []
        self._longest = 0

    def marks(self) -> list[Mark]:
        return list(self._marks)

    def forget(self) -> None:
        """No highlights, without laying out the text again (it is about to change)."""
        self._marks, self._order, self._starts, self._longest = [], [], [], 0

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = list(marks)
        self._order = sorted(range(len(marks)), key=lambda n: marks[n][0])
        self._starts = [marks[n][0] for n in self._order]
        self._longest = max((end - start for start, end, _ in marks), default=0)
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        block = self.currentBlock()
        first, last = block.position(), block.position() + block.length() - 1
        lo = bisect_left(self._starts, first - self._longest)
        hi = bisect_right(self._starts, last)
        opens: dict[int, list[int]] = {}
        closes: dict[int, list[int]] = {}
        for n in self._order[lo:hi]:
            start, end = max(self._marks[n][0], first), min(self._marks[n][1], last)
            if start < end:
                opens.setdefault(start, []).append(n)
                closes.setdefault(end, []).append(n)
        cuts = sorted(opens.keys() | closes.keys())
        active: set[int] = set()
        for start, end in pairwise(cuts):
            active.difference_update(closes.get(start, ()))
            active.update(opens.get(start, ()))
            if active:
                fmt = QTextCharFormat()
                for n in sorted(active):  # in the caller's order: later ones over earlier
                    fmt.merge(self._marks[n][2])
                self.setFormat(start - first, end - start, fmt)
