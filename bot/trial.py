"""The trial question after the first sessions, and the planned end of pairs (announced a
month before)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.lifecycle import end_pair
from bot.notice_kinds import PLANNED_END_SOON, TRIAL_ADJUST, TRIAL_CHECK
from bot.rhythm_parser import MAX_DURATION
from scheduler.planner import ANNOUNCEMENT_USEFUL_FOR, end_instant
from storage.models import Pair, Person
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import pairs_ending_by
from storage.queries.sessions import trial_due

CONTINUE, ADJUST, STOP = "continue", "adjust", "stop"
TRIAL_CHOICES = (CONTINUE, ADJUST, STOP)
ASKED_AFTER_SESSION = timedelta(hours=24)
"""The question comes a day after the last trial session ends, once its summary is asked for."""
QUESTION_USEFUL_FOR = timedelta(days=14)
END_ANNOUNCED_BEFORE = timedelta(days=30)


TRIAL_PAIRS_PER_RUN = 500
LONGEST_SESSION = timedelta(minutes=MAX_DURATION)


def ask_trial_questions(
    *, session: Session, now: datetime, ended_since: datetime | None = None
) -> int:
    """Owe both members of each pair whose trial sessions are held the trial question, at most
    TRIAL_PAIRS_PER_RUN pairs a run (the next run asks the rest); with `ended_since`, only
    pairs with a session that ended after it. How many pairs were asked."""
    asked = 0
    # A session that ended after `ended_since` started at most the longest session before.
    started_after = None if ended_since is None else ended_since - LONGEST_SESSION
    due = trial_due(
        session=session, now=now, limit=TRIAL_PAIRS_PER_RUN, started_after=started_after
    )
    for pair, last_end in due:
        due = max(last_end, now - QUESTION_USEFUL_FOR) + ASKED_AFTER_SESSION
        owe(
            session=session,
            owed=[
                Owed(
                    TRIAL_CHECK,
                    f"p:{member}",
                    f"pair:{pair.id}:trial",
                    due,
                    due + QUESTION_USEFUL_FOR,
                )
                for member in (pair.mentor_id, pair.mentee_id)
            ],
            now=now,
        )
        pair.trial_asked_at = due
        session.add(pair)
        asked += 1
    return asked


def trial_answer_of(pair: Pair, person_id: int | None) -> str | None:
    return pair.mentor_trial if person_id == pair.mentor_id else pair.mentee_trial


def answer_trial(*, session: Session, pair: Pair, person: Person, choice: str, now: datetime):
    """Record a member's private answer; asking to adjust offers the other member the form too."""
    if person.id == pair.mentor_id:
        pair.mentor_trial = choice
    else:
        pair.mentee_trial = choice
    session.add(pair)
    if choice == ADJUST:
        other = pair.mentee_id if person.id == pair.mentor_id else pair.mentor_id
        owe(
            session=session,
            owed=[
                Owed(
                    TRIAL_ADJUST,
                    f"p:{other}",
                    f"pair:{pair.id}:adjust",
                    now,
                    now + ANNOUNCEMENT_USEFUL_FOR,
                )
            ],
            now=now,
        )


def end_planned_pairs(*, session: Session, now: datetime, retention: timedelta) -> int:
    """End the pairs whose planned end has come (their content kept for `retention`); how
    many."""
    latest_day = (now + timedelta(days=1)).astimezone(ZoneInfo("UTC")).date()
    ended = 0
    for pair in pairs_ending_by(session=session, day=latest_day):
        moment = end_instant(pair)
        if moment is not None and moment <= now:
            end_pair(session=session, pair=pair, actor=None, now=now, retention=retention)
            ended += 1
    return ended


def announce_planned_ends(*, session: Session, now: datetime) -> None:
    """A month before a planned end, both members are told (once per planned date)."""
    horizon = (now + END_ANNOUNCED_BEFORE + timedelta(days=1)).date()
    for pair in pairs_ending_by(session=session, day=horizon):
        moment = end_instant(pair)
        if moment is None or moment - END_ANNOUNCED_BEFORE > now or moment <= now:
            continue
        subject = f"pair:{pair.id}:ending:{pair.planned_end}"
        owe(
            session=session,
            owed=[
                Owed(PLANNED_END_SOON, f"p:{member}", subject, now, moment)
                for member in (pair.mentor_id, pair.mentee_id)
            ],
            now=now,
        )
