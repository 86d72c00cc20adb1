"""Platform events already handled."""

from __future__ import annotations

import hashlib
from datetime import datetime

from sqlmodel import Session

from storage.models import ProcessedEvent
from storage.queries.inserts import insert_new

KEY_MAX = 128  # the column's length


def event_key(event_id: str) -> str:
    """`event_id` as stored: ids longer than the column are kept as their SHA-256."""
    if len(event_id) <= KEY_MAX:
        return event_id
    return "sha256:" + hashlib.sha256(event_id.encode("utf-8", "surrogatepass")).hexdigest()


def first_delivery(*, session: Session, event_id: str, now: datetime) -> bool:
    """Record `event_id`; True the first time it is seen, False for a retry of it."""
    row = {"event_id": event_key(event_id), "received_at": now}
    return bool(insert_new(session, _table, ("event_id",), "event_id", row))


_table = ProcessedEvent.__table__  # type: ignore[attr-defined]
