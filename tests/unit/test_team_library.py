"""A team library on a PostgreSQL server: found as a file library is, read-only for a role
that may only read, one article for two imports at once, and never a password shown."""

from __future__ import annotations

import threading
from dataclasses import replace
from pathlib import Path

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from psycopg import sql
from sqlalchemy import make_url

from counterclaim.cli import main
from counterclaim.domain import Analysis, ArticleMeta, LinkStatus, Pair, Review, Span, Statement
from counterclaim.store import Library, LibraryError, LibraryLocation
from counterclaim.store import library as library_module
from counterclaim.store.models import Base
from counterclaim.store.server import create_server_engine
from tests.postgres import admin, with_database
from tests.unit.test_store import META, NATO, PESKOV, TEXT, analysed, statement

OTHER_TEXT = (
    "Stoltenberg said NATO poses no threat to Russia and is not a party to the conflict. "
    "Peskov said the alliance is hostile and threatens Russia's security."
)


def said(local_id: str, speaker_id: str, content: str) -> Statement:
    start = OTHER_TEXT.index(content)
    return replace(
        statement(local_id, speaker_id, "NATO is an organisation hostile to us."),
        content=Span(start, start + len(content)),
        text=content,
    )


OTHER = Analysis(
    speakers=(PESKOV, NATO),
    statements=(
        said("o1", "s2", "NATO poses no threat to Russia"),
        said("o2", "s1", "the alliance is hostile and threatens Russia's security"),
    ),
    pairs=(Pair("o2", "o1", 0.7, ("denial",)),),
)
QUERIES = ("nato", "NATO thr", '"no threat"', "hostile organisation", "russ", "ukraine", "zebra")


def filled(location: Path | str) -> Library:
    """A library with two analysed articles that say things about NATO and Russia."""
    library = Library.open(location)
    analysed(library)
    other_id, _ = library.add_article(ArticleMeta("Stoltenberg answers"), OTHER_TEXT, "other")
    library.save_analysis(other_id, OTHER)
    return library


def test_search_finds_the_same_statements_on_both_engines(
    tmp_path: Path, postgres_database: str
) -> None:
    with filled(tmp_path / "library.sqlite") as in_file, filled(postgres_database) as on_server:
        for query in QUERIES:
            from_file = [s.statement.text for s in in_file.search(query)]
            from_server = [s.statement.text for s in on_server.search(query)]
            assert sorted(from_server) == sorted(from_file), query
            assert from_server[:1] == from_file[:1], query  # the best one first on both
        stored = in_file.analysis(1)
        assert stored is not None
        hostile = next(s.id for s in stored.statements if "hostile" in s.text)
        alike_in_file = [s.statement.text for s in in_file.similar_to_each([hostile])[hostile]]
        alike_on_server = [s.statement.text for s in on_server.similar_to_each([hostile])[hostile]]

    assert alike_on_server == alike_in_file
    assert "the alliance is hostile and threatens Russia's security" in alike_on_server


def test_the_migrations_make_on_postgresql_the_tables_the_models_describe(
    postgres_database: str,
) -> None:
    Library.open(postgres_database).close()
    engine = create_server_engine(LibraryLocation.parse(postgres_database))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection,
                opts={"include_name": lambda name, kind, _: name != "statement_search"},
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()

    assert differences == []


@pytest.fixture
def reader(postgres_server: str, postgres_database: str) -> str:
    """The library's address for a role that may only read it (GRANT SELECT)."""
    filled(postgres_database).close()
    database_name = make_url(postgres_database).database
    name = f"{database_name}_reader"
    role = sql.Identifier(name)
    with admin(postgres_server) as server:
        server.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(role))
        server.execute(sql.SQL("CREATE ROLE {} LOGIN").format(role))
    with psycopg.connect(postgres_database, autocommit=True) as database:
        database.execute(sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA public TO {}").format(role))
    assert database_name is not None
    return with_database(postgres_database, database_name, name)


READ_ONLY = "is read-only: nothing can be changed in it"


def test_a_role_that_may_only_read_opens_the_library_read_only(reader: str) -> None:
    with Library.open(reader) as library:
        before = library.article_list()
        stored = library.analysis(1)
        assert stored is not None
        link = stored.pairs[0].id
        assert link is not None

        assert library.read_only
        with pytest.raises(LibraryError, match=READ_ONLY):
            library.add_article(ArticleMeta("New"), "Some new text.", "new")
        with pytest.raises(LibraryError, match=READ_ONLY):
            library.review_link(link, Review(LinkStatus.CONFIRMED, "False"), "ana")
        with pytest.raises(LibraryError, match=READ_ONLY):
            library.new_side("Observers")

        assert library.article_list() == before
        assert library.pair(link).status is LinkStatus.SUGGESTED
        assert library.history() == []


def test_the_command_line_says_in_one_line_that_a_read_only_library_cannot_change(
    reader: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text("NATO said it poses no threat to Russia.\n", encoding="utf-8")

    status = main(["import", str(article), "--library", reader, "--no-analyse"])

    err = capsys.readouterr().err.strip().splitlines()
    assert status != 0
    assert len(err) == 1 and READ_ONLY in err[0]


def test_two_imports_of_the_same_article_at_once_give_one_article(postgres_database: str) -> None:
    """Both look for the article before either stores it; the unique sha256 lets one in and
    the other is given that article, as a duplicate."""
    Library.open(postgres_database).close()
    both_looked = threading.Barrier(2, timeout=60)
    looked = library_module.article_with_text
    waited: set[threading.Thread] = set()

    def look_then_wait(*args: object) -> int | None:
        found = looked(*args)  # type: ignore[arg-type]
        if threading.current_thread() not in waited:  # the first look of each import
            waited.add(threading.current_thread())
            both_looked.wait()
        return found

    results: list[tuple[int, bool]] = []

    def add() -> None:
        with Library.open(postgres_database) as library:
            results.append(library.add_article(META, TEXT, "sha-of-the-text"))

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(library_module, "article_with_text", look_then_wait)
        threads = [threading.Thread(target=add) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    with Library.open(postgres_database) as library:
        stored = library.article_list()
    assert len(stored) == 1
    assert sorted(results) == [(stored[0].id, False), (stored[0].id, True)]


def test_the_address_is_shown_without_its_password(postgres_database: str) -> None:
    given = postgres_database.replace(
        "postgresql://counterclaim@", "postgresql://counterclaim:s3cret@"
    )
    assert "s3cret" in given

    with Library.open(given) as library:
        shown = [str(library.location), repr(library.location), library.location.display]

    assert all("s3cret" not in text for text in shown)
    assert str(library.location) == postgres_database
    assert str(LibraryLocation.parse("postgresql://ana:pw@db.example/factdesk")) == (
        "postgresql://ana@db.example/factdesk"
    )


def test_a_server_that_cannot_be_reached_is_one_message_without_the_password(
    tmp_path: Path,
) -> None:
    address = f"postgresql://ana:s3cret@/factdesk?host={tmp_path}"

    with pytest.raises(LibraryError) as raised:
        Library.open(address)

    message = str(raised.value)
    assert "s3cret" not in message
    assert message.startswith("cannot reach the library postgresql://ana@/factdesk")
    assert "check that the server is running" in message


def test_an_address_on_the_command_line_is_never_taken_for_a_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)

    status = main(["rebuttals", "1", "--library", f"postgresql://ana@/factdesk?host={tmp_path}"])

    assert status != 0
    assert "cannot reach the library postgresql://ana@/factdesk" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []  # no folder "postgresql:" with a library in it
