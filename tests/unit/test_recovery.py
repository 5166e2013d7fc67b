"""Recovering a damaged library: every readable row goes into a new library, the damaged
file is only read."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.store import DamagedLibrary, Library, LibraryError
from counterclaim.store.migrate import head_revision, known_revisions
from counterclaim.store.recovery import recover, recovered_path
from tests.library_files import article_text, damage, fill, library_at, listing


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "work.sqlite"


def test_every_readable_row_is_copied_into_a_new_library(path: Path) -> None:
    fill(path)
    damage(path, "articles")
    before = path.read_bytes()
    with pytest.raises(DamagedLibrary):
        Library.open(path)

    recovery = recover(path, recovered_path(path))

    target = path.with_name("work-recovered.sqlite")
    assert recovery.target == target
    assert path.read_bytes() == before
    assert listing(path.parent) == ["work-recovered.sqlite", "work.sqlite"]
    with Library.open(target) as library:
        articles = library.articles()
        found = library.search("hostile")
        analyses = [library.analysis(a.id) for a in articles]
    lost = 40 - len(articles)
    assert 0 < lost < 10  # the rows on one page, and only those
    assert recovery.rows("articles") == len(articles)
    assert recovery.damaged_tables == ("articles",)
    assert recovery.dropped == 5 * lost  # each lost article's 2 speakers, 2 statements, link
    for article, analysis in zip(articles, analyses, strict=True):
        assert article.text == article_text(int(article.title.split()[-1]))  # whole
        assert analysis is not None and len(analysis.pairs) == 1
        assert analysis.statements[0].text == "NATO is hostile"
    assert len(found) == len(articles)  # the search index, rebuilt


def test_a_damaged_index_loses_no_row(path: Path) -> None:
    fill(path)
    damage(path, "sqlite_autoindex_articles_1", which=0)
    with pytest.raises(DamagedLibrary):
        Library.open(path)

    recovery = recover(path, recovered_path(path))

    assert (recovery.rows("articles"), recovery.damaged_tables, recovery.dropped) == (40, (), 0)
    with Library.open(recovery.target) as library:
        assert [a.title for a in library.articles()] == [f"Article {n}" for n in range(1, 41)]


def test_a_damaged_library_of_an_older_schema_is_recovered_at_the_newest(path: Path) -> None:
    older = sorted(known_revisions())[0]
    library_at(path, older)
    with closing(sqlite3.connect(path)) as db:
        db.executemany(
            "INSERT INTO articles (title, text, sha256, imported_at, analysed) "
            "VALUES (?, ?, ?, '2026-01-01 00:00:00', 0)",
            [(f"Article {n}", article_text(n), f"sha-{n}") for n in range(1, 41)],
        )
        db.commit()
    damage(path, "articles")

    recovery = recover(path, path.with_name("saved.sqlite"))

    with closing(sqlite3.connect(recovery.target)) as db:
        (version,) = db.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == head_revision()
    assert 30 < recovery.rows("articles") < 40
    assert listing(path.parent) == ["saved.sqlite", "work.sqlite"]  # no backup of the copy


def test_recovery_never_overwrites_a_file(path: Path) -> None:
    fill(path, 3)
    taken = path.with_name("taken.sqlite")
    taken.write_text("mine\n")

    with pytest.raises(LibraryError, match="already exists"):
        recover(path, taken)

    assert taken.read_text() == "mine\n"
    assert recovered_path(path).name == "work-recovered.sqlite"
    recovered_path(path).touch()
    assert recovered_path(path).name == "work-recovered-2.sqlite"
