"""What every reader shares: the error users read, the loaded article, the size cap, the
text every span points into, and the metadata guessed from the first lines."""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass
from pathlib import Path

from counterclaim.datelines import find_byline, find_dateline
from counterclaim.domain import ArticleMeta
from counterclaim.errors import BAD_INPUT, CounterclaimError
from counterclaim.ingest.titles import TITLE_LIMIT, title_of
from counterclaim.text import shorten, visible

MEBIBYTE = 1024 * 1024
MAX_BYTES = 20 * MEBIBYTE
SIZE_PREFERENCE = "File > Preferences… (Ctrl+,) > “Largest article file to import”"
"""Where the window sets the size cap."""

_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ImportError_(CounterclaimError):
    """An article that cannot be imported; the message, one line, starts with the file (or
    "pasted text") and says what is wrong and what to do. Control characters in it (a file
    name can hold a line break or a terminal's escape) are shown as escapes (`visible`)."""

    exit_code = BAD_INPUT

    def __init__(self, message: str) -> None:
        super().__init__(visible(message))


@dataclass(frozen=True)
class LoadedArticle:
    meta: ArticleMeta
    text: str
    sha256: str
    notes: tuple[str, ...] = ()  # what was mended to read it, one line each, without the file


@dataclass(frozen=True)
class Found:
    """What a reader found in the file besides the text; None where it found nothing."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # yyyy-mm-dd
    source: str | None = None  # the page's canonical URL
    notes: tuple[str, ...] = ()  # what was mended to read the file ("3 bytes ... replaced")


def normalise_text(text: str) -> str:
    """The text every span points into: the file's text with Unix line ends and no BOM.

    Nothing else changes, so offsets agree with the file as Python reads it.
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def strip_controls(text: str) -> str:
    """Control characters a PDF or a web page can carry, which no reader should see."""
    return _CONTROLS.sub("", text)


def text_sha256(text: str) -> str:
    """Identity of an article: the hash of its text with white space folded."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def describe_size(size: int) -> str:
    """A size as people read it: "20 MB", "1.5 KB", "300 bytes"."""
    if size >= MEBIBYTE:
        return f"{size / MEBIBYTE:.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.1f}".removesuffix(".0") + " KB"
    return f"{size} bytes"


def too_big(where: str, size: int, max_bytes: int, from_file: bool = True) -> ImportError_:
    """The size, the cap, and where to raise it: for a file, the command line's --max-size
    or the window's preferences; for pasted text, the window's preferences."""
    needed = math.ceil(size / MEBIBYTE)
    how = (
        f": --max-size {needed} on the command line, or {SIZE_PREFERENCE} in the window"
        if from_file
        else f" in {SIZE_PREFERENCE}"
    )
    return ImportError_(
        f"{where}: {describe_size(size)} is over the {describe_size(max_bytes)} limit for "
        f"one article; if it really is one article, raise the limit to {needed} MB or more{how}"
    )


def read_bytes(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, never more than max_bytes of them read."""
    try:
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise too_big(str(path), path.stat().st_size, max_bytes)
            return data
    except FileNotFoundError:
        raise ImportError_(f"{path}: no such file; check the name and try again") from None
    except IsADirectoryError:
        raise ImportError_(f"{path}: is a folder; give the article files inside it") from None
    except OSError as error:
        reason = (error.strerror or str(error)).lower()
        raise ImportError_(f"{path}: cannot be read ({reason}); check its permissions") from None


def guess_meta(text: str, path: Path | None = None) -> ArticleMeta:
    """Title, author, date and place from the first lines of a plain-text article: its
    headline (or first sentence), byline and dateline."""
    title = title_of(text)
    if title is None:
        title = path.stem if path else shorten(text, TITLE_LIMIT, cut="word")
    dateline = find_dateline(text)
    byline = find_byline(text)
    head = "\n".join([line for line in text.split("\n", 50) if line.strip()][:3])
    date = dateline.published if dateline is not None else None
    iso = _ISO_DATE.search(head)
    return ArticleMeta(
        title=title,
        author=byline.author if byline is not None else None,
        published=date or (iso.group(1) if iso else None),
        source=str(path) if path else None,
        place=dateline.place if dateline is not None else None,
    )
