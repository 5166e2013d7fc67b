"""Plain-text and Markdown articles."""

from __future__ import annotations

import re

from counterclaim.ingest.base import Found
from counterclaim.ingest.decoding import decode

_HEADING = re.compile(
    r"^(?:#[ \t]+(?P<atx>.+?)(?:[ \t]+#+)?[ \t]*|(?P<setext>[^\n#].*)\n=+[ \t]*)$",
    re.MULTILINE,
)


def read_plain(data: bytes, where: str, markdown: bool = False) -> tuple[str, Found]:
    decoded = decode(data, where)
    text = decoded.text
    notes = (decoded.note,) if decoded.note else ()
    if not markdown:
        return text, Found(notes=notes)
    return strip_markdown(text), Found(title=markdown_title(text), notes=notes)


def markdown_title(text: str) -> str | None:
    """The words of the document's first top-level heading ("# Title" or "Title" over a
    line of "="), if it has one."""
    match = _HEADING.search(text.replace("\r\n", "\n"))
    if match is None:
        return None
    words = match.group("atx") or match.group("setext") or ""
    return strip_markdown(words).strip() or None


def strip_markdown(text: str) -> str:
    """Markdown syntax that is not part of what anyone said: heading marks, emphasis, links."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
