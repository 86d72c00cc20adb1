"""A proposal of new terms for a started pair: to the other member (and once more as a
reminder), the answer to the one who proposed, the lapse to both."""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Session

from bot.kernel.i18n import t
from bot.kernel.notice_keys import TermsChange
from bot.kernel.ports import Target
from bot.kernel.replies import Button, Reply, Section
from bot.notices.agreement_notices import next_when, terms_sections
from bot.notices.context import Gone, person_target, read, recipient_person
from bot.pairs.terms_compared import CHANGED_HEADING, compared
from bot.pairs.terms_proposals import terms_of
from bot.people.person import lang_of, mention, zone_of
from bot.planning.notice_kinds import TERMS_REMINDER
from bot.rhythm.wording import format_day_of
from storage.models import Notification, Pair, Person, TermsProposal
from storage.queries.pairs import ACTIVE, PAUSED
from storage.queries.terms import ACCEPTED, OPEN, terms_before


def _proposal(session: Session, row: Notification) -> tuple[Person, TermsProposal, Pair, Person]:
    """The reader, the proposal, its pair (still going) and the reader's other member."""
    reader = recipient_person(session, row.recipient)
    proposal = session.get(TermsProposal, read(TermsChange, row.subject).proposal_id)
    pair = session.get(Pair, proposal.pair_id) if proposal else None
    if proposal is None or pair is None or pair.status not in (ACTIVE, PAUSED):
        raise Gone("proposal unknown or pair no longer going")
    if reader.id not in (pair.mentor_id, pair.mentee_id):
        raise Gone("reader not a member")
    other = session.get(Person, pair.mentee_id if reader.id == pair.mentor_id else pair.mentor_id)
    if other is None:
        raise Gone("other member unknown")
    return reader, proposal, pair, other


def terms_proposed(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To the other member: who proposes what, against the terms that hold until they accept."""
    reader, proposal, pair, other = _proposal(session, row)
    if proposal.status != OPEN or proposal.lapses_at <= now:
        raise Gone("proposal answered, replaced or lapsed")
    lang, value = lang_of(reader), str(proposal.id)
    reminder = row.kind == TERMS_REMINDER
    lapses = format_day_of(proposal.lapses_at, zone_of(reader, pair.timezone), lang)
    sections = (
        Section(t("terms.proposal.body", lang, proposer=mention(other))),
        compared(terms_of(pair), terms_of(proposal), pair.reverse, lang),
        Section(t("terms.next", lang, when=next_when(session, pair, reader, lang, now))),
        Section(t("terms.proposal.ask", lang, proposer=mention(other), date=lapses)),
    )
    buttons = (
        Button(t("button.terms.accept", lang), "terms.accept", value, style="primary"),
        Button(t("button.terms.decline", lang), "terms.decline", value),
        Button(t("button.terms.counter", lang), "agreement.change", str(pair.id)),
    )
    title = "terms.reminder.title" if reminder else "terms.proposal.title"
    return person_target(reader), Reply(
        title=t(title, lang, proposer=mention(other)), sections=sections, buttons=buttons
    )


def terms_answered(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To the one who proposed: accepted (the terms before beside the terms now, the next
    session) or declined."""
    reader, proposal, pair, other = _proposal(session, row)
    lang = lang_of(reader)
    if proposal.status != ACCEPTED:
        body = t("terms.declined", lang, other=mention(other))
        return person_target(reader), Reply(sections=(Section(body),))
    before = (
        terms_before(session=session, pair_id=proposal.pair_id, changed_at=proposal.answered_at)
        if proposal.answered_at
        else None
    )
    if before is None:  # accepted before the terms it replaced were kept
        terms = terms_sections(pair, reader, other, lang)[1:]
    else:
        terms = [
            compared(terms_of(before), terms_of(pair), pair.reverse, lang, CHANGED_HEADING),
            Section(t("agreement.confidentiality", lang)),
        ]
    sections = [
        Section(t("terms.accepted", lang, other=mention(other))),
        *terms,
        Section(t("terms.next", lang, when=next_when(session, pair, reader, lang, now))),
    ]
    return person_target(reader), Reply(sections=tuple(sections))


def terms_lapsed(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
    """To both: nobody answered the proposal in time; the terms stay as they were."""
    reader, proposal, pair, other = _proposal(session, row)
    if proposal.status != OPEN:
        raise Gone("proposal answered or replaced")
    lang = lang_of(reader)
    proposer = "terms.lapsed.mine" if proposal.proposer_id == reader.id else "terms.lapsed"
    day = format_day_of(proposal.proposed_at, zone_of(reader, pair.timezone), lang)
    body = t(proposer, lang, other=mention(other), date=day)
    return person_target(reader), Reply(sections=(Section(body),))
