"""A platform's API scopes (a method and a channel) as every process on the database sees them:
paused by a 429 for its Retry-After, or being called by one process. A process takes a scope
before each call and gives it back after, with the pause the call got if any: so no two
processes call the same scope at once, and none calls it while another one's 429 holds.

A scope names a person when the channel is their DM (`dm:<user id>`), and every paced call
writes its scope for as long as it goes on: a row is keyed by a digest of the scope, never by
the scope itself, so that an erasure running while a message to the person is in flight (the
row live when the erasure rebuilds the file) leaves no id of theirs behind."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, or_, update
from sqlmodel import Session, col, select

from storage.db import Database
from storage.models import ApiPause
from storage.queries.inserts import dialect_insert

CALL_HELD_FOR = timedelta(seconds=10)
"""How long a taken scope stays taken at most: a dead process's scopes are free again this
soon (a call still going after that, rare, no longer keeps the others away)."""
BUSY_RETRY = timedelta(seconds=1)  # a scope another process is calling: try again this soon


def _over(now: datetime):  # type: ignore[no-untyped-def]
    """Neither paused nor being called at `now`."""
    busy = col(ApiPause.busy_until)
    return (col(ApiPause.until) <= now) & or_(busy.is_(None), busy <= now)


def take_scope(*, session: Session, scope: str, now: datetime) -> datetime | None:
    """Take `scope` for a call, unless it is paused or another process is calling it: then
    the instant to try again, the end of the pause or in a second (None: taken)."""
    taken = session.execute(
        dialect_insert(session=session, table=ApiPause)
        .values(scope=scope, until=now, busy_until=now + CALL_HELD_FOR)
        .on_conflict_do_update(
            index_elements=["scope"],
            set_={"busy_until": now + CALL_HELD_FOR},
            where=_over(now),
        )
        .returning(ApiPause.scope)
    ).first()
    if taken is not None:
        return None
    row = session.exec(select(ApiPause).where(ApiPause.scope == scope)).first()
    if row is None:  # given back in the meantime
        return now + BUSY_RETRY
    busy = row.busy_until is not None and row.busy_until > now
    return max(row.until, now + BUSY_RETRY if busy else now)


def give_back_scope(
    *, session: Session, scope: str, paused_until: datetime | None, now: datetime
) -> None:
    """The call is over; with `paused_until`, the scope is paused until then (a 429)."""
    until = paused_until or now
    table = ApiPause.__table__  # type: ignore[attr-defined]
    session.execute(
        update(ApiPause)
        .where(col(ApiPause.scope) == scope)
        .values(busy_until=None, until=case((table.c.until < until, until), else_=table.c.until))
    )
    session.execute(delete(ApiPause).where(col(ApiPause.scope) == scope, _over(now)))


def pause_scope(*, session: Session, scope: str, until: datetime, now: datetime) -> None:
    """Nothing goes to `scope` before `until` (a later pause already there is kept), for a call
    made without taking the scope; the scopes neither paused nor busy any more are forgotten."""
    session.execute(delete(ApiPause).where(_over(now)))
    table = ApiPause.__table__  # type: ignore[attr-defined]
    session.execute(
        dialect_insert(session=session, table=ApiPause)
        .values(scope=scope, until=until)
        .on_conflict_do_update(
            index_elements=["scope"],
            set_={"until": case((table.c.until < until, until), else_=table.c.until)},
        )
    )


def scope_key(platform: str, scope: str) -> str:
    """How a platform's scope is stored: the platform's name and a digest of the scope (which
    may hold a person's id)."""
    return f"{platform}:{hashlib.sha256(scope.encode()).hexdigest()}"


@dataclass
class SharedPauses:
    """One platform's scopes in the database (keyed by `scope_key`)."""

    db: Database
    platform: str

    def take(self, scope: str, now: datetime) -> datetime | None:
        with self.db.session() as session:
            return take_scope(session=session, scope=scope_key(self.platform, scope), now=now)

    def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None:
        with self.db.session() as session:
            give_back_scope(
                session=session,
                scope=scope_key(self.platform, scope),
                paused_until=paused_until,
                now=now,
            )

    def pause(self, scope: str, until: datetime, now: datetime) -> None:
        with self.db.session() as session:
            pause_scope(
                session=session, scope=scope_key(self.platform, scope), until=until, now=now
            )
