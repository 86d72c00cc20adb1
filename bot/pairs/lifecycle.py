"""The end of a pair, the mediators' help and thanks: what changes and who is told."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.calendar.changes import calendar_changed
from bot.kernel.i18n import Lang
from bot.kernel.notice_keys import (
    ActionDue,
    HelpRequest,
    PairEnd,
    PairSubject,
    PersonRecipient,
    ReviewQuarter,
    SessionAt,
    ThanksNote,
    UserRecipient,
)
from bot.people.person import recipient, zone_of
from bot.planning.notice_kinds import HELP_REQUESTED, HOME_REFRESH, PAIR_ENDED, THANKS
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from bot.rhythm.wording import format_reader_date
from bot.sessions.changes import remove_sessions
from storage.models import Pair, Person, Thanks
from storage.queries.actions import action_ids_of
from storage.queries.notifications import Owed, cancel_pending, owe
from storage.queries.pairs import ENDED, pairs_by_ids
from storage.queries.retention import (
    erase_pair_content,
    pairs_due_for_erasure,
    retain_workspace,
)
from storage.queries.sessions import session_ids_of, sessions_after

RETENTION_BATCH = 50  # pairs erased per planner tick: the tick stays short, the backlog drains
PAIR_ENDED_OUTCOME = "pair ended"  # the reason recorded on each message the end cancelled


def end_pair(
    *, session: Session, pair: Pair, actor: Person | None, now: datetime, retention: timedelta
) -> None:
    """End `pair` (`actor` None: at its planned end): its sessions after `now` are removed, what
    it still owes is cancelled, its content is kept for `retention`; both members get the
    closing message."""
    assert pair.id is not None
    pair.status = ENDED
    pair.ended_at = now
    pair.ended_by_id = actor.id if actor else None
    pair.retain_until = now + retention
    session.add(pair)
    remove_sessions(
        session=session, meetings=sessions_after(session=session, pair_id=pair.id, after=now)
    )
    session.flush()
    cancel_owed(session=session, pair_id=pair.id)
    until, subject = now + ANNOUNCEMENT_USEFUL_FOR, PairEnd(pair.id).key
    owe(
        session=session,
        owed=[
            Owed(PAIR_ENDED, PersonRecipient(member).key, subject, now, until)
            for member in (pair.mentor_id, pair.mentee_id)
        ],
        now=now,
    )
    refresh_homes(session=session, pairs=[pair], now=now)
    calendar_changed(session=session, pair=pair, now=now)


def refresh_homes(*, session: Session, pairs: list[Pair], now: datetime) -> None:
    """Have each member's Home published again (where a platform keeps a copy of it): an ended
    or erased pair leaves it. Once a pair: at its end, or at its erasure if it ended before
    Homes were refreshed. Never too late, so never expiring."""
    owed = [
        Owed(HOME_REFRESH, PersonRecipient(member).key, PairEnd(pair.id).key, now)
        for pair in pairs
        if pair.id is not None
        for member in (pair.mentor_id, pair.mentee_id)
    ]
    owe(session=session, owed=owed, now=now)


def cancel_owed(*, session: Session, pair_id: int) -> int:
    """Cancel every message still owed about the pair or its sessions: reminders, summary
    requests and nudges, action reminders, reviews, trial and agreement messages. Summaries
    already written are still shared, and thanks still delivered."""
    sessions = session_ids_of(session=session, pair_id=pair_id)
    actions = action_ids_of(session=session, pair_id=pair_id)
    return cancel_pending(
        session=session,
        subjects=[ActionDue(action).key for action in actions],
        prefixes=[
            PairSubject.prefix(pair_id=pair_id),
            ReviewQuarter.prefix(pair_id=pair_id),
            *(SessionAt.prefix(session_id=meeting) for meeting in sessions),
        ],
        outcome=PAIR_ENDED_OUTCOME,
    )


def reader_day(reader: Person, pair: Pair, instant: datetime, lang: Lang) -> str:
    """The day of `instant` in the reader's zone, as their locale writes it (retention dates)."""
    day = instant.astimezone(ZoneInfo(zone_of(reader, pair.timezone))).date()
    return format_reader_date(day, lang, reader.locale)


def erase_expired_content(*, session: Session, now: datetime, retention: timedelta) -> int:
    """Erase the content of at most RETENTION_BATCH ended pairs whose retention is over (the
    rest at the next ticks); how many. Erased pairs are marked, so running it again is a no-op."""
    due = pairs_due_for_erasure(
        session=session, now=now, ended_before=now - retention, limit=RETENTION_BATCH
    )
    erase_pair_content(session=session, pair_ids=due, now=now)
    refresh_homes(session=session, pairs=pairs_by_ids(session=session, ids=due), now=now)
    return len(due)


def workspace_left(*, session: Session, workspace: str, now: datetime, retention: timedelta) -> int:
    """The app was uninstalled from `workspace` (or its token revoked): nothing can be sent
    there, and the content of its pairs is kept for the retention period from now, then erased
    as an ended pair's is; how many pairs."""
    return retain_workspace(session=session, workspace=workspace, until=now + retention)


def workspace_returned(*, session: Session, workspace: str) -> int:
    """The app was installed again in `workspace` before its retention ran out: its pairs go on,
    their content kept; how many."""
    return retain_workspace(session=session, workspace=workspace, until=None)


def ask_mediators(
    *, session: Session, pair: Pair, asker: Person, mediators: list[str], now: datetime
) -> int:
    """Tell each mediator (platform user ids) that the pair needs help; how many were told."""
    assert pair.id is not None and asker.id is not None
    until, subject = now + ANNOUNCEMENT_USEFUL_FOR, HelpRequest(pair.id, asker.id, now).key
    owed = [
        Owed(HELP_REQUESTED, UserRecipient(pair.platform, mediator).key, subject, now, until)
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
    assert thanks.id is not None
    owe(
        session=session,
        owed=[
            Owed(
                THANKS,
                recipient(other).key,
                ThanksNote(thanks.id).key,
                now,
                now + ANNOUNCEMENT_USEFUL_FOR,
            )
        ],
        now=now,
    )
