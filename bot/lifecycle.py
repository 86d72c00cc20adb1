"""The end of a pair, the mediators' help and thanks: what changes and who is told."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.notice_kinds import HELP_REQUESTED, PAIR_ENDED, THANKS
from bot.people import recipient
from scheduler.planner import ANNOUNCEMENT_USEFUL_FOR
from storage.models import Pair, Person, Thanks
from storage.queries.notifications import Owed, drop_pending, owe
from storage.queries.pairs import ENDED
from storage.queries.sessions import upcoming_sessions


def end_pair(*, session: Session, pair: Pair, actor: Person | None, now: datetime) -> None:
    """End `pair` (`actor` None: at its planned end): no more reminders; both members get the
    closing message."""
    assert pair.id is not None
    pair.status = ENDED
    pair.ended_at = now
    pair.ended_by_id = actor.id if actor else None
    session.add(pair)
    for meeting in upcoming_sessions(session=session, pair_id=pair.id, now=now, limit=100):
        drop_pending(
            session=session, subject_prefix=f"session:{meeting.id}@", now=now, outcome="pair ended"
        )
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owe(
        session=session,
        owed=[
            Owed(PAIR_ENDED, f"p:{member}", f"pair:{pair.id}:end", now, until)
            for member in (pair.mentor_id, pair.mentee_id)
        ],
        now=now,
    )


def ask_mediators(
    *, session: Session, pair: Pair, asker: Person, mediators: list[str], now: datetime
) -> int:
    """Tell each mediator (platform user ids) that the pair needs help; how many were told."""
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = [
        Owed(
            HELP_REQUESTED,
            f"u:{pair.platform}:{mediator}",
            f"help:{pair.id}:{asker.id}@{now:%Y%m%dT%H%MZ}",
            now,
            until,
        )
        for mediator in mediators
        if mediator != asker.external_id
    ]
    owe(session=session, owed=owed, now=now)
    return len(owed)


def send_thanks(
    *, session: Session, pair: Pair, author: Person, other: Person, text: str, now: datetime
) -> None:
    assert pair.id is not None and author.id is not None
    thanks = Thanks(pair_id=pair.id, author_id=author.id, text=text, created_at=now)
    session.add(thanks)
    session.flush()
    owe(
        session=session,
        owed=[
            Owed(
                THANKS, recipient(other), f"thanks:{thanks.id}", now, now + ANNOUNCEMENT_USEFUL_FOR
            )
        ],
        now=now,
    )
