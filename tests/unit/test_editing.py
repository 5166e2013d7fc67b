"""Reviewers' edits in the library file: each action can be undone and redone, also after
reopening, and a new analysis keeps what reviewers changed."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from counterclaim.domain import (
    BatchState,
    Edit,
    LinkStatus,
    Relation,
    Review,
    Span,
    StatementKind,
)
from counterclaim.store import Library, LibraryError
from counterclaim.store.location import LibraryLocation
from tests.unit.test_store import ANALYSIS, NO_THREAT, NOT_INVOLVED, TEXT, analysed, span_of


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "work.counterclaim"


@pytest.fixture
def where(library_location: LibraryLocation) -> LibraryLocation:
    """A new library: a file, then a database on a PostgreSQL server."""
    return library_location


def shown(library: Library, article_id: int) -> tuple[list[str], list[tuple[str, str, str]]]:
    """What a reviewer sees of the article: speakers, and pairs as (claim, rebuttal, status)."""
    analysis = library.analysis(article_id)
    assert analysis is not None
    text = {s.id: s.text for s in analysis.statements}
    return [s.name for s in analysis.speakers], [
        (text[p.claim_id], text[p.rebuttal_id], p.status.value) for p in analysis.pairs
    ]


def test_a_link_made_by_hand_can_be_undone_and_redone_after_reopening(
    where: LibraryLocation,
) -> None:
    with Library.open(where) as library:
        article_id, stored = analysed(library)
        peskov = stored.speakers[0].id
        claim = library.new_statement(
            article_id, span_of("NATO is an organisation hostile"), peskov, StatementKind.DIRECT
        )
        rebuttal = next(s.id for s in stored.statements if s.text == NOT_INVOLVED.text)
        link = library.new_link(claim, rebuttal, Relation.DENIES, "ana")
        assert shown(library, article_id)[1] == [
            ("NATO is an organisation hostile to us.", NO_THREAT.text, "suggested")
        ]  # stored hidden: nothing shows before the action
        batch = library.apply(
            "Link by hand",
            [Edit(claim, "hidden", "1", "0"), Edit(link, "hidden", "1", "0")],
            "ana",
        )

    with Library.open(where) as library:
        assert ("NATO is an organisation hostile", NOT_INVOLVED.text, "confirmed") in shown(
            library, article_id
        )[1]
        assert library.pair(link).relation is Relation.DENIES
        assert [b.id for b in library.batches()] == [batch.id]
        library.undo(batch.id)

    with Library.open(where) as library:
        assert len(shown(library, article_id)[1]) == 1
        assert library.batches()[-1].state is BatchState.UNDONE
        library.redo(batch.id)
        assert len(shown(library, article_id)[1]) == 2


def test_an_edit_that_finds_another_value_changes_nothing(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        _, stored = analysed(library)
        link = stored.pairs[0].id
        assert link is not None
        with pytest.raises(LibraryError, match="nothing of your change was made"):
            library.apply(
                "Confirm",
                [Edit(link, "verdict", None, "False"), Edit(link, "status", "rejected", "x")],
                "ana",
            )
        assert library.pair(link).verdict is None
        assert library.batches() == []


def test_a_new_action_ends_what_could_be_redone(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        _, stored = analysed(library)
        link = stored.pairs[0].id
        assert link is not None
        first = library.apply("Verdict", [Edit(link, "verdict", None, "False")], "ana")
        library.undo(first.id)
        library.apply("Note", [Edit(link, "note", "", "why")], "ana")

        assert [b.label for b in library.batches()] == ["Note"]
        with pytest.raises(LibraryError, match="cannot be reversed"):
            library.redo(first.id)
        assert [c.state for c in library.history()] == [BatchState.DONE, BatchState.DISCARDED]


def test_merged_and_renamed_speakers_stay_so_after_a_new_analysis(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, stored = analysed(library)
        peskov, nato = (s.id for s in stored.speakers)
        library.apply("Rename", [Edit(peskov, "name", "Dmitriy Peskov", "Dmitry Peskov")], "ana")
        library.apply("Merge", library.merge_edits(peskov, nato), "ana")
        assert shown(library, article_id)[0] == ["Dmitry Peskov"]

        library.save_analysis(article_id, ANALYSIS)

        assert shown(library, article_id)[0] == ["Dmitry Peskov"]
        analysis = library.analysis(article_id)
        assert analysis is not None
        assert {s.speaker_id for s in analysis.statements} == {peskov}


def test_a_removed_link_is_not_suggested_again(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, stored = analysed(library)
        link = stored.pairs[0].id
        assert link is not None
        library.apply("Remove link", [Edit(link, "hidden", "0", "1")], "ana")
        library.save_analysis(article_id, ANALYSIS)
        assert shown(library, article_id)[1] == []


def test_a_renamed_side_keeps_its_speakers_after_a_new_analysis(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, _ = analysed(library)
        russia = library.side_id("Russia")
        assert russia is not None
        library.apply("Rename side", library.rename_side_edits(russia, "Kremlin"), "ana")
        library.save_analysis(article_id, ANALYSIS)

        assert [s.label for s in library.sides()] == ["Kremlin", "NATO"]
        assert library.side_id("Russia") == russia
        with pytest.raises(LibraryError, match="already a side called 'NATO'"):
            library.rename_side_edits(russia, "NATO")


def test_a_speaker_made_by_hand_on_a_new_side(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, _ = analysed(library)
        side = library.new_side("Ukraine")
        speaker = library.new_speaker(article_id, "Volodymyr Zelensky", side)
        assert [s.label for s in library.sides()] == ["Russia", "NATO"]
        library.apply(
            "New speaker",
            [Edit(side, "hidden", "1", "0"), Edit(speaker, "hidden", "1", "0")],
            "ana",
        )
        analysis = library.analysis(article_id)
        assert analysis is not None
        assert [(s.name, s.side) for s in analysis.speakers][-1] == (
            "Volodymyr Zelensky",
            "Ukraine",
        )
        with pytest.raises(LibraryError, match="already a speaker"):
            library.new_speaker(article_id, "Volodymyr  Zelensky")


@pytest.mark.parametrize(
    ("part", "message"),
    [
        ("", "select the words"),
        (" ", "select the words"),
        ("poses no threat to Russia", "already"),
    ],
)
def test_marking_a_statement_needs_new_words(
    where: LibraryLocation, part: str, message: str
) -> None:
    with Library.open(where) as library:
        article_id, _ = analysed(library)
        start = TEXT.index(part) if part else 5
        with pytest.raises(LibraryError, match=message):
            library.new_statement(
                article_id, span_of(part) if part else _empty(start), None, StatementKind.DIRECT
            )


def _empty(start: int) -> Span:
    return Span(start, start)


def test_history_of_0005_is_kept_by_the_upgrade(path: Path) -> None:
    """A library reviewed before edits were batches keeps its history, as actions."""
    with Library.open(path) as library:
        _, stored = analysed(library)
        link = stored.pairs[0].id
        assert link is not None
        library.review_link(link, Review(LinkStatus.CONFIRMED, "False"), "ana")
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE edits")
        db.execute("DROP TABLE edit_batches")
        db.execute(
            "CREATE TABLE history (id INTEGER PRIMARY KEY, link_id INTEGER NOT NULL, "
            "what VARCHAR NOT NULL, before VARCHAR, after VARCHAR, who VARCHAR NOT NULL, "
            "at DATETIME NOT NULL)"
        )
        db.execute("CREATE INDEX ix_history_link_id ON history (link_id)")
        db.execute(
            "INSERT INTO history (link_id, what, before, after, who, at) VALUES "
            "(1, 'status', 'suggested', 'confirmed', 'ana', '2026-11-20 10:00:00')"
        )
        for table in ("links", "statements", "speakers", "sides"):
            db.execute(f"ALTER TABLE {table} DROP COLUMN hidden")
        db.execute("ALTER TABLE speakers DROP COLUMN edited")
        db.execute("ALTER TABLE sides DROP COLUMN aliases")
        db.execute("ALTER TABLE articles DROP COLUMN language")
        db.execute("ALTER TABLE articles DROP COLUMN analysis_error")
        db.execute("ALTER TABLE articles DROP COLUMN place")  # 0012
        db.execute("DROP INDEX ix_articles_paired")  # 0011
        db.execute("ALTER TABLE articles DROP COLUMN paired")  # 0009
        db.execute("ALTER TABLE statements DROP COLUMN features")
        db.execute("DROP TABLE library_state")
        db.execute("UPDATE alembic_version SET version_num = '0005'")
        db.commit()

    with Library.open(path) as library:
        (change,) = library.history()
        assert (change.target, change.what, change.after, change.who) == (
            "ln1",
            "status",
            "confirmed",
            "ana",
        )
        assert library.pair("ln1").status is LinkStatus.CONFIRMED
