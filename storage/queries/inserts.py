"""INSERT … ON CONFLICT DO NOTHING, in the dialect of the session's database."""

from __future__ import annotations

from functools import cache
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


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


def insert_new(
    session: Session, table: Any, unique: tuple[str, ...], returning: str, rows: Any
) -> list[Any]:
    """Insert `rows` (a dict, or a list of them) into `table` as a Core statement built once,
    those whose `unique` key exists already skipped; the `returning` column of the rows
    inserted. What the session holds is flushed first, as the ORM's autoflush would; the
    ORM's bulk insert cost several times the statement."""
    session.flush()
    statement = _insert_new(session.get_bind().dialect.name, table, unique, returning)
    return list(session.connection().execute(statement, rows).scalars())


@cache
def _insert_new(dialect: str, table: Any, unique: tuple[str, ...], returning: str) -> Any:
    return _insert_ignoring(dialect, table, unique).returning(table.c[returning])
