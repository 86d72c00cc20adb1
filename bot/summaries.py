"""Summaries: recording what a pair wrote after a session and sharing it with the other member."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.core import Core
from bot.notice_kinds import DM_NOT_EXPECTED, SUMMARY_RECORDED, SUMMARY_SHARED
from bot.people import recipient
from scheduler.planner import ANNOUNCEMENT_USEFUL_FOR
from storage.models import MeetingSession, Pair, Person
from storage.queries.events import first_delivery
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import pairs_of
from storage.queries.people import get_person
from storage.queries.sessions import last_held_session

MAX_SUMMARY = 3000
"""Longest summary `/mentor summary` takes; a DM reply is kept whole."""
AWAITED_FOR = timedelta(days=14)
"""A plain DM reply counts as the summary of a session that ended within this time."""


def record_summary(
    *,
    session: Session,
    meeting: MeetingSession,
    author: Person,
    other: Person,
    text: str,
    now: datetime,
    confirm_by_dm: bool,
) -> bool:
    """Store `text` as the summary of `meeting` and owe it to `other`; True if one is replaced."""
    replaced = bool(meeting.summary)
    meeting.summary = text
    meeting.summary_author_id = author.id
    meeting.summary_at = now
    meeting.summary_revision += 1
    session.add(meeting)
    subject = f"session:{meeting.id}#{meeting.summary_revision}"
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [Owed(SUMMARY_SHARED, recipient(other), subject, now, until)]
    if confirm_by_dm:
        owed.append(Owed(SUMMARY_RECORDED, recipient(author), subject, now, until))
    owe(session=session, owed=owed, now=now)
    return replaced


def awaited_summary(
    *, session: Session, person: Person, now: datetime
) -> tuple[Pair, MeetingSession] | None:
    """The person's most recently ended session still waiting for its summary, if any."""
    assert person.id is not None
    best: tuple[Pair, MeetingSession] | None = None
    for pair in pairs_of(session=session, person_id=person.id):
        assert pair.id is not None
        meeting = last_held_session(session=session, pair_id=pair.id, now=now)
        if meeting is None or meeting.summary:
            continue
        if meeting.starts_at + timedelta(minutes=meeting.duration_minutes) + AWAITED_FOR < now:
            continue
        if best is None or meeting.starts_at > best[1].starts_at:
            best = (pair, meeting)
    return best


def record_dm_reply(
    *, session: Session, person: Person, text: str, message_ref: str, now: datetime
) -> bool:
    """A plain DM: the awaited summary if there is one (True), else a polite explanation."""
    found = awaited_summary(session=session, person=person, now=now)
    text = text.strip()
    if found is None or not text:
        until = now + ANNOUNCEMENT_USEFUL_FOR
        owe(
            session=session,
            owed=[Owed(DM_NOT_EXPECTED, recipient(person), f"dm:{message_ref}", now, until)],
            now=now,
        )
        return False
    pair, meeting = found
    other = session.get(Person, pair.mentee_id if pair.mentor_id == person.id else pair.mentor_id)
    assert other is not None
    record_summary(
        session=session,
        meeting=meeting,
        author=person,
        other=other,
        text=text,
        now=now,
        confirm_by_dm=True,
    )
    return True


def handle_direct_message(
    core: Core, *, platform: str, event_id: str, author_id: str, text: str, message_ref: str
) -> bool:
    """Record a plain DM once per platform event, even when the platform delivers it again.

    The event id is stored in the same transaction as its effect, so a delivery that failed
    half-way leaves nothing behind and its retry is handled.
    """
    with core.db.session() as session:
        now = core.clock.now()
        if not first_delivery(session=session, event_id=f"{platform}:{event_id}", now=now):
            return False
        person = get_person(session=session, platform=platform, external_id=author_id)
        if person is None:
            raise LookupError(f"no profile stored for {platform}:{author_id}")
        record_dm_reply(session=session, person=person, text=text, message_ref=message_ref, now=now)
    core.owed_now()
    return True
