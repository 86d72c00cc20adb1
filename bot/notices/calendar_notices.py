"""The pair's series as an .ics file, to each member: when it starts and at each change; an
ended pair's file cancels it. Teams takes no file from a bot without a consent card: there the
message points to `/mentor calendar`, the subscription that stays up to date."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.calendar.ics import CANCEL, MIME, PairCalendar, calendar_bytes, pair_file_method
from bot.kernel.i18n import t
from bot.kernel.notice_keys import CalendarVersion
from bot.kernel.ports import Target
from bot.kernel.replies import DataFile, Reply, Section
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.people.person import lang_of, mention
from storage.models import Notification, Pair, Person
from storage.queries.calendar import sessions_of_pairs

FILE_PLATFORMS = frozenset({"slack", "terminal"})


def calendar_update(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    reader = recipient_person(session, row.recipient)
    version = read(CalendarVersion, row.subject)
    pair = session.get(Pair, version.pair_id)
    if pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("pair gone")
    if version.sequence < pair.calendar_sequence:
        raise Gone("superseded by a later change")
    other = session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)
    if other is None:
        raise Gone("member gone")
    lang, method = lang_of(reader), pair_file_method(pair)
    target = person_target(reader)
    if reader.platform not in FILE_PLATFORMS:
        return target, Reply(
            sections=(Section(t("calendar.changed_no_file", lang, name=mention(other))),)
        )
    assert pair.id is not None
    meetings = sessions_of_pairs(session=session, pair_ids=[pair.id])[pair.id]
    content = calendar_bytes([PairCalendar(pair, meetings, other)], lang, now=now, method=method)
    key = "calendar.cancelled" if method == CANCEL else "calendar.sent"
    name = f"{t('calendar.file_name', lang)}-{pair.id}.ics"
    return target, Reply(
        sections=(Section(t(key, lang, name=mention(other))),),
        file=DataFile(name=name, content=content, mime=MIME),
    )
