"""What an import did, file by file and in all."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Imported:
    """One file stored: a new article, or one already in the library (`created` False,
    with the stored article's title)."""

    path: str
    article_id: int
    created: bool
    title: str
    language: str | None
    notes: tuple[str, ...] = ()  # what was mended to read the file, one line each


@dataclass(frozen=True)
class Skipped:
    """One file that could not be read, and why."""

    path: str
    message: str


def _ignore(_outcome: Imported | Skipped) -> None:
    pass


@dataclass
class ImportReport:
    """What an import did: the new articles, the texts already in the library, the files
    that could not be read (each with why), what was mended to read the new ones (each
    starting with the file), and how many were left when it was cancelled."""

    added: list[int] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    other_language: list[tuple[str, str]] = field(default_factory=list)  # title, language
    notes: list[str] = field(default_factory=list)  # "a.txt: 3 bytes that are not UTF-8 ..."
    cancelled: int = 0
    read: int = 0  # files read, new or already stored
