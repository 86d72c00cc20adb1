"""Retention: the content of ended pairs, erased once it has been kept long enough.

Every text of a pair goes (agenda, summaries, actions, goals and milestones, review answers,
thanks: every free-text column of the schema, `WRITINGS`, but the journal) with its members'
private trial answers; the pair, its sessions' dates and statuses, review rounds and the
notifications' keys stay, so that cadence counts do not change.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, bindparam, union_all, update
from sqlalchemy.orm import class_mapper
from sqlmodel import Session, SQLModel, col, select

from storage.db import execute_core
from storage.models import (
    Goal,
    JournalEntry,
    Milestone,
    Pair,
    PendingReply,
    Review,
    ReviewAnswer,
)
from storage.queries.pairs import ENDED
from storage.queries.personal_data import WRITINGS, forget_links, remove_writings
from storage.queries.slices import among
from storage.types import instant

# The journal is its author's own, tied to no pair; a DM reply kept aside belongs to no pair
# until its author files it on a session, and expires by itself within days.
NOT_PAIR_CONTENT = (JournalEntry, PendingReply)


def pairs_due_for_erasure(
    *, session: Session, now: datetime, ended_before: datetime, limit: int
) -> list[int]:
    """Pairs whose content is still kept and due to go, oldest end first: ended pairs at the
    date their members were told, or (ended before dates were recorded) if they ended before
    `ended_before`; the pairs of a workspace the app left, at the date set when it left. A Core
    statement on the session's connection, once what the session holds is flushed (as the
    ORM's autoflush would): the dispatcher runs it every run, almost always to find none, and
    through the ORM that cost several times the query."""
    params = {"now": now, "ended_before": ended_before, "limit": limit}
    return list(execute_core(session, _DUE_FOR_ERASURE, params).scalars())


def _due_for_erasure() -> Any:
    """`pairs_due_for_erasure`'s statement, with the parameters `now`, `ended_before` and
    `limit`: the pairs due by their retention date and the ended pairs without one, each part
    read through its own index, by end. With the two conditions in one OR, SQLite walked every
    pair whenever its statistics knew a single status and no retention date (every pair
    active, as in `simulate`): 0.2 ms a run at 2,000 pairs, 4 µs through the indexes."""
    kept = select(col(Pair.id), col(Pair.ended_at)).where(col(Pair.content_erased_at).is_(None))
    dated = kept.where(col(Pair.retain_until) <= instant("now"))
    undated = kept.where(col(Pair.status) == ENDED, col(Pair.retain_until).is_(None))
    both = union_all(dated, undated.where(col(Pair.ended_at) <= instant("ended_before")))
    return both.order_by(both.selected_columns.ended_at, both.selected_columns.id).limit(
        bindparam("limit", type_=Integer())
    )


_DUE_FOR_ERASURE = _due_for_erasure()  # built once: the dispatcher's planning runs it every run


def retain_workspace(*, session: Session, workspace: str, until: datetime | None) -> int:
    """The app left `workspace` (`until`: when its pairs' content goes) or came back (None):
    the retention of its pairs that have not ended; how many."""
    result = session.execute(
        update(Pair)
        .where(col(Pair.workspace) == workspace, col(Pair.status) != ENDED)
        .where(col(Pair.content_erased_at).is_(None))
        .values(retain_until=until)
    )
    return int(result.rowcount)  # type: ignore[attr-defined]


def pair_rows(model: type[SQLModel], pair_ids: list[int]) -> ColumnElement[bool]:
    """The rows of `model` that belong to these pairs."""
    if model is Milestone:
        goals = select(Goal.id).where(among(col(Goal.pair_id), pair_ids))
        return col(Milestone.goal_id).in_(goals)
    if model is ReviewAnswer:
        reviews = select(Review.id).where(among(col(Review.pair_id), pair_ids))
        return col(ReviewAnswer.review_id).in_(reviews)
    return among(class_mapper(model).columns["pair_id"], pair_ids)


def erase_pair_content(*, session: Session, pair_ids: list[int], now: datetime) -> None:
    """Erase every text of these pairs (every free-text column the schema has, but the journal,
    which is its author's) and mark them erased at `now`; the files keep no copy."""
    if not pair_ids:
        return
    for writing in WRITINGS:
        if writing.model not in NOT_PAIR_CONTENT:
            remove_writings(
                session=session, writing=writing, where=pair_rows(writing.model, pair_ids)
            )
    session.execute(
        update(Pair)
        .where(among(col(Pair.id), pair_ids))
        .values(mentor_trial=None, mentee_trial=None, content_erased_at=now)
    )
    forget_links(session=session, pair_ids=pair_ids)
