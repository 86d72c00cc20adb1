"""Everything stored about one person, to export it or erase it (GDPR access and erasure)."""

from __future__ import annotations

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

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
    Pair,
    PendingReply,
    Person,
    Review,
    ReviewAnswer,
    Thanks,
)


def rows_where(session: Session, model: type, *conditions) -> list:
    """All rows of `model` matching every condition, oldest first."""
    query = select(model)
    for condition in conditions:
        query = query.where(condition)
    return list(session.exec(query.order_by(model.id)))  # type: ignore[attr-defined]


def pair_records(session: Session, pair_ids: list[int]) -> dict[str, list]:
    """What the members of these pairs both read: sessions, agenda, actions, goals, thanks,
    review rounds (the answers are filtered by the caller)."""
    goals = rows_where(session, Goal, col(Goal.pair_id).in_(pair_ids))
    reviews = rows_where(session, Review, col(Review.pair_id).in_(pair_ids))
    return {
        "sessions": rows_where(session, MeetingSession, col(MeetingSession.pair_id).in_(pair_ids)),
        "agenda": rows_where(session, AgendaItem, col(AgendaItem.pair_id).in_(pair_ids)),
        "actions": rows_where(session, ActionItem, col(ActionItem.pair_id).in_(pair_ids)),
        "goals": goals,
        "milestones": rows_where(
            session, Milestone, col(Milestone.goal_id).in_([g.id for g in goals])
        ),
        "thanks": rows_where(session, Thanks, col(Thanks.pair_id).in_(pair_ids)),
        "reviews": reviews,
        "answers": rows_where(
            session, ReviewAnswer, col(ReviewAnswer.review_id).in_([r.id for r in reviews])
        ),
    }


def erase_content(session: Session, person: Person, pair_ids: list[int]) -> None:
    """Delete what `person` wrote or what is about them alone, in their pairs and elsewhere;
    what the other member wrote stays theirs. The pairs and sessions stay, without content,
    so that the cadence counts of past digests do not change."""
    pid = person.id
    owned_goals = select(Goal.id).where(Goal.author_id == pid)
    session.execute(delete(Milestone).where(col(Milestone.goal_id).in_(owned_goals)))
    for model, condition in (
        (Goal, Goal.author_id == pid),
        (AgendaItem, AgendaItem.author_id == pid),
        (ActionItem, ActionItem.owner_id == pid),
        (JournalEntry, JournalEntry.author_id == pid),
        (PendingReply, PendingReply.author_id == pid),
        (ReviewAnswer, ReviewAnswer.author_id == pid),
        (Thanks, col(Thanks.pair_id).in_(pair_ids)),  # written to or by them: about them
    ):
        session.execute(delete(model).where(condition))
    session.execute(
        update(MeetingSession)
        .where(col(MeetingSession.summary_author_id) == pid)
        .values(summary=None)
    )
    for role in ("mentor", "mentee"):
        session.execute(
            update(Pair).where(getattr(Pair, f"{role}_id") == pid).values({f"{role}_trial": None})
        )
    session.execute(
        delete(ConversationReference)
        .where(ConversationReference.platform == person.platform)
        .where(ConversationReference.kind == "dm")
        .where(ConversationReference.address == person.external_id)
    )
    session.execute(
        delete(Notification).where(
            or_(
                Notification.recipient == f"p:{pid}",
                Notification.recipient == f"u:{person.platform}:{person.external_id}",
                col(Notification.subject).startswith(f"unreachable:{pid}@"),
            )
        )
    )
    person.external_id = f"{ERASED_PREFIX}{pid}"
    person.name = ""
    person.timezone = None
    person.locale = None
    person.profile_at = None
    session.add(person)
    session.flush()
