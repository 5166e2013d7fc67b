"""Where a report says an article came from, and the only kind of link it makes to it:
an http(s) URL, with a text fragment that scrolls to the words."""

from __future__ import annotations

import re


def web_url(source: str | None) -> str | None:
    """`source` if it is an http(s) URL with no spaces or control characters: the only kind
    of address a report links to (never javascript:, data: or a local file)."""
    if source is None:
        return None
    url = source.strip()
    if not re.fullmatch(r"https?://[^\s\x00-\x1f\x7f<>\"]+", url, flags=re.IGNORECASE):
        return None
    return url


def shown_source(source: str | None) -> str | None:
    """What a report says an article came from: its URL, or a file's name without the
    folders it sits in on the fact-checker's disk."""
    if source is None or web_url(source) is not None:
        return source
    return re.split(r"[\\/]", source.rstrip("\\/"))[-1] or source


def text_fragment_link(url: str | None, text: str) -> str | None:
    """The source URL with a text fragment (`#:~:text=`) that browsers scroll to and
    highlight: the whole words when short, else the first and last six words."""
    if url is None:
        return None
    words = text.split()
    if not words:
        return url
    if len(words) <= 12:
        fragment = _fragment_part(words)
    else:
        fragment = f"{_fragment_part(words[:6])},{_fragment_part(words[-6:])}"
    return f"{url.split('#', 1)[0]}#:~:text={fragment}"


def _fragment_part(words: list[str]) -> str:
    """Words percent-encoded for a text fragment, where "-" and "," are syntax."""
    from urllib.parse import quote

    return quote(" ".join(words), safe="").replace("-", "%2D")
