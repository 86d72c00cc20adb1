"""Action items."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import delete
from sqlmodel import Session, col, select, update

from storage.models import ActionItem
from storage.queries.preload import keyed_by, rows_by
from storage.queries.slices import among
from storage.types import instant


def open_actions(*, session: Session, pair_id: int) -> list[ActionItem]:
    """The pair's actions not done yet, soonest due first (undated last)."""
    return open_actions_of(session=session, pair_ids={pair_id})[pair_id]


def open_actions_of(*, session: Session, pair_ids: set[int]) -> dict[int, list[ActionItem]]:
    """Each of these pairs' actions not done yet (one query), soonest due first."""
    found = rows_by(session, ActionItem, ActionItem.pair_id, pair_ids, _OPEN)
    for actions in found.values():
        actions.sort(key=lambda a: (a.due is None, a.due, a.id))
    return found


def done_since(*, session: Session, pair_id: int, since: datetime) -> list[ActionItem]:
    """The pair's actions marked done after `since`."""
    return done_since_of(session=session, since={pair_id: since})[pair_id]


def done_since_of(*, session: Session, since: dict[int, datetime]) -> dict[int, list[ActionItem]]:
    """For each pair id of `since`, its actions marked done after its instant (one query),
    in the order they were done."""
    found: dict[int, list[ActionItem]] = defaultdict(list)
    if since:
        params = {"pair_ids": list(since), "after": min(since.values())}
        for row in session.exec(_DONE_AFTER, params=params):
            assert row.done_at is not None
            if row.done_at > since[row.pair_id]:
                found[row.pair_id].append(row)
    return found


# Built once, with parameters: a reminder batch reads both (building costs more than running).
_OPEN = keyed_by(ActionItem, ActionItem.pair_id).where(col(ActionItem.done_at).is_(None))
_DONE_AFTER = (
    select(ActionItem)
    .where(among(col(ActionItem.pair_id), "pair_ids"))
    .where(col(ActionItem.done_at) > instant("after"))
    .order_by(col(ActionItem.done_at))
)


def detach_actions(*, session: Session, from_session_id: int) -> None:
    """Keep the actions agreed at a session with its pair, before the session goes."""
    session.execute(
        update(ActionItem)
        .where(col(ActionItem.session_id) == from_session_id)
        .values(session_id=None)
    )


def action_ids_of(*, session: Session, pair_id: int) -> list[int]:
    ids = session.exec(select(col(ActionItem.id)).where(ActionItem.pair_id == pair_id))
    return [action_id for action_id in ids if action_id is not None]


def actions_of_sessions(*, session: Session, session_ids: set[int]) -> dict[int, list[ActionItem]]:
    """The actions agreed at each of these sessions (one query), in the order they were written."""
    return rows_by(session, ActionItem, ActionItem.session_id, session_ids)


def drop_open_actions(*, session: Session, session_id: int) -> None:
    """Delete the actions agreed at a session that are not done yet (a summary replaced)."""
    session.execute(
        delete(ActionItem)
        .where(col(ActionItem.session_id) == session_id)
        .where(col(ActionItem.done_at).is_(None))
    )


def actions_of_pair(*, session: Session, pair_id: int) -> list[ActionItem]:
    """All the pair's actions, done or not, in the order they were written."""
    return rows_by(session, ActionItem, ActionItem.pair_id, {pair_id})[pair_id]
