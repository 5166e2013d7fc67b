"""Engine, connection pragmas and units of work for a library file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import URL, Connection, Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from counterclaim.store.errors import LibraryError

PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA busy_timeout=5000",
)

BEGIN_OPTION = "counterclaim_begin"
"""Connection execution option naming the BEGIN flavour ("IMMEDIATE") for its transactions."""


def create_library_engine(path: Path) -> Engine:
    """An engine for the SQLite file at `path`, creating its parent folders."""
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
    for pragma in PRAGMAS:
        dbapi_connection.execute(pragma)


def _on_begin(connection: Connection) -> None:
    flavour = connection.get_execution_options().get(BEGIN_OPTION, "")
    connection.exec_driver_sql(f"BEGIN {flavour}".strip())


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False)


@contextmanager
def session_scope(sessions: sessionmaker[Session], *, write: bool = False) -> Iterator[Session]:
    """One unit of work: commits when the block ends, rolls back if it raises.

    A `write` unit takes the write lock when it begins (BEGIN IMMEDIATE), so what it
    reads cannot be changed by another program before it writes; in WAL mode a
    deferred transaction that reads, then writes, fails instead of waiting.
    SQLite's own failures (database locked, disk full, read-only file) become
    `LibraryError`s, so the user is told what happened instead of seeing a crash.
    """
    try:
        with sessions.begin() as session:
            if write:
                session.connection(execution_options={BEGIN_OPTION: "IMMEDIATE"})
            yield session
    except OperationalError as error:
        raise LibraryError(f"the library could not be used: {error.orig}") from error
