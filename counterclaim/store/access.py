"""What a file is before it is opened as a library, and how it may be opened.

`look_at` reads the file without writing: a folder, a missing or empty file, another
program's file, a library from a newer counterclaim, or a damaged one (SQLite's
`quick_check`) is refused with a message that says what to do.

A library that cannot be written (the file or its folder without write permission, or
without any write bit: then even root treats it as read-only) is opened read-only:
SQLite's `mode=ro`, and `immutable=1` when no write-ahead log is there, so that no
`-wal`/`-shm` files are created beside it. SQLite gives those files the library's
permissions, so a read-only library would be left with read-only `-shm` files that keep
every later writer out; `heal_side_files` makes such leftovers writable again.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from counterclaim.store import checked
from counterclaim.store.errors import DamagedLibrary, EmptyLibraryFile, LibraryError, sqlite_failure

VERSION_TABLE = "alembic_version"
OUR_TABLE = "articles"
"""Every counterclaim library, of any version, has this table."""


@dataclass(frozen=True)
class FileState:
    """What a read-only look at an existing database file found."""

    tables: frozenset[str]
    revision: str | None
    writable: bool

    @property
    def empty(self) -> bool:
        """No table at all: a 0-byte file, or a SQLite file with nothing in it."""
        return not self.tables


def look_at(
    path: Path, known: frozenset[str], *, create: bool, check: bool = True
) -> FileState | None:
    """The file at `path` as a library at one of the `known` schema revisions; None when
    there is no file. Raises `LibraryError` for anything that cannot be opened as one.

    Without `create`, a missing or empty file is refused too: it would become a library.
    Without `check`, damaged pages are not looked for (it reads the whole file).
    """
    if not path.exists():
        if not create:
            raise LibraryError(
                f"there is no library at '{path}': import an article to start one, "
                "or choose another file with --library"
            )
        return None
    if path.is_dir():
        raise LibraryError(f"'{path}' is a folder: choose a library file with --library")
    if not stat.S_ISREG(path.stat().st_mode):
        raise LibraryError(f"'{path}' is not a file: choose a library file with --library")
    state = _read_state(path, check)
    if state.empty:
        if not create:
            raise EmptyLibraryFile(path)
        return state
    _check_is_ours(path, state, known)
    return state


def _read_state(path: Path, check: bool = True) -> FileState:
    writable = is_writable(path)
    if path.stat().st_size == 0:
        return FileState(frozenset(), None, writable)
    try:
        with closing(connect_read_only(path, writable=writable)) as db:
            tables = frozenset(
                name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")
            )
            revision = _read_revision(db) if VERSION_TABLE in tables else None
            checked = db.execute("PRAGMA quick_check(5)") if check else [("ok",)]
            problems = [line for (line,) in checked]
    except sqlite3.DatabaseError as error:
        raise _unreadable(path, error) from error
    if problems != ["ok"]:
        raise DamagedLibrary(path, "SQLite's check found damaged pages")
    return FileState(tables, revision, writable)


class PageCheck:
    """SQLite's check of a library file for damaged pages (the third of a second `look_at`
    spends on a library of 10,000 articles), run on a thread of its own: the window starts
    it before it imports its views, and opens the file without checking it again when it
    `passed`. SQLite lets go of the interpreter while it reads, so the two go side by side.
    A file found wanting is simply checked again by the opening, which says what is wrong.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._seen = checked.identity(path)
        self._sound = False
        self.read = False
        """Its pages were all read (not only found as counterclaim left them)."""
        self._thread = threading.Thread(target=self._run, name="library-check", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        if self._seen is None or not self.path.is_file():
            return
        if checked.unchanged_since_closed(self.path):  # as counterclaim left it
            self._sound = True
            return
        try:
            state = _read_state(self.path, check=True)
        except (LibraryError, OSError):
            return  # the opening checks again, and says what is wrong
        self._sound = not state.empty
        self.read = True

    def passed(self) -> bool:
        """Whether the file was found sound and is still the same file, unchanged."""
        self._thread.join()
        return self._sound and checked.identity(self.path) == self._seen


def _check_is_ours(path: Path, state: FileState, known: frozenset[str]) -> None:
    if VERSION_TABLE not in state.tables or OUR_TABLE not in state.tables:
        raise LibraryError(
            f"'{path}' is not a counterclaim library (it is another program's database): "
            "choose another file with --library"
        )
    if state.revision is not None and state.revision not in known:
        raise LibraryError(
            f"'{path}' was written by a newer counterclaim (schema {state.revision}): "
            "update counterclaim to open it; nothing in it was changed"
        )


def _read_revision(db: sqlite3.Connection) -> str | None:
    row = db.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchone()
    return None if row is None else str(row[0])


def _unreadable(path: Path, error: sqlite3.DatabaseError) -> LibraryError:
    if error.sqlite_errorname == "SQLITE_NOTADB":
        return LibraryError(
            f"'{path}' is not a counterclaim library (not a SQLite database): "
            "choose another file with --library"
        )
    return sqlite_failure(path, error) or LibraryError(f"cannot read the library '{path}': {error}")


def is_writable(path: Path) -> bool:
    """Whether the library file and its folder can both be written (and are meant to be)."""
    return _writable(path) and _writable(path.parent)


def _writable(path: Path) -> bool:
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return bool(mode & 0o222) and os.access(path, os.W_OK)


def wal_path(path: Path) -> Path:
    return path.with_name(f"{path.name}-wal")


def side_files(path: Path) -> tuple[Path, Path]:
    """SQLite's write-ahead log and its shared-memory index, beside the library."""
    return wal_path(path), path.with_name(f"{path.name}-shm")


def read_only_options(path: Path) -> dict[str, str]:
    """SQLite URI options that read the file without writing anything beside it.

    `immutable` (no locks, no `-shm`) is safe only when no log holds newer pages: a
    left-over `-wal` is read through `mode=ro`, which uses the files already there.
    """
    options = {"mode": "ro"}
    if not wal_path(path).exists():
        options["immutable"] = "1"
    return options


def read_only_uri(path: Path) -> str:
    options = "&".join(f"{key}={value}" for key, value in read_only_options(path).items())
    return f"{path.resolve().as_uri()}?{options}"


def connect_read_only(path: Path, *, writable: bool = False) -> sqlite3.Connection:
    """A driver connection that only reads `path`.

    A `writable` file may be written by another program at the same moment, so it is
    read with SQLite's locks, through a connection that may not write (`query_only`):
    when it closes, SQLite removes the log files it made, as it would for any writer's.
    (`mode=ro` would leave them behind: a read-only connection cannot remove them.)
    """
    if not writable:
        return sqlite3.connect(read_only_uri(path), uri=True)
    db = sqlite3.connect(path)
    db.execute("PRAGMA query_only=ON")
    return db


def heal_side_files(path: Path) -> None:
    """Make `-wal`/`-shm` files left read-only by a read-only open writable again (with
    the library's own permissions), or say what to do if that is not allowed."""
    for side in side_files(path):
        if not side.exists() or _writable(side):
            continue
        try:
            side.chmod(path.stat().st_mode & 0o666)
        except OSError as error:
            raise LibraryError(
                f"'{side}' is read-only ({error.strerror}), so the library cannot be changed: "
                "make it writable, or delete it when no counterclaim has the library open"
            ) from error
