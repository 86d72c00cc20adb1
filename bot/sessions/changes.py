"""Changing sessions: skip or move one and tell the other member at once; remove those that
will not take place."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.calendar.changes import calendar_changed
from bot.kernel.notice_keys import SessionAt, SessionSkipped
from bot.people.person import recipient
from bot.planning.notice_kinds import SESSION_MOVED, SESSION_SKIPPED
from bot.planning.planner import (
    ANNOUNCEMENT_USEFUL_FOR,
    extend_pair,
    session_notifications,
    session_subject,
)
from storage.models import MeetingSession, Pair, Person
from storage.queries.actions import detach_actions
from storage.queries.agenda import carry_over, detach
from storage.queries.notifications import Owed, drop_pending, forget_pending, owe
from storage.queries.sessions import SKIPPED, next_session


def skip_session(
    *, session: Session, pair: Pair, meeting: MeetingSession, other: Person, now: datetime
) -> MeetingSession | None:
    """Skip `meeting`; its open agenda items go to the following session, which is returned."""
    assert pair.id is not None and meeting.id is not None
    meeting.status = SKIPPED
    session.add(meeting)
    drop_pending(
        session=session,
        subject_prefix=SessionAt.prefix(session_id=meeting.id),
        outcome="skipped",
    )
    session.flush()
    following = next_session(session=session, pair_id=pair.id, now=now)
    if following is None:
        extend_pair(session=session, pair=pair, now=now)
        following = next_session(session=session, pair_id=pair.id, now=now)
    if following is not None and following.id is not None:
        carry_over(session=session, from_session_id=meeting.id, to_session_id=following.id)
    owe(
        session=session,
        owed=[
            Owed(
                SESSION_SKIPPED,
                recipient(other).key,
                SessionSkipped(meeting.id).key,
                now,
                now + ANNOUNCEMENT_USEFUL_FOR,
            )
        ],
        now=now,
    )
    calendar_changed(session=session, pair=pair, now=now)
    return following


def move_session(
    *,
    session: Session,
    pair: Pair,
    meeting: MeetingSession,
    other: Person,
    to: datetime,
    now: datetime,
) -> None:
    """Move `meeting` to `to`: its reminders and summary requests follow it."""
    assert meeting.id is not None
    drop_pending(
        session=session,
        subject_prefix=SessionAt.prefix(session_id=meeting.id),
        outcome="moved",
    )
    meeting.starts_at = to
    session.add(meeting)
    session.flush()
    owe(
        session=session,
        owed=[
            *session_notifications(pair, meeting),
            Owed(
                SESSION_MOVED,
                recipient(other).key,
                session_subject(meeting).key,
                now,
                now + ANNOUNCEMENT_USEFUL_FOR,
            ),
        ],
        now=now,
    )
    calendar_changed(session=session, pair=pair, now=now)


def remove_sessions(*, session: Session, meetings: list[MeetingSession]) -> None:
    """Delete sessions that will not take place (pause, new rhythm, end) and what they still
    owe; their agenda items (and actions, should a clock set back leave any) stay with the
    pair, attached to no session."""
    for meeting in meetings:
        assert meeting.id is not None
        # Deleted, not dropped: SQLite may give a later session the same id.
        forget_pending(session=session, subject_prefix=SessionAt.prefix(session_id=meeting.id))
        detach(session=session, from_session_id=meeting.id)
        detach_actions(session=session, from_session_id=meeting.id)
        session.delete(meeting)
