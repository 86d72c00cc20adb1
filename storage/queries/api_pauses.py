"""Pauses a platform asked for (429 Retry-After), shared by every process on the database."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, delete
from sqlmodel import Session, col, select

from storage.db import Database
from storage.models import ApiPause
from storage.queries.inserts import dialect_insert


def pause_scope(*, session: Session, scope: str, until: datetime, now: datetime) -> None:
    """Nothing goes to `scope` before `until` (a later pause already there is kept); pauses
    over by `now` are forgotten."""
    session.execute(delete(ApiPause).where(col(ApiPause.until) <= now))
    table = ApiPause.__table__  # type: ignore[attr-defined]
    session.execute(
        dialect_insert(session=session, table=ApiPause)
        .values(scope=scope, until=until)
        .on_conflict_do_update(
            index_elements=["scope"],
            set_={"until": case((table.c.until < until, until), else_=table.c.until)},
        )
    )


def paused_until(*, session: Session, scope: str, now: datetime) -> datetime | None:
    """When the pause of `scope` ends, if it is paused at `now`."""
    return session.exec(
        select(ApiPause.until).where(ApiPause.scope == scope, col(ApiPause.until) > now)
    ).first()


class SharedPauses:
    """The pauses of one platform's API in the database (scopes prefixed with the platform)."""

    def __init__(self, db: Database, platform: str) -> None:
        self.db = db
        self.platform = platform

    def pause(self, scope: str, until: datetime, now: datetime) -> None:
        with self.db.session() as session:
            pause_scope(session=session, scope=f"{self.platform}:{scope}", until=until, now=now)

    def until(self, scope: str, now: datetime) -> datetime | None:
        with self.db.session() as session:
            return paused_until(session=session, scope=f"{self.platform}:{scope}", now=now)
