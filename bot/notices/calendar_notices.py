"""The pair's series as an .ics file, to each member: when it starts and at each change; an
ended pair's file cancels it. Slack (and the terminal) attach the file; Teams takes no file from
a bot without the person's consent: there the file is offered (a consent card) and the message
also points to `/mentor calendar`, the subscription that stays up to date."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.calendar.files import other_member, pair_file
from bot.calendar.ics import CANCEL, pair_file_method
from bot.kernel.i18n import t
from bot.kernel.notice_keys import CalendarVersion
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.people.person import lang_of, mention
from storage.models import Notification, Pair

ATTACHING_PLATFORMS = frozenset({"slack", "terminal"})  # elsewhere the file is offered first
KEYS = {  # (attached, cancels) -> the message's words
    (True, False): "calendar.sent",
    (True, True): "calendar.cancelled",
    (False, False): "calendar.offered",
    (False, True): "calendar.offered_cancel",
}


def calendar_update(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
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
    file = pair_file(session=session, pair=pair, reader=reader, other=other, now=now)
    return person_target(reader), Reply(sections=(Section(text),), file=file)
