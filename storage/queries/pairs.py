"""Pairs."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, Select, and_, bindparam, case, exists, not_, update
from sqlalchemy import select as sql_select
from sqlmodel import Session, col, func, or_, select

from storage.db import execute_core
from storage.models import Pair
from storage.queries.holds import hold_row
from storage.queries.slices import among, in_slices

PENDING = "pending"  # waiting for both members to accept the agreement
ACTIVE = "active"
PAUSED = "paused"
ENDED = "ended"
CURRENT = (PENDING, ACTIVE, PAUSED)
CANDIDATES_READ = 500  # rows fetched at a time when a scan stops once it has enough
SERVED = col(Pair.retain_until).is_(None)
"""A current pair the bot works for: not one of a workspace the app was uninstalled from
(`retain_workspace` sets its retention date, and a reinstall clears it). The planner, the
trial, pauses, planned ends and the health checks owe nothing to the others; their data stays."""


_PAIRS_OF = (  # built once: a member's every action reads their pairs
    select(Pair)
    .where(col(Pair.status).in_(CURRENT))
    .where(or_(Pair.mentor_id == bindparam("person_id"), Pair.mentee_id == bindparam("person_id")))
    .order_by(col(Pair.id))
)


def pairs_of(*, session: Session, person_id: int) -> list[Pair]:
    """The current (pending, active or paused) pairs of a person, either role, oldest first."""
    return list(session.exec(_PAIRS_OF, params={"person_id": person_id}))


def active_pair_between(*, session: Session, first_id: int, second_id: int) -> Pair | None:
    """The current (pending, active or paused) pair of these two people, whatever their roles."""
    return session.exec(
        select(Pair)
        .where(col(Pair.status).in_(CURRENT))
        .where(
            or_(
                (Pair.mentor_id == first_id) & (Pair.mentee_id == second_id),
                (Pair.mentor_id == second_id) & (Pair.mentee_id == first_id),
            )
        )
    ).first()


def digest_pairs(
    *, session: Session, platform: str, workspace: str, ended_since: datetime, size: int
) -> Iterator[list[Pair]]:
    """A workspace's active pairs and those that ended at or after `ended_since`, `size` at a
    time in id order, each batch one query from the last id read: a digest over thousands of
    pairs holds one batch at a time."""
    shown = or_(
        col(Pair.status) == ACTIVE,
        and_(col(Pair.status) == ENDED, col(Pair.ended_at) >= ended_since),
    )
    query = (
        select(Pair)
        .where(Pair.platform == platform, Pair.workspace == workspace, shown)
        .order_by(col(Pair.id))
        .limit(size)
    )
    after = 0
    while batch := list(session.exec(query.where(col(Pair.id) > after))):
        yield batch
        after = batch[-1].id or 0
        if len(batch) < size:
            return


def last_pair_id(*, session: Session) -> int:
    """The highest pair id so far (0 without pairs)."""
    return session.exec(select(func.max(Pair.id))).one() or 0


# Built once, with parameters (building a statement costs more than running it): the
# planner's reads, each minute.
_LIMIT = bindparam("limit", type_=Integer())
_NEVER_PLANNED = (
    select(Pair)
    .where(Pair.status == ACTIVE, col(Pair.planned_until).is_(None), SERVED)
    .limit(_LIMIT)
)
_PLANNED_SHORT = (
    select(Pair)
    .where(Pair.status == ACTIVE, col(Pair.planned_until) < bindparam("horizon"), SERVED)
    .order_by(col(Pair.planned_until), col(Pair.id))
    .limit(_LIMIT)
)
_PAUSE_ENDED = (col(Pair.status) == PAUSED, col(Pair.paused_until) <= bindparam("day"), SERVED)
_PAUSES_ENDING = (
    select(Pair).where(*_PAUSE_ENDED).order_by(col(Pair.paused_until), col(Pair.id)).limit(_LIMIT)
)
_OPEN = or_(*(col(Pair.status) == status for status in (ACTIVE, PAUSED)))
"""Active or paused. Not `IN`: its list is rendered again at each execution (twice the cost of
a read that finds nothing)."""
_TRIAL_LAPSED = (
    col(Pair.trial_outcome).is_(None),
    col(Pair.trial_asked_at) < bindparam("asked_before"),
    _OPEN,
    SERVED,
)
_LAPSED_TRIALS = (
    select(Pair)
    .where(*_TRIAL_LAPSED)
    .order_by(col(Pair.trial_asked_at), col(Pair.id))
    .limit(_LIMIT)
)
# Whether there is any: most runs find none (`pauses_ending_by`).
_ANY_PAUSE_ENDED = sql_select(exists().where(*_PAUSE_ENDED))
_ANY_TRIAL_LAPSED = sql_select(exists().where(*_TRIAL_LAPSED))


def hold_pair(*, session: Session, pair_id: int) -> None:
    """Make changes to this pair's planned sessions take turns until the transaction ends, so
    that the sessions read after this include every change committed before: both members
    moving a session at once, on any replica (one person's requests already take turns:
    `hold_person`). A write does it on both databases: PostgreSQL locks the pair's row, SQLite
    the database; the write changes nothing."""
    hold_row(session=session, model=Pair, row_id=pair_id, column=Pair.duration_minutes)


def pairs_to_extend(*, session: Session, horizon: datetime, limit: int) -> list[Pair]:
    """Active pairs whose sessions are not yet planned as far as `horizon`, those never planned
    first, then those planned least far ahead (each an index range of (status, planned until))."""
    never = list(session.exec(_NEVER_PLANNED, params={"limit": limit}))
    if len(never) == limit:
        return never
    params = {"horizon": horizon, "limit": limit - len(never)}
    return never + list(session.exec(_PLANNED_SHORT, params=params))


def latest_pair_between(*, session: Session, first_id: int, second_id: int) -> Pair | None:
    """The most recent pair of these two people, whatever its status and their roles."""
    return session.exec(
        select(Pair)
        .where(
            or_(
                (Pair.mentor_id == first_id) & (Pair.mentee_id == second_id),
                (Pair.mentor_id == second_id) & (Pair.mentee_id == first_id),
            )
        )
        .order_by(col(Pair.id).desc())
    ).first()


def pauses_ending_by(*, session: Session, day: date, limit: int) -> list[Pair]:
    """Paused pairs set to resume on or before `day` (a day in any zone: check each), the
    soonest first, at most `limit`. The dispatcher asks every run, and almost every run finds
    none: whether there is any is asked first, a Core statement on the session's connection
    once what the session holds is flushed (as the ORM's autoflush would), at a fraction of
    the ORM query's cost; the pairs are loaded only then."""
    if not _any(session, _ANY_PAUSE_ENDED, {"day": day}):
        return []
    return list(session.exec(_PAUSES_ENDING, params={"day": day, "limit": limit}))


def pairs_with_lapsed_trial(*, session: Session, asked_before: datetime, limit: int) -> list[Pair]:
    """Current pairs asked the trial question before `asked_before`, their trial not settled,
    at most `limit` (through the index on (trial outcome, asked at)); loaded only if a Core
    statement finds any, as in `pauses_ending_by`: most runs find none."""
    params = {"asked_before": asked_before}
    if not _any(session, _ANY_TRIAL_LAPSED, params):
        return []
    return list(session.exec(_LAPSED_TRIALS, params=params | {"limit": limit}))


def _any(session: Session, statement: Select[bool], params: dict[str, Any]) -> bool:
    """What `statement`, an EXISTS, says of the rows and of what the session holds unflushed."""
    return bool(execute_core(session, statement, params).scalar())


@dataclass(frozen=True)
class Ending:
    """What deciding about a pair's planned end needs, without loading the pair."""

    id: int
    mentor_id: int
    mentee_id: int
    planned_end: date
    timezone: str


def pairs_ending_by(
    *,
    session: Session,
    day: date,
    keep: Callable[[Ending], bool],
    limit: int,
    unannounced: bool = False,
) -> list[Ending]:
    """The first `limit` current pairs to `keep` among those whose planned end is on or before
    `day` (a day in any zone: `keep` checks each), soonest end first; with `unannounced`, only
    those whose current planned end was not announced. The candidates are read in the order of
    the index on (status, planned end, end announced), a batch at a time, until enough are kept:
    a Core statement on the session's connection, once what the session holds is flushed (as
    the ORM's autoflush would); through the ORM, a run that finds none cost several times as
    much."""
    query: Any = _ENDING_UNANNOUNCED if unannounced else _ENDING
    kept: list[Ending] = []
    result = execute_core(session, query, {"day": day})
    try:
        for row in result:
            ending = Ending(*row)
            if keep(ending):
                kept.append(ending)
                if len(kept) == limit:
                    break
    finally:
        result.close()
    return kept


# Built once, with parameters (`day`): the dispatcher's planning runs both every run.
_ENDING = (
    sql_select(
        col(Pair.id),
        col(Pair.mentor_id),
        col(Pair.mentee_id),
        col(Pair.planned_end),
        col(Pair.timezone),
    )
    .where(_OPEN, SERVED)
    .where(col(Pair.planned_end).is_not(None), col(Pair.planned_end) <= bindparam("day"))
    .order_by(col(Pair.planned_end), col(Pair.id))
    .execution_options(yield_per=CANDIDATES_READ)
)
_ENDING_UNANNOUNCED = _ENDING.where(
    or_(col(Pair.end_announced).is_(None), col(Pair.end_announced) != col(Pair.planned_end))
)


def mark_end_announced(*, session: Session, pair_ids: list[int]) -> None:
    """Remember that these pairs' current planned end was announced (at most a run's worth)."""
    if pair_ids:
        session.execute(
            update(Pair)
            .where(among(col(Pair.id), pair_ids))
            .values(end_announced=Pair.planned_end),
            execution_options={"synchronize_session": False},
        )


def pairs_by_ids(*, session: Session, ids: Iterable[int]) -> list[Pair]:
    """These pairs, in id order (a statement a slice of ids: `in_slices`)."""
    return [
        pair
        for some in in_slices(ids)
        for pair in session.exec(_PAIRS_BY_IDS, params={"ids": some})
    ]


_PAIRS_BY_IDS = select(Pair).where(among(col(Pair.id), "ids")).order_by(col(Pair.id))


def all_pairs_of(*, session: Session, person_id: int) -> list[Pair]:
    """Every pair a person was ever in, newest first (their history)."""
    return list(
        session.exec(
            select(Pair)
            .where(or_(Pair.mentor_id == person_id, Pair.mentee_id == person_id))
            .order_by(col(Pair.id).desc())
        )
    )


def pairs_with_status(
    *, session: Session, platform: str, status: str, workspace: str = ""
) -> list[Pair]:
    """A workspace's pairs in one status, oldest first."""
    return list(
        session.exec(
            select(Pair)
            .where(Pair.platform == platform)
            .where(Pair.workspace == workspace)
            .where(Pair.status == status)
            .order_by(col(Pair.id))
        )
    )


def pairs_by_status(*, session: Session, workspace: str) -> dict[tuple[str, str], int]:
    """How many pairs one workspace has by platform and status (active, paused, ended...)."""
    rows = session.exec(
        select(Pair.platform, Pair.status, func.count())
        .where(Pair.workspace == workspace)
        .group_by(Pair.platform, Pair.status)
    )
    return {(platform, status): count for platform, status, count in rows}


WITHDRAWN = "withdrawn"
"""The status the metrics give a current pair of a workspace the app was uninstalled from."""


def pairs_by_workspace_and_status(*, session: Session) -> dict[tuple[str, str, str], int]:
    """How many pairs there are by platform, workspace and status, over all workspaces; a
    current pair the bot no longer works for (see SERVED) counts as withdrawn."""
    status = case(
        (and_(col(Pair.status).in_(CURRENT), not_(SERVED)), WITHDRAWN), else_=col(Pair.status)
    )
    rows = session.exec(
        select(Pair.platform, Pair.workspace, status, func.count()).group_by(
            Pair.platform, Pair.workspace, status
        )
    )
    return {(platform, workspace, state): n for platform, workspace, state, n in rows}


def _counts_by(role: Any) -> Any:
    return (
        select(role, func.count())
        .where(col(Pair.status).in_(CURRENT))
        .where(among(role, "ids"))
        .group_by(role)
    )


_COUNTS_BY_ROLE = (_counts_by(col(Pair.mentor_id)), _counts_by(col(Pair.mentee_id)))


def current_pair_counts(*, session: Session, person_ids: set[int]) -> dict[int, int]:
    """How many current pairs each of these people is in, either role (two queries)."""
    counts = dict.fromkeys(person_ids, 0)
    if not person_ids:
        return counts
    for statement in _COUNTS_BY_ROLE:
        for person_id, count in execute_core(session, statement, {"ids": list(person_ids)}):
            counts[person_id] += count
    return counts
