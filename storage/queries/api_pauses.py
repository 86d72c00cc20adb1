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
from functools import cache
from typing import Any

from sqlalchemy import case, delete, or_, select, update
from sqlmodel import Session, col

from storage.batches import Gathered
from storage.db import Database
from storage.models import ApiPause
from storage.queries.inserts import dialect_insert, insert_in
from storage.queries.slices import among
from storage.types import instant

CALL_HELD_FOR = timedelta(seconds=10)
"""How long a taken scope stays taken at most: a dead process's scopes are free again this
soon (a call still going after that, rare, no longer keeps the others away)."""
BUSY_RETRY = timedelta(seconds=1)  # a scope another process is calling: try again this soon
GIVE_BACK_LINGER = 0.02
"""Seconds gives-back wait for others before they are written together: nothing waits on
them but the scope's next call here (its channel is paced to one a second anyway), and with
many sends in flight a transaction for each two or three of them cost more than the takes."""


def _over(now: Any) -> Any:
    """Neither paused nor being called at `now` (an instant or a parameter)."""
    busy = col(ApiPause.busy_until)
    return (col(ApiPause.until) <= now) & or_(busy.is_(None), busy <= now)


# Built once (building a statement costs more than running it): the statements of every send.
_NOW = instant("now")
_SCOPES = "scopes"
_FREE_GIVEN_BACK = delete(ApiPause).where(
    among(col(ApiPause.scope), _SCOPES), col(ApiPause.until) <= _NOW
)
_UNBUSY_GIVEN_BACK = (
    update(ApiPause).where(among(col(ApiPause.scope), _SCOPES)).values(busy_until=None)
)


@cache
def _take(dialect: str) -> Any:
    """`take_scopes`' statement in `dialect`, run with a parameter set per scope (one
    multi-row INSERT): a scope is taken, and returned, when it is new, or neither paused nor
    busy at its take's instant (the `until` it comes with)."""
    insert = insert_in(dialect, ApiPause)
    return insert.on_conflict_do_update(
        index_elements=["scope"],
        set_={"busy_until": insert.excluded.busy_until},
        where=_over(insert.excluded.until),
    ).returning(ApiPause.scope)


_STATES = select(col(ApiPause.scope), col(ApiPause.until), col(ApiPause.busy_until)).where(
    among(col(ApiPause.scope), _SCOPES)
)


def take_scopes(*, session: Session, takes: list[Take]) -> list[datetime | None]:
    """Take each scope for a call, unless it is paused or another call holds it: then the
    instant to try again, the end of the pause or in a second (None: taken). One statement
    for them all, and one more for those not taken. A scope asked for twice is taken once:
    the second ask finds it busy."""
    first: dict[str, Take] = {}
    for take in takes:
        first.setdefault(take.scope, take)
    connection = session.connection()  # Core: no ORM work for a statement of every send
    taken = set(
        connection.execute(
            _take(connection.dialect.name),
            [
                {"scope": t.scope, "until": t.now, "busy_until": t.now + CALL_HELD_FOR}
                for t in first.values()
            ],
        ).scalars()
    )
    granted = [t.scope in taken and first[t.scope] is t for t in takes]
    if all(granted):
        return [None] * len(takes)
    refused = {t.scope for t, ok in zip(takes, granted, strict=True) if not ok}
    states: dict[str, tuple[datetime, datetime | None]] = {
        scope: (until, busy)
        for scope, until, busy in connection.execute(_STATES, {"scopes": sorted(refused)})
    }

    def retry_at(take: Take) -> datetime:
        state = states.get(take.scope)
        if state is None:  # given back meanwhile
            return take.now + BUSY_RETRY
        until, busy = state
        return max(
            until, take.now + BUSY_RETRY if busy is not None and busy > take.now else take.now
        )

    return [None if ok else retry_at(t) for t, ok in zip(takes, granted, strict=True)]


def give_back_scopes(*, session: Session, scopes: list[str], now: datetime) -> None:
    """The calls to `scopes` are over, none of them paused by its answer: each is forgotten,
    or only no longer busy when an earlier 429 still pauses it (two statements for them all)."""
    if scopes:
        connection = session.connection()  # Core: no ORM work for a statement of every send
        connection.execute(_FREE_GIVEN_BACK, {"scopes": scopes, "now": now})
        connection.execute(_UNBUSY_GIVEN_BACK, {"scopes": scopes})


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


@dataclass(frozen=True)
class Take:
    """Take a scope for a call (`take_scopes`)."""

    scope: str
    now: datetime


@dataclass(frozen=True)
class GiveBack:
    """Give a scope back after its call, paused until `paused_until` if it got a 429."""

    scope: str
    paused_until: datetime | None
    now: datetime


class SharedPauses:
    """One platform's scopes in the database (keyed by `scope_key`). Takes asked for while
    others are being written go together in the next transaction, and so do gives-back, which
    also wait `GIVE_BACK_LINGER` for more: with many sends in flight, a few transactions a
    batch instead of two per send."""

    def __init__(self, db: Database, platform: str) -> None:
        self.db = db
        self.platform = platform
        self._takes: Gathered[Take, datetime | None] = Gathered(self._take_all)
        self._gives_back: Gathered[GiveBack, None] = Gathered(
            self._give_back_all, linger=GIVE_BACK_LINGER
        )

    async def take(self, scope: str, now: datetime) -> datetime | None:
        """None: taken; else when to try again (paused, or another process is calling it)."""
        return await self._takes(Take(scope_key(self.platform, scope), now))

    async def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None:
        await self._gives_back(GiveBack(scope_key(self.platform, scope), paused_until, now))

    def pause(self, scope: str, until: datetime, now: datetime) -> None:
        with self.db.session() as session:
            pause_scope(
                session=session, scope=scope_key(self.platform, scope), until=until, now=now
            )

    def _take_all(self, takes: list[Take]) -> list[datetime | None]:
        """The takes in one transaction (a batch never holds two calls of one scope: a process
        calls a scope once at a time)."""
        with self.db.session() as session:
            return take_scopes(session=session, takes=takes)

    def _give_back_all(self, given_back: list[GiveBack]) -> list[None]:
        """The gives-back in one transaction; those without a 429 together."""
        with self.db.session() as session:
            for call in given_back:
                if call.paused_until is not None:
                    give_back_scope(
                        session=session,
                        scope=call.scope,
                        paused_until=call.paused_until,
                        now=call.now,
                    )
            if plain := [call for call in given_back if call.paused_until is None]:
                now = max(call.now for call in plain)
                give_back_scopes(session=session, scopes=[c.scope for c in plain], now=now)
        return [None] * len(given_back)
