"""Meeting sessions."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any, NamedTuple

from sqlalchemy import BigInteger, ColumnElement, Integer, bindparam, cast, update
from sqlalchemy import select as sql_select
from sqlalchemy.orm import aliased
from sqlalchemy.orm.attributes import set_committed_value
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, func, or_, select

from storage.db import execute_core
from storage.models import MeetingSession, Pair
from storage.queries.inserts import insert_ignoring_conflicts
from storage.queries.pairs import ACTIVE, PAUSED, SERVED, pairs_by_ids
from storage.queries.slices import among, in_slices
from storage.types import instant

PLANNED = "planned"
SKIPPED = "skipped"
OPEN = (ACTIVE, PAUSED)
"""The statuses of the pairs whose members write summaries."""


# Built once, with parameters (building a statement costs more than running it): a pair's
# sessions are read by most notices, commands and the planner.
_UPCOMING = (
    select(MeetingSession)
    .where(MeetingSession.pair_id == bindparam("pair_id"))
    .where(MeetingSession.status == PLANNED)
    .where(MeetingSession.starts_at > bindparam("now"))
    .order_by(col(MeetingSession.starts_at))
    .limit(bindparam("limit", type_=Integer()))
)
_STARTED = (
    select(MeetingSession)
    .where(MeetingSession.pair_id == bindparam("pair_id"))
    .where(MeetingSession.starts_at <= bindparam("now"))
    .order_by(col(MeetingSession.starts_at).desc())
)


def upcoming_sessions(
    *, session: Session, pair_id: int, now: datetime, limit: int = 1
) -> list[MeetingSession]:
    """The pair's planned sessions that start after `now`, soonest first."""
    params = {"pair_id": pair_id, "now": now, "limit": limit}
    return list(session.exec(_UPCOMING, params=params))


def next_session(*, session: Session, pair_id: int, now: datetime) -> MeetingSession | None:
    found = upcoming_sessions(session=session, pair_id=pair_id, now=now, limit=1)
    return found[0] if found else None


def next_sessions(
    *, session: Session, pair_ids: list[int], now: datetime
) -> dict[int, MeetingSession]:
    """Each pair's first planned session after `now`, for many pairs in one statement a slice
    of ids (`in_slices`)."""
    found: dict[int, MeetingSession] = {}
    for some in in_slices(pair_ids):
        rows = session.exec(_NEXT_SESSIONS, params={"ids": some, "now": now})
        found |= {meeting.pair_id: meeting for meeting in rows}
    return found


class Span(NamedTuple):
    """A planned session's time: from `start` to `end` (its duration on)."""

    session_id: int
    start: datetime
    end: datetime

    @property
    def minutes(self) -> int:
        return (self.end - self.start) // timedelta(minutes=1)

    def overlaps(self, start: datetime, end: datetime) -> bool:
        """Whether it shares some of the time from `start` to `end` (back to back: no)."""
        return self.start < end and start < self.end


def planned_spans(
    *, session: Session, pair_ids: list[int], since: datetime
) -> dict[int, list[Span]]:
    """Each pair's planned sessions that start at `since` or later, soonest first: the times a
    session moved there, or a new occurrence of its rhythm, must leave free."""
    found: dict[int, list[Span]] = {}
    for some in in_slices(pair_ids):
        rows = session.execute(_PLANNED_SINCE, {"ids": some, "since": since})
        for session_id, pair_id, start, minutes in rows:
            span = Span(session_id, start, start + timedelta(minutes=minutes))
            found.setdefault(pair_id, []).append(span)
    return found


_PLANNED_SINCE = (
    sql_select(
        col(MeetingSession.id),
        col(MeetingSession.pair_id),
        col(MeetingSession.starts_at),
        col(MeetingSession.duration_minutes),
    )
    .where(among(col(MeetingSession.pair_id), "ids"))
    .where(col(MeetingSession.status) == PLANNED)
    .where(col(MeetingSession.starts_at) >= instant("since"))
    .order_by(col(MeetingSession.starts_at))
)


def _next_sessions() -> Any:
    """`next_sessions`' statement, with parameters `ids` and `now`."""
    first = (
        select(MeetingSession.pair_id, func.min(MeetingSession.starts_at).label("starts_at"))
        .where(among(col(MeetingSession.pair_id), "ids"))
        .where(MeetingSession.status == PLANNED)
        .where(col(MeetingSession.starts_at) > instant("now"))
        .group_by(col(MeetingSession.pair_id))
        .subquery()
    )
    return (
        select(MeetingSession)
        .join(
            first,
            (col(MeetingSession.pair_id) == first.c.pair_id)
            & (col(MeetingSession.starts_at) == first.c.starts_at),
        )
        .where(MeetingSession.status == PLANNED)
    )


_NEXT_SESSIONS = _next_sessions()  # built once: the planner and the digest read it


def past_sessions(*, session: Session, pair_id: int, now: datetime) -> list[MeetingSession]:
    """The pair's sessions that have ended by `now` (skipped ones included), latest first."""
    rows = session.exec(_STARTED, params={"pair_id": pair_id, "now": now})
    return [row for row in rows if _end(row) <= now]


class MemberSession(NamedTuple):
    """A session of one of a member's pairs, as a DM reply reads it: the few columns it needs,
    not the whole pair and session (loading them as ORM rows cost three times the query)."""

    session_id: int
    pair_id: int
    mentor_id: int
    mentee_id: int
    starts_at: datetime
    duration_minutes: int
    status: str
    summary: str | None
    summary_revision: int

    @property
    def end(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_minutes)

    def other_member(self, person_id: int) -> int:
        """The id of the pair's other member, `person_id` being one of them."""
        return self.mentee_id if self.mentor_id == person_id else self.mentor_id


def _sessions_of_member() -> Any:
    """`sessions_of_member`'s statement, with parameters `ids`, `person_id`, `since`, `now`."""
    member: Any = bindparam("person_id")
    return (
        sql_select(
            col(MeetingSession.id),
            col(MeetingSession.pair_id),
            col(Pair.mentor_id),
            col(Pair.mentee_id),
            col(MeetingSession.starts_at),
            col(MeetingSession.duration_minutes),
            col(MeetingSession.status),
            col(MeetingSession.summary),
            col(MeetingSession.summary_revision),
        )
        .join(Pair, col(MeetingSession.pair_id) == col(Pair.id))
        .where(among(col(MeetingSession.id), "ids"))
        # Not `IN`: its list is rendered again at each execution.
        .where(or_(*(col(Pair.status) == status for status in OPEN)))
        .where(or_(col(Pair.mentor_id) == member, col(Pair.mentee_id) == member))
        .where(col(MeetingSession.starts_at) >= instant("since"))
        .where(col(MeetingSession.starts_at) <= instant("now"))
        .order_by(col(Pair.id), col(MeetingSession.starts_at).desc())
    )


_SESSIONS_OF_MEMBER = _sessions_of_member()  # built once: every DM reply reads it


def sessions_of_member(
    *,
    session: Session,
    session_ids: Collection[int],
    person_id: int,
    since: datetime,
    now: datetime,
) -> list[MemberSession]:
    """Those of `session_ids` that started from `since` and ended by `now` (skipped ones
    included), of an active or paused pair of `person_id`'s (either role): by pair, latest
    first. One Core statement, one parameter for the ids however many, after what the session
    holds is flushed (as the ORM's autoflush would)."""
    if not session_ids:
        return []
    params = {"ids": list(session_ids), "person_id": person_id, "since": since, "now": now}
    rows = execute_core(session, _SESSIONS_OF_MEMBER, params)
    return [found for found in map(MemberSession._make, rows) if found.end <= now]


def with_pairs(
    *, session: Session, session_ids: Collection[int]
) -> dict[int, tuple[Pair, MeetingSession]]:
    """These sessions that exist, whole, each with its pair, by id: what shows or files one of
    the `sessions_of_member` found. One statement however many."""
    if not session_ids:
        return {}
    rows = session.exec(_WITH_PAIRS, params={"ids": list(session_ids)})
    return {meeting.id: (pair, meeting) for pair, meeting in rows if meeting.id is not None}


_WITH_PAIRS = (
    select(Pair, MeetingSession)
    .join(MeetingSession, col(MeetingSession.pair_id) == col(Pair.id))
    .where(among(col(MeetingSession.id), "ids"))
)


class PastSession(NamedTuple):
    """What a pair's cadence health counts of one of its ended sessions: when it started,
    whether it was skipped, when its summary came (never what it says)."""

    starts_at: datetime
    status: str
    summary_at: datetime | None


_STARTED_OF = (
    sql_select(
        col(MeetingSession.pair_id),
        col(MeetingSession.starts_at),
        col(MeetingSession.duration_minutes),
        col(MeetingSession.status),
        col(MeetingSession.summary_at),
    )
    .where(among(col(MeetingSession.pair_id), "pair_ids"))
    .where(MeetingSession.starts_at <= bindparam("now"))
    .order_by(col(MeetingSession.pair_id), col(MeetingSession.starts_at).desc())
)
_NEXT_STARTS = (
    select(col(MeetingSession.pair_id), func.min(MeetingSession.starts_at))
    .where(among(col(MeetingSession.pair_id), "pair_ids"))
    .where(MeetingSession.status == PLANNED)
    .where(MeetingSession.starts_at > bindparam("now"))
    .group_by(col(MeetingSession.pair_id))
)


def sessions_around(
    *, session: Session, pair_ids: list[int], now: datetime
) -> tuple[dict[int, list[PastSession]], dict[int, datetime]]:
    """For each of these pairs, in two queries a slice of ids (`in_slices`): `past_sessions`
    (ended by `now`, latest first) as the few columns of a `PastSession` (a digest reads every
    session of its pairs), and the start of `next_session`, if any (absent pairs: none)."""
    past: dict[int, list[PastSession]] = {pair_id: [] for pair_id in pair_ids}
    coming: dict[int, datetime] = {}
    for some in in_slices(pair_ids):
        params = {"pair_ids": some, "now": now}
        for pair_id, starts_at, minutes, status, summary_at in session.execute(_STARTED_OF, params):
            if starts_at + timedelta(minutes=minutes) <= now:
                past[pair_id].append(PastSession(starts_at, status, summary_at))
        coming |= {pair_id: start for pair_id, start in session.execute(_NEXT_STARTS, params)}
    return past, coming


def last_held_session(*, session: Session, pair_id: int, now: datetime) -> MeetingSession | None:
    """The latest session of the pair that has ended and was not skipped."""
    for row in past_sessions(session=session, pair_id=pair_id, now=now):
        if row.status == PLANNED:
            return row
    return None


def _held_before() -> Any:
    """Each session's id (of `ids`) with the id of the latest held session of its pair that
    started before it."""
    earlier = aliased(MeetingSession)
    latest = (
        select(col(earlier.id))
        .where(earlier.pair_id == MeetingSession.pair_id, earlier.status == PLANNED)
        .where(col(earlier.starts_at) < MeetingSession.starts_at)
        .order_by(col(earlier.starts_at).desc())
        .limit(1)
        .scalar_subquery()
    )
    return select(col(MeetingSession.id), latest).where(among(col(MeetingSession.id), "ids"))


_HELD_BEFORE = _held_before()
_SESSIONS_BY_ID = select(MeetingSession).where(among(col(MeetingSession.id), "ids"))


def held_before(*, session: Session, meetings: list[MeetingSession]) -> dict[int, datetime | None]:
    """For each of these sessions (by id), the start of the latest session of its pair that had
    ended, not skipped, when it began (None: none had). Two queries whatever their number, when
    sessions do not overlap (the usual case); an overlap is looked up on its own."""
    if not meetings:
        return {}
    ids = [meeting.id for meeting in meetings]
    previous_of: dict[int, int | None] = {
        meeting_id: previous_id
        for meeting_id, previous_id in execute_core(session, _HELD_BEFORE, {"ids": ids})
    }
    previous_ids = [i for i in previous_of.values() if i is not None]
    found: list[MeetingSession] = (
        list(session.exec(_SESSIONS_BY_ID, params={"ids": previous_ids})) if previous_ids else []
    )
    previous = {row.id: row for row in found}
    starts: dict[int, datetime | None] = {}
    for meeting in meetings:
        assert meeting.id is not None
        row = previous.get(previous_of.get(meeting.id))
        if row is not None and _end(row) > meeting.starts_at:  # still going: look further back
            row = last_held_session(session=session, pair_id=meeting.pair_id, now=meeting.starts_at)
        starts[meeting.id] = row.starts_at if row is not None else None
    return starts


def _end(meeting: MeetingSession) -> datetime:
    return meeting.starts_at + timedelta(minutes=meeting.duration_minutes)


def session_by_id(*, session: Session, session_id: int) -> MeetingSession | None:
    return session.get(MeetingSession, session_id)


def store_summary(
    *, session: Session, meeting: MeetingSession, summary: str, author_id: int, at: datetime
) -> None:
    """Store `summary` as `meeting`'s, written by `author_id` at `at`, as its next revision;
    `meeting` reads it too (`store_revision`: no flush of the changed object)."""
    assert meeting.id is not None
    revision = meeting.summary_revision + 1
    store_revision(
        session=session,
        session_id=meeting.id,
        revision=revision,
        summary=summary,
        author_id=author_id,
        at=at,
    )
    set_committed_value(meeting, "summary", summary)
    set_committed_value(meeting, "summary_author_id", author_id)
    set_committed_value(meeting, "summary_at", at)
    set_committed_value(meeting, "summary_revision", revision)


def store_revision(
    *, session: Session, session_id: int, revision: int, summary: str, author_id: int, at: datetime
) -> None:
    """Store `summary` as revision `revision` of session `session_id`'s summary, written by
    `author_id` at `at`. A Core UPDATE built once (the ORM's flush of the changed object cost
    several times as much); StaleDataError, as from that flush, if the row is gone."""
    params = {"session_id": session_id, "text": summary, "author_id": author_id, "at": at}
    stored = session.connection().execute(_STORE_SUMMARY, params | {"revision": revision})
    if stored.rowcount != 1:
        raise StaleDataError(f"meeting session {session_id} is gone: its summary is not stored")


_sessions = MeetingSession.__table__  # type: ignore[attr-defined]
_STORE_SUMMARY = (
    update(_sessions)
    .where(_sessions.c.id == bindparam("session_id"))
    .values(
        summary=bindparam("text"),
        summary_author_id=bindparam("author_id"),
        summary_at=instant("at"),
        summary_revision=bindparam("revision"),
    )
)


def add_occurrences(
    *, session: Session, wanted: dict[int, tuple[list[datetime], int]]
) -> list[MeetingSession]:
    """Store new sessions for these rhythm instants (pair id → instants, duration) in one insert
    for them all; return the ones created, by pair and start (an instant already stored is
    left as it is)."""
    rows = [
        {"pair_id": pair_id, "occurrence": s, "starts_at": s, "duration_minutes": duration}
        for pair_id, (starts, duration) in wanted.items()
        for s in starts
    ]
    if not rows:
        return []
    statement = insert_ignoring_conflicts(session, MeetingSession, "pair_id", "occurrence")
    created = session.scalars(statement.returning(MeetingSession), rows).all()
    return sorted(created, key=lambda meeting: (meeting.pair_id, meeting.starts_at))


def session_end_epoch(dialect: str) -> ColumnElement[int]:
    """A session's end in whole seconds since the epoch, computed by the database."""
    if dialect == "postgresql":
        start = cast(func.extract("epoch", col(MeetingSession.starts_at)), BigInteger)
    else:  # SQLite keeps instants as ISO text, which strftime reads
        start = cast(func.strftime("%s", col(MeetingSession.starts_at)), BigInteger)
    return start + col(MeetingSession.duration_minutes) * 60


@cache
def _trial_due(dialect: str, started_after: bool, pair_ids: bool) -> Any:
    """`trial_due`'s statement, built once per dialect and kind of restriction, with the
    parameters `now`, `now_epoch`, `limit`, and `started_after` or `first_id` and `stop_id`:
    the ids of the pairs due, with the end of their last held session (epoch seconds)."""
    ended = session_end_epoch(dialect)
    now: Any = bindparam("now")
    now_epoch: Any = bindparam("now_epoch")
    pair_id = col(MeetingSession.pair_id)
    not_asked: Any = col(Pair.trial_asked_at).is_(None)
    held = select(pair_id)
    if started_after:
        recent = (
            select(pair_id)
            .where(col(MeetingSession.starts_at) > bindparam("started_after"))
            .where(MeetingSession.starts_at <= now)
        )
        held = held.where(pair_id.in_(recent))
        if dialect == "sqlite":
            # SQLite's statistics average the keys of the index on (trial outcome, asked at),
            # two pairs a key, and hide that every pair not yet asked shares one: it walked
            # them all through that index. Marked likely (true of most rows), the condition
            # no longer narrows the search in its eyes: it seeks the recent sessions' pairs.
            not_asked = func.likely(not_asked)
    if pair_ids:
        held = held.where(pair_id >= bindparam("first_id"), pair_id < bindparam("stop_id"))
    held_pairs = (
        held.join(Pair, col(Pair.id) == pair_id)
        .where(Pair.status == ACTIVE, SERVED)
        .where(not_asked)
        .where(MeetingSession.status == PLANNED)
        .where(MeetingSession.starts_at <= now)
        .where(ended <= now_epoch)
        .group_by(pair_id, col(Pair.trial_sessions))
        .having(func.count() >= Pair.trial_sessions)
        .order_by(pair_id)
        .limit(bindparam("limit", type_=Integer()))
        .subquery()
    )
    last_end = (
        select(ended)
        .where(pair_id == held_pairs.c.pair_id)
        .where(MeetingSession.status == PLANNED)
        .where(MeetingSession.starts_at <= now)
        .where(ended <= now_epoch)
        .order_by(col(MeetingSession.starts_at).desc())
        .limit(1)
        .scalar_subquery()
    )
    return sql_select(held_pairs.c.pair_id, last_end).order_by(held_pairs.c.pair_id)


def trial_due(
    *,
    session: Session,
    now: datetime,
    limit: int,
    started_after: datetime | None = None,
    pair_ids: range | None = None,
) -> list[tuple[Pair, datetime]]:
    """Active pairs not yet asked the trial question whose trial sessions have all been held
    (not skipped, ended by `now`), with the end of the last held session; at most `limit`,
    oldest pairs first. One Core query whatever the number of pairs, on the session's
    connection once what the session holds is flushed (as the ORM's autoflush would), then the
    pairs it found loaded by id: the dispatcher asks every run, and most runs find none, which
    through the ORM cost several times the query. With `started_after`, only the pairs with a
    session that started after it (found through the sessions' start index), so that a run
    looks at the few pairs a session of which may have ended since the last one; with
    `pair_ids`, only the pairs whose id is in that range (the sessions' pair index)."""
    statement = _trial_due(
        session.get_bind().dialect.name, started_after is not None, pair_ids is not None
    )
    params: dict[str, Any] = {"now": now, "now_epoch": now.timestamp(), "limit": limit}
    if started_after is not None:
        params["started_after"] = started_after
    if pair_ids is not None:
        params["first_id"], params["stop_id"] = pair_ids.start, pair_ids.stop
    ends = {
        pair_id: datetime.fromtimestamp(end, UTC)
        for pair_id, end in execute_core(session, statement, params)
    }
    return [(pair, ends[pair.id]) for pair in pairs_by_ids(session=session, ids=ends)]


def sessions_after(*, session: Session, pair_id: int, after: datetime) -> list[MeetingSession]:
    """The pair's sessions starting after `after`, whatever their status, soonest first."""
    return list(
        session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id)
            .where(MeetingSession.starts_at > after)
            .order_by(col(MeetingSession.starts_at))
        )
    )


def session_ids_of(*, session: Session, pair_id: int) -> list[int]:
    ids = session.exec(select(col(MeetingSession.id)).where(MeetingSession.pair_id == pair_id))
    return [session_id for session_id in ids if session_id is not None]
