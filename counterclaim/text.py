"""Plain-text helpers every layer may use (no Qt, no spaCy)."""

from __future__ import annotations

import re
from typing import Literal

Cut = Literal["anywhere", "trim", "word"]

# What a terminal or a window would obey or break a line at instead of showing: the C0 and
# C1 control characters and DEL, the Unicode line and paragraph separators, the bidi
# embeddings, overrides and isolates (which can show "txt.exe" as "exe.txt"), and the lone
# surrogates Python gives a file name's bytes that are not UTF-8.
CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# A picture's credit after a headline: "... hostile organisation\". Image: AntonSAN/Shutterstock"
PICTURE_CREDIT = re.compile(r"\s+(Image|Photo|Picture|Credit)s?:.*$", re.IGNORECASE)


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


def visible(text: str, *, keep_lines: bool = False) -> str:
    """`text` safe to print on one line: each control character in it is shown as an
    escape, "\\n", "\\t", "\\x1b", "\\u202e" (a file name's byte that is not UTF-8 as
    "\\xff"), so no terminal obeys it and no message breaks in two. Everything else,
    backslashes included, is left as it is. Use it on every name, title and path from
    the user's files before it is shown: in the command line, the window and the reports.

    keep_lines: line breaks ("\\n") stay, for a text of several lines (a quote in a report).
    """
    if keep_lines:
        return "\n".join(CONTROLS.sub(_escaped, line) for line in text.split("\n"))
    return CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: the byte it stands for
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
