"""Bring a library file to the current schema with Alembic, safely.

Alembic on SQLite changes a table by copying it, dropping the old one and renaming the
copy. With foreign keys on, that drop cascades and silently deletes every child row, and
`PRAGMA foreign_keys=OFF` does nothing inside a transaction. So migrations run on a
connection where the pragma was turned off before any transaction began, the result is
checked with `PRAGMA foreign_key_check`, and the file is backed up first.

Alembic is imported only when a migration has to run: the revisions are read from the
scripts' text and the library's own revision with plain SQL, so opening a library that is
up to date costs no quarter of a second of imports.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from counterclaim.store.db import BEGIN_OPTION
from counterclaim.store.errors import LibraryError, sqlite_failure

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS = Path(__file__).with_name("migrations")
_REVISION = re.compile(r"^(revision|down_revision)\b[^=\n]*=\s*(?:None|[\"']([^\"']*)[\"'])", re.M)


def known_revisions(script_location: Path = MIGRATIONS) -> frozenset[str]:
    """Every schema revision these migrations know."""
    return frozenset(_revisions(script_location))


def head_revision(script_location: Path = MIGRATIONS) -> str | None:
    revisions = _revisions(script_location)
    heads = set(revisions) - set(revisions.values())
    if len(heads) == 1:
        return heads.pop()
    return _scripts(script_location).get_current_head()  # no revision, or branches


def stored_revision(engine: Engine) -> str | None:
    """The schema revision the library holds (None for a new file), read with plain SQL."""
    with engine.connect() as connection:
        has_version = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        ).scalar()
        if not has_version:
            return None
        found = connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
        return None if found is None else str(found)


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
    wanted = head_revision(script_location) if revision == "head" else revision
    if stored_revision(engine) == wanted:
        return
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    config = migration_config(script_location)
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


def migration_config(script_location: Path) -> Config:
    from alembic.config import Config

    config = Config()
    # Config values go through configparser interpolation: escape '%' in the path.
    config.set_main_option("script_location", str(script_location).replace("%", "%%"))
    return config


@functools.lru_cache(maxsize=8)
def _revisions(script_location: Path) -> dict[str, str | None]:
    """Each revision of the migration scripts and the one it revises, read once per
    process from the scripts' text."""
    found: dict[str, str | None] = {}
    for script in sorted((script_location / "versions").glob("*.py")):
        names = dict(_REVISION.findall(script.read_text(encoding="utf-8")))
        if names.get("revision"):
            found[names["revision"]] = names.get("down_revision") or None
    return found


@functools.lru_cache(maxsize=8)
def _scripts(script_location: Path) -> ScriptDirectory:
    """The migration scripts as Alembic reads them, once per process."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(migration_config(script_location))
