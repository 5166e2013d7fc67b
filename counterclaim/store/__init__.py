"""Storage: SQLAlchemy over a SQLite library file, with Alembic migrations.

Only this package imports SQLAlchemy; it hands out `counterclaim.domain` dataclasses.
"""

from counterclaim.store.errors import DamagedLibrary, EditConflict, EmptyLibraryFile, LibraryError
from counterclaim.store.library import Library
from counterclaim.store.recovery import Recovery, recover, recovered_path

__all__ = [
    "DamagedLibrary",
    "EditConflict",
    "EmptyLibraryFile",
    "Library",
    "LibraryError",
    "Recovery",
    "recover",
    "recovered_path",
]
