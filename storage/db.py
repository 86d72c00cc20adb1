"""The database: engine, sessions, and migration to the newest schema at start-up."""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from weakref import WeakKeyDictionary

from alembic import command
from alembic.config import Config
from sqlalchemy import event, exc, make_url, text
from sqlalchemy.engine import Connection, CursorResult, Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry
from sqlalchemy.sql.expression import Executable
from sqlalchemy.util.typing import TupleAny
from sqlmodel import Session, create_engine

MIGRATIONS = Path(__file__).parent / "migrations"
MIGRATION_LOCK = 0x6D656E746F72  # a PostgreSQL advisory lock key: replicas migrate in turn
OWNER_ONLY = 0o600
SQLITE_COMPANIONS = ("", "-wal", "-shm", "-journal")
CACHED_STATEMENTS = 64
"""Prepared statements a SQLite connection keeps (Python's default: 128). Every statement but
a multi-row insert has one text whatever its rows' number (reads by many keys bind them as one
list: `storage.queries.slices.among`), and `simulate` runs about 320 texts, 64 of which hold
every one in use for long: 0.7 % of its statements are prepared again, 42 % with 16."""
IDLE_BEFORE_PING = 1.0
"""Seconds a pooled server connection must have sat unused before it is checked (pinged)
on checkout: a dispatcher opens several transactions a batch, and a ping for each cost a round
trip more than its statements."""
INSERTED_PER_STATEMENT = 100
"""Rows one multi-row INSERT … RETURNING carries on SQLite (SQLAlchemy's default: 1,000). Its
text is one per number of rows, and each prepared one holds native memory in proportion: with
1,000 a statement, 64 kept statements grew `simulate`'s 10,000 pairs by 30 MB."""
ERASED = "mentorbot.erased"  # Session.info key: content was erased in this transaction

log = logging.getLogger(__name__)


def make_engine(url: str, *, scratch: bool = False) -> Engine:
    """An engine for `url` that never writes SQL parameters (people's words) into a log or an
    exception; SQLite gets foreign keys, WAL, cross-thread use, owner-only files and freed
    space overwritten with zeros. A `scratch` SQLite database (a simulation's, thrown away
    afterwards) skips waiting for the disk."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url.removeprefix("postgres://")
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith("sqlite"):
        return ping_when_idle(create_engine(url, hide_parameters=True))
    database = make_url(url).database or ":memory:"
    in_memory = database == ":memory:" or "mode=memory" in url
    if not in_memory:
        keep_private(Path(database))
    engine = create_engine(
        url,
        connect_args={
            "check_same_thread": False,
            "timeout": 30,
            "cached_statements": CACHED_STATEMENTS,
        },
        insertmanyvalues_page_size=INSERTED_PER_STATEMENT,
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are zeroed, not just unlinked
        if not in_memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            # In WAL mode a commit survives the process being killed without waiting for the
            # disk at each one (each sent message is a commit); only a power cut may undo the
            # last ones. A scratch database does not wait for the disk at all.
            cursor.execute(f"PRAGMA synchronous={'OFF' if scratch else 'NORMAL'}")
            # SQLite's page cache stays at its default (2 MB), a simulation's too: the system's
            # serves its rereads; 64 MB made `simulate` bigger for no clear gain in time.
        cursor.close()

    return engine


def ping_when_idle(engine: Engine, idle: float = IDLE_BEFORE_PING) -> Engine:
    """Check a pooled connection on checkout when it sat unused for `idle` seconds (the server
    may have restarted or dropped it meanwhile): a dead one is replaced before anyone uses it.
    One used a moment ago is handed out as is; should it fail all the same, SQLAlchemy drops
    the pool's connections and the next checkout opens new ones."""

    @event.listens_for(engine, "checkin")
    def _returned(_dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _check(
        dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry, _proxy: object
    ) -> None:
        returned = record.info.pop("returned_at", None)
        if returned is None or time.monotonic() - returned < idle:
            return  # just opened, or used a moment ago
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as error:
            raise exc.DisconnectionError("the pooled connection is gone") from error
        if not alive:
            raise exc.DisconnectionError("the pooled connection is gone")

    return engine


def keep_private(database: Path) -> None:
    """Create the SQLite file readable by its owner only; SQLite gives its -wal and -shm the
    mode of the database file. Files an older version left readable by others are tightened."""
    if not database.exists():
        os.close(os.open(database, os.O_WRONLY | os.O_CREAT, OWNER_ONLY))
    for suffix in SQLITE_COMPANIONS:
        path = database.with_name(database.name + suffix)
        if path.exists() and stat.S_IMODE(path.stat().st_mode) & 0o077:
            path.chmod(OWNER_ONLY)
            log.warning("%s was readable by others: now by its owner only", path.name)


def note_erasure(session: Session) -> None:
    """Content was erased in this transaction: once it commits, no copy may stay in the files."""
    session.info[ERASED] = True


def leave_no_copy(engine: Engine) -> None:
    """After an erasure, on SQLite: rebuild the file (VACUUM: no erased bytes left in free
    space that page reorganisations copied them to) and empty the WAL, whose older frames still
    hold the erased pages. PostgreSQL keeps dead rows until its own VACUUM: see README.md."""
    if engine.dialect.name != "sqlite":
        log.info("content was erased: vacuum the tables (README.md, 'What stays on disk')")
        return
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            connection.exec_driver_sql("VACUUM")
            busy, _, _ = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    except Exception:
        log.exception("after an erasure, the database file could not be compacted")
        return
    if busy:
        log.error("after an erasure, the WAL could not be emptied: readers kept it busy")


STATISTICS_GROWTH_FLOOR = 1000
"""Rows a table must have gained, at the least, for its growth to call for `ANALYZE`: smaller
tables are read in well under a millisecond whatever the plan, and tables that doubled from a
handful of rows would otherwise call for whole passes early on."""
_analyzed: WeakKeyDictionary[Engine, dict[str, int]] = WeakKeyDictionary()
"""Each table's largest row id at the last `ANALYZE` of an engine's database."""


def refresh_statistics(engine: Engine) -> bool:
    """On SQLite, read every index (`ANALYZE`) so that the query planner knows which indexes
    narrow a search: without statistics it guesses, and took the index on a notification's
    status, walking every row sent in a window, where the unique index finds one person's
    requests. A sample (`analysis_limit`) misleads it the same way: it counts the rows it read
    as the rows of each status. A whole pass takes about half a second at 100,000 pairs (its
    800,000 notifications): it is made at the first call for an engine (start-up), then only
    once a table has at least doubled since the last one, by `STATISTICS_GROWTH_FLOOR` rows or
    more (its largest row id tells: rows are added, seldom deleted). Until then a table's
    statistics fall short of its rows by less than half, every estimate of the table alike,
    which can only swap plans whose costs were estimated within a factor of two of each other;
    a pass is for a table that grew from none or a few rows, of which they said nothing or
    little. Whether it made one. PostgreSQL's autovacuum does this on its own."""
    if engine.dialect.name != "sqlite":
        return False
    try:
        with engine.connect() as connection:
            sizes = _largest_row_ids(connection)
            last = _analyzed.get(engine)
            if last is not None and not any(
                largest - last.get(table, 0) >= max(last.get(table, 0), STATISTICS_GROWTH_FLOOR)
                for table, largest in sizes.items()
            ):
                return False
            connection.exec_driver_sql("PRAGMA analysis_limit=0")  # no sample: every row
            connection.exec_driver_sql("ANALYZE")
            connection.commit()
    except Exception:  # planning goes on with the statistics it had
        log.exception("the query planner's statistics could not be refreshed")
        return False
    _analyzed[engine] = sizes
    return True


def _largest_row_ids(connection: Connection) -> dict[str, int]:
    """Each table's largest row id (0 if empty): one look down each table's b-tree, a few
    microseconds for all of them."""
    tables = connection.exec_driver_sql(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'"
        " AND sql NOT LIKE '%WITHOUT ROWID%'"
    ).scalars()
    names = [str(name) for name in tables]
    if not names:
        return {}
    quote = connection.dialect.identifier_preparer.quote
    largest = ", ".join(f"(SELECT max(rowid) FROM {quote(name)})" for name in names)
    row = connection.exec_driver_sql(f"SELECT {largest}").one()
    return {name: value or 0 for name, value in zip(names, row, strict=True)}


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        if engine.dialect.name == "postgresql":  # two replicas starting together
            connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def execute_core(
    session: Session,
    statement: Executable,
    params: Mapping[str, Any] | Sequence[Mapping[str, Any]] | None = None,
) -> CursorResult[*TupleAny]:
    """Run the Core `statement` (a read of columns, not ORM objects, or a write; `params` a
    dict, or a list of them for many rows) on the session's connection, in its transaction,
    after flushing what the session holds as its autoflush would: the ORM's own execution cost
    75–90 µs more than a read itself on SQLite (146 µs beside 54 µs for the next due instant),
    and its UPDATE first fetched the rows to change; the dispatcher, the hourly checks and
    every DM run such statements by the thousand."""
    session.flush()
    return session.connection().execute(statement, params)


class Database:
    """Hands out ORM sessions on one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session that commits on success and rolls back on error."""
        with Session(self.engine, expire_on_commit=False) as session:
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise
            erased = session.info.pop(ERASED, False)
        if erased:
            leave_no_copy(self.engine)
