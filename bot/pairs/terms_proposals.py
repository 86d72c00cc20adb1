"""New terms for a started pair, with both members' consent, as at the start: one proposes, the
other accepts or declines (or proposes something else). Until then the old terms and the planned
sessions hold; unanswered, a proposal is reminded once after 3 days and lapses 7 days later, and
both are told. Moving or skipping one session stays a one-person action (not terms)."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import Session

from bot.kernel.notice_keys import PersonRecipient, TermsChange
from bot.pairs.agreement import AGREEMENT_REMINDED_AFTER, Terms, keep_terms, members, owe_both
from bot.pairs.rhythm_change import change_rhythm
from bot.planning.notice_kinds import TERMS_ANSWERED, TERMS_LAPSED, TERMS_PROPOSED, TERMS_REMINDER
from bot.planning.planner import ANNOUNCEMENT_USEFUL_FOR
from bot.rhythm.stored import rhythm_columns, rhythm_of
from storage.models import Pair, Person, TermsProposal
from storage.queries.notifications import Owed, owe
from storage.queries.terms import ACCEPTED, DECLINED, replace_open_proposals

REMINDED_AFTER = AGREEMENT_REMINDED_AFTER
LAPSES_AFTER = REMINDED_AFTER + timedelta(days=7)


def terms_of(row: Pair | TermsProposal) -> Terms:
    """The terms a pair holds, or a proposal carries."""
    return Terms(rhythm_of(row), row.trial_sessions, row.planned_end)


def proposal_subject(proposal: TermsProposal) -> TermsChange:
    assert proposal.id is not None
    return TermsChange(proposal.id)


def propose_terms(
    *, session: Session, pair: Pair, proposer: Person, terms: Terms, now: datetime
) -> TermsProposal:
    """Record the proposal (replacing any still open: a counter-proposal) and owe the other
    member the proposal now, its reminder, and both the lapse notice (each dropped once it is
    answered)."""
    assert pair.id is not None and proposer.id is not None
    replace_open_proposals(session=session, pair_id=pair.id, now=now)
    lapses_at = now + LAPSES_AFTER
    proposal = TermsProposal(
        pair_id=pair.id,
        proposer_id=proposer.id,
        proposed_at=now,
        lapses_at=lapses_at,
        trial_sessions=terms.trial_sessions,
        planned_end=terms.planned_end,
        **rhythm_columns(terms.rhythm),
    )
    session.add(proposal)
    session.flush()
    subject = proposal_subject(proposal)
    [other] = [PersonRecipient(m).key for m in members(pair) if m != proposer.id]
    owe(
        session=session,
        owed=[
            Owed(TERMS_PROPOSED, other, subject.key, now, lapses_at),
            Owed(TERMS_REMINDER, other, subject.key, now + REMINDED_AFTER, lapses_at),
        ],
        now=now,
    )
    until = lapses_at + ANNOUNCEMENT_USEFUL_FOR
    owe_both(
        session=session,
        pair=pair,
        kind=TERMS_LAPSED,
        subject=subject,
        due=lapses_at,
        until=until,
        now=now,
    )
    return proposal


def accept_proposal(
    *, session: Session, pair: Pair, proposal: TermsProposal, now: datetime
) -> None:
    """Both agree: the new terms apply, the sessions ahead are re-planned (agenda kept); the
    terms before are kept, to be shown beside the new ones."""
    keep_terms(session=session, pair=pair, changed_by=proposal.proposer_id, now=now)
    pair.trial_sessions, pair.planned_end = proposal.trial_sessions, proposal.planned_end
    change_rhythm(session=session, pair=pair, rhythm=rhythm_of(proposal), now=now)
    _answer(session=session, proposal=proposal, status=ACCEPTED, now=now)


def decline_proposal(*, session: Session, proposal: TermsProposal, now: datetime) -> None:
    """The other member declines: the terms stay as they were."""
    _answer(session=session, proposal=proposal, status=DECLINED, now=now)


def _answer(*, session: Session, proposal: TermsProposal, status: str, now: datetime) -> None:
    proposal.status, proposal.answered_at = status, now
    session.add(proposal)
    owe(
        session=session,
        owed=[
            Owed(
                TERMS_ANSWERED,
                PersonRecipient(proposal.proposer_id).key,
                proposal_subject(proposal).key,
                now,
                now + ANNOUNCEMENT_USEFUL_FOR,
            )
        ],
        now=now,
    )
