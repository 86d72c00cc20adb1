"""Platform events already handled."""

from __future__ import annotations

import hashlib
from datetime import datetime
from functools import cache
from typing import Any

from sqlmodel import Session

from storage.models import ProcessedEvent
from storage.queries.inserts import insert_in

KEY_MAX = 128  # the column's length


def event_key(event_id: str) -> str:
    """`event_id` as stored: ids longer than the column are kept as their SHA-256."""
    if len(event_id) <= KEY_MAX:
        return event_id
    return "sha256:" + hashlib.sha256(event_id.encode("utf-8", "surrogatepass")).hexdigest()


def first_delivery(*, session: Session, event_id: str, now: datetime) -> bool:
    """Record `event_id`; True the first time it is seen, False for a retry of it."""
    session.flush()  # what the session holds goes first, as the ORM's autoflush would
    statement = _first_delivery(session.get_bind().dialect.name)
    params = {"event_id": event_key(event_id), "received_at": now}
    return session.connection().execute(statement, params).first() is not None


@cache
def _first_delivery(dialect: str) -> Any:
    """`first_delivery`'s INSERT … ON CONFLICT DO NOTHING RETURNING, built once per dialect
    (every event handled runs it)."""
    table = ProcessedEvent.__table__  # type: ignore[attr-defined]
    insert = insert_in(dialect, table)
    return insert.on_conflict_do_nothing(index_elements=["event_id"]).returning(table.c.event_id)
