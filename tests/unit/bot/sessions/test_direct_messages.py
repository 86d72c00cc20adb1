"""A plain DM, as the platforms hand it over: filed once per event, its author held, in few
statements (every summary sent by DM takes this path)."""

from __future__ import annotations

import pytest
from sqlalchemy import event, update
from sqlmodel import Session, col, select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.notice_keys import PersonRecipient, SummaryVersion
from bot.planning.notice_kinds import (
    SUMMARY_RECORDED,
    SUMMARY_REQUEST_NEXT_DAY,
    SUMMARY_SHARED,
    SUMMARY_TWICE,
)
from bot.planning.planner import session_subject
from bot.sessions.summaries import SUMMARY_WRITTEN, handle_direct_message
from bot.sessions.summary_parts import free_text
from storage.models import MeetingSession, Notification, Person, ProcessedEvent
from storage.queries.notifications import DROPPED, SENT
from tests.unit.bot.sessions.test_open_requests import SECOND_ENDED, started_pair
from tests.unit.bot.sessions.test_summaries import asks_about


def first_session(session: Session, pair_id: int) -> MeetingSession:
    meeting = session.exec(
        select(MeetingSession)
        .where(MeetingSession.pair_id == pair_id)
        .order_by(MeetingSession.starts_at)  # type: ignore[arg-type]
    ).first()
    assert meeting is not None
    return meeting


def owed_to(session: Session, person: Person, kind: str) -> list[str]:
    """The subjects of the notifications of `kind` owed to `person`."""
    assert person.id is not None
    return list(
        session.exec(
            select(Notification.subject)
            .where(Notification.kind == kind)
            .where(Notification.recipient == PersonRecipient(person.id).key)
        )
    )


def test_a_dm_answering_one_request_is_filed_once_in_seven_statements(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    pair_id, mentor, mentee = started_pair(core, clock)
    clock.set(SECOND_ENDED)  # the mentor was asked about the first session only
    assert mentor.id is not None
    with core.db.session() as session:  # that request went out the day after the session
        asked = first_session(session, pair_id)
        session.exec(
            update(Notification)
            .where(col(Notification.kind) == SUMMARY_REQUEST_NEXT_DAY)
            .where(col(Notification.subject) == session_subject(asked).key)
            .values(status=SENT, outcome="sent")
        )
    statements: list[str] = []

    def record(_c: object, _cur: object, statement: str, *_: object) -> None:
        statements.append(statement)

    def dm(event_id: str, text: str) -> bool:
        return handle_direct_message(
            core,
            platform="slack",
            event_id=event_id,
            author_id=mentor.external_id,
            text=text,
            message_ref=f"D1/{event_id}",
        )

    event.listen(core.db.engine, "before_cursor_execute", record)
    assert dm("E1", "Ship it")
    event.remove(core.db.engine, "before_cursor_execute", record)
    # The event, the author held, the requests, their sessions, the summary, the requests
    # and nudges about the session dropped, what it owes.
    assert len(statements) == 7
    with core.db.session() as session:
        meeting = first_session(session, pair_id)
        assert meeting.id is not None
        assert meeting.summary == free_text("Ship it", mentor.id).dump()
        assert (meeting.summary_author_id, meeting.summary_at) == (mentor.id, SECOND_ENDED)
        assert meeting.summary_revision == 1
        version = SummaryVersion(meeting.id, 1).key
        assert owed_to(session, mentee, SUMMARY_SHARED) == [version]
        assert owed_to(session, mentor, SUMMARY_RECORDED) == [version]
        held = session.get(Person, mentor.id)
        assert held is not None and held.last_active_at == SECOND_ENDED
        # The requests and nudges not sent yet are dropped; the one sent keeps its outcome.
        asks = asks_about(session, meeting)
        request = f"{SUMMARY_REQUEST_NEXT_DAY} {PersonRecipient(mentor.id).key}"
        assert asks.pop(request) == (SENT, "sent")
        assert len(asks) == 3 and set(asks.values()) == {(DROPPED, SUMMARY_WRITTEN)}
    # Delivered again: nothing more.
    assert not dm("E1", "Ship it")
    # Another DM about the same session: kept aside, its author asked replace or append.
    assert dm("E2", "Also this")
    with core.db.session() as session:
        meeting = first_session(session, pair_id)
        assert meeting.summary_revision == 1
        assert meeting.summary == free_text("Ship it", mentor.id).dump()
        assert len(owed_to(session, mentor, SUMMARY_TWICE)) == 1
        assert len(owed_to(session, mentee, SUMMARY_SHARED)) == 1


def test_a_dm_of_someone_without_a_profile_leaves_nothing_behind(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    started_pair(core, clock)
    with pytest.raises(UserError, match=r"^forget\.meanwhile$"):
        handle_direct_message(
            core,
            platform="slack",
            event_id="E9",
            author_id="UNOBODY",
            text="Hello",
            message_ref="D9/1",
        )
    with core.db.session() as session:
        assert session.get(ProcessedEvent, "slack:E9") is None  # a retry is handled
