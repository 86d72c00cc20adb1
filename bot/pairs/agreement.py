"""The agreement of a pair: both members accept its terms before reminders start."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from sqlmodel import Session

from bot.calendar.changes import calendar_changed
from bot.kernel.notice_keys import AgreementTerms, PairStart, PersonRecipient, Subject
from bot.planning.notice_kinds import AGREEMENT_REMINDER, PAIR_CREATED, PAIR_STARTED
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR, extend_pairs
from bot.rhythm.model import Rhythm
from bot.rhythm.stored import rhythm_columns, rhythm_of, store_rhythm
from storage.models import Pair, Person, TermsProposal
from storage.queries.notifications import Owed, owe
from storage.queries.pairs import ACTIVE, PENDING
from storage.queries.terms import SUPERSEDED

AGREEMENT_REMINDED_AFTER = timedelta(days=3)
DEFAULT_TRIAL_SESSIONS = 3
TRIAL_SESSION_CHOICES = (1, 2, 3, 4, 5, 6)
DEFAULT_LENGTH = relativedelta(months=12)


@dataclass(frozen=True)
class Terms:
    """What a pair agrees on: the rhythm, the trial's length and the planned end."""

    rhythm: Rhythm
    trial_sessions: int
    planned_end: date | None


def default_end(rhythm: Rhythm) -> date:
    """Twelve months after the first session."""
    return rhythm.start + DEFAULT_LENGTH


def members(pair: Pair) -> tuple[int, int]:
    return pair.mentor_id, pair.mentee_id


def owe_both(
    *,
    session: Session,
    pair: Pair,
    kind: str,
    subject: Subject,
    due: datetime,
    until: datetime,
    now: datetime,
) -> None:
    """One notification of `kind` about `subject` to each member of the pair."""
    owe(
        session=session,
        owed=[
            Owed(kind, PersonRecipient(member).key, subject.key, due, until)
            for member in members(pair)
        ],
        now=now,
    )


def has_accepted(pair: Pair, person_id: int | None) -> bool:
    if person_id == pair.mentor_id:
        return pair.mentor_accepted_at is not None
    if person_id == pair.mentee_id:
        return pair.mentee_accepted_at is not None
    return False


def waiting_for(pair: Pair) -> list[int]:
    """The members who have not accepted the current terms yet."""
    return [member for member in members(pair) if not has_accepted(pair, member)]


def _set_accepted(pair: Pair, person_id: int, at: datetime | None) -> None:
    if person_id == pair.mentor_id:
        pair.mentor_accepted_at = at
    if person_id == pair.mentee_id:
        pair.mentee_accepted_at = at


def agreement_subject(pair: Pair) -> AgreementTerms:
    assert pair.id is not None
    return AgreementTerms(pair.id, pair.terms_version)


def owe_agreement(*, session: Session, pair: Pair, now: datetime) -> None:
    """The agreement card to both members now, and a reminder after 3 days to who has not
    answered by then (dropped when they have)."""
    subject = agreement_subject(pair).key
    until = now + ANNOUNCEMENT_USEFUL_FOR
    reminded_at = now + AGREEMENT_REMINDED_AFTER
    reminded_until = reminded_at + ANNOUNCEMENT_USEFUL_FOR
    owe(
        session=session,
        owed=[
            *(
                Owed(PAIR_CREATED, PersonRecipient(member).key, subject, now, until)
                for member in members(pair)
            ),
            *(
                Owed(
                    AGREEMENT_REMINDER,
                    PersonRecipient(member).key,
                    subject,
                    reminded_at,
                    reminded_until,
                )
                for member in waiting_for(pair)
            ),
        ],
        now=now,
    )


def open_agreement(*, session: Session, pair: Pair, actor: Person, now: datetime) -> None:
    """A new pair waits for its members' agreement; the one who proposed it has accepted."""
    pair.status = PENDING
    if actor.id in members(pair):
        _set_accepted(pair, actor.id, now)
    session.add(pair)
    session.flush()
    owe_agreement(session=session, pair=pair, now=now)


def accept(*, session: Session, pair: Pair, person: Person, now: datetime) -> bool:
    """Record `person`'s acceptance; True when it was the last one and the pair has started."""
    assert person.id is not None
    _set_accepted(pair, person.id, now)
    session.add(pair)
    if waiting_for(pair):
        return False
    start(session=session, pair=pair, now=now)
    return True


def start(*, session: Session, pair: Pair, now: datetime) -> None:
    """Both accepted: plan the sessions and tell both members (and an admin who made the pair)."""
    start_pairs(session=session, pairs=[pair], now=now)


def start_pairs(*, session: Session, pairs: list[Pair], now: datetime) -> None:
    """`start` for each of `pairs`, in a few statements for them all."""
    for pair in pairs:
        pair.status, pair.planned_until = ACTIVE, None
        session.add(pair)
    session.flush()
    extend_pairs(session=session, pairs=pairs, now=now)
    until = now + ANNOUNCEMENT_USEFUL_FOR
    owed = []
    for pair in pairs:
        assert pair.id is not None
        subject = PairStart(pair.id).key
        told = {*members(pair), pair.created_by_id}
        owed += [Owed(PAIR_STARTED, PersonRecipient(p).key, subject, now, until) for p in told]
        calendar_changed(session=session, pair=pair, now=now, first=True)
    owe(
        session=session,
        owed=owed,
        now=now,
    )


def keep_terms(*, session: Session, pair: Pair, changed_by: int, now: datetime) -> None:
    """Keep the pair's terms as they are before `changed_by`'s change applies, to be shown
    beside the new ones."""
    assert pair.id is not None
    session.add(
        TermsProposal(
            pair_id=pair.id,
            proposer_id=changed_by,
            proposed_at=now,
            lapses_at=now,
            status=SUPERSEDED,
            answered_at=now,
            trial_sessions=pair.trial_sessions,
            planned_end=pair.planned_end,
            **rhythm_columns(rhythm_of(pair)),
        )
    )


def change_terms(
    *, session: Session, pair: Pair, proposer: Person, terms: Terms, now: datetime
) -> None:
    """New terms before the start: they go back to the other member for acceptance. The terms
    they replace are kept, to be shown beside the new ones."""
    assert proposer.id is not None
    keep_terms(session=session, pair=pair, changed_by=proposer.id, now=now)
    pair.trial_sessions, pair.planned_end = terms.trial_sessions, terms.planned_end
    store_rhythm(pair, terms.rhythm)
    pair.terms_version += 1
    pair.mentor_accepted_at = pair.mentee_accepted_at = None
    _set_accepted(pair, proposer.id, now)
    session.add(pair)
    session.flush()
    owe_agreement(session=session, pair=pair, now=now)
