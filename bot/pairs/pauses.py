"""Pausing a pair (no reminders meanwhile) and resuming it, by hand or on the planned day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session

from bot.calendar.changes import calendar_changed
from bot.kernel.notice_keys import PairPaused, PairResumed, PersonRecipient
from bot.planning.notice_kinds import PAIR_PAUSED, PAIR_RESUMED
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR, extend_pair
from bot.rhythm.recurrence import local_instant
from bot.sessions.changes import remove_sessions
from storage.models import Pair, Person
from storage.queries.agenda import adopt_detached
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import ACTIVE, PAUSED, pauses_ending_by
from storage.queries.sessions import next_session, upcoming_sessions


def resume_day_start(pair: Pair, day: date) -> datetime:
    """When a pause that ends on `day` is over: that day's midnight in the pair's zone."""
    return local_instant(day, time(0, 0), pair.timezone)


def pause_pair(
    *, session: Session, pair: Pair, actor: Person, until: date | None, now: datetime
) -> None:
    """Pause `pair`: its sessions before `until` (all, without it) are cancelled, not skipped."""
    assert pair.id is not None
    boundary = resume_day_start(pair, until) if until else None
    upcoming = upcoming_sessions(session=session, pair_id=pair.id, now=now, limit=1000)
    remove_sessions(
        session=session,
        meetings=[m for m in upcoming if boundary is None or m.starts_at < boundary],
    )
    pair.status, pair.paused_until = PAUSED, until
    session.add(pair)
    other = pair.mentee_id if actor.id == pair.mentor_id else pair.mentor_id
    recipient, subject = PersonRecipient(other).key, PairPaused(pair.id, now).key
    owe(
        session=session,
        owed=[Owed(PAIR_PAUSED, recipient, subject, now, now + ANNOUNCEMENT_USEFUL_FOR)],
        now=now,
    )
    calendar_changed(session=session, pair=pair, now=now)


def resume_pair(*, session: Session, pair: Pair, actor: Person | None, now: datetime) -> None:
    """Resume `pair` now; the other member is told (both, when the planned day came)."""
    assert pair.id is not None
    pair.status, pair.paused_until, pair.planned_until = ACTIVE, None, now
    pair.resumed_at = now  # a stall counts from here (bot/pairs/stalled.py)
    session.add(pair)
    session.flush()
    extend_pair(session=session, pair=pair, now=now)
    following = next_session(session=session, pair_id=pair.id, now=now)
    if following is not None and following.id is not None:
        adopt_detached(session=session, pair_id=pair.id, to_session_id=following.id)
    members = [m for m in (pair.mentor_id, pair.mentee_id) if actor is None or m != actor.id]
    subject = PairResumed(pair.id, now).key
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owe(
        session=session,
        owed=[
            Owed(PAIR_RESUMED, PersonRecipient(member).key, subject, now, until)
            for member in members
        ],
        now=now,
    )
    calendar_changed(session=session, pair=pair, now=now)


RESUMED_PER_RUN = 200


def resume_due_pauses(*, session: Session, now: datetime) -> int:
    """Resume the pairs whose pause ends by `now`, at most RESUMED_PER_RUN (the next run
    resumes the rest); how many."""
    latest_day = (now + timedelta(days=1)).astimezone(UTC).date()
    due = [
        pair
        for pair in pauses_ending_by(session=session, day=latest_day, limit=RESUMED_PER_RUN)
        if pair.paused_until is not None and resume_day_start(pair, pair.paused_until) <= now
    ]
    for pair in due:
        resume_pair(session=session, pair=pair, actor=None, now=now)
    return len(due)
