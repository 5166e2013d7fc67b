"""PDF articles: the text layer, with lines put back into paragraphs."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from counterclaim.ingest.base import Found, ImportError_

_MIN_LETTERS = 20  # fewer letters than this in the whole file: no text layer
_SHORT_LINE = 0.75  # a line shorter than this share of a full line ends its paragraph
_PAGE_NUMBER = re.compile(r"^(page\s*)?[-–]?\s*\d{1,4}\s*[-–]?(\s*(/|of)\s*\d{1,4})?$", re.I)
_BULLET = tuple("•▪◦-–*")
_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl"})
_FILE_NAME_TITLE = re.compile(r"(\.(docx?|pdf|indd|qxd|rtf|odt)$)|^untitled$", re.I)


def read_pdf(data: bytes, where: str) -> tuple[str, Found]:
    with _quiet_pypdf():
        try:
            reader = PdfReader(io.BytesIO(data))
            _unlock(reader, where)
            pages = [page.extract_text() or "" for page in reader.pages]
            found = _found(reader)
        except ImportError_:
            raise
        except (FileNotDecryptedError, DependencyError):
            raise _password(where) from None
        except Exception as error:  # a parser fed a damaged file: any failure means damaged
            raise _damaged(where, error) from None
    if not pages:
        raise _damaged(where, "it has no pages")
    if sum(char.isalpha() for page in pages for char in page) < _MIN_LETTERS:
        raise ImportError_(
            f"{where}: the PDF has no text layer (scanned images?); "
            f"run OCR on it first, or paste the text"
        )
    text = "\n\n".join(p for p in (_paragraphs(page) for page in pages) if p)
    return text, found


def _unlock(reader: PdfReader, where: str) -> None:
    """Open a PDF that is encrypted with an empty password (restrictions only)."""
    if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise _password(where)


def _password(where: str) -> ImportError_:
    return ImportError_(
        f"{where}: the PDF is protected by a password; save an unprotected copy "
        f"(print it to a new PDF) and import that"
    )


def _damaged(where: str, error: Exception | str) -> ImportError_:
    reason = error if isinstance(error, str) else " ".join(str(error).split())[:80]
    return ImportError_(
        f"{where}: the PDF is damaged or incomplete ({reason or type(error).__name__}); "
        f"download it again, or open it in a PDF viewer and save a new copy"
    )


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """pypdf logs what it repairs on stderr; the user reads our one-line message instead."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _paragraphs(page: str) -> str:
    """A page's lines joined into paragraphs: a paragraph ends at a blank line, a short
    line or before a bullet; a word hyphenated at a line end is joined up again."""
    lines = [" ".join(line.split()) for line in page.translate(_LIGATURES).split("\n")]
    lines = [line for line in lines if not _PAGE_NUMBER.match(line)]
    lengths = sorted(len(line) for line in lines if line)
    if not lengths:
        return ""
    full = lengths[int(0.9 * (len(lengths) - 1))]
    paragraphs: list[str] = []
    current = ""
    for n, line in enumerate(lines):
        if line:
            current = _join(current, line)
        following = lines[n + 1] if n + 1 < len(lines) else ""
        if current and (
            not line or len(line) < _SHORT_LINE * full or following.startswith(_BULLET)
        ):
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _join(paragraph: str, line: str) -> str:
    if not paragraph:
        return line
    if paragraph.endswith("\xad"):
        return paragraph[:-1] + line
    if paragraph.endswith("-") and paragraph[-2:-1].isalpha() and line[:1].islower():
        return paragraph[:-1] + line
    return paragraph + " " + line


def _found(reader: PdfReader) -> Found:
    info: Any = reader.metadata
    if info is None:
        return Found()
    title = _text(info, "title")
    if title:
        title = title.removeprefix("Microsoft Word - ")
    created = None
    try:
        if info.creation_date is not None:
            created = info.creation_date.date().isoformat()
    except (ValueError, TypeError, AttributeError):  # a malformed date string
        created = None
    return Found(
        title=None if not title or _FILE_NAME_TITLE.search(title) else title,
        author=_text(info, "author"),
        published=created,
    )


def _text(info: Any, name: str) -> str | None:
    try:
        value = getattr(info, name)
    except Exception:  # a malformed info dictionary: the field is unknown
        return None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
