"""Copy a whole library into a new one, on the same engine or another.

The copy is made the way a user's library is: the new library is created at the newest
schema by the migrations, then every mapped table is copied in dependency order, in
batches, with SQLAlchemy Core (same ids, same values), and the search index is built again
by the store's own indexing code (SQLite's FTS5 tables are never copied). Where the engine
numbers rows with sequences (PostgreSQL), they are moved past the copied ids.

The source is only read: a library file at an older schema is copied to a temporary file
and upgraded there. A new library file is written beside the target under a temporary name
and appears under its own name only once it is complete and checked; on a failure nothing
is left behind. (A server library is filled in one transaction, committed at the end.)
"""

from __future__ import annotations

import secrets
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, delete, insert, inspect, literal, select, text
from sqlalchemy.exc import DatabaseError, IntegrityError
from sqlalchemy.orm import Session

from counterclaim.store import search
from counterclaim.store.access import connect_read_only, look_at, side_files
from counterclaim.store.db import create_library_engine
from counterclaim.store.errors import LibraryError, TargetNotEmpty, server_failure, sqlite_failure
from counterclaim.store.location import LibraryLocation
from counterclaim.store.migrate import backup, head_revision, known_revisions, upgrade
from counterclaim.store.models import ArticleRow, Base, LibraryStateRow
from counterclaim.store.opening import opened_engine

BATCH = 1000
"""Rows read and written at a time."""

SEEDED = {LibraryStateRow.__tablename__}
"""Tables the migrations put rows in: a new library holding only these is empty."""


@dataclass(frozen=True)
class Copied:
    """What a copy made: the rows of each table in the new library, in copying order."""

    source: str
    target: str
    tables: tuple[tuple[str, int], ...]

    def rows(self, table: str) -> int:
        return dict(self.tables).get(table, 0)


def copy_library(source: Path | LibraryLocation, target: Path | LibraryLocation) -> Copied:
    """Copy the library at `source` into a new library at `target`: a file or a library
    on a PostgreSQL server each (see `LibraryLocation`).

    `target` must not exist, or be an empty file, database or library (`TargetNotEmpty`
    otherwise). A file `source` is never written; a server's is upgraded first if it is at
    an older schema, as opening it does.
    """
    src, dst = LibraryLocation.parse(source), LibraryLocation.parse(target)
    if src.path is not None and not src.path.exists():
        raise LibraryError(f"there is no library at '{src}': give the library to copy")
    if src.display == dst.display or (
        src.path and dst.path and dst.path.exists() and dst.path.resolve() == src.path.resolve()
    ):
        raise TargetNotEmpty(f"'{dst}' is the library being copied: choose a new one")
    with _reading(src) as reading:
        if dst.path is not None:
            tables = _into_file(reading, str(src), dst.path)
        else:
            tables = _into_server(reading, str(src), dst)
    return Copied(str(src), str(dst), tables)


def _into_server(
    reading: Engine, named: str, target: LibraryLocation
) -> tuple[tuple[str, int], ...]:
    """Copy into the empty library on a server, in one transaction there."""
    engine, _ = opened_engine(target, create=True)
    try:
        return copy_into(reading, engine, named=named)
    except DatabaseError as error:
        raise server_failure(str(target), error.orig) or LibraryError(
            f"could not copy '{named}' to '{target}' ({error.orig}); nothing was written"
        ) from error
    finally:
        engine.dispose()


def _into_file(reading: Engine, named: str, target: Path) -> tuple[tuple[str, int], ...]:
    """Copy into a new library file, made beside `target` and moved there when sound."""
    _check_target_file(target)
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        engine, _ = opened_engine(partial, create=True)
        try:
            tables = copy_into(reading, engine, named=named)
        finally:
            engine.dispose()
        _check_file(partial)
        for stale in side_files(target):  # an empty library's log must not meet the copy
            stale.unlink(missing_ok=True)
        partial.replace(target)
    except (sqlite3.Error, DatabaseError) as error:
        cause = error.orig if isinstance(error, DatabaseError) else error
        raise sqlite_failure(target, cause) or LibraryError(
            f"could not copy '{named}' to '{target}' ({cause}); nothing was written"
        ) from error
    finally:
        for leftover in (partial, *side_files(partial)):
            leftover.unlink(missing_ok=True)
    return tables


@contextmanager
def _reading(source: LibraryLocation) -> Iterator[Engine]:
    if source.path is not None:
        with _source_engine(source.path) as engine:
            yield engine
        return
    engine, _ = opened_engine(source, create=False)
    try:
        yield engine
    finally:
        engine.dispose()


def copy_into(source: Engine, target: Engine, *, named: str) -> tuple[tuple[str, int], ...]:
    """Copy every row of the library on `source` (called `named`) into the empty library
    on `target`, both at the newest schema, in one transaction of `target`; returns the
    rows per table."""
    try:
        with source.connect() as reading, target.begin() as writing:
            holding = table_with_rows(writing)
            if holding is not None:
                raise TargetNotEmpty(
                    f"the library to copy into already holds {holding}: copy into a new "
                    "library or an empty one"
                )
            counts = tuple(
                (table.name, _copy_table(reading, writing, table)) for table in _tables()
            )
            _reindex(writing)
            _move_sequences(writing)
            return counts
    except IntegrityError as error:
        raise LibraryError(
            f"the library '{named}' has rows that point at rows it lacks ({error.orig}); "
            f"run `counterclaim library check {named}` to see them"
        ) from error


def table_with_rows(connection: Connection) -> str | None:
    """The first table (in copying order) of the library on `connection` that holds rows,
    the tables migrations fill aside; None when the library is empty."""
    there = set(inspect(connection).get_table_names())
    for table in _tables():
        if table.name in SEEDED or table.name not in there:
            continue
        if connection.execute(select(literal(1)).select_from(table).limit(1)).first():
            return table.name
    return None


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _copy_table(reading: Connection, writing: Connection, table: Table) -> int:
    writing.execute(delete(table))  # what the migrations seeded: the source's rows win
    rows = reading.execute(
        select(table).order_by(*table.primary_key.columns),
        execution_options={"yield_per": BATCH},
    )
    copied = 0
    for batch in rows.partitions(BATCH):
        writing.execute(insert(table), [dict(row._mapping) for row in batch])
        copied += len(batch)
    return copied


def _reindex(writing: Connection) -> None:
    """Build the search index of every article again, with the store's own indexing."""
    article_ids = list(writing.scalars(select(ArticleRow.id).order_by(ArticleRow.id)))
    with Session(bind=writing, autoflush=False) as session:
        for article_id in article_ids:
            row = session.get(ArticleRow, article_id)
            assert row is not None
            search.reindex_article(session, row)
            session.expunge_all()  # one article's text and statements in memory at a time


def _move_sequences(writing: Connection) -> None:
    """Start each table's id sequence past the copied ids (engines that have them)."""
    if writing.dialect.name != "postgresql":
        return  # SQLite numbers new rows from the largest id there
    for table in _tables():
        keys = list(table.primary_key.columns)
        if len(keys) != 1 or keys[0].name != "id":
            continue
        writing.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
            )
        )


@contextmanager
def _source_engine(path: Path) -> Iterator[Engine]:
    """An engine that only reads the library at `path`, at the newest schema: a library at
    an older one is copied to a temporary file and upgraded there."""
    state = look_at(path, known_revisions(), create=False)
    assert state is not None  # look_at refuses a missing file without `create`
    if state.revision == head_revision():
        engine = create_library_engine(path, read_only=True)
        try:
            yield engine
        finally:
            engine.dispose()
        return
    with tempfile.TemporaryDirectory(prefix="counterclaim-copy-") as folder:
        snapshot = Path(folder) / "source.sqlite"
        backup(path, snapshot)
        engine = create_library_engine(snapshot)
        try:
            upgrade(engine, snapshot, keep_backup=False)
            yield engine
        finally:
            engine.dispose()


def _check_target_file(target: Path) -> None:
    """Refuse a target that is not a new file, an empty one or an empty library."""
    if not target.exists():
        return
    state = look_at(target, known_revisions(), create=True)
    if state is None or state.empty:
        return
    engine = create_library_engine(target, read_only=True)
    try:
        with engine.connect() as connection:
            holding = table_with_rows(connection)
    finally:
        engine.dispose()
    if holding is not None:
        raise TargetNotEmpty(
            f"'{target}' already holds a library (its {holding} are not empty): "
            "copy into a new file, or an empty one"
        )


def _check_file(path: Path) -> None:
    with closing(connect_read_only(path)) as db:
        problems = [line for (line,) in db.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise LibraryError(f"the copy did not pass SQLite's check ({problems[0]}); try again")
