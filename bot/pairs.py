"""Creating pairs: the checks, the stored rhythm, the first sessions and the announcements."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.errors import UserError
from bot.notice_kinds import PAIR_CREATED
from bot.people import mention, recipient
from bot.rhythm import Rhythm
from bot.rhythm_change import store_rhythm
from scheduler.planner import ANNOUNCEMENT_USEFUL_FOR, extend_pair
from storage.models import MeetingSession, Pair, Person
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import active_pair_between
from storage.queries.sessions import next_session


def check_new_pair(
    *, session: Session, actor: Person, mentor: Person, mentee: Person, is_admin: bool
) -> None:
    """Raise UserError unless `actor` may pair these two people now."""
    if mentor.id == mentee.id:
        raise UserError("pair.same_person")
    if actor.id not in (mentor.id, mentee.id) and not is_admin:
        raise UserError("pair.not_allowed")
    assert mentor.id is not None and mentee.id is not None
    if active_pair_between(session=session, first_id=mentor.id, second_id=mentee.id):
        raise UserError("pair.exists", mentor=mention(mentor), mentee=mention(mentee))


def create_pair(
    *,
    session: Session,
    platform: str,
    actor: Person,
    mentor: Person,
    mentee: Person,
    rhythm: Rhythm,
    now: datetime,
    reverse: bool = False,
) -> tuple[Pair, MeetingSession | None]:
    """Store the pair, plan its sessions and owe both members the announcement."""
    assert actor.id and mentor.id and mentee.id
    pair = Pair(
        platform=platform,
        mentor_id=mentor.id,
        mentee_id=mentee.id,
        created_by_id=actor.id,
        created_at=now,
        reverse=reverse,
    )
    store_rhythm(pair, rhythm)
    session.add(pair)
    session.flush()
    assert pair.id is not None
    extend_pair(session=session, pair=pair, now=now)
    owe(
        session=session,
        owed=[
            Owed(PAIR_CREATED, recipient(p), f"pair:{pair.id}", now, now + ANNOUNCEMENT_USEFUL_FOR)
            for p in (mentor, mentee)
        ],
        now=now,
    )
    return pair, next_session(session=session, pair_id=pair.id, now=now)
