"""Stalled pairs: no session held for max(21 days, twice the rhythm's interval).

A session counts as held when it is past, was not skipped and has a summary (its date, which
outlives the text): the record the programme asks for after each session. A stall is counted
from the pair's last held session, or else from its start (the later acceptance) or its last
resumption, whichever is latest. Only active pairs stall: pending, paused and ended ones never.

`stalled_pairs` is the one query of them (the `/mentor programme` view and the digest list
them); `tell_stalled_pairs` owes, once per stall, a DM to both members and — a week later, if
nothing changed — one content-free alert to each programme admin.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.notice_keys import PairStalled, PersonRecipient, UserRecipient
from bot.kernel.workspaces import within, workspace_of
from bot.planning.notice_kinds import PAIR_STALLED, STALL_ALERT
from bot.rhythm.model import Frequency
from storage.models import Pair
from storage.queries.health import (
    active_rhythms,
    last_activities,
    last_held_sessions,
    quiet_pairs,
)
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import ACTIVE, pairs_by_ids
from storage.queries.people import people_by_ids

MINIMUM = timedelta(days=21)
ALERT_AFTER = timedelta(days=7)
"""The mediators are told when the stall goes on this long after the members were asked."""
MEMBERS_ASKED_FOR = timedelta(days=7)
ALERT_USEFUL_FOR = timedelta(days=7)
CHECK_EVERY = timedelta(hours=1)
"""How often the dispatcher looks for stalled pairs: a stall is counted in days."""
DAYS_PER_MONTH = 30  # a monthly interval, counted in days for the threshold
PAUSE_BUTTON, MEDIATOR_BUTTON = "pair.pause", "pair.help"
"""The question's buttons (bot/forms/health.py), with the pair's id; planning the next session
is the session's own move button."""


@dataclass(frozen=True)
class Stall:
    """A stalled pair: since when, for how many days, and its last activity (dates only)."""

    pair: Pair
    since: datetime  # the last held session, or the start or resumption if later
    last_held: datetime | None
    days: int
    last_activity: datetime | None

    @property
    def subject(self) -> PairStalled:
        assert self.pair.id is not None
        return PairStalled(self.pair.id, self.since)


def interval_of(pair: Pair) -> timedelta:
    """The time between two sessions of the pair's rhythm (a month counts 30 days)."""
    return _interval(pair.frequency, pair.interval)


def _interval(frequency: str, interval: int) -> timedelta:
    if frequency == Frequency.MONTHLY:
        return timedelta(days=DAYS_PER_MONTH * interval)
    return timedelta(weeks=interval)


def threshold(pair: Pair) -> timedelta:
    """How long without a held session makes the pair stalled."""
    return threshold_of(pair.frequency, pair.interval)


def threshold_of(frequency: str, interval: int) -> timedelta:
    """How long without a held session makes a pair of this rhythm stalled."""
    return max(MINIMUM, 2 * _interval(frequency, interval))


def started_at(pair: Pair) -> datetime:
    """When the pair started: its later acceptance, or its creation."""
    accepted = [at for at in (pair.mentor_accepted_at, pair.mentee_accepted_at) if at]
    return max(accepted) if len(accepted) == 2 else pair.created_at


def stall_of(
    pair: Pair, last_held: datetime | None, now: datetime, last_activity: datetime | None = None
) -> Stall | None:
    """The pair's stall at `now`, or None: the rule itself, without storage."""
    if pair.status != ACTIVE:
        return None
    since = max(at for at in (last_held, started_at(pair), pair.resumed_at) if at is not None)
    if now - since < threshold(pair):
        return None
    return Stall(pair, since, last_held, (now - since).days, last_activity)


def stalled_pairs(
    *,
    session: Session,
    now: datetime,
    pair_ids: Iterable[int] | None = None,
    activity: bool = True,
    began_after: datetime | None = None,
) -> list[Stall]:
    """The active pairs stalled at `now` (of `pair_ids`, if given), longest stalled first;
    without `activity`, their last activity is not read (None); with `began_after`, only the
    stalls that began after it. Of all pairs, only the stalled ones are read (quiet for their
    rhythm's stall, by rhythm in SQL) — and with `began_after`, only those whose stall began
    since (a long stall is not read again): the dispatcher asks every hour."""
    if pair_ids is None:
        rhythms = active_rhythms(session=session)
        recent = (
            None
            if began_after is None
            else {rhythm: began_after - threshold_of(*rhythm) for rhythm in rhythms}
        )
        quiet = quiet_pairs(
            session=session,
            now=now,
            quiet_since={rhythm: now - threshold_of(*rhythm) for rhythm in rhythms},
            active_after=recent,
        )
        pairs = [pair for pair, _ in quiet]
        held = {pair.id: at for pair, at in quiet if pair.id is not None and at is not None}
    else:
        pairs = pairs_by_ids(session=session, ids=list(pair_ids))
        ids = [pair.id for pair in pairs if pair.id is not None]
        held = last_held_sessions(session=session, pair_ids=ids, now=now)
    stalls = [
        stall
        for pair in pairs
        if pair.id is not None
        and (stall := stall_of(pair, held.get(pair.id), now))
        and (began_after is None or began_at(stall) > began_after)
    ]
    if not activity:
        return sorted(stalls, key=lambda s: (s.since, s.pair.id or 0))
    activities = last_activities(session=session, pair_ids=[s.subject.pair_id for s in stalls])
    stalls = [
        Stall(s.pair, s.since, s.last_held, s.days, activities.get(s.subject.pair_id))
        for s in stalls
    ]
    return sorted(stalls, key=lambda s: (s.since, s.pair.id or 0))


def began_at(stall: Stall) -> datetime:
    """When the stall began: its `since` plus the pair's threshold."""
    return stall.since + threshold(stall.pair)


def tell_stalled_pairs(
    *,
    session: Session,
    now: datetime,
    admins: frozenset[str],
    began_after: datetime | None = None,
) -> int:
    """Owe each stalled pair's members the question (at once) and the admins the alert (a week
    later; dropped then if the stall is over or the pair did something); once per stall: the
    rows are unique on their subject. With `began_after` (the last check), only the stalls that
    began since are owed: the others were already. How many pairs are stalled."""
    stalls = stalled_pairs(session=session, now=now, activity=False, began_after=began_after)
    owed: list[Owed] = []
    # Each mentor names the pair's workspace: read for all the stalls at once.
    mentors = people_by_ids(session=session, ids={stall.pair.mentor_id for stall in stalls})
    for stall in stalls:
        subject = stall.subject.key
        for member in (stall.pair.mentor_id, stall.pair.mentee_id):
            recipient = PersonRecipient(member).key
            owed.append(Owed(PAIR_STALLED, recipient, subject, now, now + MEMBERS_ASKED_FOR))
        alert_at = now + ALERT_AFTER
        mentor = mentors.get(stall.pair.mentor_id)
        workspace = workspace_of(mentor.external_id) if mentor else ""
        for admin in sorted(within(admins, workspace)):
            recipient = UserRecipient(stall.pair.platform, admin).key
            owed.append(
                Owed(STALL_ALERT, recipient, subject, alert_at, alert_at + ALERT_USEFUL_FOR)
            )
    owe(session=session, owed=owed, now=now)
    return len(stalls)
