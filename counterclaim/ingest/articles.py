"""One article from a file or from pasted text: read, checked, decoded, extracted,
normalised, with its metadata and language."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from counterclaim.domain import ArticleMeta
from counterclaim.ingest.base import (
    MAX_BYTES,
    Found,
    ImportError_,
    LoadedArticle,
    guess_meta,
    normalise_text,
    read_bytes,
    strip_controls,
    text_sha256,
    too_big,
)
from counterclaim.ingest.language import detect_language
from counterclaim.ingest.plain import read_plain
from counterclaim.ingest.titles import title_of

Reader = Callable[[bytes, str], tuple[str, Found]]


# The readers of web pages, PDF and Word files import their libraries (trafilatura, lxml,
# pypdf, python-docx: half a second) when a file of that kind is first read, not when the
# window starts.
def read_html(data: bytes, where: str) -> tuple[str, Found]:
    from counterclaim.ingest.webpage import read_html

    return read_html(data, where)


def read_pdf(data: bytes, where: str) -> tuple[str, Found]:
    from counterclaim.ingest.pdf import read_pdf

    return read_pdf(data, where)


def read_docx(data: bytes, where: str) -> tuple[str, Found]:
    from counterclaim.ingest.word import read_docx

    return read_docx(data, where)


READERS: dict[str, Reader] = {
    ".txt": read_plain,
    ".text": read_plain,
    ".md": lambda data, where: read_plain(data, where, markdown=True),
    ".markdown": lambda data, where: read_plain(data, where, markdown=True),
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
    ".docx": read_docx,
}
SUPPORTED_SUFFIXES = tuple(READERS)
_PLAIN = (".txt", ".text", ".md", ".markdown")
MIN_WORDS = 3  # the fewest words a statement can have: who, the verb, what ("NATO denied it")
# Letters of the scripts written without spaces between words: Thai, Lao, Myanmar, Khmer,
# Japanese kana, and the Chinese characters (CJK ideographs and their extensions).
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]"
)


def unsupported(path: Path) -> str:
    return (
        f"{path}: unsupported file type {path.suffix or '(no extension)'}; "
        f"save the article as .txt, .md, .html, .pdf or .docx"
    )


def load_article(path: Path, max_bytes: int = MAX_BYTES) -> LoadedArticle:
    """Read one article file; raise ImportError_ with a one-line reason when it can't be."""
    suffix = path.suffix.lower()
    if path.is_dir():
        raise ImportError_(f"{path}: is a folder; give the article files inside it")
    if suffix not in READERS:
        if not path.exists():
            raise ImportError_(f"{path}: no such file; check the name and try again")
        raise ImportError_(unsupported(path))
    data = read_bytes(path, max_bytes)
    text, found = READERS[suffix](data, str(path))
    if suffix not in _PLAIN:
        text = strip_controls(text)
    return _article(text, found, str(path), path)


def load_text(text: str, source: str | None = None, max_bytes: int = MAX_BYTES) -> LoadedArticle:
    """An article pasted as text; `source` is where it came from (a URL), if known."""
    size = len(text.encode("utf-8", errors="replace"))
    if size > max_bytes:
        raise too_big("pasted text", size, max_bytes, from_file=False)
    found = Found(source=source.strip() if source and source.strip() else None)
    return _article(strip_controls(text), found, "pasted text", None)


def _article(text: str, found: Found, where: str, path: Path | None) -> LoadedArticle:
    text = normalise_text(text)
    if not text.strip() and path is None:
        raise ImportError_(f"{where}: there is no text; paste the article's text")
    if not text.strip():
        raise ImportError_(f"{where}: the file has no text; choose a file with the article in it")
    _check_enough_words(text, where, path)
    guessed = guess_meta(text, path)
    meta = ArticleMeta(
        title=title_of(text, found.title, found.outlet) or guessed.title,
        outlet=found.outlet,
        author=found.author or guessed.author,
        published=found.published or guessed.published,
        source=found.source or guessed.source,
        language=detect_language(text),
        place=guessed.place,
    )
    return LoadedArticle(meta=meta, text=text, sha256=text_sha256(text), notes=found.notes)


def count_words(text: str) -> int:
    """Words as a reader counts them: runs between spaces with a letter in them ("2024" and
    "--" are not words); in the scripts written without spaces (Chinese, Japanese, Thai,
    ...) each letter counts, so no sentence of theirs falls short."""
    words = 0
    for run in text.split():
        unspaced = len(_UNSPACED.findall(run))
        words += unspaced or any(char.isalpha() for char in run)
    return words


def _check_enough_words(text: str, where: str, path: Path | None) -> None:
    """Refuse what cannot hold a statement: the shortest has someone, a verb of saying or
    denying, and what they said ("NATO denied it"), so fewer than 3 words is not an article."""
    words = count_words(text)
    if words >= MIN_WORDS:
        return
    what_to_do = (
        "paste the article's text" if path is None else "choose a file with the article in it"
    )
    if not words:
        raise ImportError_(f"{where}: no words in the text, only digits or signs; {what_to_do}")
    raise ImportError_(
        f"{where}: only {words} word{'s' if words > 1 else ''} of text, too little to analyse "
        f"(a statement needs at least {MIN_WORDS}, as in “NATO denied it”); {what_to_do}"
    )
