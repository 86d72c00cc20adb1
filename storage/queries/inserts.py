"""INSERT … ON CONFLICT DO NOTHING, in the dialect of the session's database."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from storage.db import execute_core


def dialect_insert(*, session: Session, table: Any) -> Any:
    """An INSERT into `table` in the session's dialect, so that ON CONFLICT can follow
    (PostgreSQL and SQLite both say it; each has its own construct)."""
    return insert_in(session.get_bind().dialect.name, table)


def insert_in(dialect: str, table: Any) -> Any:
    """An INSERT into `table` in `dialect` (a dialect's name), for statements built once."""
    return (postgresql.insert if dialect == "postgresql" else sqlite.insert)(table)


def insert_ignoring_conflicts(session: Session, model: Any, *unique: str) -> Any:
    """`INSERT … ON CONFLICT (unique) DO NOTHING` in the session's dialect: concurrent
    planners (replicas) insert the same row once and neither fails."""
    return _insert_ignoring(session.get_bind().dialect.name, model, unique)


@cache
def _insert_ignoring(dialect: str, model: Any, unique: tuple[str, ...]) -> Any:
    """Built once per dialect, model and key (statements are immutable)."""
    return insert_in(dialect, model).on_conflict_do_nothing(index_elements=list(unique))


def insert_new(session: Session, table: Any, unique: tuple[str, ...], rows: Any) -> int:
    """Insert `rows` (a dict, or a list of them) into `table` as a Core statement built once,
    those whose `unique` key exists already skipped; how many were inserted. What the session
    holds is flushed first, as the ORM's autoflush would; the ORM's bulk insert cost several
    times the statement. SQLite counts the rows an `executemany` inserted, so there the rows
    go as they are (the driver's loop: half the cost of a few rows sent as one statement with
    RETURNING); psycopg does not count them (-1), so on PostgreSQL RETURNING does."""
    dialect = session.get_bind().dialect.name
    if dialect == "sqlite":
        return int(execute_core(session, _insert_ignoring(dialect, table, unique), rows).rowcount)
    return len(execute_core(session, _returning(dialect, table, unique), rows).all())


@cache
def _returning(dialect: str, table: Any, unique: tuple[str, ...]) -> Any:
    return _insert_ignoring(dialect, table, unique).returning(*table.primary_key)
