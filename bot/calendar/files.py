"""A pair's series as an .ics file for one of its members: sent when the pair starts and at each
change; made again when a platform that asks the person first (Teams) has their consent."""

from __future__ import annotations

import math
from datetime import datetime

from sqlmodel import Session

from bot.calendar.feeds import FEED_STATUSES
from bot.calendar.ics import (
    CANCEL,
    MIME,
    PairCalendar,
    calendar_bytes,
    event_title,
    pair_file_method,
)
from bot.kernel.core import Core
from bot.kernel.i18n import Number, t
from bot.kernel.replies import DataFile
from bot.people.person import lang_of
from storage.models import MeetingSession, Pair, Person
from storage.queries.calendar import sessions_of_pairs
from storage.queries.people import get_person


def other_member(session: Session, pair: Pair, reader: Person) -> Person | None:
    return session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)


def pair_file(
    *,
    session: Session,
    pair: Pair,
    reader: Person,
    other: Person,
    now: datetime,
    meetings: list[MeetingSession] | None = None,
) -> DataFile:
    """The pair's series (or its cancellation, once ended) as `reader` sees it; `meetings`,
    every stored session of the pair in occurrence order, when the caller read them already."""
    assert pair.id is not None
    lang, method = lang_of(reader), pair_file_method(pair)
    if meetings is None:
        meetings = sessions_of_pairs(session=session, pair_ids=[pair.id])[pair.id]
    content = calendar_bytes([PairCalendar(pair, meetings, other)], lang, now=now, method=method)
    key = "calendar.file_offer_cancel" if method == CANCEL else "calendar.file_offer"
    size = max(1, math.ceil(len(content) / 1024))
    return DataFile(
        name=f"{t('calendar.file_name', lang)}-{pair.id}.ics",
        content=content,
        mime=MIME,
        offer=t(key, lang, title=event_title(other, lang), size=Number(size)),
        pair_calendar=pair.id,
    )


def member_pair_file(
    core: Core, *, platform: str, external_id: str, pair_id: int
) -> DataFile | None:
    """The calendar file of `pair_id` for the person who accepted it, made now; None unless
    they are a member of that pair and it has a calendar (it started)."""
    with core.db.session() as session:
        reader = get_person(session=session, platform=platform, external_id=external_id)
        pair = session.get(Pair, pair_id)
        if reader is None or pair is None or reader.id not in (pair.mentor_id, pair.mentee_id):
            return None
        if pair.status not in FEED_STATUSES:
            return None
        other = other_member(session, pair, reader)
        if other is None:
            return None
        return pair_file(
            session=session, pair=pair, reader=reader, other=other, now=core.clock.now()
        )
