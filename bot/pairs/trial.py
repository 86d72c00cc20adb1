"""The trial question after the first sessions, and the planned end of pairs (announced a
month before).

Each member answers the trial question privately. Nothing follows until both have answered or
the question has lapsed (two weeks); then both are told the same outcome, which names no one's
choice: any stop ends the pair, otherwise any adjust invites both to propose new terms,
otherwise the pair goes on. No answer counts as nothing to change."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot.kernel.notice_keys import PlannedEnd, TrialOutcome, TrialQuestion
from bot.pairs.agreement import owe_both
from bot.pairs.lifecycle import end_pair
from bot.planning.notice_kinds import PLANNED_END_SOON, TRIAL_CHECK, TRIAL_OUTCOME
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR, end_instant
from bot.rhythm.grammar import MAX_DURATION
from storage.models import Pair, Person
from storage.queries.pairs import pairs_ending_by, pairs_with_lapsed_trial
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
    *, session: Session, now: datetime, retention: timedelta, ended_since: datetime | None = None
) -> int:
    """The trial's work on time: settle the trials whose question lapsed (a pair the trial ends
    keeps its content for `retention`), then owe both members of each pair whose trial
    sessions are held the trial question, at most TRIAL_PAIRS_PER_RUN pairs a run (the next
    run asks the rest); with `ended_since`, only pairs with a session that ended after it. How
    many pairs were asked."""
    settle_lapsed_trials(session=session, now=now, retention=retention)
    asked = 0
    # A session that ended after `ended_since` started at most the longest session before.
    started_after = None if ended_since is None else ended_since - LONGEST_SESSION
    pairs = trial_due(
        session=session, now=now, limit=TRIAL_PAIRS_PER_RUN, started_after=started_after
    )
    for pair, last_end in pairs:
        due = max(last_end, now - QUESTION_USEFUL_FOR) + ASKED_AFTER_SESSION
        assert pair.id is not None
        subject, until = TrialQuestion(pair.id), due + QUESTION_USEFUL_FOR
        owe_both(
            session=session,
            pair=pair,
            kind=TRIAL_CHECK,
            subject=subject,
            due=due,
            until=until,
            now=now,
        )
        pair.trial_asked_at = due
        session.add(pair)
        asked += 1
    return asked


def trial_answer_of(pair: Pair, person_id: int | None) -> str | None:
    return pair.mentor_trial if person_id == pair.mentor_id else pair.mentee_trial


def trial_closes_at(pair: Pair) -> datetime | None:
    """When the question lapses for whoever has not answered it."""
    return pair.trial_asked_at + QUESTION_USEFUL_FOR if pair.trial_asked_at else None


def trial_outcome(*answers: str | None) -> str:
    """What follows the trial: any stop ends the pair, else any adjust opens a change of terms;
    no answer changes nothing."""
    return next((choice for choice in (STOP, ADJUST) if choice in answers), CONTINUE)


def answer_trial(
    *,
    session: Session,
    pair: Pair,
    person: Person,
    choice: str,
    now: datetime,
    retention: timedelta,
) -> None:
    """Record a member's private answer; once both answered, the outcome is settled."""
    if person.id == pair.mentor_id:
        pair.mentor_trial = choice
    else:
        pair.mentee_trial = choice
    session.add(pair)
    if pair.mentor_trial is not None and pair.mentee_trial is not None:
        settle_trial(session=session, pair=pair, now=now, retention=retention)


def settle_trial(*, session: Session, pair: Pair, now: datetime, retention: timedelta) -> None:
    """Tell both the same outcome, naming no one's choice; a stop ends the pair (its closing
    message says the trial ended it)."""
    pair.trial_outcome = trial_outcome(pair.mentor_trial, pair.mentee_trial)
    session.add(pair)
    if pair.trial_outcome == STOP:
        end_pair(session=session, pair=pair, actor=None, now=now, retention=retention)
        return
    assert pair.id is not None
    owe_both(
        session=session,
        pair=pair,
        kind=TRIAL_OUTCOME,
        subject=TrialOutcome(pair.id),
        due=now,
        until=now + ANNOUNCEMENT_USEFUL_FOR,
        now=now,
    )


def settle_lapsed_trials(*, session: Session, now: datetime, retention: timedelta) -> int:
    """Settle the trials whose question lapsed before both answered; how many."""
    lapsed = pairs_with_lapsed_trial(session=session, asked_before=now - QUESTION_USEFUL_FOR)
    for pair in lapsed:
        settle_trial(session=session, pair=pair, now=now, retention=retention)
    return len(lapsed)


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
        assert pair.id is not None and pair.planned_end is not None
        subject = PlannedEnd(pair.id, pair.planned_end)
        owe_both(
            session=session,
            pair=pair,
            kind=PLANNED_END_SOON,
            subject=subject,
            due=now,
            until=moment,
            now=now,
        )
