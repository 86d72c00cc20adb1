"""Changing a working pair's rhythm: the sessions still ahead are re-planned on the new one."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.calendar.changes import calendar_changed
from bot.planning.planner import extend_pair
from bot.rhythm.model import Rhythm
from bot.rhythm.stored import store_rhythm
from bot.sessions.changes import remove_sessions
from storage.models import Pair
from storage.queries.agenda import adopt_detached
from storage.queries.sessions import next_session, upcoming_sessions


def change_rhythm(*, session: Session, pair: Pair, rhythm: Rhythm, now: datetime) -> None:
    """Give `pair` a new rhythm: sessions not started yet are replaced (with their reminders);
    their open agenda items move to the first session of the new rhythm."""
    assert pair.id is not None
    remove_sessions(
        session=session,
        meetings=upcoming_sessions(session=session, pair_id=pair.id, now=now, limit=1000),
    )
    store_rhythm(pair, rhythm)
    pair.planned_until = now
    session.add(pair)
    session.flush()
    calendar_changed(session=session, pair=pair, now=now)
    if pair.status != "active":
        return
    extend_pair(session=session, pair=pair, now=now)
    following = next_session(session=session, pair_id=pair.id, now=now)
    if following is not None and following.id is not None:
        adopt_detached(session=session, pair_id=pair.id, to_session_id=following.id)
