"""A summary's structure, its layout in each language, and what writing a second one does."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, update
from sqlalchemy.orm.exc import StaleDataError
from sqlmodel import Session, col, select

from bot.commands.parser import parse_command
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.notice_keys import PersonRecipient
from bot.planning.notice_kinds import SUMMARY_REQUEST
from bot.planning.planner import session_subject
from bot.sessions.action_items import NewAction, done_command
from bot.sessions.summaries import (
    REQUEST_KINDS,
    SUMMARY_WRITTEN,
    Draft,
    apply_draft,
    write_summary,
)
from bot.sessions.summary_parts import form_doc, free_text, items, summary_text
from storage.models import ActionItem, MeetingSession, Notification, Pair, Person
from storage.queries.notifications import DROPPED, PENDING, SENT
from storage.queries.personal_data import erase_summary_items
from storage.summaries import Item, SummaryDoc
from tests.unit.bot.sessions.test_open_requests import SECOND_ENDED, started_pair

CLAIRE, THOMAS = 1, 2


def test_typed_lines_become_items_without_their_bullets() -> None:
    typed = "- Ship it\n\n• Monthly sessions  \n  * Ask Ana\n3 options"
    assert [i.text for i in items(typed, CLAIRE)] == [
        "Ship it",
        "Monthly sessions",
        "Ask Ana",
        "3 options",
    ]
    assert free_text("We agreed.\nThomas drafts.", THOMAS) == SummaryDoc(
        notes=(Item("We agreed.", THOMAS), Item("Thomas drafts.", THOMAS))
    )
    assert form_doc(None, "", CLAIRE) == SummaryDoc()


def test_the_stored_form_keeps_each_items_author_and_reads_back() -> None:
    doc = form_doc("Ship it", "Good <@UTHOMAS> energy", CLAIRE).plus(free_text("Also", THOMAS))
    assert SummaryDoc.load(doc.dump()) == doc
    assert doc.authors == {CLAIRE, THOMAS}
    assert doc.without(CLAIRE) == SummaryDoc(notes=(Item("Also", THOMAS),))
    assert "<@UTHOMAS>" in doc.dump()  # erasure replaces mentions in the stored text
    draft = Draft(7, doc, (NewAction("Draft", "mentee", date(2026, 12, 15)),))
    assert Draft.load(draft.dump()) == draft
    assert Draft.load("a plain reply {not json") is None and Draft.load('{"a": 1}') is None


def people() -> dict[int, Person]:
    return {
        CLAIRE: Person(id=CLAIRE, platform="slack", external_id="UCLAIRE"),
        THOMAS: Person(id=THOMAS, platform="slack", external_id="UTHOMAS"),
    }


def actions() -> list[ActionItem]:
    made = datetime(2026, 12, 3, tzinfo=UTC)
    return [
        ActionItem(pair_id=1, owner_id=THOMAS, author_id=THOMAS, text="Draft the roadmap",
                   due=date(2026, 12, 15), created_at=made),
        ActionItem(pair_id=1, owner_id=CLAIRE, author_id=THOMAS, text="Call Ana", created_at=made),
    ]  # fmt: skip


def test_a_summary_reads_as_a_list_in_the_readers_language() -> None:
    doc = form_doc("Ship it.\nMonthly from January", "Good energy.", THOMAS)
    assert summary_text(doc, actions(), people(), "fr", limit=3000) == (
        "*Décisions*\n• Ship it.\n• Monthly from January\n"
        "*Actions*\n"
        "1. Draft the roadmap — <@UTHOMAS>, pour le mardi 15 décembre 2026\n"
        "2. Call Ana — <@UCLAIRE>\n"
        "*Notes*\n• Good energy."
    )
    assert summary_text(doc, actions(), people(), "en", limit=3000) == (
        "*Decisions*\n• Ship it.\n• Monthly from January\n"
        "*Actions*\n"
        "1. Draft the roadmap — <@UTHOMAS>, by Tuesday 15 December 2026\n"
        "2. Call Ana — <@UCLAIRE>\n"
        "*Notes*\n• Good energy."
    )
    # Only what there is; nothing at all says so; too long is cut.
    assert summary_text(free_text("Hi", THOMAS), [], people(), "fr", limit=99) == "*Notes*\n• Hi"
    assert summary_text(SummaryDoc(), [], people(), "fr", limit=99) == "(rien d'écrit)"
    cut = summary_text(free_text("x" * 50, THOMAS), [], people(), "en", limit=20)
    assert len(cut) == 20 and cut.endswith("…")


def first_session(session: Session, pair_id: int) -> tuple[Pair, MeetingSession]:
    pair = session.get(Pair, pair_id)
    meeting = session.exec(
        select(MeetingSession)
        .where(MeetingSession.pair_id == pair_id)
        .order_by(MeetingSession.starts_at)  # type: ignore[arg-type]
    ).first()
    assert pair is not None and meeting is not None and meeting.id is not None
    return pair, meeting


def shared_count(session: Session) -> int:
    return len(
        session.exec(select(Notification).where(Notification.kind == "summary_shared")).all()
    )


def test_a_second_summary_is_kept_aside_until_its_author_says_append_or_replace(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    pair_id, mentor, mentee = started_pair(core, clock)
    now = SECOND_ENDED
    with core.db.session() as session:
        pair, meeting = first_session(session, pair_id)
        assert meeting.id is not None and mentor.id is not None and mentee.id is not None
        first = Draft(
            meeting.id,
            form_doc("Ship it", None, mentee.id),
            (NewAction("Draft", "mentee", None), NewAction("Done soon", "mentor", None)),
        )
        kw = {"session": session, "pair": pair, "meeting": meeting, "now": now}
        assert write_summary(**kw, author=mentee, draft=first, confirm_by_dm=False) is None
        assert shared_count(session) == 1
        written = meeting.summary
        # A second one, from either member: nothing replaced, nothing shared, kept aside.
        second = Draft(meeting.id, free_text("Also this", mentor.id))
        kept = write_summary(**kw, author=mentor, draft=second, confirm_by_dm=True)
        assert kept is not None and Draft.load(kept.text) == second
        assert meeting.summary == written and shared_count(session) == 1
        # Append: the first, then the second; shared again.
        apply_draft(**kw, author=mentor, draft=second, confirm_by_dm=False, replace=False)
        assert SummaryDoc.load(meeting.summary or "") == SummaryDoc(
            decisions=(Item("Ship it", mentee.id),), notes=(Item("Also this", mentor.id),)
        )
        assert shared_count(session) == 2
        # Replace: the new one alone; the open actions of the earlier one go, done ones stay.
        done = session.exec(select(ActionItem).where(ActionItem.text == "Done soon")).one()
        done.done_at = now
        session.add(done)
        third = Draft(
            meeting.id, form_doc(None, "Over", mentee.id), (NewAction("New", "mentor", None),)
        )
        apply_draft(**kw, author=mentee, draft=third, confirm_by_dm=False, replace=True)
        assert SummaryDoc.load(meeting.summary or "") == SummaryDoc(
            notes=(Item("Over", mentee.id),)
        )
        left = session.exec(select(ActionItem.text).where(ActionItem.session_id == meeting.id))
        assert sorted(left) == ["Done soon", "New"]
        assert shared_count(session) == 3


def asks_about(session: Session, meeting: MeetingSession) -> dict[str, tuple[str, str | None]]:
    """The summary requests and nudges about the session as planned: kind and recipient →
    status and outcome."""
    subject = session_subject(meeting).key
    rows = session.exec(
        select(Notification).where(
            Notification.subject == subject, col(Notification.kind).in_(REQUEST_KINDS)
        )
    )
    return {f"{row.kind} {row.recipient}": (row.status, row.outcome) for row in rows}


def test_a_written_summary_drops_the_asks_still_owed_about_its_session(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    """Written through the form or a command, or by a plain DM: the requests and nudges not
    yet sent about that session, to either member, are dropped at once as no longer useful;
    one already sent keeps its outcome, and the next session's are still owed."""
    core = core_on_each_database
    pair_id, _, mentee = started_pair(core, clock)
    with core.db.session() as session:
        pair, meeting = first_session(session, pair_id)
        following = session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id, MeetingSession.id != meeting.id)
            .order_by(col(MeetingSession.starts_at))
        ).first()
        assert following is not None and mentee.id is not None
        asks, later = asks_about(session, meeting), asks_about(session, following)
        assert len(asks) == len(later) == 4  # a request to each member, a nudge to each
        assert {status for status, _ in [*asks.values(), *later.values()]} == {PENDING}
        request = PersonRecipient(mentee.id).key
        session.exec(
            update(Notification)
            .where(col(Notification.kind) == SUMMARY_REQUEST)
            .where(col(Notification.recipient) == request)
            .where(col(Notification.subject) == session_subject(meeting).key)
            .values(status=SENT, outcome="sent")
        )
        draft = Draft(meeting.id or 0, form_doc("Ship it", None, mentee.id))
        kw = {"session": session, "pair": pair, "meeting": meeting, "now": SECOND_ENDED}
        assert write_summary(**kw, author=mentee, draft=draft, confirm_by_dm=False) is None
        after = asks_about(session, meeting)
        assert after.pop(f"{SUMMARY_REQUEST} {request}") == (SENT, "sent")
        assert set(after.values()) == {(DROPPED, SUMMARY_WRITTEN)} and len(after) == 3
        assert asks_about(session, following) == later


def test_erasing_a_member_takes_their_items_out_of_a_summary_both_wrote(
    core: Core, clock: ManualClock
) -> None:
    pair_id, mentor, mentee = started_pair(core, clock)
    with core.db.session() as session:
        _, meeting = first_session(session, pair_id)
        assert mentor.id is not None and mentee.id is not None
        both = form_doc("Ship it", None, mentee.id).plus(free_text("Also", mentor.id))
        meeting.summary, meeting.summary_author_id = both.dump(), mentor.id
        session.add(meeting)
        session.flush()
        erase_summary_items(session=session, person_id=mentor.id)
        assert meeting.summary_author_id == mentee.id
        assert SummaryDoc.load(meeting.summary or "") == form_doc("Ship it", None, mentee.id)
        erase_summary_items(session=session, person_id=mentee.id)
        assert meeting.summary is None and meeting.summary_author_id == mentee.id


def test_the_done_command_is_in_the_readers_words_and_names_the_pair_when_it_must() -> None:
    thomas = people()[THOMAS]
    assert done_command(3, "en") == "/mentor actions done 3"
    assert done_command(3, "fr") == "/mentor actions fait 3"
    assert done_command(2, "fr", thomas) == "/mentor actions <@UTHOMAS> fait 2"
    # What it says parses back to the command that marks that action done.
    parsed = parse_command(done_command(2, "fr", thomas).removeprefix("/mentor "))
    assert (parsed.name, parsed.mentions, parsed.words) == ("actions", ("UTHOMAS",), ["fait", "2"])


def test_a_summary_is_stored_as_the_next_revision_unless_its_session_is_gone(
    core_on_each_database: Core, clock: ManualClock
) -> None:
    core = core_on_each_database
    pair_id, _, mentee = started_pair(core, clock)
    with core.db.session() as session:
        pair, meeting = first_session(session, pair_id)
        assert meeting.id is not None and mentee.id is not None
        draft = Draft(meeting.id, free_text("Ship it", mentee.id))
        assert (
            write_summary(
                session=session,
                pair=pair,
                meeting=meeting,
                author=mentee,
                draft=draft,
                now=SECOND_ENDED,
                confirm_by_dm=True,
            )
            is None
        )
        assert meeting.summary_revision == 1 and meeting not in session.dirty
    with core.db.session() as session:
        stored = session.get(MeetingSession, meeting.id)
        assert stored is not None and stored.summary == draft.doc.dump()
        assert (stored.summary_author_id, stored.summary_at) == (mentee.id, SECOND_ENDED)
        assert stored.summary_revision == 1 and shared_count(session) == 1
    # A session deleted while its summary was written: nothing is stored, nothing shared.
    with pytest.raises(StaleDataError), core.db.session() as session:
        second = session.exec(
            select(MeetingSession)
            .where(MeetingSession.pair_id == pair_id)
            .order_by(MeetingSession.starts_at)  # type: ignore[arg-type]
        ).all()[1]
        assert second.id is not None
        table = MeetingSession.__table__  # type: ignore[attr-defined]
        session.connection().execute(delete(table).where(table.c.id == second.id))
        write_summary(
            session=session,
            pair=pair,
            meeting=second,
            author=mentee,
            draft=Draft(second.id, draft.doc),
            now=SECOND_ENDED,
            confirm_by_dm=True,
        )
    with core.db.session() as session:
        assert shared_count(session) == 1
