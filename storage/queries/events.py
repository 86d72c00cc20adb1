"""Platform events already handled."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from storage.models import ProcessedEvent


def first_delivery(*, session: Session, event_id: str, now: datetime) -> bool:
    """Record `event_id`; True the first time it is seen, False for a retry of it."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    inserted = session.execute(
        insert(ProcessedEvent)
        .values(event_id=event_id, received_at=now)
        .on_conflict_do_nothing(index_elements=["event_id"])
        .returning(ProcessedEvent.event_id)
    ).first()
    return inserted is not None
