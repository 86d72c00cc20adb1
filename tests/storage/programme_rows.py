"""Rows of a synthetic programme written straight into the tables (thousands of pairs in one
insert each), with the planner's statistics: the programmes whose statement plans the storage
tests read."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from sqlalchemy import insert
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel

from storage.db import refresh_statistics


def pair_row(n: int, created: datetime, **columns: Any) -> dict[str, Any]:
    """Pair n + 1 of persons 2n + 1 (mentor, who created it) and 2n + 2, created at `created`,
    weekly on Thursdays at 18:00 in Paris for an hour by video; `columns` add to or replace
    these."""
    return {
        "id": n + 1,
        "platform": "slack",
        "mentor_id": 2 * n + 1,
        "mentee_id": 2 * n + 2,
        "created_by_id": 2 * n + 1,
        "created_at": created,
        "frequency": "weekly",
        "weekday": 3,
        "local_time": time(18),
        "duration_minutes": 60,
        "timezone": "Europe/Paris",
        "start": created.date(),
        "format": "video",
        **columns,
    }


def insert_programme(
    engine: Engine,
    people: list[dict[str, Any]],
    pairs: list[dict[str, Any]],
    sessions: list[dict[str, Any]],
) -> None:
    """Write these people, pairs and sessions, then compute the planner's statistics."""
    with engine.begin() as connection:
        for table, rows in (("person", people), ("pair", pairs), ("meeting_session", sessions)):
            connection.execute(insert(SQLModel.metadata.tables[table]), rows)
    refresh_statistics(engine)
