"""People and channels the bot cannot write to: the programme admins are told, at most once a
week per person or channel — who must install the app (Teams), whom or where the platform
refuses (an inactive account, an archived channel…), who left the workspace."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.core import Core
from bot.kernel.notice_keys import (
    ChannelRefused,
    MemberLeft,
    PersonRecipient,
    PersonRefused,
    UnreachableWeek,
)
from bot.kernel.workspaces import workspace_of
from bot.people.person import recipient
from bot.planning.notice_kinds import ADMIN_KINDS, DELIVERY_REFUSED, MEMBER_LEFT, MEMBER_UNREACHABLE
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from bot.sessions.changes import remove_sessions
from storage.queries.digests import subscription
from storage.queries.notifications import Owed, last_owed, owe
from storage.queries.pairs import ACTIVE, PAUSED, pairs_of
from storage.queries.people import get_person, people_with_external_ids
from storage.queries.sessions import upcoming_sessions

ONCE_A_WEEK = timedelta(days=7)
DEACTIVATED = "deactivated"  # the reason told when a person left the workspace


def _person_prefixes(person_id: int) -> list[str]:
    return [UnreachableWeek.prefix(person_id=person_id), PersonRefused.prefix(person_id=person_id)]


def _told_this_week(session: Session, prefixes: list[str], now: datetime) -> bool:
    last = last_owed(session=session, kinds=tuple(ADMIN_KINDS), subject_prefixes=prefixes)
    return last is not None and now - last < ONCE_A_WEEK


def _owe_admins(
    session: Session, kind: str, subject: str, admins: frozenset[str], now: datetime, skip: int
) -> int:
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [
        Owed(kind, recipient(admin).key, subject, now, until)
        for admin in people_with_external_ids(session=session, external_ids=admins)
        if admin.id != skip
    ]
    return owe(session=session, owed=owed, now=now)


def tell_admins_unreachable(
    *,
    session: Session,
    platform: str,
    external_id: str,
    admins: frozenset[str],
    now: datetime,
    reason: str | None = None,
) -> int:
    """Owe each admin known to the bot (on any platform) a notice about this person: who must
    install the app (no `reason`), or what the platform answered (`reason`); nothing when the
    admins were told about them in the last seven days."""
    person = get_person(session=session, platform=platform, external_id=external_id)
    if person is None or person.id is None:
        return 0
    if _told_this_week(session, _person_prefixes(person.id), now):
        return 0
    if reason is None:
        year, week, _ = now.isocalendar()
        subject, kind = UnreachableWeek(person.id, year, week).key, MEMBER_UNREACHABLE
    else:
        subject, kind = PersonRefused(person.id, now.date(), reason).key, DELIVERY_REFUSED
    return _owe_admins(session, kind, subject, admins, now, person.id)


def tell_admins_channel_refused(
    *,
    session: Session,
    platform: str,
    channel_id: str,
    admins: frozenset[str],
    now: datetime,
    reason: str,
) -> int:
    """Owe each admin a notice that the platform refuses this digest channel; at most once a
    week per channel."""
    sub = subscription(session=session, platform=platform, channel_id=channel_id)
    if sub is None or sub.id is None:
        return 0
    if _told_this_week(session, [ChannelRefused.prefix(subscription_id=sub.id)], now):
        return 0
    subject = ChannelRefused(sub.id, now.date(), reason).key
    return _owe_admins(session, DELIVERY_REFUSED, subject, admins, now, -1)


def member_left(
    *, session: Session, platform: str, external_id: str, admins: frozenset[str], now: datetime
) -> int:
    """Someone's account was deactivated: their active pairs are paused (no reminders, their
    coming sessions cancelled), each other member is told kindly, and the admins. Idempotent:
    a second event finds nothing active. The number of pairs paused."""
    person = get_person(session=session, platform=platform, external_id=external_id)
    if person is None or person.id is None:
        return 0
    paused = [
        pair for pair in pairs_of(session=session, person_id=person.id) if pair.status == ACTIVE
    ]
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = []
    for pair in paused:
        assert pair.id is not None
        upcoming = upcoming_sessions(session=session, pair_id=pair.id, now=now, limit=1000)
        remove_sessions(session=session, meetings=upcoming)
        pair.status, pair.paused_until = PAUSED, None
        session.add(pair)
        other = pair.mentee_id if person.id == pair.mentor_id else pair.mentor_id
        subject = MemberLeft(pair.id, person.id).key
        owed.append(Owed(MEMBER_LEFT, PersonRecipient(other).key, subject, now, until))
    owe(session=session, owed=owed, now=now)
    subject = PersonRefused(person.id, now.date(), DEACTIVATED).key
    _owe_admins(session, DELIVERY_REFUSED, subject, admins, now, person.id)
    return len(paused)


def member_left_workspace(core: Core, *, platform: str, external_id: str) -> int:
    """The platform says this person's account was deactivated: pause their pairs, tell the
    other members and the admins (see `member_left`), in one transaction."""
    with core.db.session() as session:
        paused = member_left(
            session=session,
            platform=platform,
            external_id=external_id,
            admins=core.admins_of(workspace_of(external_id)),
            now=core.clock.now(),
        )
    core.tell_owed_now()
    return paused
