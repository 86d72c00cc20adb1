"""DM replies kept aside, unshared, until their author says which session they answer."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, select

from storage.models import PendingReply


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
    return session.exec(
        select(PendingReply).where(PendingReply.token == token, PendingReply.expires_at > now)
    ).first()


def forget_reply(*, session: Session, reply_id: int) -> bool:
    """Delete a kept reply; False when another transaction already did (a double click)."""
    result = session.execute(delete(PendingReply).where(PendingReply.id == reply_id))  # type: ignore[arg-type]
    return result.rowcount == 1


def forget_expired_replies(*, session: Session, now: datetime) -> int:
    """Delete the replies whose author never said which session they answer."""
    result = session.execute(delete(PendingReply).where(PendingReply.expires_at <= now))
    return result.rowcount or 0
