"""`counterclaim library copy`: a whole library copied into a new one reads exactly like
its source (rows, ids, search, undo history); the source is only read, and a failed copy
leaves nothing behind."""

from __future__ import annotations

import hashlib
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.cli import main
from counterclaim.domain import BatchState, Edit, LinkStatus, Relation, Review, Span, StatementKind
from counterclaim.store import Library
from counterclaim.store import copying as copying_module
from counterclaim.store.copying import copy_library
from tests.library_files import fill, listing, take_down

Rows = dict[str, list[tuple[object, ...]]]


def reviewed_library(path: Path) -> None:
    """A filled library with what reviewers do: verdicts, notes, a link, a statement, a
    speaker and a side by hand, a rename, an action undone and one redone."""
    fill(path, articles=6, words=60)
    with Library.open(path) as library:
        first = library.analysis(1)
        assert first is not None
        claim, rebuttal = first.statements[0].id, first.statements[1].id
        link = first.pairs[0].id
        assert link is not None
        library.review_link(link, Review(LinkStatus.CONFIRMED, "False", "two sources"), "ana")
        words = Span(first.statements[0].content.start, first.statements[0].content.end + 2)
        marked = library.new_statement(1, words, None, StatementKind.DIRECT)
        side = library.new_side("Observers")
        speaker = library.new_speaker(2, "An observer", side)
        made = library.new_link(marked, rebuttal, Relation.DENIES, "ben")
        library.apply(
            "Link by hand",
            [Edit(marked, "hidden", "1", "0"), Edit(made, "hidden", "1", "0")],
            "ben",
        )
        library.apply(
            "New speaker",
            [Edit(side, "hidden", "1", "0"), Edit(speaker, "hidden", "1", "0")],
            "ben",
        )
        undone = library.apply("Verdict", [Edit(made, "verdict", None, "Misleading")], "ana")
        library.undo(undone.id)
        library.apply("Rename", [Edit(claim, "hidden", "0", "1")], "ana")


def every_row(path: Path) -> Rows:
    """Every row of every table of the file, the search index's words included (not its
    shadow tables, which hold the same words in SQLite's own layout)."""
    with closing(sqlite3.connect(path)) as db:
        names = [
            name
            for (name,) in db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                "'statement_search_%' AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        rows = {
            # by the first column (each table's key), not SQLite's hidden rowid
            name: db.execute(f'SELECT * FROM "{name}" ORDER BY 1').fetchall()
            for name in names
        }
        rows["statement_search"] = db.execute(
            "SELECT rowid, text, article_id FROM statement_search ORDER BY rowid"
        ).fetchall()
    return rows


def reading(path: Path) -> tuple[object, ...]:
    """What a reviewer sees of the library."""
    with Library.open(path, create=False) as library:
        return (
            library.articles(),
            [library.analysis(a.id) for a in library.articles()],
            [library.cross_pairs(a.id) for a in library.articles()],
            library.sides(),
            library.search("hostile"),
            library.search('"denied it"'),
            library.similar_to_each(["st1"]).get("st1", []),
            library.batches(),
            library.history(),
        )


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_copy_and_a_copy_back_hold_every_row_of_the_source(tmp_path: Path) -> None:
    source, copy, back = (tmp_path / f"{name}.sqlite" for name in ("source", "copy", "back"))
    reviewed_library(source)
    before = digest(source)

    copied = copy_library(source, copy)
    copy_library(copy, back)

    assert digest(source) == before
    assert listing(tmp_path) == ["back.sqlite", "copy.sqlite", "source.sqlite"]
    rows = every_row(source)
    assert rows["edit_batches"] and rows["edits"] and rows["statement_search"]
    assert every_row(copy) == rows
    assert every_row(back) == rows
    assert copied.rows("articles") == 6 and copied.rows("edits") == len(rows["edits"])
    assert reading(copy) == reading(source)


def test_the_copys_undo_history_undoes_and_redoes(tmp_path: Path) -> None:
    source, copy = tmp_path / "source.sqlite", tmp_path / "copy.sqlite"
    reviewed_library(source)
    copy_library(source, copy)

    with Library.open(copy) as library:
        last = library.batches()[-1]
        library.undo(last.id)
        assert library.batches()[-1].state is BatchState.UNDONE
        assert library.search("hostile")[0].statement.id == "st1"  # shown again
        new = library.new_side("Later")
    with Library.open(source) as library:
        assert library.new_side("Later") == new  # the next id is the same in both


def test_a_library_that_holds_rows_is_refused_and_left_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, target = tmp_path / "source.sqlite", tmp_path / "target.sqlite"
    fill(source, articles=2, words=40)
    fill(target, articles=1, words=40)
    before = digest(target)

    status = main(["library", "copy", str(source), str(target)])

    error = capsys.readouterr().err
    assert status == 2
    assert error.count("\n") == 1 and "already holds a library" in error
    assert digest(target) == before
    assert listing(tmp_path) == ["source.sqlite", "target.sqlite"]


def test_an_empty_file_or_library_is_filled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source, empty, new = tmp_path / "source.sqlite", tmp_path / "empty", tmp_path / "new.sqlite"
    fill(source, articles=2, words=40)
    empty.touch()
    Library.open(new).close()

    assert main(["library", "copy", str(source), str(empty)]) == 0
    assert main(["library", "copy", str(source), str(new)]) == 0

    assert "2 articles, 4 statements" in capsys.readouterr().out
    assert every_row(empty) == every_row(new) == every_row(source)


def test_a_copy_that_fails_midway_leaves_no_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = tmp_path / "source.sqlite", tmp_path / "target.sqlite"
    fill(source, articles=5, words=40)
    indexed = []

    def failing(session: object, row: object, earlier: object = ()) -> None:
        indexed.append(row)
        if len(indexed) == 3:
            raise RuntimeError("the machine stopped")

    monkeypatch.setattr(copying_module.search, "reindex_article", failing)
    monkeypatch.setattr(copying_module, "BATCH", 2)

    with pytest.raises(RuntimeError):
        copy_library(source, target)

    assert listing(tmp_path) == ["source.sqlite"]


def test_a_source_at_an_older_schema_is_copied_at_the_newest_and_left_old(
    tmp_path: Path,
) -> None:
    source, copy = tmp_path / "old.sqlite", tmp_path / "copy.sqlite"
    fill(source, articles=3, words=40)
    take_down(source, "0008")
    before = digest(source)

    copy_library(source, copy)

    assert digest(source) == before
    assert listing(tmp_path) == ["copy.sqlite", "old.sqlite"]  # no backup of the source
    with Library.open(copy, create=False) as library:
        assert len(library.articles()) == 3
        assert [s.statement.id for s in library.search("hos")] == ["st1", "st3", "st5"]
        assert library.unpaired() == [1, 2, 3]  # as the upgrade leaves an old library


def test_a_copy_to_a_team_library_and_back_holds_every_row_of_the_source(
    tmp_path: Path,
    postgres_database: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source, back = tmp_path / "source.sqlite", tmp_path / "back.sqlite"
    reviewed_library(source)
    before = digest(source)
    monkeypatch.chdir(tmp_path)  # an address is never taken for a file name here

    assert main(["library", "copy", str(source), postgres_database]) == 0
    assert main(["library", "check", postgres_database]) == 0
    assert main(["library", "copy", postgres_database, str(back)]) == 0

    said = capsys.readouterr().out
    assert "Copied " in said and "password" not in said
    assert digest(source) == before
    assert listing(tmp_path) == ["back.sqlite", "source.sqlite"]  # no "postgresql:" folder
    assert every_row(back) == every_row(source)
    assert reading(back) == reading(source)
    with Library.open(postgres_database) as team, Library.open(source, create=False) as file:
        found = [s.statement.id for s in file.search("hos")]
        assert found and [s.statement.id for s in team.search("hos")] == found
    # a team library that holds rows is refused, and left as it was
    assert main(["library", "copy", str(source), postgres_database]) == 2
    assert "already holds" in capsys.readouterr().err
