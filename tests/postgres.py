"""A PostgreSQL server for the tests, and the `library_location` fixture that runs a test on
a library file and on a library on that server.

The server is a throw-away cluster started once per test session: `initdb` into a
temporary folder and `pg_ctl start` listening only on a Unix socket in that folder, as an
unprivileged user (as root: the `postgres` user, through `runuser`). It is stopped and
its folder removed at the end. With COUNTERCLAIM_TEST_POSTGRES=postgresql://user@host/db
the tests use that server instead (the user must be allowed to create databases and
roles). Each test gets a database of its own, dropped after it.
"""

from __future__ import annotations

import itertools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import make_url

from counterclaim.store.location import LibraryLocation

SERVER_ENV = "COUNTERCLAIM_TEST_POSTGRES"
SUPERUSER = "counterclaim"
_names = itertools.count()


def _binaries() -> Path:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    if not found:
        pytest.skip(f"PostgreSQL is not installed (apt install postgresql), nor {SERVER_ENV} set")
    return found[-1].parent


def _as_server_user(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _start_cluster(folder: Path) -> str:
    """Start a cluster in `folder`; its address (a superuser, trusted on the socket)."""
    binaries = _binaries()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres", "postgres")
    data = folder / "data"
    subprocess.run(
        _as_server_user(
            [
                *(str(binaries / "initdb"), "-D", str(data), "-U", SUPERUSER, "-A", "trust"),
                *("-E", "UTF8", "--no-sync", "--no-instructions"),
            ]
        ),
        check=True,
        capture_output=True,
    )
    options = f"-k {folder} -c listen_addresses='' -c fsync=off -c max_connections=200"
    subprocess.run(
        _as_server_user(
            [
                *(str(binaries / "pg_ctl"), "-D", str(data), "-l", str(folder / "log")),
                *("-o", options, "-w", "start"),
            ]
        ),
        check=True,
        capture_output=True,
    )
    return f"postgresql://{SUPERUSER}@/postgres?host={folder}"


def _stop_cluster(folder: Path) -> None:
    pg_ctl = str(_binaries() / "pg_ctl")
    command = [pg_ctl, "-D", str(folder / "data"), "-m", "immediate", "-w", "stop"]
    subprocess.run(_as_server_user(command), check=False, capture_output=True)
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The address of a server database the tests may create databases and roles from."""
    given = os.environ.get(SERVER_ENV)
    if given:
        yield given
        return
    folder = Path(tempfile.mkdtemp(prefix="cc-pg-"))
    try:
        yield _start_cluster(folder)
    finally:
        _stop_cluster(folder)


def admin(server: str) -> psycopg.Connection[tuple[object, ...]]:
    """A connection to the server's maintenance database, each statement on its own."""
    return psycopg.connect(server, autocommit=True)


def with_database(server: str, database: str, user: str | None = None) -> str:
    """The server address with another database (and user) in it."""
    url = make_url(server).set(database=database)
    if user:
        url = url.set(username=user, password=None)
    return url.render_as_string(hide_password=False)


@pytest.fixture
def postgres_database(postgres_server: str) -> Iterator[str]:
    """The address of a new, empty database, dropped after the test."""
    name = f"cc_test_{os.getpid()}_{next(_names)}"
    with admin(postgres_server) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    try:
        yield with_database(postgres_server, name)
    finally:
        with admin(postgres_server) as connection:
            drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
            connection.execute(drop.format(sql.Identifier(name)))


@pytest.fixture(params=["sqlite", "postgresql"])
def library_location(request: pytest.FixtureRequest, tmp_path: Path) -> LibraryLocation:
    """Where a test's library is: a new file, then a new database on the test server."""
    if request.param == "sqlite":
        return LibraryLocation(path=tmp_path / "library.sqlite")
    address: str = request.getfixturevalue("postgres_database")
    return LibraryLocation.parse(address)
