"""Notifications: owed, claimed, sent — once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, col, select

from storage.models import Notification

PENDING = "pending"
SENDING = "sending"
SENT = "sent"
DROPPED = "dropped"
FAILED = "failed"


@dataclass(frozen=True)
class Owed:
    """A notification to plan."""

    kind: str
    recipient: str
    subject: str
    due_at: datetime
    expires_at: datetime | None = None


def owe(*, session: Session, owed: list[Owed], now: datetime) -> int:
    """Plan notifications; one already planned (same kind, recipient, subject) is left as it is."""
    if not owed:
        return 0
    rows = [
        {
            "kind": o.kind,
            "recipient": o.recipient,
            "subject": o.subject,
            "due_at": o.due_at,
            "expires_at": o.expires_at,
            "status": PENDING,
            "attempts": 0,
            "created_at": now,
        }
        for o in owed
    ]
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(Notification)
        .on_conflict_do_nothing(index_elements=["kind", "recipient", "subject"])
        .returning(Notification.id)
    )
    return len(session.execute(statement, rows).all())


def claim_due(*, session: Session, now: datetime, limit: int) -> list[Notification]:
    """Mark up to `limit` due rows as being sent by this process and return them.

    PostgreSQL skips rows another replica holds; everywhere, the compare-and-set on
    `status` makes sure a row is claimed by one caller only.
    """
    candidates = (
        select(Notification.id)
        .where(Notification.status == PENDING, Notification.due_at <= now)
        .order_by(Notification.due_at, Notification.id)
        .limit(limit)
    )
    if session.get_bind().dialect.name == "postgresql":
        candidates = candidates.with_for_update(skip_locked=True)
    ids = list(session.exec(candidates))
    if not ids:
        return []
    claimed = session.execute(
        update(Notification)
        .where(Notification.id.in_(ids), Notification.status == PENDING)  # type: ignore[union-attr]
        .values(status=SENDING, claimed_at=now, attempts=Notification.attempts + 1)
        .returning(Notification.id)
    )
    claimed_ids = [row[0] for row in claimed]
    session.commit()
    return list(
        session.exec(
            select(Notification)
            .where(Notification.id.in_(claimed_ids))
            .order_by(Notification.due_at)  # type: ignore[union-attr]
        )
    )


def finish(*, session: Session, notification_id: int, status: str, now: datetime, outcome: str):
    """Record how a claimed row ended: sent, dropped (no longer useful) or failed."""
    session.execute(
        update(Notification)
        .where(Notification.id == notification_id)
        .values(status=status, sent_at=now if status == SENT else None, outcome=outcome[:255])
    )


def retry_later(*, session: Session, notification_id: int, due_at: datetime, outcome: str):
    """Put a claimed row back in the queue, due again at `due_at`."""
    session.execute(
        update(Notification)
        .where(Notification.id == notification_id)
        .values(status=PENDING, due_at=due_at, claimed_at=None, outcome=outcome[:255])
    )


def release_stale_claims(*, session: Session, now: datetime, older_than: timedelta) -> int:
    """Requeue rows claimed by a process that died before recording the outcome."""
    result = session.execute(
        update(Notification)
        .where(Notification.status == SENDING, Notification.claimed_at < now - older_than)
        .values(status=PENDING, claimed_at=None)
    )
    return result.rowcount or 0


def drop_pending(*, session: Session, subject_prefix: str, now: datetime, outcome: str) -> int:
    """Drop pending rows whose subject starts with `subject_prefix`."""
    result = session.execute(
        update(Notification)
        .where(Notification.status == PENDING)
        .where(Notification.subject.startswith(subject_prefix))  # type: ignore[attr-defined]
        .values(status=DROPPED, outcome=outcome, sent_at=None)
    )
    return result.rowcount or 0


def cancel_pending(
    *, session: Session, subjects: list[str], prefixes: list[str], outcome: str
) -> int:
    """Drop, with `outcome` as the reason, the pending rows about any of these exact subjects or
    subjects starting with any of these prefixes."""
    about = [col(Notification.subject).in_(subjects)] if subjects else []
    about += [col(Notification.subject).startswith(prefix) for prefix in prefixes]
    if not about:
        return 0
    result = session.execute(
        update(Notification)
        .where(Notification.status == PENDING, or_(*about))
        .values(status=DROPPED, outcome=outcome, sent_at=None)
    )
    return result.rowcount or 0


def forget_pending(*, session: Session, subject_prefix: str) -> int:
    """Delete pending rows about a session that is being deleted, so that a later session
    given the same id (SQLite reuses ids) is owed its own reminders."""
    result = session.execute(
        delete(Notification)
        .where(Notification.status == PENDING)
        .where(Notification.subject.startswith(subject_prefix))  # type: ignore[attr-defined]
    )
    return result.rowcount or 0


def was_sent(*, session: Session, kind: str, recipient: str, subject: str) -> bool:
    return (
        session.exec(
            select(Notification.id).where(
                Notification.kind == kind,
                Notification.recipient == recipient,
                Notification.subject == subject,
                Notification.status == SENT,
            )
        ).first()
        is not None
    )


def subjects_sent_or_due(
    *, session: Session, kinds: tuple[str, ...], recipient: str, since: datetime, now: datetime
) -> list[str]:
    """Subjects of the notifications of `kinds` sent to `recipient`, or due and still to send,
    due between `since` and `now`, oldest first."""
    return list(
        session.exec(
            select(Notification.subject)
            .where(Notification.recipient == recipient)
            .where(Notification.kind.in_(kinds))  # type: ignore[attr-defined]
            .where(Notification.status.in_((SENT, PENDING, SENDING)))  # type: ignore[attr-defined]
            .where(Notification.due_at >= since, Notification.due_at <= now)
            .order_by(Notification.due_at)  # type: ignore[arg-type]
        )
    )


def counts_by_status(*, session: Session) -> dict[str, int]:
    """How many notifications are in each status."""
    rows = session.execute(select(Notification.status, func.count()).group_by(Notification.status))
    return {status: count for status, count in rows}


def next_due_after(*, session: Session, after: datetime) -> datetime | None:
    """When the next pending notification falls due, strictly after `after`."""
    return session.exec(
        select(func.min(Notification.due_at)).where(
            Notification.status == PENDING, Notification.due_at > after
        )
    ).first()


def last_sent(
    *, session: Session, kind: str, recipient: str, subject_prefix: str
) -> datetime | None:
    """When a notification of `kind` about `subject_prefix…` was last sent to `recipient`."""
    return session.exec(
        select(func.max(Notification.sent_at))
        .where(Notification.kind == kind, Notification.recipient == recipient)
        .where(Notification.status == SENT)
        .where(Notification.subject.startswith(subject_prefix))  # type: ignore[attr-defined]
    ).one()
