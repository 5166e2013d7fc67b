"""Recover what can be read of a damaged library into a new one.

Simple on purpose: a new library is made at the damaged file's schema, and every row that
SQLite can still read is copied into it, table by table, by rowid. A damaged page loses
the rows on it, not the rest of its table: when a scan stops at one, the table is read
backwards from its end, and the rowids in between are tried one at a time. Rows whose
parent was lost (a statement of an article that could not be read) are dropped, or have
the reference cleared where the schema says `ON DELETE SET NULL`. The search index is
rebuilt from the statements, and the new library is upgraded to the newest schema.

The damaged file is only read (SQLite's `mode=ro`, `immutable` when no log is beside it),
and the new library appears under its name only once it is complete and checked.
"""

from __future__ import annotations

import re
import secrets
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import DatabaseError

from counterclaim.store.access import VERSION_TABLE, read_only_uri, side_files
from counterclaim.store.db import create_library_engine
from counterclaim.store.errors import LibraryError, sqlite_failure
from counterclaim.store.migrate import known_revisions, upgrade

SEARCH_INDEX = "statement_search"
"""The full-text index (and the prefix of its shadow tables): rebuilt, never copied."""

REBUILD_SEARCH_INDEX = (
    f"INSERT INTO {SEARCH_INDEX} (rowid, text, article_id) "
    "SELECT s.id, substr(a.text, s.content_start + 1, s.content_end - s.content_start), "
    "s.article_id FROM statements s JOIN articles a ON a.id = s.article_id"
)
"""As migration 0004 first filled it."""

MAX_PROBES = 2_000_000
"""Rowids tried one at a time past a damaged page, at most."""

MAX_GAP = 10_000
"""Rowids tried past a damaged page when the table's end could not be read either."""

LOWEST, HIGHEST = -(2**63), 2**63 - 1


@dataclass(frozen=True)
class Recovery:
    """What was recovered: the rows in each table of the new library, the tables some
    rows of which could not be read, and how many rows were dropped because what they
    belonged to was lost."""

    target: Path
    copied: tuple[tuple[str, int], ...]
    damaged_tables: tuple[str, ...]
    dropped: int

    def rows(self, table: str) -> int:
        return dict(self.copied).get(table, 0)


def recovered_path(damaged: Path) -> Path:
    """A new file beside the damaged one: `work-recovered.sqlite`, `work-recovered-2...`."""
    for n in range(1, 1000):
        tail = "" if n == 1 else f"-{n}"
        candidate = damaged.with_name(f"{damaged.stem}-recovered{tail}{damaged.suffix}")
        if not candidate.exists():
            return candidate
    raise LibraryError(f"too many recovered copies beside '{damaged}': move some away")


def recover(damaged: Path, target: Path) -> Recovery:
    """Copy every readable row of the library at `damaged` into a new library at `target`.

    `damaged` is never written. Raises `LibraryError` if `target` exists or nothing of
    `damaged` can be read (its list of tables is on a damaged page).
    """
    damaged, target = Path(damaged), Path(target)
    if target.exists():
        raise LibraryError(f"'{target}' already exists: choose a new file for what is recovered")
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    try:
        with closing(_open_damaged(damaged)) as source:
            revision = _revision(source)
            _new_library(partial, revision)
            copied, damaged_tables, dropped = _copy_rows(source, partial)
        _finish(partial)
        partial.replace(target)
    except (sqlite3.Error, DatabaseError) as error:
        cause = error.orig if isinstance(error, DatabaseError) else error
        raise sqlite_failure(target, cause) or LibraryError(
            f"could not recover '{damaged}': {cause}"
        ) from error
    finally:
        for leftover in (partial, *side_files(partial)):
            leftover.unlink(missing_ok=True)
    return Recovery(target, copied, damaged_tables, dropped)


def _open_damaged(damaged: Path) -> sqlite3.Connection:
    source = sqlite3.connect(read_only_uri(damaged), uri=True)
    try:
        source.execute("SELECT name FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as error:
        source.close()
        raise LibraryError(
            f"nothing of '{damaged}' can be read (its list of tables is damaged: {error}); "
            "go back to a copy you kept"
        ) from error
    return source


def _revision(source: sqlite3.Connection) -> str:
    """The damaged file's schema revision, if it can be read and is one we know."""
    try:
        row = source.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    except sqlite3.DatabaseError:
        return "head"
    return str(row[0]) if row and row[0] in known_revisions() else "head"


def _new_library(path: Path, revision: str) -> None:
    engine = create_library_engine(path)
    try:
        upgrade(engine, path, revision=revision, keep_backup=False)
    finally:
        engine.dispose()


def _copy_rows(
    source: sqlite3.Connection, partial: Path
) -> tuple[tuple[tuple[str, int], ...], tuple[str, ...], int]:
    copied: list[str] = []
    damaged: list[str] = []
    checked = tables_found_damaged(source)
    with closing(sqlite3.connect(partial, isolation_level=None)) as new:
        new.execute("PRAGMA foreign_keys=OFF")
        new.execute("BEGIN")
        for table in _tables(new):
            columns = _common_columns(source, new, table)
            if not columns:
                continue
            rows, lost_some = readable_rows(source, table, columns)
            new.execute(f'DELETE FROM "{table}"')  # rows the migrations seeded: the source's win
            kept = _insert(new, table, columns, rows)
            copied.append(table)
            if lost_some or kept < len(rows) or table in checked:
                damaged.append(table)
        dropped = _drop_orphans(new)
        if "library_state" in _tables(new):  # links may be gone: pair the library again
            new.execute(
                "INSERT OR REPLACE INTO library_state (key, value) VALUES ('pairing_due', '1')"
            )
            new.execute("UPDATE articles SET paired = 0")
        counts = tuple(
            (table, int(new.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]))
            for table in copied
        )
        if SEARCH_INDEX in _tables(new, with_index=True):
            new.execute(REBUILD_SEARCH_INDEX)
        new.execute("COMMIT")
    return counts, tuple(damaged), dropped


def _insert(
    new: sqlite3.Connection, table: str, columns: list[str], rows: list[tuple[object, ...]]
) -> int:
    """Insert the rows one by one; a row the schema refuses (a damaged page can read as
    a row of nonsense: no title, a duplicate id) is left out. Returns how many went in."""
    names = ", ".join(f'"{column}"' for column in columns)
    insert = f'INSERT INTO "{table}" ({names}) VALUES ({", ".join("?" * len(columns))})'
    kept = 0
    for row in rows:
        try:
            new.execute(insert, row)
        except sqlite3.IntegrityError:
            continue
        kept += 1
    return kept


def _drop_orphans(new: sqlite3.Connection) -> int:
    """Drop the rows whose parent row was lost (or clear the reference, for `SET NULL`
    keys), until every reference holds; returns how many rows were dropped."""
    dropped = 0
    while broken := new.execute("PRAGMA foreign_key_check").fetchall():
        for table, rowid, _parent, key in broken:
            keys = {row[0]: row for row in new.execute(f'PRAGMA foreign_key_list("{table}")')}
            column, on_delete = keys[key][3], keys[key][6]
            if on_delete == "SET NULL":
                new.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
            else:
                gone = new.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
                dropped += gone.rowcount  # 0 when a row broke two references
    return dropped


def _finish(partial: Path) -> None:
    """Bring the new library to the newest schema and check it."""
    engine = create_library_engine(partial)
    try:
        upgrade(engine, partial, keep_backup=False)
    finally:
        engine.dispose()
    with closing(sqlite3.connect(partial)) as db:
        problems = [line for (line,) in db.execute("PRAGMA quick_check")]
    if problems != ["ok"]:
        raise LibraryError(f"the recovered library did not pass SQLite's check: {problems[0]}")


def _tables(db: sqlite3.Connection, *, with_index: bool = False) -> list[str]:
    """The tables rows are copied into (not the version, nor the search index unless
    `with_index`)."""
    names = [
        name
        for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "ORDER BY rowid"
        )
    ]
    if with_index:
        return names
    return [n for n in names if n != VERSION_TABLE and not n.startswith(SEARCH_INDEX)]


def _common_columns(source: sqlite3.Connection, new: sqlite3.Connection, table: str) -> list[str]:
    try:
        old = {row[1] for row in source.execute(f'PRAGMA table_info("{table}")')}
    except sqlite3.DatabaseError:
        return []
    return [row[1] for row in new.execute(f'PRAGMA table_info("{table}")') if row[1] in old]


def tables_found_damaged(source: sqlite3.Connection) -> set[str]:
    """The tables that own the pages SQLite's integrity check finds damaged ("On tree page
    34 ..."): a damaged page can read as fewer rows without any error."""
    try:
        messages = " ".join(row[0] for row in source.execute("PRAGMA integrity_check(1000)"))
        pages = {int(n) for n in re.findall(r"[Pp]age (\d+)", messages)}
        tables = {
            name
            for (name,) in source.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        owners = {
            name
            for page in pages
            for (name,) in source.execute("SELECT name FROM dbstat WHERE pageno = ?", (page,))
        }
    except sqlite3.DatabaseError:
        return set()
    return owners & tables


def readable_rows(
    source: sqlite3.Connection, table: str, columns: list[str]
) -> tuple[list[tuple[object, ...]], bool]:
    """Every row of `table` that SQLite can read (its `columns`, in rowid order), and
    whether some could not be read."""
    names = ", ".join(f'"{column}"' for column in columns)
    select = f'SELECT rowid, {names} FROM "{table}"'
    found: dict[int, tuple[object, ...]] = {}
    after, end, damaged = LOWEST, HIGHEST, False
    while True:
        after, finished = _scan(source, select, after, end, found)
        if finished:
            break
        damaged = True
        if end == HIGHEST:
            end, finished = _scan_backwards(source, select, after, found)
            if finished:
                break
        resumed = _past_the_damage(source, select, after, end, found)
        if resumed is None:
            break
        after = resumed
    return [found[rowid][1:] for rowid in sorted(found)], damaged


def _scan(
    source: sqlite3.Connection,
    select: str,
    after: int,
    end: int,
    found: dict[int, tuple[object, ...]],
) -> tuple[int, bool]:
    """Read rows after `after` and before `end`, until the end or a damaged page; returns
    the last rowid read and whether the end was reached."""
    try:
        for row in source.execute(
            f"{select} WHERE rowid > ? AND rowid < ? ORDER BY rowid", (after, end)
        ):
            found[row[0]] = row
            after = row[0]
    except sqlite3.DatabaseError:
        return after, False
    return after, True


def _scan_backwards(
    source: sqlite3.Connection, select: str, after: int, found: dict[int, tuple[object, ...]]
) -> tuple[int, bool]:
    """Read rows from the last one back towards `after`, until a damaged page; returns the
    lowest rowid read (`HIGHEST` if none) and whether `after` was reached."""
    end = HIGHEST
    try:
        for row in source.execute(f"{select} WHERE rowid > ? ORDER BY rowid DESC", (after,)):
            found[row[0]] = row
            end = row[0]
    except sqlite3.DatabaseError:
        return end, False
    return end, True


def _past_the_damage(
    source: sqlite3.Connection,
    select: str,
    after: int,
    end: int,
    found: dict[int, tuple[object, ...]],
) -> int | None:
    """Try the rowids after `after` one at a time until one reads; None when none before
    `end` does (when the end is unknown, give up after `MAX_GAP` rowids in a row)."""
    limit = MAX_PROBES if end != HIGHEST else MAX_GAP
    for rowid in range(after + 1, min(end, after + 1 + limit)):
        try:
            row = source.execute(f"{select} WHERE rowid = ?", (rowid,)).fetchone()
        except sqlite3.DatabaseError:
            continue
        if row is not None:
            found[rowid] = row
            return rowid
    return None
