"""Plain-text and Markdown articles: bytes -> checked, decoded, normalised text."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from counterclaim.domain import ArticleMeta

MAX_BYTES = 5 * 1024 * 1024
SUPPORTED = (".txt", ".md", ".markdown", ".text")

_METADATA_LINE = re.compile(
    r"^\s*(date\b|by\b|image:|photo:|posted\b|updated\b|published\b|\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4})",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"\bBy\s+([A-Z][\w'.-]+(?:\s+[A-Z][\w'.-]+){0,3})")
_CREDIT = re.compile(r"\s+(Image|Photo|Picture|Credit)s?:.*$", re.IGNORECASE)
_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")


class ImportError_(Exception):
    """An article file that cannot be imported; the message says why and what to do."""


@dataclass(frozen=True)
class LoadedArticle:
    meta: ArticleMeta
    text: str
    sha256: str


def normalise_text(text: str) -> str:
    """The text every span points into: the file's text with Unix line ends and no BOM.

    Nothing else changes, so offsets agree with the file as Python reads it.
    """
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def text_sha256(text: str) -> str:
    """Identity of an article: the hash of its text with white space folded."""
    folded = " ".join(text.split())
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


def load_article(path: Path, max_bytes: int = MAX_BYTES) -> LoadedArticle:
    """Read one .txt/.md file; raise ImportError_ with a one-line reason when it can't be."""
    text = _decode(path, _read_bytes(path, max_bytes))
    if path.suffix.lower() in (".md", ".markdown"):
        text = _strip_markdown(text)
    text = normalise_text(text)
    if not text.strip():
        raise ImportError_(f"{path}: the file has no text; choose a file with the article in it")
    return LoadedArticle(meta=guess_meta(text, path), text=text, sha256=text_sha256(text))


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise ImportError_(f"{path}: no such file; check the name and try again")
    if path.is_dir():
        raise ImportError_(f"{path}: is a folder; give the article files inside it")
    if path.suffix.lower() not in SUPPORTED:
        raise ImportError_(
            f"{path}: unsupported file type {path.suffix or '(none)'}; "
            f"save the article as .txt or .md"
        )
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise ImportError_(
                f"{path}: {size // 1024} KiB is over the {max_bytes // 1024} KiB limit "
                f"for one article; split it or import only the article text"
            )
        return path.read_bytes()
    except OSError as error:
        message = f"{path}: cannot be read ({error.strerror}); check its permissions"
        raise ImportError_(message) from None


def _decode(path: Path, data: bytes) -> str:
    if not data.strip():
        raise ImportError_(f"{path}: the file is empty; choose a file with the article in it")
    if b"\x00" in data[:8192]:
        raise ImportError_(f"{path}: looks like a binary file, not text; save it as .txt first")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportError_(
            f"{path}: is not valid UTF-8 text (byte {error.start}); "
            f"re-save it as UTF-8 and import it again"
        ) from None


def _strip_markdown(text: str) -> str:
    """Markdown syntax that is not part of what anyone said: heading marks, emphasis, links."""
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.MULTILINE)
    text = re.sub(r"!\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)


def guess_meta(text: str, path: Path | None = None) -> ArticleMeta:
    """Title, author and date from the first lines of a plain-text article."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    title = next((line for line in lines if not _METADATA_LINE.match(line)), None)
    if title is None:
        title = path.stem if path else lines[0]
    head = "\n".join(lines[:3])
    author = _BYLINE.search(head)
    date = _ISO_DATE.search(head)
    return ArticleMeta(
        title=_shorten(_CREDIT.sub("", title)),
        author=author.group(1) if author else None,
        published=date.group(1) if date else None,
        source=str(path) if path else None,
    )


def _shorten(title: str, limit: int = 160) -> str:
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"
