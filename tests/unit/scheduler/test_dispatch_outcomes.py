"""The dispatcher with a recording sender: each due row is claimed by one process and sent
once, a live lease is respected and a dead one taken over, and every outcome is recorded."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.ports import DeliveryError, Target, Unreachable
from bot.notices import BATCH_COMPOSERS
from bot.planning.notice_kinds import MEMBER_UNREACHABLE, REMINDER
from scheduler.dispatcher import LEASE, Dispatcher
from storage.models import MeetingSession, Notification
from storage.queries.notifications import claim_due
from storage.queries.people import upsert_person
from storage.queries.sessions import SKIPPED
from tests.fakes.recording_sender import RecordingSender
from tests.unit.bot.planning.test_planner import agreed_pair, people

REMINDERS_DUE = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # 24 h before the first session
FIRST_SESSION = REMINDERS_DUE + timedelta(days=1)


@pytest.fixture(autouse=True)
def reminders_due(core: Core, clock: ManualClock) -> None:
    """A pair whose first session's two reminders are due; its start notices already sent."""
    mentor, mentee = people(core, clock.now())
    with core.db.session() as session:
        agreed_pair(session, mentor, mentee, clock.now(), actor=mentee)
    asyncio.run(Dispatcher(core, {"slack": RecordingSender()}).run_once())
    clock.set(REMINDERS_DUE)


def run(core: Core, sender: RecordingSender | None) -> dict[str, int]:
    messengers = {"slack": sender} if sender is not None else {}
    return dict(asyncio.run(Dispatcher(core, messengers).run_once()))


def rows(core: Core, kind: str = REMINDER) -> list[Notification]:
    """The rows of `kind` due by now."""
    with core.db.session() as session:
        return list(
            session.exec(
                select(Notification)
                .where(Notification.kind == kind)
                .where(Notification.due_at <= core.clock.now())
                .order_by(Notification.recipient)
            )
        )


def test_each_due_row_is_sent_once_by_one_of_two_dispatchers_and_recorded(core: Core) -> None:
    first, second = RecordingSender(), RecordingSender()

    async def together() -> list[Counter[str]]:
        return await asyncio.gather(
            Dispatcher(core, {"slack": first}).run_once(),
            Dispatcher(core, {"slack": second}).run_once(),
        )

    counts = asyncio.run(together())
    assert sum(c["sent"] for c in counts) == 2
    assert sorted(first.addresses + second.addresses) == ["UCLAIRE", "UTHOMAS"]
    assert all(target.kind == "dm" for target, _ in first.sent + second.sent)
    assert [(r.status, r.sent_at, r.claimed_by, r.lease_until, r.attempts) for r in rows(core)] == [
        ("sent", REMINDERS_DUE, None, None, 0)
    ] * 2
    assert {r.outcome for r in rows(core)} <= {"ref-1", "ref-2"}
    assert run(core, RecordingSender()) == {}  # nothing is sent twice


def test_a_row_leased_to_a_live_process_waits_and_a_dead_one_s_is_taken_over(
    core: Core, clock: ManualClock
) -> None:
    with core.db.session() as session:
        held = claim_due(session=session, now=clock.now(), owner="dead", lease=LEASE, limit=10)
    assert {row.kind for row in held} == {REMINDER} and len(held) == 2
    sender = RecordingSender()
    clock.advance(LEASE)
    assert run(core, sender) == {}
    assert sender.tried == []
    clock.advance(timedelta(seconds=1))
    assert run(core, sender) == {"sent": 2}
    assert [(r.status, r.claimed_by) for r in rows(core)] == [("sent", None)] * 2


def test_a_row_whose_subject_is_gone_is_dropped_with_the_reason(core: Core) -> None:
    with core.db.session() as session:
        for meeting in session.exec(select(MeetingSession)).all():
            meeting.status = SKIPPED
            session.add(meeting)
        session.commit()
    sender = RecordingSender()
    assert run(core, sender) == {"dropped": 2}
    assert sender.tried == []
    assert {(r.status, r.outcome) for r in rows(core)} == {("dropped", "session skipped")}


def test_a_row_past_its_expiry_when_claimed_is_dropped_unsent(
    core: Core, clock: ManualClock
) -> None:
    clock.set(FIRST_SESSION + timedelta(minutes=1))
    sender = RecordingSender()
    assert run(core, sender) == {"expired": 2}
    assert sender.tried == []
    assert {(r.status, r.outcome, r.sent_at) for r in rows(core)} == {("dropped", "expired", None)}


def test_a_row_that_cannot_be_composed_fails_and_the_others_go(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    batch_composer = BATCH_COMPOSERS[REMINDER]  # reminders are composed by the batch

    def broken_for_claire(session, rows):  # type: ignore[no-untyped-def]
        composer = batch_composer(session, rows)

        def compose(session, row, now):  # type: ignore[no-untyped-def]
            target, reply = composer(session, row, now)
            if target.address == "UCLAIRE":
                raise RuntimeError("a bug")
            return target, reply

        return compose

    monkeypatch.setitem(BATCH_COMPOSERS, REMINDER, broken_for_claire)
    sender = RecordingSender()
    assert run(core, sender) == {"failed": 1, "sent": 1}
    assert sender.addresses == ["UTHOMAS"]
    assert [(r.status, r.outcome) for r in rows(core)] == [
        ("failed", "compose error"),
        ("sent", "ref-1"),
    ]


def test_a_platform_without_a_sender_fails_its_rows(core: Core) -> None:
    assert run(core, None) == {"failed": 2}
    assert {(r.status, r.outcome) for r in rows(core)} == {("failed", "platform not configured")}


def test_a_permanent_failure_fails_at_once_with_the_platform_s_reason(core: Core) -> None:
    sender = RecordingSender(*[DeliveryError("channel_not_found", permanent=True)] * 2)
    assert run(core, sender) == {"failed": 2}
    assert {(r.status, r.outcome, r.failures) for r in rows(core)} == {
        ("failed", "channel_not_found", 0)
    }


def test_someone_unreachable_is_named_to_the_admins_in_the_same_run(
    core: Core, clock: ManualClock
) -> None:
    with core.db.session() as session:
        upsert_person(
            session=session,
            platform="slack",
            external_id="UADMIN",
            name="admin",
            timezone="Europe/Paris",
            locale=None,
            now=clock.now(),
        )
    sender = RecordingSender(*[Unreachable("not_installed")] * 2)
    assert run(core, sender) == {"failed": 2, "sent": 2}
    assert sorted(target.address for target in sender.tried[:2]) == ["UCLAIRE", "UTHOMAS"]
    assert (
        sender.sent
        and [target for target, _ in sender.sent]
        == [Target(platform="slack", kind="dm", address="UADMIN")] * 2
    )
    assert {(r.status, r.outcome) for r in rows(core)} == {("failed", "not_installed")}
    assert [r.status for r in rows(core, MEMBER_UNREACHABLE)] == ["sent"] * 2
