"""DM replies kept aside, unshared, until their author says which session they answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, delete, exists
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, select

from storage.db import execute_core, note_erasure
from storage.models import PendingReply
from storage.types import instant


def add_pending_reply(
    *, session: Session, token: str, author_id: int, text: str, now: datetime, until: datetime
) -> PendingReply:
    reply = PendingReply(
        token=token, author_id=author_id, text=text, created_at=now, expires_at=until
    )
    session.add(reply)
    session.flush()
    return reply


def pending_reply(*, session: Session, token: str, now: datetime) -> PendingReply | None:
    """The reply kept under `token`, unless it has expired."""
    return session.exec(_PENDING, params={"token": token, "now": now}).first()


def forget_reply(*, session: Session, reply_id: int, erased: bool) -> bool:
    """Delete a kept reply; False when another transaction already did (a double click).
    `erased`: its words are kept nowhere else (deleted at its author's request), so no copy
    may stay in the database files either."""
    result = session.exec(delete(PendingReply).where(col(PendingReply.id) == reply_id))
    if erased:
        note_erasure(session)
    return result.rowcount == 1


def forget_expired_replies(*, session: Session, now: datetime) -> int:
    """Delete the replies whose author never said which session they answer. The dispatcher
    asks every run, and almost every run finds none: whether there is any is asked first, a
    Core statement on the session's connection once what the session holds is flushed (as the
    ORM's autoflush would); the ORM's delete, which matches what the session holds too, costs
    several times as much."""
    if not execute_core(session, _ANY_EXPIRED, {"now": now}).scalar():
        return 0
    result = session.exec(_EXPIRED, params={"now": now})
    if result.rowcount:
        note_erasure(session)
    return result.rowcount or 0


# Built once, with parameters: every DM reads the first, the dispatcher's planning the others.
_NOW = instant("now")
_PENDING = select(PendingReply).where(
    col(PendingReply.token) == bindparam("token"), col(PendingReply.expires_at) > _NOW
)
_GONE = col(PendingReply.expires_at) <= _NOW
_ANY_EXPIRED = sql_select(exists().where(_GONE))
_EXPIRED = delete(PendingReply).where(_GONE)
