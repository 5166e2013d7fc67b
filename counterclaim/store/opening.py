"""Opening a library file: look at it before anything is written, migrate it, or open it
read-only when it cannot be written. A file that cannot be used is refused with a
`LibraryError` that says what to do, and is left exactly as it was."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError

from counterclaim.store.access import heal_side_files, look_at
from counterclaim.store.db import create_library_engine
from counterclaim.store.errors import LibraryError, sqlite_failure
from counterclaim.store.location import LibraryLocation
from counterclaim.store.migrate import head_revision, known_revisions, upgrade


def opened_engine(
    where: Path | LibraryLocation, *, create: bool, check: bool = True
) -> tuple[Engine, bool]:
    """An engine on the library at `where` (a file: `opened_file_engine`; a server:
    `counterclaim.store.server`), at the newest schema, and whether it is read-only."""
    location = LibraryLocation.parse(where)
    if location.path is None:
        from counterclaim.store.server import opened_server_engine

        return opened_server_engine(location, create=create)
    return opened_file_engine(location.path, create=create, check=check)


def opened_file_engine(path: Path, *, create: bool, check: bool = True) -> tuple[Engine, bool]:
    """An engine on the library at `path`, at the newest schema, and whether it is
    read-only. With `create`, a missing or empty file becomes a new library; with
    `check`, a damaged one is refused (`look_at`)."""
    state = look_at(path, known_revisions(), create=create, check=check)
    if state is not None and not state.writable and not state.empty:
        return _read_only_engine(path, state.revision), True
    if state is not None:
        heal_side_files(path)
    engine = create_library_engine(path)
    try:
        upgrade(engine, path)
    except DatabaseError as error:
        engine.dispose()
        failure = sqlite_failure(path, error.orig)
        raise failure or LibraryError(f"cannot open '{path}': {error.orig}") from error
    except LibraryError:
        engine.dispose()
        raise
    return engine, False


def _read_only_engine(path: Path, revision: str | None) -> Engine:
    if revision != head_revision():
        raise LibraryError(
            f"the library '{path}' is read-only and needs upgrading from schema "
            f"{revision} (it was made by an older counterclaim): make the file and its "
            "folder writable and open it again; a backup is kept before the upgrade"
        )
    return create_library_engine(path, read_only=True)
