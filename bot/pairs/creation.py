"""Creating pairs: the checks, the stored rhythm, the first sessions and the announcements."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session

from bot.kernel.errors import UserError
from bot.kernel.workspaces import workspace_of
from bot.pairs.agreement import DEFAULT_TRIAL_SESSIONS, default_end, open_agreement, start_pairs
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
    if workspace_of(mentor.external_id) != workspace_of(mentee.external_id):
        # Mentions are read within the request's workspace: only a forged id gets here.
        raise UserError("error.unknown_person", who=mention(mentee))
    if actor.id not in (mentor.id, mentee.id) and not is_admin:
        raise UserError("pair.not_allowed")
    assert mentor.id is not None and mentee.id is not None
    if active_pair_between(session=session, first_id=mentor.id, second_id=mentee.id):
        raise UserError("pair.exists", mentor=mention(mentor), mentee=mention(mentee))


def new_pair(
    *,
    platform: str,
    actor: Person,
    mentor: Person,
    mentee: Person,
    rhythm: Rhythm,
    now: datetime,
    reverse: bool = False,
) -> Pair:
    """The row of a new pair, not stored yet: the default trial and planned end."""
    assert actor.id and mentor.id and mentee.id
    pair = Pair(
        platform=platform,
        workspace=workspace_of(mentor.external_id),
        mentor_id=mentor.id,
        mentee_id=mentee.id,
        created_by_id=actor.id,
        created_at=now,
        reverse=reverse,
        trial_sessions=DEFAULT_TRIAL_SESSIONS,
        planned_end=default_end(rhythm),
        **rhythm_columns(rhythm),
    )
    return pair


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
    if agreed:
        (pair,) = create_agreed_pairs(
            session=session,
            platform=platform,
            couples=[(mentor, mentee, rhythm)],
            actor=actor,
            now=now,
            reverse=reverse,
        )
        assert pair.id is not None
        first = next_session(session=session, pair_id=pair.id, now=now)
        return pair, first.starts_at if first else None
    pair = new_pair(
        platform=platform,
        actor=actor,
        mentor=mentor,
        mentee=mentee,
        rhythm=rhythm,
        now=now,
        reverse=reverse,
    )
    session.add(pair)
    session.flush()
    open_agreement(session=session, pair=pair, actor=actor, now=now)
    starts = session_starts(rhythm, after=now, count=1)
    return pair, starts[0] if starts else None


def create_agreed_pairs(
    *,
    session: Session,
    platform: str,
    couples: Sequence[tuple[Person, Person, Rhythm]],
    now: datetime,
    actor: Person | None = None,
    reverse: bool = False,
) -> list[Pair]:
    """Pairs (mentor, mentee, rhythm) both members already agreed to elsewhere (a simulation,
    an import), started at once, in a few statements for them all; made by `actor` (None: each
    by its mentor)."""
    pairs = [
        new_pair(
            platform=platform,
            actor=actor or mentor,
            mentor=mentor,
            mentee=mentee,
            rhythm=rhythm,
            now=now,
            reverse=reverse,
        )
        for mentor, mentee, rhythm in couples
    ]
    for pair in pairs:
        pair.mentor_accepted_at = pair.mentee_accepted_at = now
    session.add_all(pairs)
    session.flush()
    start_pairs(session=session, pairs=pairs, now=now)
    return pairs
