"""Creating pairs: the checks, the stored rhythm, the first sessions and the announcements."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.errors import UserError
from bot.pairs.agreement import DEFAULT_TRIAL_SESSIONS, default_end, open_agreement, start
from bot.people.person import mention
from bot.rhythm.model import Rhythm
from bot.rhythm.recurrence import session_starts
from bot.rhythm.stored import rhythm_columns
from storage.models import Pair, Person
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
    agreed: bool = False,
) -> tuple[Pair, datetime | None]:
    """Store the pair and send both members its agreement; with `agreed` (both accepted
    elsewhere: a simulation, an import) it starts at once. Returns the first session's start."""
    assert actor.id and mentor.id and mentee.id
    pair = Pair(
        platform=platform,
        mentor_id=mentor.id,
        mentee_id=mentee.id,
        created_by_id=actor.id,
        created_at=now,
        reverse=reverse,
        trial_sessions=DEFAULT_TRIAL_SESSIONS,
        planned_end=default_end(rhythm),
        **rhythm_columns(rhythm),
    )
    session.add(pair)
    session.flush()
    assert pair.id is not None
    if agreed:
        pair.mentor_accepted_at = pair.mentee_accepted_at = now
        start(session=session, pair=pair, now=now)
        first = next_session(session=session, pair_id=pair.id, now=now)
        return pair, first.starts_at if first else None
    open_agreement(session=session, pair=pair, actor=actor, now=now)
    starts = session_starts(rhythm, after=now, count=1)
    return pair, starts[0] if starts else None
