"""An article's title, short enough for the library's list: the file's own title when it
has one, else a first line that reads as a headline, else the story's first sentence cut
at a word, never with the dateline or the byline in it."""

from __future__ import annotations

import re

from counterclaim.datelines import find_byline, without_dateline
from counterclaim.paths import lexicon
from counterclaim.text import PICTURE_CREDIT

TITLE_LIMIT = 90  # characters of a title; a longer one is cut at a word and ends in "…"

# Lines that say when, by whom or from where rather than what: never a title.
METADATA_LINE = re.compile(
    r"^\s*(date\b|by\b|image:|photo:|posted\b|updated\b|published\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})",
    re.IGNORECASE,
)
# A full stop that ends a sentence: not after an initial ("H. M."), a short abbreviation
# ("Mr.", "Sen.", "Calif.") or inside one ("U.S."), and followed by a new sentence.
_SENTENCE_END = re.compile(r"[.!?…][\"”’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_ABBREVIATIONS = lexicon("headlines")["abbreviations"]
_ABBREVIATION = re.compile(
    rf"(?:^|[\s(])(?:[A-Z]|(?:[A-Za-z]\.)+[A-Za-z]|{'|'.join(_ABBREVIATIONS)})$"
)
_TRAILING = " ,;:—–-"
_LINE = re.compile(r"[^\n]+")
_SITE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ")


def title_of(text: str, found: str | None = None, outlet: str | None = None) -> str | None:
    """The title to show for an article: `found` (the file's own, without the site's name
    after it) when there is one, else one made from the text; None for a text without
    a line to make one from."""
    if found and found.strip():
        return fit(_without_site(" ".join(found.split()), outlet))
    line = _first_line(text)
    if line is None:
        return None
    if _is_headline(line):
        return fit(line).rstrip(_TRAILING) or line
    return fit(first_sentence(without_dateline(line)))


def fit(title: str, limit: int = TITLE_LIMIT) -> str:
    """`title` with white space folded, cut at the last word that fits and ended with
    "…" when it is longer than `limit` characters (the "…" counted)."""
    title = " ".join(PICTURE_CREDIT.sub("", title).split())
    if len(title) <= limit:
        return title
    start = title[: limit - 1]
    if " " in start and not title[limit - 1].isspace():
        start = start.rsplit(" ", 1)[0]
    return start.rstrip(_TRAILING) + "…"


def first_sentence(paragraph: str) -> str:
    """The paragraph's first sentence, or the paragraph when no sentence ends in it."""
    for match in _SENTENCE_END.finditer(paragraph):
        before = paragraph[: match.start()]
        if match.group()[0] == "." and _ABBREVIATION.search(before):
            continue
        return paragraph[: match.end()]
    return paragraph


def _first_line(text: str) -> str | None:
    byline = find_byline(text)
    for match in _LINE.finditer(text):  # not the whole text split: it can be megabytes
        line = PICTURE_CREDIT.sub("", match.group()).strip()
        if not line or METADATA_LINE.match(line):
            continue
        if byline is not None and line == text[byline.start : byline.end].strip():
            continue
        if sum(any(c.isalpha() for c in word) for word in line.split()) >= 2:
            return line  # not a lone word: "Advertisement", "mboxCreate('FoxNews-Video');"
    return None


def _is_headline(line: str) -> bool:
    """A line that fits, in words, with no dateline: "Iraq has many problems. Ebola isn’t
    one of them." is one; "BAGHDAD—An Iraqi official on Wednesday denied ..." is not."""
    return len(line) <= TITLE_LIMIT and without_dateline(line) == line


def _without_site(title: str, outlet: str | None) -> str:
    """ "Judge rejects Trump request | POLITICO" -> "Judge rejects Trump request" when the
    page's site is POLITICO."""
    if not outlet:
        return title
    for separator in _SITE_SEPARATORS:
        head, _, tail = title.rpartition(separator)
        if head and tail.strip().casefold() == outlet.strip().casefold():
            return head.strip()
    return title
