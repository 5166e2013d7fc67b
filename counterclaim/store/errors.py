"""The errors the store raises for things the user can act on, and how SQLite's own
failures (`sqlite_failure`) and a PostgreSQL server's (`server_failure`) become them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from counterclaim.errors import BAD_INPUT, CounterclaimError


class LibraryError(CounterclaimError):
    """A library file cannot be opened, migrated or used; the message says what to do."""


class EditConflict(LibraryError):
    """Another reviewer changed a field since this reviewer saw it: nothing of the action
    was made. The window asks whether to keep theirs or to make it anyway (`force`)."""

    def __init__(self, target: str, what: str, now: str | None, who: str | None, at: str) -> None:
        self.target, self.what, self.now, self.who = target, what, now, who
        value = "nothing" if now in (None, "") else f"“{now}”"
        if who:
            when = f" at {at}" if at else ""
            said = f"{who} set this {what} to {value}{when}, after you last saw it"
        else:
            said = f"this {what} is {value} now, not what you last saw"
        super().__init__(f"{said}; nothing of your change was made")


class DamagedLibrary(LibraryError):
    """SQLite found the file damaged. Nothing is written to it; the window offers to open
    another library or to recover what can be read (`counterclaim.store.recovery`)."""

    def __init__(self, path: Path, detail: str) -> None:
        self.path, self.detail = Path(path), detail
        super().__init__(
            f"the library '{path}' is damaged ({detail}); nothing in it was changed. Open it "
            f"in the window (counterclaim --library '{path}') to recover what can be read "
            "into a new library, or go back to a copy you kept"
        )


class EmptyLibraryFile(LibraryError):
    """A 0-byte file where a library was expected: only a command that adds articles (or
    the window, after asking) makes a new library of it."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        what = "an empty SQLite database" if _size_of(path) else "an empty file (0 bytes)"
        super().__init__(
            f"'{path}' is {what}, not a library: choose another file with --library, "
            "or import an article to start a new library in it"
        )


def sqlite_failure(path: Path, error: BaseException | None) -> LibraryError | None:
    """What to tell the user when SQLite fails on the library at `path`; None when the
    failure is a bug of ours (a broken constraint, bad SQL) and must keep its traceback."""
    if not isinstance(error, sqlite3.DatabaseError):
        return None
    name = error.sqlite_errorname or ""
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return DamagedLibrary(path, str(error))
    if name.startswith("SQLITE_FULL"):
        return disk_full(path)
    if name.startswith("SQLITE_READONLY"):
        return LibraryError(
            f"the library '{path}' is read-only: nothing can be changed in it. Make the file "
            "and its folder writable to change it"
        )
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LibraryError(
            f"the library '{path}' is busy: another program is writing to it; "
            "try again when it is done"
        )
    if name.startswith("SQLITE_CANTOPEN"):
        return LibraryError(
            f"cannot open or create '{path}' ({error}): check that its folder exists and "
            "can be written"
        )
    if name.startswith("SQLITE_IOERR"):
        return LibraryError(
            f"the disk failed while using the library '{path}' ({error}); check the disk "
            "(or network drive) it is on, and try again"
        )
    if isinstance(error, sqlite3.OperationalError):
        return LibraryError(f"the library '{path}' could not be used: {error}")
    return None


SERVER_READ_ONLY = ("42501", "25006")
"""PostgreSQL's insufficient_privilege and read_only_sql_transaction."""
SERVER_BUSY = ("40001", "40P01", "55P03")
"""serialization_failure, deadlock_detected, lock_not_available."""


class PasswordNeeded(LibraryError):
    """The server wants a password that libpq found nowhere (or a wrong one): the window
    asks for it, for this session only."""


def server_failure(where: str, error: BaseException | None) -> LibraryError | None:
    """What to tell the user when the PostgreSQL server fails on the library `where` (its
    address without a password); None for a bug of ours (a broken constraint, bad SQL)."""
    import psycopg

    if not isinstance(error, psycopg.Error):
        return None
    state = error.sqlstate or ""
    reason = first_line(error)
    if state in SERVER_READ_ONLY:
        return LibraryError(
            f"the library {where} is read-only: nothing can be changed in it. Ask the "
            "server's administrator to let your role write it (INSERT, UPDATE, DELETE)"
        )
    if state in SERVER_BUSY:
        return LibraryError(
            f"the library {where} is busy: another reviewer changed the same rows at the "
            "same moment; try again"
        )
    if state == "53100":
        return LibraryError(
            f"the server of the library {where} is out of disk space ({reason}); ask its "
            "administrator to make room (nothing of what failed was written)"
        )
    if state == "28P01" or "no password supplied" in reason:
        return PasswordNeeded(
            f"the server of the library {where} wants a password ({reason}): put it in "
            "~/.pgpass or PGPASSWORD (the window also asks for it)"
        )
    if state.startswith(("08", "57P", "28")) or isinstance(error, psycopg.OperationalError):
        return LibraryError(
            f"cannot reach the library {where} ({reason}): check that the server is running "
            "and that the address, user and password (in ~/.pgpass or PGPASSWORD) are right, "
            "then try again; nothing of what failed was written"
        )
    return None


def first_line(error: BaseException | None) -> str:
    """The first line of a driver's message (PostgreSQL's go on with hints and context)."""
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


def disk_full(path: Path) -> LibraryError:
    """The disk under the library is full: say how much room to make (an estimate, the
    library's own size: enough for a backup, or for the log of a long import)."""
    folder = Path(path).resolve().parent
    return LibraryError(
        f"the disk is full: the library '{path}' needs about {_size(needed_room(path))} more "
        f"free space in '{folder}'; free some space there and try again (the change that "
        "failed was not saved; everything before it is kept)"
    )


def needed_room(path: Path) -> int:
    """The library's size with its log, and never less than 1 MB."""
    total = _size_of(path) + _size_of(path.with_name(f"{path.name}-wal"))
    return max(total, 1 << 20)


def _size_of(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _size(count: int) -> str:
    if count >= 1 << 30:
        return f"{count / (1 << 30):.1f} GB"
    return f"{max(1, round(count / (1 << 20)))} MB"


class TargetNotEmpty(LibraryError):
    """A library was to be copied into one that holds rows already: the user chose the
    wrong target (exit status 2)."""

    exit_code = BAD_INPUT
