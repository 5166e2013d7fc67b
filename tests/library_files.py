"""Real library files in the states a library must survive: filled, damaged, old.

Built through the store API (no spaCy), then changed on disk as a failing disk, an older
counterclaim or another program would leave them.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.config import Config

from counterclaim.domain import (
    Analysis,
    ArticleMeta,
    Pair,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
)
from counterclaim.store import Library
from counterclaim.store.db import create_library_engine
from counterclaim.store.migrate import MIGRATIONS, migration_connection

WORDS = ("alpha", "beta", "gamma", "delta", "NATO", "Peskov", "bridge", "ministry", "report")
SPEAKERS = (
    Speaker("p1", "Dmitriy Peskov", SpeakerKind.PERSON, ("Peskov",), "Kremlin", "Russia"),
    Speaker("p2", "Jens Stoltenberg", SpeakerKind.PERSON, ("Stoltenberg",), "NATO", "NATO"),
)


def article_text(n: int, words: int = 800) -> str:
    """Article `n`: a claim, its denial, then filler words (about 6 bytes a word)."""
    filler = " ".join(WORDS[(n * 7 + k * k) % len(WORDS)] for k in range(words))
    return f"Peskov said NATO is hostile {n}. Stoltenberg denied it. {filler}"


def analysis_of(text: str) -> Analysis:
    claim, denial = "NATO is hostile", "denied it"
    statements = tuple(
        Statement(
            id=f"q{k}",
            speaker_id=speaker.id,
            speaker_text=speaker.name,
            cue="said",
            kind=StatementKind.INDIRECT,
            content=Span(text.index(part), text.index(part) + len(part)),
            text=part,
            rule="test",
        )
        for k, (speaker, part) in enumerate(zip(SPEAKERS, (claim, denial), strict=True))
    )
    return Analysis(SPEAKERS, statements, (Pair("q0", "q1", 0.9, ("a denial",)),))


def fill(path: Path, articles: int = 40, words: int = 800) -> list[int]:
    """A library of `articles` analysed articles (one claim, one rebuttal, one pair each)."""
    ids = []
    with Library.open(path) as library:
        for n in range(1, articles + 1):
            text = article_text(n, words)
            sha = hashlib.sha256(text.encode()).hexdigest()
            article_id, _ = library.add_article(ArticleMeta(f"Article {n}"), text, sha)
            library.save_analysis(article_id, analysis_of(text))
            ids.append(article_id)
    return ids


def leaf_pages(path: Path, table: str) -> list[int]:
    """The pages holding `table`'s rows (SQLite's dbstat), in page order."""
    with closing(sqlite3.connect(path)) as db:
        rows = db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (table,),
        )
        return [page for (page,) in rows]


def damage(path: Path, table: str = "articles", which: int = 1) -> int:
    """Overwrite the cell pointers of one of `table`'s data pages (never the header), as a
    failing disk would; returns the page number."""
    page = leaf_pages(path, table)[which]
    with closing(sqlite3.connect(path)) as db:
        size = int(db.execute("PRAGMA page_size").fetchone()[0])
    with path.open("r+b") as handle:
        handle.seek((page - 1) * size + 8)
        handle.write(b"\xff" * 200)
    return page


def library_at(path: Path, revision: str) -> None:
    """A new library at an older schema `revision`, as an older counterclaim left it."""
    _migrate(path, command.upgrade, revision)


def take_down(path: Path, revision: str) -> None:
    """Take the library at `path` down to an older schema, as an older counterclaim left
    it (and its log files gone, as after a clean close)."""
    _migrate(path, command.downgrade, revision)
    for side in (path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        side.unlink(missing_ok=True)


def _migrate(path: Path, step: Callable[[Config, str], None], revision: str) -> None:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    engine = create_library_engine(path)
    try:
        with migration_connection(engine) as connection, connection.begin():
            config.attributes["connection"] = connection
            step(config, revision)
    finally:
        engine.dispose()


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
