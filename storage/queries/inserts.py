"""INSERT … ON CONFLICT DO NOTHING, in the dialect of the session's database."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_ignoring_conflicts(*, session: Session, table: Any, keys: list[str]) -> Any:
    """An INSERT into `table` that does nothing when a row with the same `keys` exists
    (PostgreSQL and SQLite both say ON CONFLICT DO NOTHING; each has its own construct)."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(table).on_conflict_do_nothing(index_elements=keys)
