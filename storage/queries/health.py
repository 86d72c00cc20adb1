"""Programme health: the dates a stall or a silence is judged from — never any content."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import (
    BindParameter,
    ColumnElement,
    Integer,
    and_,
    bindparam,
    cast,
    exists,
    literal,
    or_,
    text,
    union,
)
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, func, select

from storage.db import execute_core
from storage.models import (
    SENT_REQUEST_KINDS,
    SENT_REQUEST_ROWS,
    STARTED_OR_RESUMED,
    ActionItem,
    AgendaItem,
    Goal,
    MeetingSession,
    Notification,
    Pair,
    Person,
    Thanks,
)
from storage.queries.pairs import ACTIVE, SERVED
from storage.queries.sessions import SKIPPED
from storage.queries.slices import among, in_slices
from storage.types import instant


def last_held_sessions(
    *, session: Session, pair_ids: Iterable[int] | None, now: datetime
) -> dict[int, datetime]:
    """The start of each pair's last held session by `now` (of `pair_ids`, or of the active
    pairs): not skipped, and with a summary (its date: it outlives the text) — the record that
    the session took place."""
    query = (
        select(MeetingSession.pair_id, func.max(MeetingSession.starts_at))
        .where(_HELD, MeetingSession.starts_at <= now)
        .group_by(col(MeetingSession.pair_id))
    )
    if pair_ids is None:
        chosen = [
            query.join(Pair, col(Pair.id) == MeetingSession.pair_id).where(
                Pair.status == ACTIVE, SERVED
            )
        ]
    else:
        chosen = [
            query.where(among(col(MeetingSession.pair_id), some)) for some in in_slices(pair_ids)
        ]
    return {
        pair_id: at
        for each in chosen
        for pair_id, at in execute_core(session, each)
        if at is not None
    }


_HELD = and_(col(MeetingSession.status) != SKIPPED, col(MeetingSession.summary_at).is_not(None))
"""A session that took place: not skipped, and with a summary (its date outlives the text)."""
_HELD_BY_NOW = and_(
    col(MeetingSession.pair_id) == col(Pair.id),
    _HELD,
    col(MeetingSession.starts_at) <= bindparam("now"),
)
_BOTH_ACCEPTED = and_(
    col(Pair.mentor_accepted_at).is_not(None), col(Pair.mentee_accepted_at).is_not(None)
)
# Built once, with parameters: the dispatcher runs it every hour.
_ACTIVE_PAIRS_AND_LAST_HELD = (
    select(
        Pair,
        select(func.max(MeetingSession.starts_at))
        .where(_HELD_BY_NOW)
        .correlate(Pair)
        .scalar_subquery(),
    )
    .where(col(Pair.status) == ACTIVE, SERVED)
    .order_by(col(Pair.id))
)


def _quiet_since(quiet: BindParameter[datetime]) -> ColumnElement[bool]:
    """The pair neither started, resumed nor held a session (by `now`) after `quiet`."""
    return and_(
        or_(
            and_(
                _BOTH_ACCEPTED,
                col(Pair.mentor_accepted_at) <= quiet,
                col(Pair.mentee_accepted_at) <= quiet,
            ),
            and_(~_BOTH_ACCEPTED, col(Pair.created_at) <= quiet),
        ),
        or_(col(Pair.resumed_at).is_(None), col(Pair.resumed_at) <= quiet),
        # An index range of the pair's sessions (pair, start): a healthy pair has one.
        ~exists().where(_HELD_BY_NOW, col(MeetingSession.starts_at) > quiet),
    )


def _active_after(after: BindParameter[datetime]) -> ColumnElement[bool]:
    """The pair started, resumed or held a session (by `now`) after `after`."""
    return or_(
        and_(
            _BOTH_ACCEPTED,
            or_(col(Pair.mentor_accepted_at) > after, col(Pair.mentee_accepted_at) > after),
        ),
        and_(~_BOTH_ACCEPTED, col(Pair.created_at) > after),
        col(Pair.resumed_at) > after,
        exists().where(_HELD_BY_NOW, col(MeetingSession.starts_at) > after),
    )


def _moved_within(windows: list[tuple[BindParameter[datetime], BindParameter[datetime]]]) -> Any:
    """The ids of the pairs that started, resumed or held a session (by its start) within one
    of `windows` — (after, until] — whatever their rhythm: index ranges (a session's start, a
    pair's dates), so that an hourly check reads the pairs whose stall may have begun since
    the last one, not every active pair."""

    def within(column: Any) -> ColumnElement[bool]:
        return or_(*(and_(column > after, column <= until) for after, until in windows))

    held = select(MeetingSession.pair_id).where(within(col(MeetingSession.starts_at)), _HELD)
    dated = or_(*(within(getattr(Pair, name)) for name in STARTED_OR_RESUMED))
    return union(held, select(Pair.id).where(dated))


@cache
def _quiet_pairs_of(rhythms: tuple[tuple[str, int], ...], bounded: bool) -> Any:
    """The active pairs of `rhythms`, each quiet since its rhythm's instant (parameters
    `quiet0`, `quiet1`…) and, when `bounded`, active after its other instant (`after0`…):
    built once per set of rhythms (a programme has a few). Bounded, only the pairs that did
    something between their two instants can be such pairs: only those are read."""
    quiet = [instant(f"quiet{n}") for n in range(len(rhythms))]
    after = [instant(f"after{n}") for n in range(len(rhythms))]
    statement = _ACTIVE_PAIRS_AND_LAST_HELD.where(
        or_(
            *(
                and_(
                    col(Pair.frequency) == frequency,
                    col(Pair.interval) == interval,
                    _quiet_since(quiet[n]),
                    *((_active_after(after[n]),) if bounded else ()),
                )
                for n, (frequency, interval) in enumerate(rhythms)
            )
        )
    )
    if not bounded:
        return statement
    return statement.where(col(Pair.id).in_(_moved_within(list(zip(after, quiet, strict=True)))))


def quiet_pairs(
    *,
    session: Session,
    now: datetime,
    quiet_since: Mapping[tuple[str, int], datetime],
    active_after: Mapping[tuple[str, int], datetime] | None = None,
) -> list[tuple[Pair, datetime | None]]:
    """The active pairs of the rhythms — (frequency, interval) — of `quiet_since` that neither
    started, resumed nor held a session (as `last_held_sessions` counts one) after their
    rhythm's instant, each with its last held session's start by `now`: with each rhythm's
    instant `now` minus its stall, the stalled pairs, found without loading the others. With
    `active_after`, only those that did one of those after their rhythm's instant there: those
    whose stall began lately, not every pair stalled for long."""
    rhythms = tuple(sorted(quiet_since))
    if active_after is not None:
        rhythms = tuple(rhythm for rhythm in rhythms if rhythm in active_after)
    if not rhythms:
        return []
    params: dict[str, Any] = {"now": now}
    params.update({f"quiet{n}": quiet_since[rhythm] for n, rhythm in enumerate(rhythms)})
    if active_after is not None:
        params.update({f"after{n}": active_after[rhythm] for n, rhythm in enumerate(rhythms)})
    statement = _quiet_pairs_of(rhythms, active_after is not None)
    rows = session.exec(statement, params=params).all()
    return [(pair, last_held) for pair, last_held in rows]


def active_rhythms(*, session: Session) -> list[tuple[str, int]]:
    """The (frequency, interval) of the active pairs' rhythms, each once, in order: a few
    seeks of the index on (status, retain_until, frequency, interval) per rhythm (a programme
    has a few) instead of a walk of every active pair (PostgreSQL has no skip scan), in one
    statement."""
    return [(frequency, interval) for frequency, interval in execute_core(session, _RHYTHMS)]


def _rhythms() -> Any:
    """`active_rhythms`' statement: the first rhythm, then, one after the other, the next
    interval of its frequency or else the first of the next frequency, each column a seek
    (SQLite seeks a row value's first column only); the walk ends on a null rhythm."""

    def first(column: Any, *where: ColumnElement[bool]) -> Any:
        # Ordered as the index is, status and retain_until included (each has one value
        # here): PostgreSQL sorted every active pair otherwise, not taking `IS NULL` as
        # fixing the index's order.
        return (
            sql_select(column)
            .where(col(Pair.status) == ACTIVE, SERVED, *where)
            .order_by(
                *(col(c) for c in (Pair.status, Pair.retain_until, Pair.frequency, Pair.interval))
            )
            .limit(1)
            .scalar_subquery()
        )

    frequency, interval = col(Pair.frequency), col(Pair.interval)
    walk = sql_select(first(frequency).label("frequency"), first(interval).label("interval")).cte(
        "rhythm", recursive=True
    )
    same = (frequency == walk.c.frequency, interval > walk.c.interval)
    later = frequency > walk.c.frequency
    walk = walk.union_all(
        sql_select(
            func.coalesce(first(frequency, *same), first(frequency, later)),
            func.coalesce(first(interval, *same), first(interval, later)),
        ).where(walk.c.frequency.is_not(None))
    )
    return (
        sql_select(walk.c.frequency, walk.c.interval)
        .where(walk.c.frequency.is_not(None))
        .order_by(walk.c.frequency, walk.c.interval)
    )


_RHYTHMS = _rhythms()  # built once: every health check reads it


def last_activities(*, session: Session, pair_ids: Iterable[int]) -> dict[int, datetime]:
    """When each pair last did something the bot keeps a date of: a summary written, an agenda
    point, an action item added or done, a goal, a thank-you. Dates only."""
    latest: dict[int, datetime] = {}
    for some in in_slices(pair_ids):
        for statement in _LATEST:
            for pair_id, at in execute_core(session, statement, {"ids": some}):
                if at is not None and (pair_id not in latest or at > latest[pair_id]):
                    latest[pair_id] = at
    return latest


# Built once, with parameters: each health check runs them.
_LATEST = tuple(
    select(pair_id_column, func.max(at_column))
    .where(among(col(pair_id_column), "ids"))
    .group_by(col(pair_id_column))
    for pair_id_column, at_column in (
        (MeetingSession.pair_id, MeetingSession.summary_at),
        (AgendaItem.pair_id, AgendaItem.created_at),
        (ActionItem.pair_id, ActionItem.created_at),
        (ActionItem.pair_id, ActionItem.done_at),
        (Goal.pair_id, Goal.created_at),
        (Thanks.pair_id, Thanks.created_at),
    )
)


def unanswered_requests(
    *,
    session: Session,
    sent_since: datetime,
    due_since: datetime,
    since: datetime,
    subjects: int,
) -> list[tuple[str, str, datetime, datetime | None]]:
    """(recipient, subject, last sent at, the person's last activity) of the requests
    (`SENT_REQUEST_KINDS`) sent since `since` (by their due instant) to the people sent one since
    `sent_since` (due since `due_since`: the index's range, wide enough for a request held for
    the night), one per recipient and subject, each sent after the person's last activity
    (`Person.last_active_at`): an active member's older requests are not returned. Only the
    recipients with at least `subjects` such subjects; oldest first (then by recipient and
    subject). One statement, whatever the number of recipients; no content, no whole rows. Run
    on the session's connection (the ORM's execution added its own work to every hourly run),
    after what the session holds is flushed, as the ORM's execution did."""
    params = {
        "sent_since": sent_since,
        "due_since": due_since,
        "since": since,
        "subjects": subjects,
        "never": NEVER_ACTIVE,
    }
    rows = execute_core(session, _UNANSWERED, params)
    return sorted((tuple(row) for row in rows), key=itemgetter(2, 0, 1))


NEVER_ACTIVE = datetime(1970, 1, 1, tzinfo=UTC)
"""Before any request: the last activity of a person who never did anything."""


def _unanswered() -> Any:
    """`unanswered_requests`' statement: the recipients of the recent requests (the index on
    (status, due_at)), each once with its person's last activity (by primary key: once a
    recipient, not once a request of theirs), then their requests sent since that activity,
    counted by recipient: a range of the index of sent requests (`SENT_REQUESTS`), read from
    the index alone. The index's condition is written as it is (`SENT_REQUEST_ROWS`), not with
    bound parameters, and the last activity bounds the range (`coalesce`, not `IS NULL OR`),
    for SQLite to choose it: through the unique index on (kind, recipient, subject) each
    request ever sent to a recipient was read from the table, and those answered dropped only
    then (5.1 ms beside 1.4–2.1 ms at a busy hour of 2,000 pairs)."""
    recent = (
        sql_select(
            col(Notification.recipient).label("recipient"),
            col(Person.last_active_at).label("active"),
        )
        # The person a request is for ("p:<id>"): by primary key.
        .join(Person, col(Person.id) == cast(func.substr(Notification.recipient, 3), Integer))
        .where(col(Notification.status) == "sent")
        .where(col(Notification.due_at) >= instant("due_since"))
        .where(col(Notification.sent_at) >= instant("sent_since"))
        .where(col(Notification.kind).in_([literal(kind) for kind in SENT_REQUEST_KINDS]))
        .distinct()
        .subquery("recent")
    )
    requests = (
        sql_select(
            recent.c.recipient,
            col(Notification.subject).label("subject"),
            func.max(Notification.sent_at).label("at"),
            recent.c.active,
            func.count().over(partition_by=recent.c.recipient).label("subjects"),
        )
        .join_from(recent, Notification, col(Notification.recipient) == recent.c.recipient)
        .where(text(SENT_REQUEST_ROWS))
        .where(col(Notification.sent_at) > func.coalesce(recent.c.active, instant("never")))
        .where(col(Notification.due_at) >= instant("since"))
        .group_by(recent.c.recipient, col(Notification.subject), recent.c.active)
        .subquery()
    )
    return sql_select(
        requests.c.recipient, requests.c.subject, requests.c.at, requests.c.active
    ).where(
        requests.c.subjects >= bindparam("subjects", type_=Integer()),
        requests.c.at.is_not(None),
    )


_UNANSWERED = _unanswered()  # built once, with parameters: each hourly check runs it


@dataclass(frozen=True)
class PairOfSession:
    """What a silence is judged from, of a session's pair: no content."""

    id: int
    status: str
    mentor_id: int
    mentee_id: int
    resumed_at: datetime | None
    created_at: datetime


def pairs_of_sessions(*, session: Session, session_ids: Iterable[int]) -> dict[int, PairOfSession]:
    """The pair of each of these sessions, if the bot still works for it (`SERVED`). On the
    session's connection, after a flush, as `unanswered_requests`: each hourly check runs it."""
    return {
        session_id: PairOfSession(*pair)
        for some in in_slices(session_ids)
        for session_id, *pair in execute_core(session, _PAIRS_OF_SESSIONS, {"ids": some})
    }


_PAIRS_OF_SESSIONS: Any = (  # built once, with parameters: each health check runs it
    sql_select(
        *(
            col(column)
            for column in (
                MeetingSession.id,
                Pair.id,
                Pair.status,
                Pair.mentor_id,
                Pair.mentee_id,
                Pair.resumed_at,
                Pair.created_at,
            )
        )
    )
    .join(Pair, col(Pair.id) == MeetingSession.pair_id)
    .where(among(col(MeetingSession.id), "ids"), SERVED)
)
