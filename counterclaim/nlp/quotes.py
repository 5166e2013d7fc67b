"""Quotation spans: straight and curly quotes, quotes that run over several paragraphs.

Written as a spaCy component (after the parser): the inner span of every quotation
goes to the span group ``doc.spans["cc_quotes"]``.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

QUOTES_KEY = "cc_quotes"
_OPEN_DOUBLE = "“„«"
_CLOSE_DOUBLE = "”»"
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"
# a single-quoted stretch this short is a scare quote ('spy balloons'), not speech
MIN_SINGLE_QUOTE_WORDS = 5


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of the inside of each quotation, in character offsets."""
    spans = _double_quotes(text)
    taken = [False] * len(text)
    for start, end in spans:
        for i in range(max(start - 1, 0), min(end + 1, len(text))):
            taken[i] = True
    for start, end in _single_quotes(text):
        if not taken[start] and len(text[start:end].split()) >= MIN_SINGLE_QUOTE_WORDS:
            spans.append((start, end))
    return sorted(spans)


def _double_quotes(original: str) -> list[tuple[int, int]]:
    # two apostrophes stand for a double quote in some newspapers' text (''like this'');
    # the stand-in keeps every offset where it was
    text = original.replace("''", '"\x00')
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    i = 0
    while i < len(text):
        if opened is not None and text.startswith("\n\n", i):
            # a quote left open at a paragraph's end goes on if the next paragraph
            # opens with a quote mark (the newspaper convention); otherwise it ends here
            nxt = len(text[i:]) - len(text[i:].lstrip())
            if i + nxt < len(text) and _is_opening(text, i + nxt):
                i += nxt + 1
                continue
            spans.append((opened, i))
            opened = None
        elif opened is None and _is_opening(text, i):
            opened = i + 1
        elif opened is not None and _is_closing(text, i):
            if i > opened:
                spans.append((opened, i))
            opened = None
        i += 1
    if opened is not None and len(text) > opened:
        spans.append((opened, len(text.rstrip())))
    spans = [(s + 1 if text[s : s + 1] == "\x00" else s, e) for s, e in spans]
    return [(s, e) for s, e in (_trim(original, s, e) for s, e in spans) if e > s]


def _is_opening(text: str, i: int) -> bool:
    char = text[i]
    if char in _OPEN_DOUBLE:
        return True
    if char == "”" and (i == 0 or text[i - 1] == "\n") and text[i + 1 : i + 2].strip():
        return True  # a paragraph opened with the closing mark by mistake
    if char != '"':
        return False
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isspace() or before in "([{—–-:/") and not after.isspace()


def _is_closing(text: str, i: int) -> bool:
    return text[i] in _CLOSE_DOUBLE or text[i] == '"'


def _single_quotes(text: str) -> list[tuple[int, int]]:
    pattern = re.compile(
        rf"(?:(?<=\s)|(?<=^)|(?<=[(\[—:])){_SINGLE_OPEN}([^{_SINGLE_OPEN}\n]+?){_SINGLE_CLOSE}(?!\w)"
    )
    return [(m.start(1), m.end(1)) for m in pattern.finditer(text)]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@Language.factory("cc_quotes")
def make_quotes(nlp: Language, name: str) -> QuoteFinder:
    return QuoteFinder()


class QuoteFinder:
    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for start, end in find_quotes(doc.text):
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
        doc.spans[QUOTES_KEY] = spans
        return doc
