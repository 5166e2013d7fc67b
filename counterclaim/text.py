"""Plain-text helpers every layer may use (no Qt, no spaCy)."""

from __future__ import annotations

import unicodedata
from typing import Literal

Cut = Literal["anywhere", "trim", "word"]


def shorten(
    text: str,
    limit: int,
    *,
    cut: Cut = "anywhere",
    squeeze: bool = True,
    ellipsis_within: bool = True,
) -> str:
    """`text` when it has at most `limit` characters, else its start and "…".

    squeeze: runs of white space become one space first.
    cut: where the start ends: "anywhere", "trim" (anywhere, without the spaces before
    the "…") or "word" (at the last space, so no word is cut in half; a text without a
    space is cut anywhere).
    ellipsis_within: the "…" is one of the `limit` characters; else it follows `limit`
    characters of the text.
    """
    if squeeze:
        text = " ".join(text.split())
    if len(text) <= limit:
        return text
    start = text[: limit - 1 if ellipsis_within else limit]
    if cut == "word":
        start = start.rsplit(" ", 1)[0]
    elif cut == "trim":
        start = start.rstrip()
    return start + "…"


def printable(text: str) -> str:
    """`text` safe to print on one line: control characters (a newline, an escape that a
    terminal would obey) and line separators are shown as escapes ("\\n", "\\x1b")."""
    if text.isprintable():
        return text
    return "".join(
        char.encode("unicode_escape").decode("ascii")
        if unicodedata.category(char) in ("Cc", "Zl", "Zp")
        else char
        for char in text
    )
