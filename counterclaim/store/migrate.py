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
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from counterclaim.store.db import BEGIN_OPTION
from counterclaim.store.errors import LibraryError, sqlite_failure

MIGRATIONS = Path(__file__).with_name("migrations")


def known_revisions(script_location: Path = MIGRATIONS) -> frozenset[str]:
    """Every schema revision these migrations know."""
    return frozenset(script.revision for script in _scripts(script_location).walk_revisions())


def head_revision(script_location: Path = MIGRATIONS) -> str | None:
    return _scripts(script_location).get_current_head()


def upgrade(
    engine: Engine,
    path: Path,
    script_location: Path = MIGRATIONS,
    *,
    revision: str = "head",
    keep_backup: bool = True,
) -> None:
    """Migrate the library at `path` to the newest schema (or `revision`), in one
    transaction.

    A file that already holds tables is first copied to `<file>.bak-<revision or 'none'>`
    (unless not `keep_backup`). If the migration fails or leaves broken references,
    nothing is changed.
    """
    config = _config(script_location)
    wanted = head_revision(script_location) if revision == "head" else revision
    with migration_connection(engine) as connection, connection.begin():
        current = MigrationContext.configure(connection).get_current_revision()
        if current == wanted:
            return
        if keep_backup and _has_tables(connection):
            backup(path, backup_path(path, current))
        config.attributes["connection"] = connection
        try:
            command.upgrade(config, revision)
        except SQLAlchemyError as error:
            failure = sqlite_failure(path, getattr(error, "orig", None))
            if failure is not None:
                raise failure from error
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
    """Copy the database at `source` to `target` with SQLite's online backup API; a copy
    that fails (a full disk) is removed."""
    try:
        with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
            src.backup(dst)
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        raise sqlite_failure(source, error) or LibraryError(
            f"could not back up the library '{source}' to '{target}': {error}"
        ) from error


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
