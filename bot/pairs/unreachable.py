"""People the bot cannot write to: the programme admins are told who must install the app."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.notice_keys import UnreachableWeek
from bot.people.person import recipient
from bot.planning.notice_kinds import MEMBER_UNREACHABLE
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from storage.queries.notifications import Owed, owe
from storage.queries.people import get_person, people_with_external_ids


def tell_admins_unreachable(
    *, session: Session, platform: str, external_id: str, admins: frozenset[str], now: datetime
) -> int:
    """Owe each admin known to the bot (on any platform) a notice; at most one a week each."""
    person = get_person(session=session, platform=platform, external_id=external_id)
    if person is None or person.id is None:
        return 0
    year, week, _ = now.isocalendar()
    subject = UnreachableWeek(person.id, year, week).key
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [
        Owed(MEMBER_UNREACHABLE, recipient(admin).key, subject, now, until)
        for admin in people_with_external_ids(session=session, external_ids=admins)
        if admin.id != person.id
    ]
    return owe(session=session, owed=owed, now=now)
