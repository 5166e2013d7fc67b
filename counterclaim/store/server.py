"""Opening a library on a PostgreSQL server: connect, look at what the database holds, and
migrate it, or open it read-only when the user's role may only read.

The checks a file needs (damaged pages, file permissions, recovery) are the server's own
business here; what can go wrong is the connection, the role's rights, and a database that
is not a library. Each is refused with one `LibraryError` that says what to do.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from counterclaim.store.access import OUR_TABLE, VERSION_TABLE
from counterclaim.store.errors import LibraryError, first_line, server_failure
from counterclaim.store.location import LibraryLocation, server_url
from counterclaim.store.migrate import head_revision, known_revisions

MIGRATION_LOCK = 0x636C_6169_6D
"""The advisory lock two programs take to migrate one database: the second waits, then
finds it done."""

WRITES = ("INSERT", "UPDATE", "DELETE")


def create_server_engine(location: LibraryLocation, *, read_only: bool = False) -> Engine:
    """An engine on the library's database; when `read_only`, every transaction on it is
    read-only, so no write can begin."""
    assert location.address is not None
    options = "-c default_transaction_read_only=on" if read_only else ""
    return create_engine(
        server_url(location.address),
        connect_args={"application_name": "counterclaim", "options": options},
        pool_pre_ping=True,  # a server restarted between two actions is not an error
    )


def opened_server_engine(location: LibraryLocation, *, create: bool) -> tuple[Engine, bool]:
    """An engine on the library at `location`, at the newest schema, and whether it is
    read-only (the role may not write). With `create`, an empty database becomes a new
    library."""
    engine = create_server_engine(location)
    try:
        tables, writable = _look(engine, location)
        if tables and not writable:
            engine.dispose()
            return create_server_engine(location, read_only=True), True
        if not tables and not create:
            raise LibraryError(
                f"there is no library in {location}: import an article to start one, "
                "or give another address with --library"
            )
        _upgrade(engine, location)
    except BaseException:
        engine.dispose()
        raise
    return engine, False


def _look(engine: Engine, location: LibraryLocation) -> tuple[frozenset[str], bool]:
    """The database's tables, and whether the role may write them (or, in an empty
    database, create them). Refuses another program's database and a newer library."""
    try:
        with engine.connect() as connection:
            tables = frozenset(
                connection.exec_driver_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                ).scalars()
            )
            writable = _writable(connection, tables)
            revision = None
            if VERSION_TABLE in tables:
                query = f"SELECT version_num FROM {VERSION_TABLE}"
                revision = connection.exec_driver_sql(query).scalar()
    except DBAPIError as error:
        raise _failure(location, error) from error
    if tables and (VERSION_TABLE not in tables or OUR_TABLE not in tables):
        raise LibraryError(
            f"the database {location} is not a counterclaim library (it holds another "
            "program's tables): give the address of another database with --library"
        )
    if revision is not None and revision not in known_revisions():
        raise LibraryError(
            f"the library {location} was written by a newer counterclaim (schema {revision}): "
            "update counterclaim to open it; nothing in it was changed"
        )
    if tables and revision != head_revision() and not writable:
        raise LibraryError(
            f"the library {location} needs upgrading from schema {revision} and your role "
            "may only read it: ask someone who may write to open it once with this "
            "counterclaim"
        )
    return tables, writable


def _writable(connection: Connection, tables: frozenset[str]) -> bool:
    if not tables:
        query = "SELECT has_schema_privilege(current_schema(), 'CREATE')"
        return bool(connection.exec_driver_sql(query).scalar())
    checks = " AND ".join(f"has_table_privilege(quote_ident(t), '{right}')" for right in WRITES)
    query = f"SELECT bool_and({checks}) FROM unnest(%(tables)s::text[]) AS t"
    return bool(connection.exec_driver_sql(query, {"tables": sorted(tables)}).scalar())


def _upgrade(engine: Engine, location: LibraryLocation) -> None:
    """Migrate the database to the newest schema in one transaction (PostgreSQL changes
    its schema in transactions: a failed migration leaves nothing behind)."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from counterclaim.store.migrate import MIGRATIONS, migration_config

    wanted = head_revision()
    try:
        with engine.connect() as connection, connection.begin():
            connection.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK})")
            if MigrationContext.configure(connection).get_current_revision() == wanted:
                return
            config = migration_config(MIGRATIONS)
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except DBAPIError as error:
        failure = server_failure(str(location), error.orig)
        raise failure or LibraryError(
            f"could not make or upgrade the library {location} ({first_line(error.orig)}); "
            "it was left unchanged"
        ) from error
    except SQLAlchemyError as error:
        raise LibraryError(
            f"could not make or upgrade the library {location} ({error}); it was left unchanged"
        ) from error


def _failure(location: LibraryLocation, error: DBAPIError) -> LibraryError:
    return server_failure(str(location), error.orig) or LibraryError(
        f"cannot open the library {location} ({first_line(error.orig)}): check the address"
    )
