"""Storage: SQLAlchemy over a SQLite library file or a PostgreSQL database, with Alembic
migrations.

Only this package imports SQLAlchemy; it hands out `counterclaim.domain` dataclasses.
"""

from counterclaim.store.errors import DamagedLibrary, EditConflict, EmptyLibraryFile, LibraryError
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
    "Recovery",
    "recover",
    "recovered_path",
]
