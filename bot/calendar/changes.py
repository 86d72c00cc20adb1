"""A change to a pair's sessions (start, move, skip, new terms, pause, resume, end) owes each
member the series' new version as an .ics file; its SEQUENCE grows with every change."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.notice_keys import CalendarVersion, PersonRecipient
from bot.planning.notice_kinds import CALENDAR_UPDATE
from storage.models import Pair
from storage.queries.notifications import Owed, owe

USEFUL_FOR_DAYS = 7


def calendar_changed(*, session: Session, pair: Pair, now: datetime, first: bool = False) -> None:
    """Owe both members the pair's series at a new SEQUENCE (`first`: the one sent when the pair
    starts, SEQUENCE kept). Nothing before both accepted: no calendar exists yet."""
    assert pair.id is not None
    if pair.mentor_accepted_at is None or pair.mentee_accepted_at is None:
        return
    if not first:
        pair.calendar_sequence += 1
        session.add(pair)
    subject = CalendarVersion(pair.id, pair.calendar_sequence).key
    until = now + timedelta(days=USEFUL_FOR_DAYS)
    owe(
        session=session,
        owed=[
            Owed(CALENDAR_UPDATE, PersonRecipient(member).key, subject, now, until)
            for member in (pair.mentor_id, pair.mentee_id)
        ],
        now=now,
    )
