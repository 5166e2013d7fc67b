"""`counterclaim library check`: what the engine's checks found, one line each; exit 0 for a
sound library, non-zero for a damaged one, which is only read."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.store.checking import broken_references
from counterclaim.store.db import create_library_engine
from tests.library_files import damage, fill, library_at


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def check(path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], str]:
    status = main(["library", "check", str(path)])
    out, err = capsys.readouterr()
    return status, out.splitlines(), err


def test_a_sound_library_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "work.sqlite"
    fill(path, articles=3, words=40)

    status, lines, err = check(path, capsys)

    assert (status, err) == (0, "")
    assert lines == [
        "integrity: ok, every page of the file reads",
        "references: ok, every reference between rows holds",
        "schema: ok, 0012, the newest",
    ]


def test_an_older_library_is_sound_and_stays_old(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "old.sqlite"
    library_at(path, "0008")
    before = digest(path)

    status, lines, _ = check(path, capsys)

    assert status == 0 and lines[-1].startswith("schema: ok, 0008, older than 0012")
    assert digest(path) == before


def test_a_damaged_library_fails_and_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "work.sqlite"
    fill(path)
    damage(path, "articles")
    before = digest(path)

    status, lines, err = check(path, capsys)

    assert status == 1
    # SQLite names the damaged page, or (when the damage stops its check) says so
    assert any(
        line.startswith(("integrity: On tree page ", "integrity: SQLite could not check"))
        for line in lines
    )
    assert not any("\\n" in line for line in lines)  # each problem on a line of its own
    assert err.count("\n") == 1 and "is not sound" in err and "recover" in err
    assert digest(path) == before


def test_a_reference_to_a_missing_row_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "work.sqlite"
    fill(path, articles=2, words=40)
    with closing(sqlite3.connect(path)) as db:  # another program, without foreign keys
        db.execute("DELETE FROM articles WHERE id = 2")
        db.commit()

    status, lines, _ = check(path, capsys)

    assert status == 1
    assert "references: speakers row 3 points at a row of articles that is not there" in lines
    engine = create_library_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            found = {f.detail for f in broken_references(connection)}  # as on PostgreSQL
    finally:
        engine.dispose()
    assert (
        "2 rows of statements point at rows of articles that are not there "
        "(statements.article_id)" in found
    )


def test_a_file_that_is_not_a_library_fails(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database, just notes\n" * 100)

    status, lines, err = check(notes, capsys)

    assert status == 1 and lines and not any(", ok" in line for line in lines[:1])
    assert err.count("\n") == 1
