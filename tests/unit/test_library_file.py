"""A library that can't be used is never made worse: damaged, empty, another program's,
newer, read-only, or on a full disk, the file is left as it was and the user is told
what to do. Real SQLite files throughout."""

from __future__ import annotations

import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.domain import ArticleMeta
from counterclaim.store import DamagedLibrary, EmptyLibraryFile, Library, LibraryError
from counterclaim.store import db as store_db
from counterclaim.store.migrate import known_revisions
from tests.library_files import article_text, damage, fill, library_at, listing

DAMAGED = (
    "the library '{path}' is damaged ({detail}); nothing in it was changed. Open it in the "
    "window (counterclaim --library '{path}') to recover what can be read into a new "
    "library, or go back to a copy you kept"
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    folder = tmp_path / "libraries"
    folder.mkdir()
    return folder / "work.sqlite"


@pytest.fixture
def read_only(path: Path) -> Iterator[Path]:
    """A filled library whose file has no write permission (even root honours that)."""
    fill(path, 5)
    path.chmod(0o444)
    yield path
    path.chmod(0o644)


def test_a_damaged_data_page_is_found_on_open_and_nothing_is_written(path: Path) -> None:
    fill(path)
    damage(path)
    before = path.read_bytes()

    for _attempt in range(2):
        with pytest.raises(DamagedLibrary) as raised:
            Library.open(path)

    detail = "SQLite's check found damaged pages"
    assert str(raised.value) == DAMAGED.format(path=path, detail=detail)
    assert path.read_bytes() == before
    assert listing(path.parent) == [path.name]  # no backup, no log


def test_damage_met_while_the_library_is_open_is_a_message_not_a_crash(path: Path) -> None:
    fill(path)
    library = Library.open(path)
    library.close()  # every connection closed: the next read goes to the disk
    damage(path)

    with pytest.raises(DamagedLibrary) as raised:
        library.articles()
    library.close()

    detail = "database disk image is malformed"
    assert str(raised.value) == DAMAGED.format(path=path, detail=detail)


def test_an_empty_file_is_not_made_a_library_by_what_only_reads(path: Path) -> None:
    path.touch()

    with pytest.raises(EmptyLibraryFile) as raised:
        Library.open(path, create=False)

    assert str(raised.value) == (
        f"'{path}' is an empty file (0 bytes), not a library: choose another file with "
        "--library, or import an article to start a new library in it"
    )
    assert path.stat().st_size == 0 and listing(path.parent) == [path.name]
    with pytest.raises(LibraryError, match="no library at"):
        Library.open(path.with_name("missing.sqlite"), create=False)
    assert listing(path.parent) == [path.name]
    Library.open(path).close()  # adding articles (create) starts a library in it
    assert path.stat().st_size > 0


def test_another_programs_alembic_database_is_not_taken_for_a_newer_library(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) PRIMARY KEY)")
        db.execute("INSERT INTO alembic_version VALUES ('3f2a9c1b7d4e')")
        db.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        db.commit()
    before = path.read_bytes()

    with pytest.raises(LibraryError) as raised:
        Library.open(path)

    assert str(raised.value) == (
        f"'{path}' is not a counterclaim library (it is another program's database): "
        "choose another file with --library"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("file_mode", [0o644, 0o444])
def test_a_library_from_a_newer_counterclaim_is_refused_and_left_as_it_was(
    path: Path, file_mode: int
) -> None:
    fill(path, 2)
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '0999'")
        db.commit()
    path.chmod(file_mode)
    before = path.read_bytes()

    with pytest.raises(LibraryError) as raised:
        Library.open(path)

    path.chmod(0o644)
    assert str(raised.value) == (
        f"'{path}' was written by a newer counterclaim (schema 0999): update counterclaim "
        "to open it; nothing in it was changed"
    )
    assert path.read_bytes() == before and listing(path.parent) == [path.name]


def test_a_read_only_library_is_read_without_writing_anything_beside_it(read_only: Path) -> None:
    before = read_only.read_bytes()

    with Library.open(read_only) as library:
        titles = [a.title for a in library.articles()]
        beside = listing(read_only.parent)
        with pytest.raises(LibraryError) as raised:
            library.add_article(ArticleMeta("New"), "Jane said no.", "sha-new")

    assert library.read_only
    assert titles == [f"Article {n}" for n in range(1, 6)]
    assert beside == [read_only.name]  # no -wal, no -shm: nothing left read-only
    assert str(raised.value) == (
        f"the library '{read_only}' is read-only: nothing can be changed in it. Make the "
        "file and its folder writable to change it"
    )
    assert read_only.read_bytes() == before and listing(read_only.parent) == [read_only.name]


def test_a_library_in_a_read_only_folder_is_read(path: Path) -> None:
    fill(path, 3)
    path.parent.chmod(0o555)
    try:
        with Library.open(path) as library:
            count = len(library.articles())
            beside = listing(path.parent)
    finally:
        path.parent.chmod(0o755)

    assert (count, beside, library.read_only) == (3, [path.name], True)


def test_a_read_only_library_at_an_old_schema_is_refused_without_a_backup(path: Path) -> None:
    older = sorted(known_revisions())[-2]
    library_at(path, older)
    path.chmod(0o444)
    before = path.read_bytes()

    for _attempt in range(2):
        with pytest.raises(LibraryError) as raised:
            Library.open(path)

    path.chmod(0o644)
    assert str(raised.value) == (
        f"the library '{path}' is read-only and needs upgrading from schema {older} (it was "
        "made by an older counterclaim): make the file and its folder writable and open "
        "it again; a backup is kept before the upgrade"
    )
    assert path.read_bytes() == before
    assert listing(path.parent) == [path.name]  # no .bak written, however many tries


def test_log_files_a_read_only_open_left_behind_do_not_lock_out_writers(read_only: Path) -> None:
    """SQLite gives `-wal`/`-shm` the library's permissions; a read-only reader leaves them."""
    with closing(sqlite3.connect(f"{read_only.as_uri()}?mode=ro", uri=True)) as db:
        db.execute("SELECT count(*) FROM articles").fetchone()
    read_only.chmod(0o644)
    wal, shm = (read_only.with_name(read_only.name + suffix) for suffix in ("-wal", "-shm"))
    assert stat.S_IMODE(shm.stat().st_mode) == 0o444  # what SQLite left

    with Library.open(read_only) as library:
        library.add_article(ArticleMeta("New"), "Jane said no.", "sha-new")
        modes = [stat.S_IMODE(f.stat().st_mode) for f in (wal, shm)]

    assert not library.read_only
    assert modes == [0o644, 0o644]


def test_a_full_disk_says_how_much_room_is_needed(
    path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fill(path, 3)
    with closing(sqlite3.connect(path)) as db:
        pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    # SQLite's own limit on the file's size: the same SQLITE_FULL a full disk gives
    monkeypatch.setattr(store_db, "PRAGMAS", (*store_db.PRAGMAS, f"PRAGMA max_page_count={pages}"))

    with Library.open(path) as library:
        with pytest.raises(LibraryError) as raised:
            library.add_article(ArticleMeta("Long"), article_text(99, 20_000), "sha-long")
        titles = [a.title for a in library.articles()]

    assert str(raised.value) == (
        f"the disk is full: the library '{path}' needs about 1 MB more free space in "
        f"'{path.parent}'; free some space there and try again (the change that failed was "
        "not saved; everything before it is kept)"
    )
    assert titles == ["Article 1", "Article 2", "Article 3"]


def test_a_long_import_keeps_the_write_ahead_log_small(path: Path) -> None:
    wal = path.with_name(path.name + "-wal")
    largest = 0
    with Library.open(path) as library:
        for n in range(80):
            text = article_text(n, 4_000)  # about 25 KB each, 2 MB in all
            library.add_article(ArticleMeta(f"Article {n}"), text, f"sha-{n}")
            largest = max(largest, wal.stat().st_size if wal.exists() else 0)

    assert path.stat().st_size > 2 * 1024 * 1024
    assert largest < 1024 * 1024, f"the log grew to {largest} bytes"
