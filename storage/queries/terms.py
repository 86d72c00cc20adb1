"""Proposals of new terms for started pairs."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session, col, select, update

from storage.models import TermsProposal

OPEN, ACCEPTED, DECLINED, REPLACED = "open", "accepted", "declined", "replaced"
SUPERSEDED = "superseded"
"""Terms as they were before a change: a pending pair's, before a member changed them (the
change applied at once, the other member to accept it), or a started pair's, before a proposal
was accepted or a review changed them (`answered_at` the change's): kept to show both side by
side."""


def open_proposal(*, session: Session, pair_id: int, now: datetime) -> TermsProposal | None:
    """The pair's proposal waiting for an answer, if one has not lapsed."""
    return session.exec(
        select(TermsProposal)
        .where(TermsProposal.pair_id == pair_id)
        .where(TermsProposal.status == OPEN)
        .where(TermsProposal.lapses_at > now)
        .order_by(col(TermsProposal.id).desc())
    ).first()


def replace_open_proposals(*, session: Session, pair_id: int, now: datetime) -> None:
    """A new proposal replaces whatever the pair still had open."""
    session.execute(
        update(TermsProposal)
        .where(col(TermsProposal.pair_id) == pair_id, col(TermsProposal.status) == OPEN)
        .values(status=REPLACED, answered_at=now)
    )


def superseded_terms(*, session: Session, pair_id: int) -> TermsProposal | None:
    """The terms the latest change before the start replaced, and who changed them."""
    return session.exec(
        select(TermsProposal)
        .where(TermsProposal.pair_id == pair_id)
        .where(TermsProposal.status == SUPERSEDED)
        .order_by(col(TermsProposal.id).desc())
    ).first()


def terms_before(*, session: Session, pair_id: int, changed_at: datetime) -> TermsProposal | None:
    """The terms a change at `changed_at` replaced (an accepted proposal, a review's agreed
    rhythm or format), as they were kept then."""
    return session.exec(
        select(TermsProposal)
        .where(TermsProposal.pair_id == pair_id)
        .where(TermsProposal.status == SUPERSEDED)
        .where(TermsProposal.answered_at == changed_at)
        .order_by(col(TermsProposal.id).desc())
    ).first()
