"""Where a library is: a SQLite file on this machine, or a database on a PostgreSQL server.

`LibraryLocation.parse` reads what a person gave (`--library`, a recent library): a
`postgresql://user@host/db` address is a server, anything else a file path. The address is
parsed as a URL before it could be taken for a path: `Path("postgresql://u@/db")` is a
valid relative file name, and opening it would make a folder `postgresql:` with a new
library in it.

A password never needs to be in the address: libpq reads it from `~/.pgpass`,
`PGPASSWORD` or a service file. When one is given anyway it is used to connect and never
shown: `str(location)` (and `display`) is the address without it, the form to show, log
and keep in the settings.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from counterclaim.store.errors import LibraryError

SERVER_SCHEMES = ("postgresql", "postgres")
"""What an address of a library on a PostgreSQL server begins with (before `://`)."""

DRIVER = "postgresql+psycopg"


@dataclass(frozen=True)
class LibraryLocation:
    """A library file (`path`) or a library on a PostgreSQL server (`address`): exactly one
    of the two is set."""

    path: Path | None = None
    address: str | None = field(default=None, repr=False)
    """The server address as given, possibly with a password: never show it; show
    `display`."""

    @classmethod
    def parse(cls, value: str | os.PathLike[str] | LibraryLocation) -> LibraryLocation:
        """A location from what a person gave: a server address, else a file path."""
        if isinstance(value, LibraryLocation):
            return value
        if isinstance(value, os.PathLike):
            return cls(path=Path(value))
        scheme = value.partition("://")[0].lower() if "://" in value else ""
        if scheme.partition("+")[0] in SERVER_SCHEMES:
            server_url(value)  # refuses what cannot be read, with the reason
            return cls(address=value)
        if scheme:
            raise LibraryError(
                f"'{scheme}://' is not a kind of library counterclaim opens: give a file path "
                "or a postgresql://user@host/database address"
            )
        return cls(path=Path(value).expanduser())

    @property
    def is_server(self) -> bool:
        return self.address is not None

    @property
    def display(self) -> str:
        """The location as shown to people and kept in settings: a file's path, or the
        server address without its password."""
        if self.address is None:
            return str(self.path)
        return shown(server_url(self.address))

    def __str__(self) -> str:
        return self.display

    def __repr__(self) -> str:
        return f"LibraryLocation({self.display!r})"


def server_url(address: str) -> URL:
    """The SQLAlchemy URL of a server address, with the psycopg driver."""
    try:
        url = make_url(address)
    except (ArgumentError, ValueError) as error:
        host = address.split("@")[-1]  # whatever came before '@' may hold a password
        raise LibraryError(
            f"'…{host}' is not a library address: write it as "
            "postgresql://user@host/database (the password goes in ~/.pgpass or PGPASSWORD)"
        ) from error
    if not url.database:
        raise LibraryError(
            f"the address '{shown(url)}' "
            "names no database: add it after the host, as in postgresql://user@host/database"
        )
    return url.set(drivername=DRIVER)


def shown(url: URL) -> str:
    """The address as people see it: without the password or the driver's name."""
    bare = url._replace(drivername="postgresql", password=None)
    return bare.render_as_string(hide_password=False)
