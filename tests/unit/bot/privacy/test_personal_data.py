"""The export shows what its reader may read; erasure keeps what the other member wrote."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import Text
from sqlmodel import Session, SQLModel, select

from bot.growth.reviews import Answer, record_answer
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRecipient
from bot.people.actor import ActorContext
from bot.privacy.personal_data import erase, export_document
from bot.rhythm.stored import rhythm_columns, rhythm_of
from storage.db import Database, make_engine, migrate
from storage.models import (
    ActionItem,
    AgendaItem,
    Goal,
    JournalEntry,
    MeetingSession,
    Milestone,
    Notification,
    Person,
    TermsProposal,
    Thanks,
)
from storage.queries.personal_data import ERASED_MENTION, WRITINGS
from tests.unit.bot.growth.test_reviews import new_pair
from tests.unit.bot.planning.test_planner import people

CREATED = datetime(2026, 11, 30, 8, 0, tzinfo=UTC)


def as_(core: Core, session: Session, person: Person, now: datetime) -> ActorContext:
    return ActorContext(
        core=core, session=session, platform="slack", actor=person, now=now, lang="en"
    )


def review_answers(core: Core, session: Session, person: Person) -> list[tuple[str, str]]:
    [pair] = export_document(as_(core, session, person, CREATED))["pairs"]
    return sorted((a["by"], a["comment"]) for a in pair["reviews"])


def test_the_other_members_review_answers_appear_once_both_answered(core: Core) -> None:
    mentor, mentee = people(core, CREATED)
    with core.db.session() as session:
        pair = new_pair(session, mentor, mentee, CREATED)
        mine = Answer("keep", "yes", "keep", 4, "mentor's view")
        record_answer(session=session, pair=pair, author=mentor, answer=mine, now=CREATED)
        assert review_answers(core, session, mentee) == []
        assert review_answers(core, session, mentor) == [("me", "mentor's view")]
        theirs = Answer("more", "yes", "keep", 5, "mentee's view")
        later = CREATED + timedelta(days=1)
        record_answer(session=session, pair=pair, author=mentee, answer=theirs, now=later)
        assert review_answers(core, session, mentee) == [
            ("me", "mentee's view"),
            ("other", "mentor's view"),
        ]


def test_erasure_keeps_the_other_members_journal_and_drops_notices_to_the_erased(
    core: Core,
) -> None:
    mentor, mentee = people(core, CREATED)
    with core.db.session() as session:
        new_pair(session, mentor, mentee, CREATED)
        for author in (mentor, mentee):
            session.add(JournalEntry(author_id=author.id, text=author.name, created_at=CREATED))
        ctx = as_(core, session, mentee, CREATED)
        assert erase(ctx) == 1
        journals = session.exec(select(JournalEntry.author_id)).all()
        recipients = set(session.exec(select(Notification.recipient)).all())
        erased = session.get(Person, mentee.id)
    assert journals == [mentor.id]
    assert (
        PersonRecipient(mentee.id).key not in recipients
        and PersonRecipient(mentor.id).key in recipients
    )
    assert erased is not None and erased.external_id == f"erased:{mentee.id}"
    assert (erased.name, erased.timezone, erased.locale) == ("", None, None)


def test_every_free_text_column_of_the_schema_is_erased_by_its_author() -> None:
    """A new table or column of people's words must say who wrote them, or erasure misses it."""
    free_text = {
        (table.name, column.name)
        for table in SQLModel.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, Text)
    }
    assert free_text == {(w.model.__table__.name, w.text.key) for w in WRITINGS}


def test_erasure_leaves_none_of_their_words_in_any_text_column(
    migrated_database_url: str, clock: ManualClock
) -> None:
    """Every place a member's words are kept, on SQLite and PostgreSQL: the erased member's go,
    even on the other's goal and in actions the other owns; the other's stay, minus mentions."""
    engine = make_engine(migrated_database_url)
    migrate(engine)
    core = Core(db=Database(engine), clock=clock)
    claire, thomas = people(core, CREATED)
    with core.db.session() as session:
        pair = new_pair(session, claire, thomas, CREATED)
        meeting = session.exec(select(MeetingSession)).first()
        assert pair.id and meeting and meeting.id and claire.id and thomas.id
        at = {"created_at": CREATED}
        goal = Goal(pair_id=pair.id, author_id=claire.id, text="Claire's goal", **at)
        own_goal = Goal(pair_id=pair.id, author_id=thomas.id, text="T goal", **at)
        session.add_all([goal, own_goal])
        session.flush()
        assert goal.id and own_goal.id
        meeting.summary, meeting.summary_author_id = "T summary", thomas.id
        session.add_all(
            [
                meeting,
                Milestone(goal_id=goal.id, author_id=thomas.id, text="T step", **at),
                Milestone(goal_id=own_goal.id, author_id=claire.id, text="C step", **at),
                AgendaItem(pair_id=pair.id, author_id=thomas.id, text="T point", **at),
                AgendaItem(pair_id=pair.id, author_id=claire.id, text="Ask <@UTHOMAS>", **at),
                ActionItem(
                    pair_id=pair.id, owner_id=claire.id, author_id=thomas.id, text="T for C", **at
                ),
                ActionItem(
                    pair_id=pair.id, owner_id=claire.id, author_id=claire.id, text="C's", **at
                ),
                Thanks(pair_id=pair.id, author_id=thomas.id, text="T thanks", **at),
                JournalEntry(author_id=thomas.id, text="T journal", **at),
                JournalEntry(author_id=claire.id, text="<@UTHOMAS> grows", **at),
            ]
        )
        answer = Answer("keep", "yes", "keep", 4, "T review")
        record_answer(session=session, pair=pair, author=thomas, answer=answer, now=CREATED)
    with core.db.session() as session:
        erase(as_(core, session, session.get(Person, thomas.id), CREATED))
    with core.db.session() as session:
        kept = sorted(text for w in WRITINGS for text in session.exec(select(w.text)) if text)
    engine.dispose()
    # The mentions of Thomas became the token each reader reads as "a former member".
    assert kept == ["Ask " + ERASED_MENTION, "C's", "Claire's goal", ERASED_MENTION + " grows"]


def test_the_meeting_link_is_exported_with_the_pair_and_cleared_on_erasure(core: Core) -> None:
    """Pair data both agreed: in either member's export; gone from the pair and from its
    proposals of new terms once one member is erased."""
    link = "https://meet.example.com/claire-room"
    mentor, mentee = people(core, CREATED)
    with core.db.session() as session:
        pair = new_pair(session, mentor, mentee, CREATED)
        pair.link = link
        session.add(pair)
        proposal = TermsProposal(
            pair_id=pair.id,
            proposer_id=mentor.id,
            proposed_at=CREATED,
            lapses_at=CREATED + timedelta(days=10),
            trial_sessions=pair.trial_sessions,
            **rhythm_columns(rhythm_of(pair)),
        )
        session.add(proposal)
        session.flush()
        for member in (mentor, mentee):
            [exported] = export_document(as_(core, session, member, CREATED))["pairs"]
            assert exported["link"] == link
        erase(as_(core, session, mentee, CREATED))
        session.flush()
        session.refresh(pair)
        session.refresh(proposal)
        assert (pair.link, proposal.link) == (None, None)
