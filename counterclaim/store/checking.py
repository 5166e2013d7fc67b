"""Check a library the way its engine can: is every page readable, does every reference
between rows hold, is its schema one this counterclaim knows. Only reads.

SQLite: `PRAGMA integrity_check` and `PRAGMA foreign_key_check`. Other engines keep their
own pages and enforce foreign keys as rows are written; there the references are checked
with a query per foreign key (a constraint dropped by hand lets rows slip through).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, and_, func, inspect, select
from sqlalchemy.exc import DatabaseError

from counterclaim.store.access import VERSION_TABLE
from counterclaim.store.db import create_library_engine
from counterclaim.store.errors import LibraryError
from counterclaim.store.location import LibraryLocation
from counterclaim.store.migrate import head_revision, known_revisions
from counterclaim.store.models import Base
from counterclaim.store.opening import opened_engine

MOST = 20
"""Problems listed at most for each check; the rest are counted."""


@dataclass(frozen=True)
class Finding:
    """What one check found: `ok`, or one problem."""

    check: str
    ok: bool
    detail: str


def check_library(location: Path | LibraryLocation) -> list[Finding]:
    """Check the library file at `location` without writing to it, or the library on a
    server (its foreign keys and schema: the server looks after its own pages)."""
    where = LibraryLocation.parse(location)
    if where.path is None:
        engine, _ = opened_engine(where, create=False)
        try:
            with engine.connect() as connection:
                return check_connection(connection)
        finally:
            engine.dispose()
    path = where.path
    if not path.is_file():
        raise LibraryError(f"there is no library file at '{path}': give the path of one")
    engine = create_library_engine(path, read_only=True)
    try:
        with engine.connect() as connection:
            return check_connection(connection)
    except DatabaseError as error:  # not even the list of tables could be read
        return [Finding("integrity", False, f"the file cannot be read as a database: {error.orig}")]
    finally:
        engine.dispose()


def check_connection(connection: Connection) -> list[Finding]:
    """Every check this engine has, on the library `connection` reaches."""
    if connection.dialect.name == "sqlite":
        found = [*_integrity(connection), *_sqlite_references(connection)]
    else:
        found = broken_references(connection)
    return [*found, _schema(connection)]


def _integrity(connection: Connection) -> list[Finding]:
    try:
        lines = [str(line) for (line,) in connection.exec_driver_sql("PRAGMA integrity_check(100)")]
    except DatabaseError as error:
        return [Finding("integrity", False, f"SQLite could not check the file: {error.orig}")]
    if lines == ["ok"]:
        return [Finding("integrity", True, "every page of the file reads")]
    problems = [  # one row can hold several problems, a line each
        part for line in lines for part in line.splitlines() if part and not part.startswith("***")
    ]
    return [Finding("integrity", False, problem) for problem in problems]


def _sqlite_references(connection: Connection) -> list[Finding]:
    try:
        rows = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    except DatabaseError as error:
        return [Finding("references", False, f"SQLite could not check them: {error.orig}")]
    problems = [
        f"{table} row {rowid} points at a row of {parent} that is not there"
        for table, rowid, parent, _key in rows
    ]
    return _references(problems)


def broken_references(connection: Connection) -> list[Finding]:
    """References checked with one query per foreign key of the mapped tables."""
    there = set(inspect(connection).get_table_names())
    problems = []
    for table in Base.metadata.sorted_tables:
        for key in table.foreign_keys:
            parent = key.column.table
            if table.name not in there or parent.name not in there:
                continue
            missing = (
                select(func.count())
                .select_from(table.outerjoin(parent, key.parent == key.column))
                .where(and_(key.parent.is_not(None), key.column.is_(None)))
            )
            count = int(connection.execute(missing).scalar_one())
            if count:
                problems.append(
                    f"{count} rows of {table.name} point at rows of {parent.name} "
                    f"that are not there ({table.name}.{key.parent.name})"
                )
    return _references(problems)


def _references(problems: list[str]) -> list[Finding]:
    if not problems:
        return [Finding("references", True, "every reference between rows holds")]
    found = [Finding("references", False, problem) for problem in problems[:MOST]]
    if len(problems) > MOST:
        found.append(Finding("references", False, f"and {len(problems) - MOST} more like these"))
    return found


def _schema(connection: Connection) -> Finding:
    head = head_revision()
    try:
        if VERSION_TABLE not in inspect(connection).get_table_names():
            return Finding(
                "schema", False, "this is not a counterclaim library (no schema version)"
            )
        revision = connection.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").scalar()
    except DatabaseError as error:
        return Finding("schema", False, f"its schema version cannot be read: {error.orig}")
    if revision == head:
        return Finding("schema", True, f"{revision}, the newest")
    if revision in known_revisions():
        return Finding(
            "schema", True, f"{revision}, older than {head}: it is upgraded when next opened"
        )
    return Finding(
        "schema", False, f"{revision} is unknown to this counterclaim: update counterclaim"
    )
