"""Bring a library file to the current schema with Alembic, safely.

Alembic on SQLite changes a table by copying it, dropping the old one and renaming the
copy. With foreign keys on, that drop cascades and silently deletes every child row, and
`PRAGMA foreign_keys=OFF` does nothing inside a transaction. So migrations run on a
connection where the pragma was turned off before any transaction began, the result is
checked with `PRAGMA foreign_key_check`, and the file is backed up first.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from counterclaim.store.db import BEGIN_OPTION
from counterclaim.store.errors import LibraryError

MIGRATIONS = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


@dataclass(frozen=True)
class FileState:
    """What a read-only look at an existing database file found."""

    tables: frozenset[str]
    revision: str | None


def check_library_file(path: Path, script_location: Path = MIGRATIONS) -> None:
    """Raise `LibraryError` unless `path` is missing, empty or a library we can migrate.

    Looks without writing, so a file that is not ours is left exactly as it was.
    """
    state = inspect_file(path)
    if state is None or not state.tables:
        return
    if VERSION_TABLE not in state.tables:
        raise LibraryError(
            f"'{path}' is not a counterclaim library (it is another program's database): "
            "choose another file with --library"
        )
    known = {script.revision for script in _scripts(script_location).walk_revisions()}
    if state.revision is not None and state.revision not in known:
        raise LibraryError(
            f"'{path}' was written by a newer counterclaim (schema {state.revision}): "
            "update counterclaim to open it"
        )


def inspect_file(path: Path) -> FileState | None:
    """The tables and schema revision of the database at `path`; None if there is no file."""
    if not path.exists():
        return None
    if path.is_dir():
        raise LibraryError(f"'{path}' is a folder: choose a library file with --library")
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)) as db:
            rows = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            tables = frozenset(name for (name,) in rows)
            revision = _read_revision(db) if VERSION_TABLE in tables else None
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from error
    return FileState(tables, revision)


def _read_revision(db: sqlite3.Connection) -> str | None:
    row = db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    return None if row is None else str(row[0])


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> LibraryError:
    if error.sqlite_errorname == "SQLITE_NOTADB":
        return LibraryError(
            f"'{path}' is not a counterclaim library (not a SQLite database): "
            "choose another file with --library"
        )
    return LibraryError(f"cannot read the library '{path}': {error}")


def upgrade(engine: Engine, path: Path, script_location: Path = MIGRATIONS) -> None:
    """Migrate the library at `path` to the newest schema, in one transaction.

    A file that already holds tables is first copied to `<file>.bak-<revision or 'none'>`.
    If the migration fails or leaves broken references, nothing is changed.
    """
    config = _config(script_location)
    head = _scripts(script_location).get_current_head()
    with migration_connection(engine) as connection, connection.begin():
        current = MigrationContext.configure(connection).get_current_revision()
        if current == head:
            return
        if _has_tables(connection):
            backup(path, backup_path(path, current))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, "head")
        except SQLAlchemyError as error:
            raise LibraryError(
                f"could not upgrade the library '{path}' ({error}); it was left unchanged"
            ) from error
        check_foreign_keys(connection)


@contextmanager
def migration_connection(engine: Engine) -> Iterator[Connection]:
    """A connection for schema changes: foreign keys off, transactions BEGIN IMMEDIATE.

    The pragma is set through the driver before SQLAlchemy begins any transaction. The
    connection is discarded afterwards, so the pool never hands it out again.
    """
    with engine.connect() as connection:
        connection.connection.cursor().execute("PRAGMA foreign_keys=OFF")
        connection.execution_options(**{BEGIN_OPTION: "IMMEDIATE"})
        try:
            yield connection
        finally:
            connection.invalidate()


def check_foreign_keys(connection: Connection) -> None:
    """Raise `LibraryError` if any row points at a row that does not exist."""
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        table, rowid, parent, _ = broken[0]
        raise LibraryError(
            f"upgrading the library would break {len(broken)} references "
            f"(first: {table} row {rowid} -> {parent}); it was left unchanged"
        )


def backup_path(path: Path, revision: str | None) -> Path:
    return path.with_name(f"{path.name}.bak-{revision or 'none'}")


def backup(source: Path, target: Path) -> None:
    """Copy the database at `source` to `target` with SQLite's online backup API."""
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _has_tables(connection: Connection) -> bool:
    query = "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
    return bool(connection.exec_driver_sql(query).scalar())


def _config(script_location: Path) -> Config:
    config = Config()
    # Config values go through configparser interpolation: escape '%' in the path.
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


@functools.lru_cache(maxsize=8)
def _scripts(script_location: Path) -> ScriptDirectory:
    """The migration scripts, read once per process: opening a library again (each
    background task does) only reads the file's revision."""
    return ScriptDirectory.from_config(_config(script_location))
