"""Storage: SQLAlchemy over a SQLite library file or a PostgreSQL database, with Alembic
migrations.

Only this package imports SQLAlchemy; it hands out `counterclaim.domain` dataclasses.
"""

from counterclaim.store.errors import (
    DamagedLibrary,
    EditConflict,
    EmptyLibraryFile,
    LibraryError,
    PasswordNeeded,
)
from counterclaim.store.library import Library
from counterclaim.store.location import LibraryLocation
from counterclaim.store.recovery import Recovery, recover, recovered_path

__all__ = [
    "DamagedLibrary",
    "EditConflict",
    "EmptyLibraryFile",
    "Library",
    "LibraryError",
    "LibraryLocation",
    "PasswordNeeded",
    "Recovery",
    "recover",
    "recovered_path",
]
