"""Everything stored about one person, to export it or erase it (GDPR access and erasure)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, delete, func, or_, update
from sqlalchemy.orm import class_mapper
from sqlmodel import Session, SQLModel, col, select

from storage.db import note_erasure
from storage.models import (
    ERASED_PREFIX,
    ActionItem,
    AgendaItem,
    ConversationReference,
    Goal,
    JournalEntry,
    MeetingSession,
    Milestone,
    Notification,
    OperatorAudit,
    Pair,
    PendingReply,
    Person,
    Review,
    ReviewAnswer,
    TermsProposal,
    Thanks,
)
from storage.queries.slices import among
from storage.summaries import SummaryDoc

Row = TypeVar("Row", bound=SQLModel)

ERASED_MENTION = "\ue000former-member\ue000"
"""What a mention of an erased person becomes in the words others wrote, and what the core's
mention of them is: a token each reader reads as "a former member" in their own language."""


@dataclass(frozen=True)
class Writing:
    """A column holding words people write, and the column naming who wrote them."""

    text: Any  # the model's attribute, e.g. AgendaItem.text
    author: Any
    whole_row: bool = True  # the row is nothing without its words: erasing deletes it

    @property
    def model(self) -> type[SQLModel]:
        model: type[SQLModel] = self.text.class_  # the attribute's table, e.g. AgendaItem
        return model


ACTIONS = Writing(ActionItem.text, ActionItem.author_id)
THANKS = Writing(Thanks.text, Thanks.author_id)
WRITINGS = (
    Writing(Milestone.text, Milestone.author_id),  # before goals, whose steps go with them
    Writing(Goal.text, Goal.author_id),
    Writing(AgendaItem.text, AgendaItem.author_id),
    ACTIONS,
    Writing(MeetingSession.summary, MeetingSession.summary_author_id, whole_row=False),
    THANKS,
    Writing(ReviewAnswer.comment, ReviewAnswer.author_id),
    Writing(JournalEntry.text, JournalEntry.author_id),
    Writing(PendingReply.text, PendingReply.author_id),  # a DM reply waiting for its session
)
"""Every free-text column of the schema (a test checks that none is missing)."""


def rows_where(
    *, session: Session, model: type[Row], where: tuple[ColumnElement[bool], ...]
) -> list[Row]:
    """All rows of `model` matching every condition, oldest (lowest primary key) first."""
    query = select(model).where(*where).order_by(*class_mapper(model).primary_key)
    return list(session.exec(query))


def pair_records(*, session: Session, pair_ids: list[int]) -> dict[str, list[Any]]:
    """What the members of these pairs both read: sessions, agenda, actions, goals, thanks,
    review rounds (the answers are filtered by the caller)."""

    def of(model: type, *where: Any) -> list[Any]:
        return rows_where(session=session, model=model, where=where)

    goals = of(Goal, among(col(Goal.pair_id), pair_ids))
    reviews = of(Review, among(col(Review.pair_id), pair_ids))
    return {
        "sessions": of(MeetingSession, among(col(MeetingSession.pair_id), pair_ids)),
        "agenda": of(AgendaItem, among(col(AgendaItem.pair_id), pair_ids)),
        "actions": of(ActionItem, among(col(ActionItem.pair_id), pair_ids)),
        "goals": goals,
        "milestones": of(Milestone, among(col(Milestone.goal_id), [g.id for g in goals])),
        "thanks": of(Thanks, among(col(Thanks.pair_id), pair_ids)),
        "reviews": reviews,
        "answers": of(ReviewAnswer, among(col(ReviewAnswer.review_id), [r.id for r in reviews])),
    }


def remove_writings(*, session: Session, writing: Writing, where: ColumnElement[bool]) -> None:
    """Erase the words of `writing` in the rows matching `where`: the rows go, or (a session's
    summary) the words alone. Once committed, the database files keep no copy."""
    if writing.whole_row:
        session.execute(delete(writing.model).where(where))
    else:
        session.execute(update(writing.model).where(where).values({writing.text.key: None}))
    note_erasure(session)


def erase_written_by(*, session: Session, person_id: int) -> None:
    """Erase every sentence `person_id` wrote, wherever it sits (on the other member's goals
    and actions too), and the steps others added to their goals, which go with them."""
    their_goals = select(Goal.id).where(Goal.author_id == person_id)
    session.execute(delete(Milestone).where(col(Milestone.goal_id).in_(their_goals)))
    erase_summary_items(session=session, person_id=person_id)
    for writing in WRITINGS:
        remove_writings(session=session, writing=writing, where=writing.author == person_id)


def erase_summary_items(*, session: Session, person_id: int) -> None:
    """Take what `person_id` wrote out of the summaries of their pairs, leaving what the other
    member added; a summary left with nothing goes (its date stays)."""
    their_pairs = select(Pair.id).where(
        or_(col(Pair.mentor_id) == person_id, col(Pair.mentee_id) == person_id)
    )
    meetings = session.exec(
        select(MeetingSession)
        .where(col(MeetingSession.pair_id).in_(their_pairs))
        .where(col(MeetingSession.summary).is_not(None))
    )
    for meeting in meetings:
        assert meeting.summary is not None
        doc = SummaryDoc.load(meeting.summary)
        if person_id not in doc.authors | {meeting.summary_author_id}:
            continue
        kept = doc.without(person_id)
        others = kept.authors
        if others:
            meeting.summary = kept.dump()
            if meeting.summary_author_id == person_id:
                meeting.summary_author_id = min(others)
        else:
            meeting.summary = None
        session.add(meeting)
    session.flush()
    note_erasure(session)


def forget_mentions(*, session: Session, external_id: str) -> None:
    """Replace the mentions of an erased person (`<@id>`) in the words others wrote."""
    token = f"<@{external_id}>"
    for writing in WRITINGS:
        session.execute(
            update(writing.model)
            .where(col(writing.text).contains(token, autoescape=True))
            .values({writing.text.key: func.replace(writing.text, token, ERASED_MENTION)})
        )
    note_erasure(session)


def record_operator_run(
    *, session: Session, operator: str, action: str, person: Person, now: datetime
) -> None:
    """Audit an operator's export or erasure: who, when, what, for whom (ids only). An
    erasure's row never holds the platform id, which the erasure itself removes."""
    assert person.id is not None
    external_id = None if action == "erase" else person.external_id
    session.add(
        OperatorAudit(
            at=now,
            operator=operator,
            action=action,
            person_id=person.id,
            platform=person.platform,
            external_id=external_id,
        )
    )


def forget_links(*, session: Session, pair_ids: list[int]) -> None:
    """Forget these pairs' meeting links, and those of their proposals: a link is part of the
    terms both members agreed (exported to either), not someone's words, but a personal room's
    address can name its owner, so it goes with the pair's content."""
    if not pair_ids:
        return
    session.execute(update(Pair).where(among(col(Pair.id), pair_ids)).values(link=None))
    session.execute(
        update(TermsProposal).where(among(col(TermsProposal.pair_id), pair_ids)).values(link=None)
    )


def erase_person(
    *,
    session: Session,
    person: Person,
    pair_ids: list[int],
    recipients: list[str],
    subject_prefixes: list[str],
) -> None:
    """Erase what `person` wrote and what is about them alone, in their pairs and elsewhere;
    what the other member wrote stays theirs, and the messages owed to them (`recipients`:
    their notification recipient keys) or about them alone (subjects starting with one of
    `subject_prefixes`). The pairs and sessions stay, without content, so that the cadence
    counts of past digests do not change."""
    pid = person.id
    assert pid is not None
    erase_written_by(session=session, person_id=pid)
    remove_writings(session=session, writing=ACTIONS, where=col(ActionItem.owner_id) == pid)
    # Thanks written to them are about them: all thanks of their pairs go.
    remove_writings(session=session, writing=THANKS, where=among(col(Thanks.pair_id), pair_ids))
    forget_mentions(session=session, external_id=person.external_id)
    forget_links(session=session, pair_ids=pair_ids)
    for role in ("mentor", "mentee"):
        session.execute(
            update(Pair).where(getattr(Pair, f"{role}_id") == pid).values({f"{role}_trial": None})
        )
    session.execute(
        delete(ConversationReference)
        .where(col(ConversationReference.platform) == person.platform)
        .where(col(ConversationReference.kind) == "dm")
        .where(col(ConversationReference.address) == person.external_id)
    )
    session.execute(
        delete(Notification).where(
            or_(
                among(col(Notification.recipient), recipients),
                *(col(Notification.subject).startswith(prefix) for prefix in subject_prefixes),
            )
        )
    )
    session.execute(
        update(OperatorAudit).where(col(OperatorAudit.person_id) == pid).values(external_id=None)
    )
    person.external_id = f"{ERASED_PREFIX}{pid}"
    person.name = ""
    person.timezone = None
    person.locale = None
    person.profile_at = None
    session.add(person)
    session.flush()
