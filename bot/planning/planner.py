"""Planning: which sessions a pair has and which notifications each of them owes."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from sqlmodel import Session

from bot.kernel.notice_keys import (
    ChannelRecipient,
    DigestDay,
    PersonRecipient,
    ReviewQuarter,
    SessionAt,
)
from bot.people.person import zone_of
from bot.planning.notice_kinds import (
    DIGEST,
    REMINDER,
    REVIEW_DUE,
    SUMMARY_NUDGE,
    SUMMARY_REQUEST,
    SUMMARY_REQUEST_NEXT_DAY,
)
from bot.rhythm.grammar import MAX_DURATION
from bot.rhythm.recurrence import local_instant, session_starts
from bot.rhythm.stored import rhythm_of
from storage.models import DigestSubscription, MeetingSession, Pair, Person
from storage.queries.digests import active_subscriptions
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import Ending, pairs_to_extend
from storage.queries.people import people_by_ids
from storage.queries.sessions import add_occurrences, next_sessions, planned_spans

HORIZON = timedelta(days=42)
"""Sessions are stored this far ahead; pairs are extended a week before it runs out."""
EXTEND_BEFORE = timedelta(days=7)
PAIRS_PER_RUN = 50
"""Pairs extended by one dispatcher run: a cohort that runs short together (pairs created the
same day) is spread over the minutes that follow, well inside the week of margin."""
REMINDER_LEAD = timedelta(hours=24)
MENTOR_ASKED_AFTER = timedelta(hours=24)
NUDGE_AFTER = timedelta(hours=48)
ANNOUNCEMENT_USEFUL_FOR = timedelta(days=7)
DIGEST_WEEKDAY = 0  # Monday
DIGEST_HOUR = 9
REVIEW_MONTHS = 3
REVIEW_HOUR = 10  # each member's local time, on a working day
REVIEW_USEFUL_FOR = timedelta(days=14)
SATURDAY = 5


def session_subject(meeting: MeetingSession) -> SessionAt:
    """Subject of a session's time-bound notifications; it changes when the session moves."""
    assert meeting.id is not None
    return SessionAt(meeting.id, meeting.starts_at)


def session_notifications(pair: Pair, meeting: MeetingSession) -> list[Owed]:
    """Reminders before a session, the summary request after it, and the nudge."""
    start = meeting.starts_at
    end = start + timedelta(minutes=meeting.duration_minutes)
    subject = session_subject(meeting).key
    mentor, mentee = PersonRecipient(pair.mentor_id).key, PersonRecipient(pair.mentee_id).key
    nudge_until = end + NUDGE_AFTER + timedelta(days=5)
    return [
        Owed(REMINDER, mentor, subject, start - REMINDER_LEAD, expires_at=start),
        Owed(REMINDER, mentee, subject, start - REMINDER_LEAD, expires_at=start),
        Owed(SUMMARY_REQUEST, mentee, subject, end, expires_at=end + NUDGE_AFTER),
        Owed(
            SUMMARY_REQUEST_NEXT_DAY, mentor, subject, end + MENTOR_ASKED_AFTER, end + NUDGE_AFTER
        ),
        Owed(SUMMARY_NUDGE, mentee, subject, end + NUDGE_AFTER, expires_at=nudge_until),
        Owed(SUMMARY_NUDGE, mentor, subject, end + NUDGE_AFTER, expires_at=nudge_until),
    ]


def end_instant(pair: Pair | Ending) -> datetime | None:
    """When the pair's planned end comes: the start of that day in the pair's zone."""
    return local_instant(pair.planned_end, time(0, 0), pair.timezone) if pair.planned_end else None


def extend_pair(*, session: Session, pair: Pair, now: datetime) -> list[MeetingSession]:
    """Store the pair's sessions up to the horizon (at least the next one, unless the planned
    end comes first), plan their notices."""
    return extend_pairs(session=session, pairs=[pair], now=now)


def extend_pairs(*, session: Session, pairs: list[Pair], now: datetime) -> list[MeetingSession]:
    """`extend_pair` for each of `pairs`, in a few statements for them all; the sessions
    created."""
    until = now + HORIZON
    wanted: dict[int, tuple[list[datetime], int]] = {}
    windows = []
    for pair in pairs:
        # Sessions missed while the bot was down are not invented afterwards.
        after = max(pair.planned_until or now, now)
        rhythm = rhythm_of(pair)
        starts = session_starts(rhythm, after=after, until=until) if after < until else []
        windows.append((pair, rhythm, after, starts))
    # The pairs without a session in the window keep their next one, if they have one: read
    # for them all at once.
    following = next_sessions(
        session=session,
        pair_ids=[pair.id for pair, _, _, starts in windows if pair.id and not starts],
        now=now,
    )
    # Sessions moved ahead, onto times the rhythm comes to now: read for them all at once.
    extended = [(pair.id, after) for pair, _, after, starts in windows if pair.id and starts]
    taken = (
        planned_spans(
            session=session,
            pair_ids=[pair_id for pair_id, _ in extended],
            since=min(after for _, after in extended) - timedelta(minutes=MAX_DURATION),
        )
        if extended
        else {}
    )
    for pair, rhythm, after, starts in windows:
        assert pair.id is not None
        end = end_instant(pair)
        if not starts and pair.id not in following:
            starts = session_starts(rhythm, after=after, count=1)
        if end is not None:
            starts = [start for start in starts if start < end]
        if spans := taken.get(pair.id):
            length = timedelta(minutes=pair.duration_minutes)
            starts = [s for s in starts if not any(t.overlaps(s, s + length) for t in spans)]
        wanted[pair.id] = (starts, pair.duration_minutes)
        pair.planned_until = max([until, *starts])
        session.add(pair)
    created = add_occurrences(session=session, wanted=wanted)
    by_id = {pair.id: pair for pair in pairs}
    # Both members of every pair, read at once for the reviews' zones below (held here: the
    # session keeps only weak references, so a later `session.get` would read each again).
    people = people_by_ids(
        session=session, ids={p.mentor_id for p in pairs} | {p.mentee_id for p in pairs}
    )
    owe(
        session=session,
        owed=[
            # A session planned less than a day ahead (a pair that just started, resumed or
            # changed its rhythm) is announced by that message, not by a belated "tomorrow"
            # reminder.
            *(
                owed
                for meeting in created
                for owed in session_notifications(by_id[meeting.pair_id], meeting)
                if not (owed.kind == REMINDER and owed.due_at < now)
            ),
            # The next extension comes before `planned_until`; a week beyond it leaves no gap.
            *(
                owed
                for pair in pairs
                for owed in review_notifications(
                    pair, now, (pair.planned_until or until) + EXTEND_BEFORE, people
                )
            ),
        ],
        now=now,
    )
    return created


def review_day(pair: Pair, n: int) -> date:
    """The day of the pair's n-th review: 3·n months after the day it was created (in its
    zone); a weekend day moves to the Monday after."""
    first = pair.created_at.astimezone(ZoneInfo(pair.timezone)).date()
    day = first + relativedelta(months=REVIEW_MONTHS * n)
    return day + timedelta(days=7 - day.weekday()) if day.weekday() >= SATURDAY else day


def review_days(pair: Pair, after: date, until: date) -> list[tuple[int, date]]:
    """(n, day) of the pair's reviews from `after` to `until`."""
    days, n = [], 1
    while (day := review_day(pair, n)) <= until:
        if day >= after:
            days.append((n, day))
        n += 1
    return days


def review_notifications(
    pair: Pair, now: datetime, until: datetime, people: Mapping[int, Person]
) -> list[Owed]:
    """Both members' review invitations up to `until`, at 10:00 in each one's zone; `people`,
    the members by id (read for the whole batch being extended)."""
    zone = ZoneInfo(pair.timezone)
    days = review_days(
        pair, (now - REVIEW_USEFUL_FOR).astimezone(zone).date(), until.astimezone(zone).date()
    )
    if not days:
        return []
    members = [people.get(member_id) for member_id in (pair.mentor_id, pair.mentee_id)]
    assert pair.id is not None
    owed = []
    for n, day in days:
        for member in members:
            if member is None or member.id is None:
                continue
            due = local_instant(day, time(REVIEW_HOUR), zone_of(member, pair.timezone))
            recipient, subject = PersonRecipient(member.id).key, ReviewQuarter(pair.id, n).key
            owed.append(Owed(REVIEW_DUE, recipient, subject, due, due + REVIEW_USEFUL_FOR))
    return owed


def next_digest_at(subscription: DigestSubscription, now: datetime) -> datetime:
    """The next Monday 09:00 in the subscriber's zone, strictly after `now`."""
    zone = ZoneInfo(subscription.timezone)
    local_today = now.astimezone(zone).date()
    days_ahead = (DIGEST_WEEKDAY - local_today.weekday()) % 7
    for extra in (0, 7):
        day = local_today + timedelta(days=days_ahead + extra)
        due = local_instant(day, time(DIGEST_HOUR), subscription.timezone)
        if due > now:
            return due
    raise AssertionError("unreachable: a Monday within two weeks is after now")


def digest_recipient(subscription: DigestSubscription) -> ChannelRecipient:
    return ChannelRecipient(subscription.platform, subscription.channel_id)


def plan_digest(*, session: Session, subscription: DigestSubscription, now: datetime) -> None:
    due = next_digest_at(subscription, now)
    day = due.astimezone(ZoneInfo(subscription.timezone)).date()
    recipient, subject = digest_recipient(subscription).key, DigestDay(day).key
    owe(
        session=session,
        owed=[Owed(DIGEST, recipient, subject, due, due + timedelta(days=1))],
        now=now,
    )


def plan(*, session: Session, now: datetime, limit: int = PAIRS_PER_RUN) -> int:
    """Extend the pairs whose plan runs short, at most `limit` of them (those planned least far
    ahead first: the next run goes on), and plan each channel's next digest; how many were
    extended."""
    pairs = pairs_to_extend(session=session, horizon=now + HORIZON - EXTEND_BEFORE, limit=limit)
    extend_pairs(session=session, pairs=pairs, now=now)
    for subscription in active_subscriptions(session=session):
        plan_digest(session=session, subscription=subscription, now=now)
    return len(pairs)
