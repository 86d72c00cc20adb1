"""The minute job: APScheduler runs the dispatcher each minute of a clock the test moves, catches
up once after a gap, and never runs it twice at a time. No test sleeps: APScheduler reads the
manual clock, and each tick is the scheduler waking up at once."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, tzinfo
from typing import Any

import apscheduler.executors.base
import apscheduler.schedulers.base
import apscheduler.triggers.interval
import pytest
from apscheduler.events import (
    EVENT_JOB_EXECUTED,
    EVENT_JOB_MAX_INSTANCES,
    EVENT_JOB_MISSED,
    EVENT_JOB_SUBMITTED,
    JobEvent,
)
from apscheduler.schedulers.asyncio import AsyncIOScheduler

from bot.kernel.clock import ManualClock
from scheduler.jobs import DISPATCH_JOB_ID, start_ticking

MINUTE = timedelta(minutes=1)


@pytest.fixture(autouse=True)
def scheduler_on_the_clock(monkeypatch: pytest.MonkeyPatch, clock: ManualClock) -> None:
    """APScheduler's `datetime.now` is the manual clock's."""

    class ClockTime(datetime):
        @classmethod
        def now(cls, tz: tzinfo | None = None) -> Any:
            return clock.now().astimezone(tz)

    for module in (
        apscheduler.schedulers.base,
        apscheduler.executors.base,
        apscheduler.triggers.interval,
    ):
        monkeypatch.setattr(module, "datetime", ClockTime)


class Dispatcher:
    """Stands for the dispatcher: records when it ran; a run lasts until `finish` is set."""

    def __init__(self, clock: ManualClock) -> None:
        self.clock = clock
        self.runs: list[datetime] = []
        self.finish = asyncio.Event()
        self.finish.set()

    async def run_once(self) -> None:
        self.runs.append(self.clock.now())
        await self.finish.wait()


class Ticking:
    """A started scheduler and what it reported."""

    def __init__(self, scheduler: AsyncIOScheduler) -> None:
        self.scheduler = scheduler
        self.events: list[int] = []
        scheduler.add_listener(
            lambda event: self.events.append(event.code),
            EVENT_JOB_SUBMITTED | EVENT_JOB_EXECUTED | EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED,
        )

    async def tick(self) -> list[int]:
        """Wake the scheduler now and let what it starts run; the events that came of it."""
        seen = len(self.events)
        self.scheduler.wakeup()
        for _ in range(5):  # the wake-up, the job's task, its completion: each one loop turn
            await asyncio.sleep(0)
        return self.events[seen:]


def ticking(scenario: Any, clock: ManualClock) -> Dispatcher:
    async def main() -> Dispatcher:
        dispatcher = Dispatcher(clock)
        scheduler = start_ticking(dispatcher)  # type: ignore[arg-type]
        try:
            await scenario(Ticking(scheduler), dispatcher)
        finally:
            dispatcher.finish.set()
            scheduler.shutdown(wait=False)
        return dispatcher

    return asyncio.run(main())


def test_the_dispatcher_runs_each_minute_of_the_clock_and_not_before(clock: ManualClock) -> None:
    start = clock.now()

    async def scenario(ticks: Ticking, dispatcher: Dispatcher) -> None:
        job = ticks.scheduler.get_job(DISPATCH_JOB_ID)
        assert job is not None and job.next_run_time == start + MINUTE
        clock.advance(MINUTE - timedelta(seconds=1))
        assert await ticks.tick() == [] and dispatcher.runs == []
        clock.advance(timedelta(seconds=1))
        assert await ticks.tick() == [EVENT_JOB_SUBMITTED, EVENT_JOB_EXECUTED]
        clock.advance(MINUTE)
        assert await ticks.tick() == [EVENT_JOB_SUBMITTED, EVENT_JOB_EXECUTED]
        assert job.id == DISPATCH_JOB_ID and ticks.scheduler.get_job(DISPATCH_JOB_ID) is not None

    assert ticking(scenario, clock).runs == [start + MINUTE, start + 2 * MINUTE]


def test_minutes_missed_while_asleep_are_caught_up_by_one_run(clock: ManualClock) -> None:
    start = clock.now()

    async def scenario(ticks: Ticking, dispatcher: Dispatcher) -> None:
        clock.advance(5 * MINUTE)
        assert await ticks.tick() == [EVENT_JOB_SUBMITTED, EVENT_JOB_EXECUTED]
        job = ticks.scheduler.get_job(DISPATCH_JOB_ID)
        assert job is not None and job.next_run_time == start + 6 * MINUTE

    assert ticking(scenario, clock).runs == [start + 5 * MINUTE]


def test_a_tick_while_a_run_goes_on_starts_no_second_run(clock: ManualClock) -> None:
    start = clock.now()

    async def scenario(ticks: Ticking, dispatcher: Dispatcher) -> None:
        dispatcher.finish.clear()
        clock.advance(MINUTE)
        assert await ticks.tick() == [EVENT_JOB_SUBMITTED]
        clock.advance(MINUTE)
        assert await ticks.tick() == [EVENT_JOB_MAX_INSTANCES]
        dispatcher.finish.set()
        assert (await ticks.tick())[:1] == [EVENT_JOB_EXECUTED]
        clock.advance(MINUTE)
        assert await ticks.tick() == [EVENT_JOB_SUBMITTED, EVENT_JOB_EXECUTED]

    assert ticking(scenario, clock).runs == [start + MINUTE, start + 3 * MINUTE]


def test_job_events_carry_the_stable_job_id(clock: ManualClock) -> None:
    seen: list[str] = []

    async def scenario(ticks: Ticking, dispatcher: Dispatcher) -> None:
        ticks.scheduler.add_listener(
            lambda event: seen.append(event.job_id) if isinstance(event, JobEvent) else None,
            EVENT_JOB_SUBMITTED,
        )
        clock.advance(MINUTE)
        await ticks.tick()

    ticking(scenario, clock)
    assert seen == [DISPATCH_JOB_ID]
