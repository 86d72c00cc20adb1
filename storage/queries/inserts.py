"""INSERT … ON CONFLICT DO NOTHING, in the dialect of the session's database."""

from __future__ import annotations

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


def insert_ignoring_conflicts(*, session: Session, table: Any, keys: list[str]) -> Any:
    """An INSERT into `table` that does nothing when a row with the same `keys` exists."""
    return dialect_insert(session=session, table=table).on_conflict_do_nothing(index_elements=keys)
