"""A ClerkDesk database on a PostgreSQL server, opened from its URL.

The tables, ids and constraints are those of ``schema.py``, made by
SQLAlchemy for PostgreSQL; what SQLAlchemy cannot declare (the append-only
and seal triggers, the full-text indexes) is in ``_SERVER_DDL`` below, the
server's counterpart of the SQLite migrations' triggers and FTS5 table. A
server has its own ladder of versions, starting at the SQLite file's version
when it was first supported (``SERVER_BASE_VERSION``): there are no older
servers to upgrade.
"""

from __future__ import annotations

from sqlalchemy import Connection, Engine, create_engine, inspect, make_url
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from clerkdesk.persistence.errors import DatabaseBusyError, DatabaseError, ServerUnreachableError
from clerkdesk.persistence.schema import Base

SERVER_BASE_VERSION = 17
# One row: the step of the server's ladder the database is at (SQLite keeps
# it in PRAGMA user_version, which PostgreSQL has no equivalent of).
_VERSION_TABLE = "clerkdesk_schema"

# The full-text search's words, one column per table searched, on the same
# words the SQLite index holds (search_index.py), kept by the server itself
# (a stored generated column: always current) and indexed. Stored, not an
# index on the expression: a search checks each candidate row's words, and
# working them out again per row took a common word a minute on twenty
# years of minutes (docs/benchmarks.md, issue 18).
_SEARCH_WORDS = {
    "agenda_item": "number || ' ' || title || ' ' || coalesce(report_title, '')",
    "recommendation": "coalesce(label, '') || ' ' || text",
    "minute_paragraph": "text",
}
# Not in schema.py's mappings: ClerkDesk never writes it, and a file has its
# FTS5 table instead.
SEARCH_COLUMN = "search_words"


def _searched(table: str, words: str) -> tuple[str, str]:
    return (
        f"ALTER TABLE {table} ADD COLUMN {SEARCH_COLUMN} tsvector"
        f" GENERATED ALWAYS AS (to_tsvector('clerkdesk', {words})) STORED",
        f"CREATE INDEX search_{table} ON {table} USING gin ({SEARCH_COLUMN})",
    )


_SERVER_DDL = (
    # Its identity: a laptop keeps it with each meeting checked out, so that the
    # meeting goes back to the server it came from whatever the URL is called.
    f"CREATE TABLE {_VERSION_TABLE} (version integer NOT NULL,"
    " identity text NOT NULL DEFAULT gen_random_uuid()::text)",
    # What the SQLite triggers refuse, refused the same way here.
    """CREATE FUNCTION clerkdesk_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0], ERRCODE = 'integrity_constraint_violation';
    END $$""",
    "CREATE TRIGGER correction_append_only BEFORE UPDATE OR DELETE ON correction"
    " FOR EACH ROW EXECUTE FUNCTION clerkdesk_refuse('Corrections are append-only.')",
    "CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit"
    " FOR EACH ROW EXECUTE FUNCTION clerkdesk_refuse('The audit trail is append-only.')",
    "CREATE TRIGGER meeting_seal_kept BEFORE UPDATE OF seal ON meeting FOR EACH ROW"
    " WHEN (OLD.seal IS NOT NULL AND (NEW.seal IS NULL OR NEW.seal <> OLD.seal))"
    " EXECUTE FUNCTION clerkdesk_refuse('The seal of approved minutes never changes.')",
    # The words as the SQLite index has them ('porter unicode61'): English
    # stems, and no stop words, so that a search for "and" or "not" finds them.
    "CREATE TEXT SEARCH DICTIONARY clerkdesk_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION clerkdesk (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION clerkdesk ALTER MAPPING FOR asciiword, asciihword,"
    " hword_asciipart, word, hword, hword_part WITH clerkdesk_stem",
    *(  # the search words, stored: see _SEARCH_WORDS
        statement for table, words in _SEARCH_WORDS.items() for statement in _searched(table, words)
    ),
)


def is_server_location(location: object) -> bool:
    """True for a database URL (``postgresql://…``) rather than a file's path."""
    return isinstance(location, str) and location.startswith(("postgresql:", "postgresql+"))


def server_url(location: str) -> URL:
    """The URL with ClerkDesk's driver (psycopg 3) named."""
    url = make_url(location)
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    return url


def shown(url: URL) -> str:
    """The server as the clerk is shown it: never its password."""
    return url.difference_update_query(["password"]).render_as_string(hide_password=True)


def without_password(location: str) -> str:
    """The server's URL with no password in it (nor in its query), to be kept
    in the settings or a laptop's file: the password is the clerk's pgpass or
    service file's to give (README). A password shown hidden ("***", as a
    laptop's check-out row keeps the server) is taken out the same way."""
    url = make_url(location).difference_update_query(["password"])
    return url._replace(password=None).render_as_string(hide_password=False)


def server_engine(url: URL) -> Engine:
    try:
        import psycopg  # noqa: F401
    except ImportError:
        raise DatabaseError(
            "This copy of ClerkDesk cannot reach a PostgreSQL server: its driver is not "
            "installed. Install ClerkDesk with the `server` extra (psycopg), or open a file."
        ) from None
    # A clerk's action waits at most about ten seconds for the server, then
    # says so in a message rather than hanging: to connect (connect_timeout),
    # and on a connection already open whose network went silent (TCP
    # keepalives: probed after 5 s idle, every 2 s, given up after 3 unanswered).
    return create_engine(
        url,
        connect_args={
            "connect_timeout": 10,
            "keepalives": 1,
            "keepalives_idle": 5,
            "keepalives_interval": 2,
            "keepalives_count": 3,
        },
        pool_pre_ping=True,
    )


def server_version(connection: Connection) -> int:
    """The server database's step on its ladder; 0 if ClerkDesk has never set it up."""
    if not inspect(connection).has_table(_VERSION_TABLE):
        return 0
    found = connection.exec_driver_sql(f"SELECT version FROM {_VERSION_TABLE}").scalar()
    return int(found or 0)


def prepare_server(engine: Engine, url: URL, *, create: bool) -> None:
    """Check the server database is ClerkDesk's and current; with ``create``,
    set up an empty one. One transaction: a failed set-up leaves nothing."""
    try:
        with engine.begin() as connection:
            version = server_version(connection)
            if version == 0:
                if not create:
                    raise DatabaseError(
                        f"{shown(url)} holds no ClerkDesk database. Set it up with "
                        "`clerkdesk --server URL setup`, or check the URL."
                    )
                _create_schema(connection)
            elif version < SERVER_LATEST_VERSION:
                if not create:
                    raise DatabaseError(
                        f"The database on {shown(url)} is at schema {version}; this version of "
                        f"ClerkDesk uses {SERVER_LATEST_VERSION}. Bring it up to date with "
                        "`clerkdesk --server URL setup` (the server's administrator)."
                    )
                _upgrade_schema(connection, version)
            elif version > SERVER_LATEST_VERSION:
                raise DatabaseError(
                    f"The database on {shown(url)} was set up by a newer version of ClerkDesk "
                    f"(schema {version}; this version understands up to {SERVER_LATEST_VERSION}). "
                    "Update ClerkDesk to open it."
                )
    except sa_exc.SQLAlchemyError as error:
        raise explain_server_error(error, url) from error


def _create_schema(connection: Connection) -> None:
    if inspect(connection).get_table_names():
        raise DatabaseError(
            "The server database already holds tables that are not ClerkDesk's. Give "
            "ClerkDesk a database of its own (CREATE DATABASE clerkdesk) and try again."
        )
    Base.metadata.create_all(connection)
    for statement in _SERVER_DDL:
        connection.exec_driver_sql(statement)
    connection.exec_driver_sql(
        f"INSERT INTO {_VERSION_TABLE} (version) VALUES ({SERVER_LATEST_VERSION})"
    )


def _upgrade_schema(connection: Connection, version: int) -> None:
    """Take a server database from ``version`` up to this version's, in the
    caller's transaction: an upgrade that fails leaves it as it was."""
    for step in range(version + 1, SERVER_LATEST_VERSION + 1):
        _SERVER_STEPS[step](connection)
    connection.exec_driver_sql(f"UPDATE {_VERSION_TABLE} SET version = {SERVER_LATEST_VERSION}")


def _team_tables(connection: Connection) -> None:
    """Version 18: leases, conflict copies and proposals (the file's 0018)."""
    names = ("meeting_lease", "conflict_copy", "person_proposal", "checkout")
    Base.metadata.create_all(connection, tables=[Base.metadata.tables[n] for n in names])
    connection.exec_driver_sql(
        f"ALTER TABLE {_VERSION_TABLE} ADD COLUMN identity text NOT NULL"
        " DEFAULT gen_random_uuid()::text"
    )


def _stored_search_words(connection: Connection) -> None:
    """Version 19: the search words stored, in place of indexes on the expression."""
    for table, words in _SEARCH_WORDS.items():
        connection.exec_driver_sql(f"DROP INDEX search_{table}")
        for statement in _searched(table, words):
            connection.exec_driver_sql(statement)


# Each step of the server's ladder after SERVER_BASE_VERSION, by the version it
# brings a database to. (A file has no step 19: its search is FTS5's.)
_SERVER_STEPS = {18: _team_tables, 19: _stored_search_words}
SERVER_LATEST_VERSION = max(_SERVER_STEPS)


def server_identity(connection: Connection) -> str:
    """The server database's identity, made when it was set up."""
    return str(connection.exec_driver_sql(f"SELECT identity FROM {_VERSION_TABLE}").scalar_one())


def explain_server_error(error: BaseException, url: URL) -> DatabaseError:
    """A server's failure, said so that the clerk knows what to do."""
    original = getattr(error, "orig", None) or error
    text = str(original).lower()
    where = shown(url)
    if "password authentication failed" in text or "no password supplied" in text:
        return DatabaseError(
            f"The server {where} refused the user name or password. Check the credentials "
            "in your PostgreSQL service or password file."
        )
    if f'database "{(url.database or "").lower()}" does not exist' in text:
        return DatabaseError(
            f"There is no database {url.database!r} on the server. Ask the server's "
            "administrator to create it, then run `clerkdesk --server URL setup`."
        )
    unreachable = (
        "connection to server",
        "connection is bad",
        "could not connect",
        "connection refused",
        "could not translate host name",
        "timeout expired",
        "server closed the connection",
    )
    if any(words in text for words in unreachable):
        return ServerUnreachableError(
            f"The server {where} cannot be reached. Nothing was changed. Check the network "
            "(or work on a meeting checked out to this computer) and try again."
        )
    if "could not serialize" in text or "deadlock" in text or "lock timeout" in text:
        return DatabaseBusyError(
            f"Another clerk was changing the same meeting on {where}. Nothing was changed; "
            "try again."
        )
    return DatabaseError(f"The server {where} reported an error: {original}")


def server_transaction_failed(connection: Connection) -> bool:
    """Whether a statement failed in the connection's transaction on a server
    (which PostgreSQL then refuses to go on with: it can only roll back)."""
    if connection.dialect.name != "postgresql":
        return False
    from psycopg.pq import TransactionStatus

    driver = connection.connection.driver_connection
    return getattr(driver, "info", None) is not None and (
        driver.info.transaction_status == TransactionStatus.INERROR  # type: ignore[union-attr]
    )
