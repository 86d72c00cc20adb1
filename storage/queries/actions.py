"""Action items."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select, update

from storage.models import ActionItem


def open_actions(*, session: Session, pair_id: int) -> list[ActionItem]:
    """The pair's actions not done yet, soonest due first (undated last)."""
    rows = session.exec(
        select(ActionItem)
        .where(col(ActionItem.pair_id) == pair_id, col(ActionItem.done_at).is_(None))
        .order_by(col(ActionItem.id))
    )
    return sorted(rows, key=lambda a: (a.due is None, a.due, a.id))


def done_since(*, session: Session, pair_id: int, since: datetime) -> list[ActionItem]:
    """The pair's actions marked done after `since`."""
    return list(
        session.exec(
            select(ActionItem)
            .where(col(ActionItem.pair_id) == pair_id, col(ActionItem.done_at) > since)
            .order_by(col(ActionItem.done_at))
        )
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
