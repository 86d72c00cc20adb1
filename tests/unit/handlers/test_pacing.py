"""Pacing calls to a platform: a burst, then one a second; a 429 pauses only what it covers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from bot.kernel.clock import ManualClock
from bot.kernel.ports import DeliveryError
from handlers.pacing import Gate, Pacer


def test_a_burst_goes_at_once_then_one_call_a_second() -> None:
    gate = Gate(tokens=3.0, stamp=100.0)
    waits = [gate.take(100.0, rate=1.0, burst=3) for _ in range(5)]
    assert waits == [0.0, 0.0, 0.0, 1.0, 2.0]
    # Ten seconds of quiet refill the burst, not more.
    assert [gate.take(110.0, rate=1.0, burst=3) for _ in range(4)] == [0.0, 0.0, 0.0, 1.0]


def test_a_429_pauses_its_scope_from_its_arrival_for_its_retry_after(clock: ManualClock) -> None:
    pacer = Pacer(clock)
    pacer.pause("chat.postMessage:UCLAIRE", 30)
    with pytest.raises(DeliveryError) as paused:
        pacer.check("chat.postMessage:UCLAIRE")
    assert paused.value.retry_after == 30 and not paused.value.counts
    pacer.check("chat.postMessage:UTHOMAS")  # another channel goes on
    clock.advance(timedelta(seconds=29))
    with pytest.raises(DeliveryError) as still:
        asyncio.run(_call(pacer, "chat.postMessage:UCLAIRE"))
    assert still.value.retry_after == 1
    clock.advance(timedelta(seconds=1))
    assert asyncio.run(_call(pacer, "chat.postMessage:UCLAIRE")) == "called"


async def _call(pacer: Pacer, scope: str) -> str:
    async with pacer.turn(scope):
        return "called"


class HeldBoard:
    """A shared board whose gives-back wait until `release` is set."""

    def __init__(self) -> None:
        self.release = asyncio.Event()
        self.taken: list[str] = []
        self.given: list[str] = []

    async def take(self, scope: str, now: datetime) -> datetime | None:
        self.taken.append(scope)
        return None

    async def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None:
        await self.release.wait()
        self.given.append(scope)

    def pause(self, scope: str, until: datetime, now: datetime) -> None:
        raise AssertionError("no call here is paused")


def test_a_call_ends_before_its_scope_is_given_back_and_the_next_turn_waits_for_it(
    clock: ManualClock,
) -> None:
    board = HeldBoard()
    pacer = Pacer(clock, shared=board)
    claire, thomas = "chat.postMessage:UCLAIRE", "chat.postMessage:UTHOMAS"

    async def calls() -> tuple[list[str], list[str]]:
        assert await _call(pacer, claire) == "called"  # its give-back still waits
        again = asyncio.create_task(_call(pacer, claire))
        assert await _call(pacer, thomas) == "called"  # another scope is not held up
        await asyncio.sleep(0.05)
        assert not again.done() and board.taken == [claire, thomas] and board.given == []
        board.release.set()
        assert await again == "called"
        await pacer.settle()
        return board.taken, board.given

    taken, given = asyncio.run(asyncio.wait_for(calls(), timeout=10))
    assert taken == [claire, thomas, claire]
    assert sorted(given) == [claire, claire, thomas]


def test_a_give_back_cut_short_when_the_loop_closes_still_ends_the_turn(
    clock: ManualClock,
) -> None:
    pacer = Pacer(clock, shared=HeldBoard())
    first = asyncio.wait_for(_call(pacer, "chat.postMessage:UCLAIRE"), timeout=5)
    assert asyncio.run(first) == "called"
    # The give-back was cancelled with its loop; the scope's next turn is not stuck.
    again = asyncio.wait_for(_call(pacer, "chat.postMessage:UCLAIRE"), timeout=5)
    assert asyncio.run(again) == "called"
