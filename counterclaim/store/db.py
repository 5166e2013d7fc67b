"""Engine, connection pragmas and units of work for a library file (and the units of work
for a library on a PostgreSQL server, whose engine is made in `counterclaim.store.server`)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session, sessionmaker

from counterclaim.store.access import read_only_options
from counterclaim.store.errors import LibraryError, server_failure, sqlite_failure
from counterclaim.store.location import LibraryLocation

BUSY_TIMEOUT_MS = 5000

PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)
"""On every connection."""

WAL_PAGES = 256
"""Checkpoint the write-ahead log into the library once it holds this many pages (1 MB
of 4 KB pages; SQLite's default is 1000)."""

WRITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    f"PRAGMA wal_autocheckpoint={WAL_PAGES}",
    f"PRAGMA journal_size_limit={4096 * WAL_PAGES}",
)
"""On connections that may write: a write-ahead log, emptied into the library (and cut
back to 1 MB) as it grows, so a long import does not fill the disk with it."""

BEGIN_OPTION = "counterclaim_begin"
"""Connection execution option naming the BEGIN flavour ("IMMEDIATE") for its transactions."""


def create_library_engine(path: Path, *, read_only: bool = False) -> Engine:
    """An engine for the SQLite file at `path`, creating its parent folders; or, when
    `read_only`, one that never writes to the file nor creates any beside it."""
    if read_only:
        query = {"uri": "true", **read_only_options(path)}
        engine = create_engine(URL.create("sqlite", database=path.resolve().as_uri(), query=query))
        event.listen(engine, "connect", _on_connect_read_only)
    else:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryError(
                f"cannot create the folder for the library '{path}': {error.strerror}"
            ) from error
        engine = create_engine(URL.create("sqlite", database=str(path)))
        event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def _on_connect(dbapi_connection: Any, _record: Any) -> None:
    # Python 3.11's sqlite3 has no `autocommit`: take transactions out of the
    # driver's hands here and emit BEGIN ourselves in `_on_begin`.
    dbapi_connection.isolation_level = None
    for pragma in (*PRAGMAS, *WRITE_PRAGMAS):
        dbapi_connection.execute(pragma)


def _on_connect_read_only(dbapi_connection: Any, _record: Any) -> None:
    dbapi_connection.isolation_level = None
    for pragma in PRAGMAS:
        dbapi_connection.execute(pragma)


def _on_begin(connection: Connection) -> None:
    flavour = connection.get_execution_options().get(BEGIN_OPTION, "")
    connection.exec_driver_sql(f"BEGIN {flavour}".strip())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(
    sessions: sessionmaker[Session], where: Path | LibraryLocation, *, write: bool = False
) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises.

    A `write` unit takes the write lock when it begins (BEGIN IMMEDIATE), so what it
    reads cannot be changed by another program before it writes; in WAL mode a
    deferred transaction that reads, then writes, fails instead of waiting.
    SQLite's own failures on the library at `where` (a damaged file, database locked,
    disk full, read-only file) become `LibraryError`s (`sqlite_failure`), so the user is
    told what happened and what to do instead of seeing a crash; so do a server's (the
    connection lost, a role that may only read: `server_failure`).
    """
    try:
        with sessions.begin() as session:
            if write:
                session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
            yield session
    except DatabaseError as error:
        failure = library_failure(where, error.orig)
        if failure is None:
            raise
        raise failure from error


def library_failure(
    where: Path | LibraryLocation, error: BaseException | None
) -> LibraryError | None:
    """What to tell the user when the library's database fails (see `session_scope`)."""
    if isinstance(where, LibraryLocation):
        if where.is_server:
            return server_failure(str(where), error)
        assert where.path is not None
        where = where.path
    return sqlite_failure(where, error)


def checkpoint(engine: Engine) -> None:
    """Empty the write-ahead log into the library and cut it to nothing, if no one is
    reading from it just now (it never waits: a busy log is emptied next time)."""
    raw = engine.raw_connection()
    try:
        driver = raw.driver_connection
        assert driver is not None
        driver.execute("PRAGMA busy_timeout=0")
        try:
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        except sqlite3.Error:
            pass  # what is in the log is safe there; it is emptied at the next checkpoint
        finally:
            driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    finally:
        raw.close()
