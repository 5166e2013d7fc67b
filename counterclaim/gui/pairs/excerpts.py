"""What a pair's cells say of a statement: a one-line excerpt in the row, the whole
statement with its speaker (and its article, when it is another) in the tooltip."""

from __future__ import annotations

import textwrap

from counterclaim.domain import LibraryStatement, Statement
from counterclaim.text import shorten, visible

EXCERPT = 120
"""The most characters of a statement a row shows, cut at a word with "…"."""
TITLE = 28
"""The most characters of another article's title a row names it by."""
_TIP_WIDTH = 80  # a tooltip's lines, so that a long statement is not one wide line


def excerpt(text: str) -> str:
    """The start of `text` on one line, at most EXCERPT characters, cut at a word."""
    return shorten(visible(text, keep_lines=True), EXCERPT, cut="word")


def short_title(title: str) -> str:
    return shorten(visible(title), TITLE, cut="word")


def full_statement(
    name: str, statement: Statement | None = None, other: LibraryStatement | None = None
) -> str:
    """Who said it (and in which other article), then the whole statement, in lines."""
    who = visible(name)
    if other is not None:
        where = visible(other.article_title)
        when = f" ({visible(other.published)})" if other.published else ""
        who = f"{who}, in “{where}”{when}"
    if statement is None:
        return who
    words = " ".join(visible(statement.text, keep_lines=True).split())
    return f"{who}:\n" + textwrap.fill(f"“{words}”", _TIP_WIDTH)
