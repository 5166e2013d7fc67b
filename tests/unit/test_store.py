"""The library file: what is saved comes back, and nothing a person decided is lost."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from counterclaim.colours import side_colour
from counterclaim.domain import (
    Analysis,
    ArticleMeta,
    LinkStatus,
    Origin,
    Pair,
    Relation,
    Review,
    Span,
    Speaker,
    SpeakerKind,
    Statement,
    StatementKind,
    StatementMode,
)
from counterclaim.store import Library, LibraryError
from counterclaim.store.db import create_library_engine
from counterclaim.store.location import LibraryLocation
from counterclaim.store.migrate import MIGRATIONS, upgrade
from counterclaim.store.models import Base
from tests.sql import sql_sent

HEAD = ScriptDirectory(str(MIGRATIONS)).get_current_head()

TEXT = (
    'Kremlin spokesman Dmitriy Peskov said: "NATO is an organisation hostile to us." '
    'The alliance said it "poses no threat to Russia". '
    "Jens Stoltenberg said that NATO was not involved in the conflict in Ukraine."
)
META = ArticleMeta("Peskov slams NATO", outlet="Euro Weekly News", published="2023-02-14")


def span_of(part: str) -> Span:
    start = TEXT.index(part)
    return Span(start, start + len(part))


def statement(
    local_id: str,
    speaker_id: str,
    content: str,
    kind: StatementKind = StatementKind.INDIRECT,
    origin: Origin = Origin.EXTRACTED,
) -> Statement:
    return Statement(
        id=local_id,
        speaker_id=speaker_id,
        speaker_text="",
        cue="said",
        kind=kind,
        content=span_of(content),
        text=content,
        origin=origin,
        rule="test",
    )


PESKOV = Speaker(
    "s1",
    "Dmitriy Peskov",
    SpeakerKind.PERSON,
    ("Dmitriy Peskov", "Kremlin spokesman"),
    affiliation="Kremlin",
    side="Russia",
)
NATO = Speaker(
    "s2", "NATO", SpeakerKind.ORGANISATION, ("The alliance", "Jens Stoltenberg"), None, "NATO"
)
HOSTILE = Statement(
    id="q1",
    speaker_id="s1",
    speaker_text="Kremlin spokesman Dmitriy Peskov",
    cue="said",
    kind=StatementKind.DIRECT,
    content=span_of("NATO is an organisation hostile to us."),
    text="NATO is an organisation hostile to us.",
    cue_span=span_of("said"),
    speaker_span=span_of("Kremlin spokesman Dmitriy Peskov"),
    rule="quote-after-colon",
)
NO_THREAT = statement("q2", "s2", "poses no threat to Russia", StatementKind.MIXED)
NOT_INVOLVED = statement("q3", "s2", "NATO was not involved in the conflict in Ukraine")
ANALYSIS = Analysis(
    speakers=(PESKOV, NATO),
    statements=(HOSTILE, NO_THREAT, NOT_INVOLVED),
    pairs=(Pair("q1", "q2", 0.87, ("NATO denies what Peskov claims", "speakers on two sides")),),
)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "libraries" / "work.counterclaim"


@pytest.fixture
def where(library_location: LibraryLocation) -> LibraryLocation:
    """A new library: a file, then a database on a PostgreSQL server."""
    return library_location


def analysed(library: Library, analysis: Analysis = ANALYSIS) -> tuple[int, Analysis]:
    article_id, _ = library.add_article(META, TEXT, "sha-of-the-text")
    return article_id, library.save_analysis(article_id, analysis)


def pair_between(analysis: Analysis, claim: str, rebuttal: str) -> Pair:
    """The stored pair between the statements whose texts are `claim` and `rebuttal`."""
    ids = {s.text: s.id for s in analysis.statements}
    return next(
        p for p in analysis.pairs if (p.claim_id, p.rebuttal_id) == (ids[claim], ids[rebuttal])
    )


def count_rows(path: Path, table: str) -> int:
    with closing(sqlite3.connect(path)) as db:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def test_an_analysed_article_reads_back_the_same_from_the_file(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, _ = analysed(library)

    with Library.open(where) as library:
        stored = library.analysis(article_id)
        article = library.article(article_id)

    assert stored is not None
    assert [(s.name, s.aliases, s.side) for s in stored.speakers] == [
        ("Dmitriy Peskov", ("Dmitriy Peskov", "Kremlin spokesman"), "Russia"),
        ("NATO", ("The alliance", "Jens Stoltenberg"), "NATO"),
    ]
    assert [s.label for s in stored.sides] == ["Russia", "NATO"]
    assert stored.sides[0].colour != stored.sides[1].colour
    assert [(s.text, s.content, s.kind) for s in stored.statements] == [
        (s.text, s.content, s.kind) for s in ANALYSIS.statements
    ]
    first = stored.statements[0]
    assert (first.cue_span, first.speaker_span) == (HOSTILE.cue_span, HOSTILE.speaker_span)
    assert stored.speaker(first.speaker_id) == stored.speakers[0]
    (pair,) = stored.pairs
    assert (pair.score, pair.reasons, pair.status) == (0.87, ANALYSIS.pairs[0].reasons, "suggested")
    assert stored.statement(pair.claim_id).text == HOSTILE.text
    assert stored.statement(pair.rebuttal_id).text == NO_THREAT.text
    assert article.analysed
    assert article.counts == {"statements": 3, "pairs": 1}


def test_ids_are_the_librarys_own(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        _, stored = analysed(library)

    assert all(s.id.startswith("sp") for s in stored.speakers)
    assert all(s.id.startswith("st") for s in stored.statements)
    assert all(p.id is not None and p.id.startswith("ln") for p in stored.pairs)


def test_the_same_text_imported_twice_is_one_article(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, created = library.add_article(META, TEXT, "sha-of-the-text")
        again = library.add_article(ArticleMeta("Another title"), TEXT, "sha-of-the-text")

        assert created
        assert again == (article_id, False)
        assert [a.title for a in library.articles()] == ["Peskov slams NATO"]
        assert library.find_article("sha-of-the-text") == article_id
        assert library.find_article("another-sha") is None


def test_articles_are_listed_in_import_order(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        for number in range(3):
            library.add_article(ArticleMeta(f"Article {number}"), f"text {number}", f"sha{number}")

        listed = library.articles()

    assert [a.title for a in listed] == ["Article 0", "Article 1", "Article 2"]
    assert [a.counts for a in listed] == [{"statements": 0, "pairs": 0}] * 3
    assert not any(a.analysed for a in listed)


def test_reanalysis_replaces_suggestions_and_keeps_a_confirmed_link(where: LibraryLocation) -> None:
    two_pairs = Analysis(
        ANALYSIS.speakers,
        ANALYSIS.statements,
        (Pair("q1", "q2", 0.87, ("denial",)), Pair("q1", "q3", 0.6, ("denial",))),
    )
    without_q3 = Analysis(
        ANALYSIS.speakers, (HOSTILE, NO_THREAT), (Pair("q1", "q2", 0.9, ("better reason",)),)
    )
    with Library.open(where) as library:
        article_id, first = analysed(library, two_pairs)
        confirmed = pair_between(first, HOSTILE.text, NOT_INVOLVED.text)
        assert confirmed.id is not None
        library.review_link(confirmed.id, Review(LinkStatus.CONFIRMED), "reviewer")

        second = library.save_analysis(article_id, without_q3)

    assert [(p.score, p.reasons, p.status) for p in second.pairs] == [
        (0.9, ("better reason",), LinkStatus.SUGGESTED),
        (0.6, ("denial",), LinkStatus.CONFIRMED),
    ]
    assert second.pairs[1] == replace(confirmed, status=LinkStatus.CONFIRMED)
    assert NOT_INVOLVED.text in [s.text for s in second.statements]


def test_reanalysis_does_not_bring_back_a_rejected_pair(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, first = analysed(library)
        (pair,) = first.pairs
        assert pair.id is not None
        library.review_link(pair.id, Review(LinkStatus.REJECTED), "reviewer")

        second = library.save_analysis(article_id, ANALYSIS)

    assert second.pairs == (replace(pair, status=LinkStatus.REJECTED),)


def test_reanalysis_keeps_manual_statements_and_drops_stale_extracted_ones(
    where: LibraryLocation,
) -> None:
    manual = statement("m1", "s2", "NATO was not involved", origin=Origin.MANUAL)
    first = Analysis(ANALYSIS.speakers, (*ANALYSIS.statements, manual), ())
    with Library.open(where) as library:
        article_id, _ = analysed(library, first)
        second = library.save_analysis(article_id, Analysis((PESKOV,), (HOSTILE,), ()))

    assert [(s.text, s.origin) for s in second.statements] == [
        (HOSTILE.text, Origin.EXTRACTED),
        ("NATO was not involved", Origin.MANUAL),
    ]
    assert [s.name for s in second.speakers] == ["Dmitriy Peskov", "NATO"]


def test_a_failed_save_leaves_nothing_behind(where: LibraryLocation) -> None:
    broken = Analysis(ANALYSIS.speakers, ANALYSIS.statements, (Pair("q1", "nowhere", 0.5, ()),))
    with Library.open(where) as library:
        article_id, _ = library.add_article(META, TEXT, "sha-of-the-text")
        with pytest.raises(KeyError):
            library.save_analysis(article_id, broken)

        assert library.analysis(article_id) is None
        assert library.sides() == []
        assert library.article(article_id).counts == {"statements": 0, "pairs": 0}


def test_sides_are_shared_by_the_library_and_keep_their_colour(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        analysed(library)
        other_id, _ = library.add_article(ArticleMeta("Other"), TEXT, "other-sha")
        library.save_analysis(other_id, ANALYSIS)

        sides = library.sides()

    assert [s.label for s in sides] == ["Russia", "NATO"]
    assert len({s.colour for s in sides}) == 2


def test_unknown_ids_are_reported(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        with pytest.raises(LibraryError, match="no article 42"):
            library.article(42)
        with pytest.raises(LibraryError, match="no link ln9"):
            library.review_link("ln9", Review(LinkStatus.CONFIRMED), "reviewer")
        with pytest.raises(LibraryError, match="not a ln<number> id"):
            library.review_link("st9", Review(LinkStatus.CONFIRMED), "reviewer")


PRAGMA_NAMES = ("foreign_keys", "journal_mode", "synchronous", "busy_timeout")


def test_every_connection_gets_the_library_pragmas(path: Path) -> None:
    engine = create_library_engine(path)
    try:
        with engine.connect() as first, engine.connect() as second:
            found = [
                [c.exec_driver_sql(f"PRAGMA {name}").scalar() for name in PRAGMA_NAMES]
                for c in (first, second)
            ]
    finally:
        engine.dispose()

    assert found == [[1, "wal", 1, 5000]] * 2


def test_a_text_file_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Call the NATO press office on Monday.\n")

    with pytest.raises(LibraryError) as raised:
        Library.open(notes)

    assert str(raised.value) == (
        f"'{notes}' is not a counterclaim library (not a SQLite database): "
        "choose another file with --library"
    )
    assert notes.read_text() == "Call the NATO press office on Monday.\n"
    assert list(tmp_path.iterdir()) == [notes]


def test_another_programs_database_is_refused_and_left_unchanged(tmp_path: Path) -> None:
    other = tmp_path / "places.sqlite"
    with closing(sqlite3.connect(other)) as db:
        db.execute("CREATE TABLE bookmarks (url TEXT)")
        db.commit()
    before = other.read_bytes()

    with pytest.raises(LibraryError, match="another program's database"):
        Library.open(other)

    assert other.read_bytes() == before


def test_a_new_library_is_created_at_the_newest_schema_without_a_backup(path: Path) -> None:
    Library.open(path).close()

    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
    assert list(path.parent.iterdir()) == [path]


def _not_the_search_index(name: str | None, kind: str, parent: object) -> bool:
    """The FTS5 index (and its shadow tables) lives outside the models on purpose."""
    return not (kind == "table" and (name or "").startswith("statement_search"))


def test_the_migrations_create_the_tables_the_models_describe(path: Path) -> None:
    Library.open(path).close()
    engine = create_library_engine(path)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_name": _not_the_search_index}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()

    assert differences == []


REBUILD_TABLES = '''"""Rebuild the parent tables the way Alembic's batch mode does on SQLite."""

from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    for table in ("articles", "speakers", "statements"):
        with op.batch_alter_table(table, recreate="always"):
            pass


def downgrade() -> None:
    pass
'''


@pytest.fixture
def rebuild_scripts(tmp_path: Path) -> Path:
    """Our migrations plus a revision 0002 that copies, drops and renames parent tables."""
    scripts = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "9999_rebuild_tables.py").write_text(REBUILD_TABLES.format(head=HEAD))
    return scripts


def filled_library(path: Path) -> tuple[int, Analysis]:
    """A library at the newest revision with one analysed article and a confirmed pair."""
    with Library.open(path) as library:
        article_id, stored = analysed(library)
        pair_id = stored.pairs[0].id
        assert pair_id is not None
        library.review_link(pair_id, Review(LinkStatus.CONFIRMED), "reviewer")
        analysis = library.analysis(article_id)
    assert analysis is not None
    return article_id, analysis


def test_rows_survive_a_migration_that_rebuilds_their_parent_tables(
    path: Path, rebuild_scripts: Path
) -> None:
    article_id, before = filled_library(path)

    engine = create_library_engine(path)
    try:
        upgrade(engine, path, rebuild_scripts)
        after = Library(engine, path).analysis(article_id)
    finally:
        engine.dispose()

    assert after == before
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [("9999",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    backup = path.with_name(path.name + f".bak-{HEAD}")
    assert (count_rows(backup, "statements"), count_rows(backup, "links")) == (3, 1)
    with pytest.raises(LibraryError, match="newer counterclaim"):
        Library.open(path)


def test_the_same_migration_with_foreign_keys_on_would_lose_them(
    path: Path, rebuild_scripts: Path
) -> None:
    """The trap `migrate.upgrade` avoids; shows the test above can fail."""
    filled_library(path)
    config = Config()
    config.set_main_option("script_location", str(rebuild_scripts))

    engine = create_library_engine(path)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    finally:
        engine.dispose()

    assert (count_rows(path, "articles"), count_rows(path, "statements")) == (1, 0)
    assert count_rows(path, "links") == 0


def test_later_migrations_keep_every_row_of_a_first_schema_library(
    tmp_path: Path, path: Path
) -> None:
    """A library written before statements had a mode opens, is backed up, and keeps all."""
    first_schema = tmp_path / "first"
    shutil.copytree(MIGRATIONS, first_schema, ignore=shutil.ignore_patterns("__pycache__"))
    for later in (first_schema / "versions").glob("*.py"):
        if not later.name.startswith("0001_"):
            later.unlink()
    engine = create_library_engine(path)
    try:
        upgrade(engine, path, first_schema)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as db:
        db.execute(
            "INSERT INTO articles (id, title, text, sha256, imported_at, analysed) "
            "VALUES (1, 'T', 'Jane said no.', 'x', '2026-01-01 00:00:00', 1)"
        )
        for n, (start, end) in enumerate([(10, 12), (0, 4)], start=1):
            db.execute(
                "INSERT INTO statements (id, article_id, speaker_text, cue, kind, content_start,"
                " content_end, origin, rule) VALUES (?, 1, 'Jane', 'said', 'indirect', ?, ?, "
                "'extracted', 'say:clause')",
                (n, start, end),
            )
        db.execute(
            "INSERT INTO links (claim_id, rebuttal_id, origin, score, reasons, status, "
            "created_by, created_at, updated_at) VALUES (2, 1, 'suggested', 0.8, '[]', "
            "'confirmed', 'reviewer', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        )
        db.commit()

    with Library.open(path) as library:
        analysis = library.analysis(1)

    assert analysis is not None
    assert sorted((s.text, s.mode) for s in analysis.statements) == [
        ("Jane", StatementMode.SPEECH),
        ("no", StatementMode.SPEECH),
    ]
    (pair,) = analysis.pairs
    assert (pair.status, pair.relation) == (LinkStatus.CONFIRMED, Relation.DISPUTES)
    assert count_rows(path.with_name(path.name + ".bak-0001"), "links") == 1


def test_a_review_is_kept_with_its_history_after_reopening(where: LibraryLocation) -> None:
    with Library.open(where) as library:
        article_id, stored = analysed(library)
        link_id = stored.pairs[0].id
        assert link_id is not None
        library.review_link(link_id, Review(LinkStatus.CONFIRMED, "False", "NATO said so"), "ana")
        library.review_link(
            link_id, Review(LinkStatus.CONFIRMED, "Misleading", "NATO said so"), "bo"
        )

    with Library.open(where) as library:
        analysis = library.analysis(article_id)
        assert analysis is not None
        (pair,) = analysis.pairs
        changes = library.history()
    assert (pair.status, pair.verdict, pair.note) == (
        LinkStatus.CONFIRMED,
        "Misleading",
        "NATO said so",
    )
    assert [(c.what, c.before, c.after, c.who) for c in changes] == [
        ("verdict", "False", "Misleading", "bo"),
        ("note", "", "NATO said so", "ana"),
        ("verdict", None, "False", "ana"),
        ("status", "suggested", "confirmed", "ana"),
    ]


def test_many_speakers_of_an_analysis_are_stored_and_keep_their_ids_when_analysed_again(
    path: Path,
) -> None:
    many = tuple(
        Speaker(f"p{n}", f"Official Number {n}", SpeakerKind.PERSON, (), None, None)
        for n in range(40)
    )
    analysis = replace(ANALYSIS, speakers=(*ANALYSIS.speakers, *many))
    with Library.open(path, create=True) as library:
        article_id, _ = library.add_article(META, TEXT, "sha-of-the-text")
        first = library.save_analysis(article_id, analysis)
        again = library.save_analysis(article_id, analysis)
    assert len(first.speakers) == 42
    assert sorted(s.id for s in again.speakers) == sorted(s.id for s in first.speakers)


def test_an_analysis_on_many_sides_reads_the_librarys_sides_once(where: LibraryLocation) -> None:
    """A fact desk's library holds hundreds of sides; every speaker's side is found among
    them, and a new side gets the next colour, from one reading of the sides."""
    many = tuple(
        Speaker(f"p{n}", f"Official Number {n}", SpeakerKind.PERSON, (), None, f"Ministry {n}")
        for n in range(12)
    )
    analysis = replace(ANALYSIS, speakers=(*ANALYSIS.speakers, *many))
    with Library.open(where) as library:
        analysed(library)  # Russia and NATO
        other_id, _ = library.add_article(ArticleMeta("Other"), TEXT, "other-sha")
        with sql_sent(library) as sent:
            library.save_analysis(other_id, analysis)
        sides = library.sides()
    read = [s for s in sent if s.lstrip().upper().startswith("SELECT") and "FROM sides" in s]
    assert len(read) == 1, read
    assert [s.label for s in sides] == ["Russia", "NATO", *(f"Ministry {n}" for n in range(12))]
    assert [s.colour for s in sides] == [side_colour(n) for n in range(len(sides))]  # in turn
