"""Storage: SQLAlchemy over a SQLite library file or a PostgreSQL database, with Alembic
migrations.

Only this package imports SQLAlchemy; it hands out `counterclaim.domain` dataclasses.

Its names are imported when first used, so that a module of it that needs no SQLAlchemy
(`access`, which the window uses to check a library file while it imports everything
else) can be imported alone.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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

_WHERE = {
    "DamagedLibrary": "errors",
    "EditConflict": "errors",
    "EmptyLibraryFile": "errors",
    "LibraryError": "errors",
    "PasswordNeeded": "errors",
    "Library": "library",
    "LibraryLocation": "location",
    "Recovery": "recovery",
    "recover": "recovery",
    "recovered_path": "recovery",
}

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


def __getattr__(name: str) -> object:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    found = getattr(import_module(f"{__name__}.{_WHERE[name]}"), name)
    globals()[name] = found
    return found
