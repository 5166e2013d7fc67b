"""Plain-text and Markdown articles."""

from __future__ import annotations

import re

from counterclaim.ingest.base import Found
from counterclaim.ingest.decoding import decode


def read_plain(data: bytes, where: str, markdown: bool = False) -> tuple[str, Found]:
    decoded = decode(data, where)
    text = decoded.text
    found = Found(notes=(decoded.note,) if decoded.note else ())
    return (strip_markdown(text) if markdown else text), found


def strip_markdown(text: str) -> str:
    """Markdown syntax that is not part of what anyone said: heading marks, emphasis, links."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
