"""The pair's series as an .ics file, to each member: when it starts and at each change; an
ended pair's file cancels it. Slack (and the terminal) attach the file; Teams takes no file from
a bot without the person's consent: there the file is offered (a consent card) and the message
also points to `/mentor calendar`, the subscription that stays up to date."""

from __future__ import annotations

from contextlib import suppress
from datetime import datetime

from sqlmodel import Session

from bot.calendar.files import other_member, pair_file
from bot.calendar.ics import CANCEL, pair_file_method
from bot.kernel.i18n import t
from bot.kernel.notice_keys import CalendarVersion, MalformedKey
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section
from bot.notices.context import Composer, Gone, person_target, read, recipient_person
from bot.people.person import lang_of, mention
from storage.models import MeetingSession, Notification, Pair
from storage.queries.calendar import sessions_of_pairs

ATTACHING_PLATFORMS = frozenset({"slack", "terminal"})  # elsewhere the file is offered first
KEYS = {  # (attached, cancels) -> the message's words
    (True, False): "calendar.sent",
    (True, True): "calendar.cancelled",
    (False, False): "calendar.offered",
    (False, True): "calendar.offered_cancel",
}


def calendar_updates(session: Session, rows: list[Notification]) -> Composer:
    """The composer of a batch's calendar updates, the sessions of all their pairs read at once."""
    pair_ids: set[int] = set()
    for row in rows:
        with suppress(MalformedKey):
            pair_ids.add(CalendarVersion.parse(row.subject).pair_id)
    meetings = sessions_of_pairs(session=session, pair_ids=sorted(pair_ids))
    return lambda session, row, now: _calendar_update(session, row, now, meetings)


def calendar_update(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    return _calendar_update(session, row, now, {})


def _calendar_update(
    session: Session, row: Notification, now: datetime, meetings: dict[int, list[MeetingSession]]
) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    version = read(CalendarVersion, row.subject)
    pair = session.get(Pair, version.pair_id)
    if pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("pair gone")
    if version.sequence < pair.calendar_sequence:
        raise Gone("superseded by a later change")
    other = other_member(session, pair, reader)
    if other is None:
        raise Gone("member gone")
    key = KEYS[reader.platform in ATTACHING_PLATFORMS, pair_file_method(pair) == CANCEL]
    text = t(key, lang_of(reader), name=mention(other))
    file = pair_file(
        session=session,
        pair=pair,
        reader=reader,
        other=other,
        now=now,
        meetings=meetings.get(version.pair_id),
    )
    return person_target(reader), Reply(sections=(Section(text),), file=file)
