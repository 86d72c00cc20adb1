"""The dispatcher's retry rules: rate limits and platform failures never give a message up; only
its expiry or failures that count do, and the reason is recorded."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import Session, select

from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.kernel.ports import DeliveryError, Target
from bot.kernel.replies import Reply
from bot.notices import COMPOSERS
from bot.planning.notice_kinds import DIGEST, REMINDER
from scheduler.dispatcher import MAX_FAILURES, Dispatcher, Outcomes
from storage.models import Notification
from tests.unit.bot.planning.test_planner import agreed_pair, numbered_pair, people

REMINDERS_DUE = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)  # 24 h before the first session


class Scripted:
    """A messenger whose next sends fail as scripted, then succeed."""

    def __init__(self, *failures: DeliveryError) -> None:
        self.failures = list(failures)
        self.sent: list[str] = []

    def reserve(self, targets: Sequence[Target]) -> None:
        """Nothing is paced here."""

    async def settle(self) -> None:
        """Nothing of a send is left to write once it returns."""

    async def send(self, target: Target, message: Reply) -> str:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append(target.address)
        return f"ref-{len(self.sent)}"


@pytest.fixture
def reminders_due(core: Core, clock: ManualClock) -> None:
    """A pair whose two reminders are due; its start notices already sent."""
    mentor, mentee = people(core, clock.now())
    with core.db.session() as session:
        agreed_pair(session, mentor, mentee, clock.now(), actor=mentee)
    asyncio.run(Dispatcher(core, {"slack": Scripted()}).run_once())
    clock.set(REMINDERS_DUE)


def run(core: Core, messenger: Scripted) -> dict[str, int]:
    return dict(asyncio.run(Dispatcher(core, {"slack": messenger}).run_once()))


def reminders(core: Core) -> list[Notification]:
    """The two reminders of the first session (it starts a day after they fall due)."""
    with core.db.session() as session:
        return list(
            session.exec(
                select(Notification)
                .where(Notification.kind == REMINDER)
                .where(Notification.expires_at <= REMINDERS_DUE + timedelta(days=1))  # type: ignore[operator]
            )
        )


@pytest.mark.usefixtures("reminders_due")
def test_rate_limits_never_give_a_message_up(core: Core, clock: ManualClock) -> None:
    rounds = MAX_FAILURES + 2
    messenger = Scripted(*[DeliveryError("ratelimited", retry_after=30)] * 2 * rounds)
    for _ in range(rounds):
        assert run(core, messenger) == {"retried": 2}
        clock.advance(timedelta(seconds=29))
        assert run(core, messenger) == {}  # waits as told, not a second less
        clock.advance(timedelta(seconds=1))
    assert run(core, messenger) == {"sent": 2}
    assert [(r.status, r.attempts, r.failures) for r in reminders(core)] == [("sent", 0, 0)] * 2


@pytest.mark.usefixtures("reminders_due")
def test_a_row_put_back_for_later_costs_its_run_no_second_claim(
    core: Core, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    messenger = Scripted(*[DeliveryError("ratelimited", retry_after=30)] * 2)
    dispatcher = Dispatcher(core, {"slack": messenger})
    claims: list[int] = []
    claim = dispatcher._claim_and_compose

    def counted(now: datetime, limit: int) -> list[tuple[Notification, object]]:
        made = claim(now, limit)
        claims.append(len(made))
        return made

    monkeypatch.setattr(dispatcher, "_claim_and_compose", counted)
    assert asyncio.run(dispatcher.run_once()) == {"retried": 2}
    assert claims == [2]  # due again in 30 s: a second claim would find nothing
    clock.advance(timedelta(seconds=30))
    assert asyncio.run(dispatcher.run_once()) == {"sent": 2}
    assert claims == [2, 2]


@pytest.mark.usefixtures("reminders_due")
def test_5xx_are_retried_with_a_growing_backoff_and_never_counted(
    core: Core, clock: ManualClock
) -> None:
    rounds = MAX_FAILURES + 2
    messenger = Scripted(*[DeliveryError("Slack answered 503", transient=True)] * 2 * rounds)
    waits = []
    for _ in range(rounds):
        assert run(core, messenger) == {"retried": 2}
        due = min(row.due_at for row in reminders(core))
        waits.append((due - clock.now()).total_seconds())
        clock.set(due)
    assert run(core, messenger) == {"sent": 2}
    assert waits == [2.0**n for n in range(rounds)]
    assert {(r.status, r.attempts, r.failures) for r in reminders(core)} == {("sent", rounds, 0)}


@pytest.mark.usefixtures("reminders_due")
def test_failures_that_count_give_a_message_up_with_the_reason(
    core: Core, clock: ManualClock
) -> None:
    messenger = Scripted(*[DeliveryError("fatal_error")] * 2 * MAX_FAILURES)
    for _ in range(MAX_FAILURES - 1):
        assert run(core, messenger) == {"retried": 2}
        clock.set(min(row.due_at for row in reminders(core)))
    assert run(core, messenger) == {"failed": 2}
    assert {(r.status, r.outcome) for r in reminders(core)} == {
        ("failed", f"gave up after {MAX_FAILURES} failures: fatal_error")
    }


@pytest.mark.usefixtures("reminders_due")
def test_a_message_still_limited_when_it_expires_is_dropped_with_the_reason(
    core: Core, clock: ManualClock
) -> None:
    messenger = Scripted(*[DeliveryError("ratelimited (90000s)", retry_after=90_000)] * 2)
    assert run(core, messenger) == {"retried": 2}
    clock.advance(timedelta(seconds=90_000))  # past the session: the reminder is no use now
    assert run(core, messenger)["expired"] == 2
    assert {(r.status, r.outcome) for r in reminders(core)} == {
        ("dropped", "expired; last try: ratelimited (90000s)")
    }


@pytest.mark.usefixtures("reminders_due")
def test_a_run_ends_once_its_messengers_have_written_what_their_sends_left(
    core: Core,
) -> None:
    """Scopes are given back after a send in the background: a run waits for them."""

    class Settling(Scripted):
        settled = False

        async def settle(self) -> None:
            await asyncio.sleep(0.05)
            self.settled = True

    messenger = Settling()

    async def run_then_look() -> tuple[dict[str, int], bool]:
        counts = await Dispatcher(core, {"slack": messenger}).run_once()
        return dict(counts), messenger.settled

    assert asyncio.run(run_then_look()) == ({"sent": 2}, True)


@pytest.mark.usefixtures("reminders_due")
def test_a_digest_is_composed_on_its_own_while_the_rows_claimed_with_it_are_sent(
    core: Core, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A digest reads the whole programme (seconds at 100,000 pairs): the reminders claimed in
    the same batch go while it is being composed, not after."""
    reminders_sent = threading.Event()

    def slow_digest(session: Session, row: Notification, now: datetime) -> tuple[Target, Reply]:
        assert reminders_sent.wait(timeout=5), "the reminders waited for the digest"
        return Target("slack", "channel", "CLEADS"), Reply(title="digest")

    class Watching(Scripted):
        async def send(self, target: Target, message: Reply) -> str:
            ref = await super().send(target, message)
            if len(self.sent) == 2:
                reminders_sent.set()
            return ref

    monkeypatch.setitem(COMPOSERS, DIGEST, slow_digest)
    with core.db.session() as session:
        session.add(
            Notification(
                kind=DIGEST,
                recipient="c:slack:CLEADS",
                subject="digest:2026-12-02",
                due_at=clock.now(),
                created_at=clock.now(),
            )
        )
    messenger = Watching()
    assert run(core, messenger) == {"sent": 3}
    assert messenger.sent[-1] == "CLEADS" and len(set(messenger.sent[:2])) == 2


@pytest.mark.usefixtures("reminders_due")
def test_a_claimed_batch_is_announced_to_its_messenger_before_its_sends(core: Core) -> None:
    """The messenger hears of a batch's targets once it is claimed (to take their rate-limit
    scopes ahead), before any of its sends."""

    class Announced(Scripted):
        def __init__(self) -> None:
            super().__init__()
            self.announced: list[tuple[int, list[str]]] = []  # (sends before, addresses)

        def reserve(self, targets: Sequence[Target]) -> None:
            self.announced.append((len(self.sent), [t.address for t in targets]))

    messenger = Announced()
    assert run(core, messenger) == {"sent": 2}
    assert [(before, sorted(addresses)) for before, addresses in messenger.announced] == [
        (0, sorted(messenger.sent))
    ]


@pytest.fixture
def three_pairs_due(core: Core, clock: ManualClock) -> None:
    """Three pairs whose six reminders are due; their start notices already sent."""
    with core.db.session() as session:
        for n in range(3):
            numbered_pair(session, n, clock.now())
    asyncio.run(Dispatcher(core, {"slack": Scripted()}).run_once())
    clock.set(REMINDERS_DUE)


@pytest.mark.usefixtures("three_pairs_due")
def test_a_send_s_slot_is_free_before_its_outcome_is_written_and_unrecorded_sends_are_bounded(
    core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With one send at a time, the next send goes while the last outcome is being written;
    sends in flight and outcomes not written stay at most 2 (what a kill -9 could leave sent
    and not recorded); the run ends once every outcome is written."""
    written = threading.Event()
    commit = Outcomes._commit

    def held(self: Outcomes, outcomes: list) -> list[bool]:  # type: ignore[type-arg]
        assert written.wait(timeout=10), "the outcomes were never let through"
        return commit(self, outcomes)

    monkeypatch.setattr(Outcomes, "_commit", held)
    messenger = Scripted()

    async def scenario() -> tuple[int, int, dict[str, int]]:
        run = asyncio.create_task(Dispatcher(core, {"slack": messenger}, concurrency=1).run_once())
        for _ in range(500):  # up to 5 s for the second send, which waits for no outcome
            if len(messenger.sent) >= 2 or run.done():
                break
            await asyncio.sleep(0.01)
        second = len(messenger.sent)
        await asyncio.sleep(0.3)  # any third send, not held back, would go meanwhile
        held_back = len(messenger.sent)
        written.set()
        return second, held_back, dict(await run)

    assert asyncio.run(scenario()) == (2, 2, {"sent": 6})
    assert len(messenger.sent) == 6
    with core.db.session() as session:
        rows = list(session.exec(select(Notification).where(Notification.kind == REMINDER)))
    due = [row for row in rows if row.due_at <= REMINDERS_DUE]
    assert len(due) == 6 and {(row.status, row.claimed_by) for row in due} == {("sent", None)}
