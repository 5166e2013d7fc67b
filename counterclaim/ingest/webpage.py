"""Saved web pages: the article's main text (see `main_text`) and metadata, by trafilatura,
from the bytes given. Nothing is fetched: no URL is passed, so no link, image or script is
followed."""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urlsplit

from counterclaim.ingest.base import Found, ImportError_
from counterclaim.ingest.decoding import declared_charset, decode
from counterclaim.ingest.main_text import article_paragraphs, extract, is_sentence, lines_of

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read_html(data: bytes, where: str) -> tuple[str, Found]:
    decoded = decode(data, where, declared_charset(data))
    page = decoded.text
    try:
        document = extract(page, with_metadata=True)
        paragraphs = article_paragraphs(page, lines_of(getattr(document, "text", None)))
    except Exception as error:  # a parser fed a hostile page: any failure is "unreadable"
        raise ImportError_(
            f"{where}: could not be read as a web page ({type(error).__name__}); "
            f"save the article page again from the browser"
        ) from None
    if not any(is_sentence(p) for p in paragraphs):
        raise ImportError_(
            f"{where}: no article text found in the page; save the article page itself "
            f"(not a list or a login page)"
        )
    notes = (decoded.note,) if decoded.note else ()
    return "\n\n".join(paragraphs), replace(_found(document), notes=notes)


def _found(document: object) -> Found:
    def field(name: str) -> str | None:
        value = getattr(document, name, None)
        return " ".join(value.split()) if isinstance(value, str) and value.strip() else None

    date = field("date")
    return Found(
        title=field("title"),
        outlet=field("sitename"),
        author=field("author"),
        published=date if date and _ISO_DATE.match(date) else None,
        source=_web_address(field("url")),
    )


def _web_address(url: str | None) -> str | None:
    """The canonical URL, if it is a web address (not javascript:, file: or relative)."""
    if url is None:
        return None
    parts = urlsplit(url)
    return url if parts.scheme in ("http", "https") and parts.netloc else None
