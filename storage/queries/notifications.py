"""Notifications: owed, claimed, sent — once."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Integer,
    Table,
    and_,
    bindparam,
    cast,
    delete,
    func,
    literal,
    literal_column,
    or_,
    text,
    union_all,
    update,
)
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.db import execute_core
from storage.models import PENDING_ROWS, Notification, Person
from storage.queries.inserts import insert_new
from storage.queries.slices import among
from storage.types import instant

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
    return insert_new(session, _table, ("kind", "recipient", "subject"), rows)


def _lease_ran_out(now: Any, status: Any = None) -> ColumnElement[bool]:
    """Claimed under a lease that has run out (its holder died or hung); `status`: the
    expression the status is read through (the column itself by default)."""
    status = col(Notification.status) if status is None else status
    return and_(status == SENDING, col(Notification.lease_until) < now)


def _due(now: Any, status: Any = None) -> ColumnElement[bool]:
    status = col(Notification.status) if status is None else status
    return and_(status == PENDING, col(Notification.due_at) <= now)


def claim_due(
    *, session: Session, now: datetime, owner: str, lease: timedelta, limit: int
) -> list[Notification]:
    """Lease up to `limit` claimable rows to `owner` until `now + lease`: rows whose lease ran
    out first (they were due before), then due pending ones; return them, oldest due first.

    One statement: each kind is taken apart, so that each walks the index on (status, due_at)
    and stops at `limit`, however many rows were sent before (one condition for both could not
    use it), and the rows come back from the UPDATE itself (most runs claim a few rows, and a
    statement per step cost more than the steps)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    params = {"now": now, "owner": owner, "until": now + lease, "limit": limit}
    claimed = list(session.scalars(_claim_statement(postgres), params))
    session.commit()
    return sorted(claimed, key=lambda row: (row.due_at, row.id or 0))


@cache
def _claim_statement(postgres: bool) -> Any:
    """One UPDATE … WHERE id IN (the chosen ids) RETURNING the rows, loaded as `Notification`s:
    the ids are those whose lease ran out, then due pending ones, each kind its own walk of the
    index, `limit` in all. On PostgreSQL each walk skips rows another process is claiming (FOR
    UPDATE SKIP LOCKED); on SQLite, which has no row locks, the outer WHERE repeats the
    conditions, so a row is taken by one caller only. Built once per dialect, with parameters
    (building a statement costs more than running it): `now`, `owner`, `until` (the lease's
    end) and `limit`."""
    now = instant("now")
    limit = bindparam("limit", type_=Integer())

    def walk(claimable: ColumnElement[bool], rank: int) -> Any:
        candidates: Any = (
            select(
                col(Notification.id),
                literal_column(str(rank)).label("rank"),
                col(Notification.due_at),
            )
            .where(claimable)
            .order_by(col(Notification.due_at), col(Notification.id))
            .limit(limit)
        )
        if postgres:
            candidates = candidates.with_for_update(skip_locked=True)
        return select(candidates.subquery())

    ran_out, due = _lease_ran_out(now), _due(now)
    walks = union_all(walk(ran_out, 0), walk(due, 1)).subquery()
    # Materialized: evaluated once, so the LIMIT holds however the join is planned.
    chosen = (
        select(walks.c.id)
        .order_by(walks.c.rank, walks.c.due_at, walks.c.id)
        .limit(limit)
        .cte("chosen")
        .prefix_with("MATERIALIZED", dialect="postgresql")
    )
    if postgres:
        still = or_(ran_out, due)
    else:  # the status read through a function, so that SQLite finds the chosen rows by id
        # instead of walking the index of every claimable row again
        status = func.coalesce(col(Notification.status), "")
        still = or_(_lease_ran_out(now, status), _due(now, status))
    claim = (
        update(_table)
        .where(_row.id.in_(select(chosen.c.id)), still)
        .values(
            status=SENDING,
            claimed_by=bindparam("owner"),
            claimed_at=now,
            lease_until=instant("until"),
        )
        .returning(*_table.c)
    )
    return select(Notification).from_statement(claim)


_table: Table = Notification.__table__  # type: ignore[attr-defined]
_row = _table.c
_HELD = and_(
    _row.id == bindparam("row_id"), _row.status == SENDING, _row.claimed_by == bindparam("owner")
)
# Built once: a batch of outcomes is many of these, and building a statement costs more than
# running it.
_FINISH = (
    update(_table)
    .where(_HELD)
    .values(
        status=bindparam("new_status"),
        sent_at=bindparam("sent_at"),
        outcome=bindparam("outcome"),
        claimed_by=None,
        lease_until=None,
    )
)
_RETRY = (
    update(_table)
    .where(_HELD)
    .values(
        status=PENDING,
        due_at=bindparam("due_at"),
        claimed_at=None,
        claimed_by=None,
        lease_until=None,
        outcome=bindparam("outcome"),
        attempts=_row.attempts + bindparam("failed"),
        failures=_row.failures + bindparam("counted"),
    )
)


def finish(
    *, session: Session, notification_id: int, owner: str, status: str, now: datetime, outcome: str
) -> bool:
    """Record how a row `owner` holds ended: sent, dropped (no longer useful) or failed.
    False if the lease was lost meanwhile (another process took the row over)."""
    done = Outcome(notification_id, outcome, status=status, now=now)
    return bool(session.connection().execute(_FINISH, _finish_params(done, owner)).rowcount)


def retry_later(
    *,
    session: Session,
    notification_id: int,
    owner: str,
    due_at: datetime,
    outcome: str,
    failed: bool,
    counted: bool,
) -> bool:
    """Put a row `owner` holds back in the queue, due again at `due_at`. A send that `failed`
    (anything but a rate limit) adds to its attempts; a `counted` failure brings it closer to
    being given up."""
    again = Outcome(notification_id, outcome, due_at=due_at, failed=failed, counted=counted)
    return bool(session.connection().execute(_RETRY, _retry_params(again, owner)).rowcount)


@dataclass(frozen=True)
class Outcome:
    """How the send of a row `owner` holds ended: finished (`status` sent, dropped or failed)
    or, with a `due_at`, back in the queue (see `finish` and `retry_later`)."""

    notification_id: int
    outcome: str
    status: str = PENDING
    now: datetime | None = None
    due_at: datetime | None = None
    failed: bool = False
    counted: bool = False


def record_outcomes(*, session: Session, owner: str, outcomes: list[Outcome]) -> list[bool]:
    """Record many outcomes in two statements (one for the rows finished, one for those put
    back); each one's: False if its lease was lost meanwhile. When some were lost, the caller's
    transaction is rolled back and each is recorded alone, to say which."""
    finished = [_finish_params(o, owner) for o in outcomes if o.due_at is None]
    retried = [_retry_params(o, owner) for o in outcomes if o.due_at is not None]
    connection = session.connection()
    matched = sum(
        connection.execute(statement, params).rowcount
        for statement, params in ((_FINISH, finished), (_RETRY, retried))
        if params
    )
    if matched == len(outcomes):
        return [True] * len(outcomes)
    session.rollback()
    connection = session.connection()
    return [
        bool(
            connection.execute(
                *(
                    (_FINISH, _finish_params(o, owner))
                    if o.due_at is None
                    else (_RETRY, _retry_params(o, owner))
                )
            ).rowcount
        )
        for o in outcomes
    ]


def _finish_params(o: Outcome, owner: str) -> dict[str, Any]:
    return {
        "row_id": o.notification_id,
        "owner": owner,
        "new_status": o.status,
        "sent_at": o.now if o.status == SENT else None,
        "outcome": o.outcome[:255],
    }


def _retry_params(o: Outcome, owner: str) -> dict[str, Any]:
    return {
        "row_id": o.notification_id,
        "owner": owner,
        "due_at": o.due_at,
        "outcome": o.outcome[:255],
        "failed": int(o.failed),
        "counted": int(o.counted),
    }


def renew_leases(*, session: Session, owner: str, until: datetime) -> int:
    """Extend every lease `owner` holds to `until`."""
    result = session.exec(
        update(Notification)
        .where(col(Notification.status) == SENDING, col(Notification.claimed_by) == owner)
        .values(lease_until=until)
    )
    return result.rowcount or 0


def release_claims(*, session: Session, owner: str) -> int:
    """Give back the rows `owner` still holds (a clean shutdown): due again at once, elsewhere."""
    result = session.exec(
        update(Notification)
        .where(col(Notification.status) == SENDING, col(Notification.claimed_by) == owner)
        .values(status=PENDING, claimed_at=None, claimed_by=None, lease_until=None)
    )
    return result.rowcount or 0


def next_claimable_after(*, session: Session, after: datetime, owner: str) -> datetime | None:
    """When a row next becomes claimable by `owner`: a pending row falls due, or another
    process's lease runs out."""
    due = next_due_after(session=session, after=after)
    lease = session.exec(
        select(func.min(Notification.lease_until)).where(
            Notification.status == SENDING, Notification.claimed_by != owner
        )
    ).first()
    return min((t for t in (due, lease) if t is not None), default=None)


@dataclass(frozen=True)
class Backlog:
    """Notifications due and not yet finished (pending or being sent), and the oldest's due."""

    due: int
    oldest_due_at: datetime | None


def backlog(*, session: Session, now: datetime) -> Backlog:
    count, oldest = session.exec(
        select(func.count(), func.min(Notification.due_at))
        .where(col(Notification.status).in_((PENDING, SENDING)))
        .where(Notification.due_at <= now)
    ).one()
    return Backlog(count, oldest)


def drop_pending(*, session: Session, subject_prefix: str, outcome: str) -> int:
    """Drop pending rows whose subject starts with `subject_prefix`."""
    return cancel_pending(session=session, subjects=[], prefixes=[subject_prefix], outcome=outcome)


def cancel_pending(
    *, session: Session, subjects: list[str], prefixes: list[str], outcome: str
) -> int:
    """Drop, with `outcome` as the reason, the pending rows about any of these exact subjects or
    subjects starting with any of these prefixes. On the session's connection once what the
    session holds is flushed: the ORM's UPDATE first fetched the rows it would change, to bring
    the session's copies up to date, and the callers (a skip, a move, a pair's end) hold none
    (a skip's drop: 0.9 ms beside 1.2 ms over a run of 2,000 pairs)."""
    return sum(
        execute_core(
            session,
            update(_table)
            .where(_table.c.id.in_(about))
            .values(status=DROPPED, outcome=outcome, sent_at=None),
        ).rowcount
        or 0
        for about in _pending_about(session, subjects, prefixes)
    )


def drop_pending_of(*, session: Session, subject: str, kinds: tuple[str, ...], reason: str) -> int:
    """Drop, with `reason` as the outcome, the pending rows of `kinds` about exactly `subject`;
    how many. One UPDATE built once per dialect and kinds, through the index of pending rows by
    subject, on the session's connection once what the session holds is flushed (as
    `cancel_pending`): the ORM's UPDATE cost several times the statement, and each summary
    written runs this one."""
    statement = _drop_pending_of(session.get_bind().dialect.name, kinds)
    params = {"about": subject, "reason": reason}
    return int(execute_core(session, statement, params).rowcount or 0)


@cache
def _drop_pending_of(dialect: str, kinds: tuple[str, ...]) -> Any:
    pending = PENDING_ONLY if dialect == "postgresql" else _LIKELY_PENDING
    return (
        update(_table)
        .where(pending, _table.c.subject == bindparam("about"))
        .where(_table.c.kind.in_([literal(kind) for kind in kinds]))
        .values(status=DROPPED, outcome=bindparam("reason"), sent_at=None)
    )


def forget_pending(*, session: Session, subject_prefix: str) -> int:
    """Delete pending rows about a session that is being deleted, so that a later session
    given the same id (SQLite reuses ids) is owed its own reminders."""
    return sum(
        session.exec(delete(Notification).where(col(Notification.id).in_(about))).rowcount or 0
        for about in _pending_about(session, [], [subject_prefix])
    )


PENDING_ONLY = text(PENDING_ROWS)  # as the index's condition is written, for it to be used
_LIKELY_PENDING = text(f"likely({PENDING_ROWS})")
"""The same for SQLite, saying that most rows owed are pending: without statistics (a file
not yet analysed: the dispatcher refreshes them at its first tick, then daily) it would
otherwise walk the index on status rather than a range of subjects."""
PREFIXES_A_STATEMENT = 100  # under SQLite's limit of 500 terms in a compound SELECT


def _pending_about(
    session: Session, subjects: list[str], prefixes: list[str]
) -> Iterator[SelectOfScalar[Any]]:
    """The ids of the pending rows about `subjects` or starting with one of `prefixes`, as a
    few subqueries (one per hundred prefixes). Each prefix is a range of the index of pending
    rows by subject, so the cost does not grow with the rows owed to the rest of the
    programme (a LIKE walked every pending row)."""
    postgres = session.get_bind().dialect.name == "postgresql"
    subject = col(Notification.subject)
    pending = select(Notification.id).where(PENDING_ONLY if postgres else _LIKELY_PENDING)
    chosen = [pending.where(among(subject, subjects))] if subjects else []
    for prefix in prefixes:
        low, high = prefix, _after_every_key_starting(prefix)
        if postgres:  # text_pattern_ops: compared byte by byte, whatever the collation
            chosen.append(pending.where(subject.op("~>=~")(low), subject.op("~<~")(high)))
        else:  # SQLite compares text byte by byte (BINARY)
            chosen.append(pending.where(subject >= low, subject < high))
    for first in range(0, len(chosen), PREFIXES_A_STATEMENT):
        part = chosen[first : first + PREFIXES_A_STATEMENT]
        yield part[0] if len(part) == 1 else select(union_all(*part).subquery().c.id)


def _after_every_key_starting(prefix: str) -> str:
    """The least text after every text that starts with `prefix` (its last character's
    successor): `session:12@` gives `session:12A`."""
    if not prefix:
        raise ValueError("a subject prefix is never empty")
    return prefix[:-1] + chr(ord(prefix[-1]) + 1)


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
    due between `since` and `now`, oldest first. The status is checked here, not in the
    query: a condition on it would make SQLite walk the (status, due_at) index through every
    row sent in the window instead of seeking the recipient's rows of these kinds. A Core
    statement (the ORM's execution cost more than the query), after what the session holds is
    flushed, as the ORM's autoflush would."""
    params = {"recipient": recipient, "since": since, "now": now}
    params |= {f"kind_{n}": kind for n, kind in enumerate(kinds)}
    rows = execute_core(session, _subjects_sent_or_due(len(kinds)), params)
    return [subject for subject, status in rows if status in (SENT, PENDING, SENDING)]


@cache
def _subjects_sent_or_due(kinds: int) -> Any:
    """`subjects_sent_or_due`'s statement for that many kinds, built once (every DM a member
    writes reads it), with parameters `recipient`, `since`, `now` and `kind_0`…: an IN list
    of parameters of its own, where an expanding one was rendered again at each execution."""
    return (
        select(Notification.subject, Notification.status)
        .where(Notification.recipient == bindparam("recipient"))
        .where(col(Notification.kind).in_([bindparam(f"kind_{n}") for n in range(kinds)]))
        .where(
            Notification.due_at >= instant("since"),
            Notification.due_at <= instant("now"),
        )
        .order_by(col(Notification.due_at))
    )


def counts_by_status(*, session: Session) -> dict[str, int]:
    """How many notifications are in each status."""
    rows = session.execute(select(Notification.status, func.count()).group_by(Notification.status))
    return {status: count for status, count in rows}


def next_due_after(*, session: Session, after: datetime) -> datetime | None:
    """When the next pending notification falls due, strictly after `after`."""
    return execute_core(session, _NEXT_DUE, {"after": after}).scalar()


_NEXT_DUE = select(func.min(Notification.due_at)).where(
    Notification.status == PENDING, Notification.due_at > bindparam("after")
)


def last_sent(
    *, session: Session, kind: str, recipient: str, subject_prefix: str
) -> datetime | None:
    """When a notification of `kind` about `subject_prefix…` was last sent to `recipient`."""
    return session.exec(
        select(func.max(Notification.sent_at))
        .where(Notification.kind == kind, Notification.recipient == recipient)
        .where(Notification.status == SENT)
        .where(col(Notification.subject).startswith(subject_prefix))
    ).one()


def owed_by_kind_and_platform(*, session: Session, now: datetime) -> dict[tuple[str, str], int]:
    """How many notifications are due by `now` and not yet sent, by kind and platform.

    Read through the (status, due_at) index; a person's platform is found by primary key, the
    few other recipients (channels, mediators) name theirs in their key."""
    owed = (col(Notification.status).in_((PENDING, SENDING)), Notification.due_at <= now)
    to_person = col(Notification.recipient).startswith("p:")
    platform = (
        select(Person.platform)
        .where(Person.id == cast(func.substr(Notification.recipient, 3), Integer))
        .correlate(Notification)
        .scalar_subquery()
    )
    people = (
        select(Notification.kind, platform.label("platform")).where(*owed, to_person).subquery()
    )
    counts: dict[tuple[str, str], int] = {}
    for kind, where, count in session.exec(
        select(people.c.kind, people.c.platform, func.count()).group_by(
            people.c.kind, people.c.platform
        )
    ):
        counts[kind, where or "unknown"] = count
    others = session.exec(
        select(Notification.kind, Notification.recipient, func.count())
        .where(*owed, ~to_person)
        .group_by(Notification.kind, Notification.recipient)
    )
    for kind, recipient, count in others:
        parts = recipient.split(":")
        key = (kind, parts[1] if len(parts) > 2 else "unknown")
        counts[key] = counts.get(key, 0) + count
    return counts


def last_owed(
    *, session: Session, kinds: tuple[str, ...], subject_prefixes: list[str]
) -> datetime | None:
    """When a notification of `kinds` about one of `subject_prefixes…` was last owed (created),
    whatever became of it."""
    if not subject_prefixes:
        return None
    return session.exec(
        select(func.max(Notification.created_at))
        .where(col(Notification.kind).in_(kinds))
        .where(or_(*(col(Notification.subject).startswith(p) for p in subject_prefixes)))
    ).one()


def subjects_owed_since(*, session: Session, kinds: tuple[str, ...], since: datetime) -> list[str]:
    """The subjects of the notifications of `kinds` owed since `since`, whatever became of them."""
    return list(
        session.exec(
            select(Notification.subject)
            .where(col(Notification.kind).in_(kinds))
            .where(Notification.created_at >= since)
            .distinct()
        )
    )
