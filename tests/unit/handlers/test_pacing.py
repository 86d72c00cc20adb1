"""Pacing calls to a platform: a burst, then one a second; a 429 pauses only what it covers."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

import pytest

from bot.kernel.clock import ManualClock
from bot.kernel.ports import DeliveryError
from handlers.pacing import RESERVATION_KEPT, Gate, Pacer


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


class Board:
    """A shared board that records its takes, gives-back and pauses; `refuse` names scopes it finds
    busy elsewhere, and takes wait for `open` once it is cleared."""

    def __init__(self, *refuse: str) -> None:
        self.refuse = set(refuse)
        self.open = asyncio.Event()
        self.open.set()
        self.taken: list[str] = []
        self.given: list[str] = []
        self.paused: list[str] = []

    async def take(self, scope: str, now: datetime) -> datetime | None:
        await self.open.wait()
        self.taken.append(scope)
        if scope in self.refuse:
            self.refuse.discard(scope)
            return now + timedelta(seconds=1)
        return None

    async def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None:
        self.given.append(scope)

    def pause(self, scope: str, until: datetime, now: datetime) -> None:
        self.paused.append(scope)


CLAIRE, THOMAS = "chat.postMessage:UCLAIRE", "chat.postMessage:UTHOMAS"


def _reserved_then(pacer: Pacer, scopes: list[str], *calls: str) -> list[str]:
    """Reserve `scopes`, make `calls` one after the other, settle; what the calls returned."""

    async def run() -> list[str]:
        pacer.reserve(scopes)
        done = [await _call(pacer, scope) for scope in calls]
        await pacer.settle()
        return done

    return asyncio.run(asyncio.wait_for(run(), timeout=10))


def test_scopes_taken_ahead_are_called_without_a_take_and_the_unused_given_back(
    clock: ManualClock,
) -> None:
    board = Board()
    assert _reserved_then(Pacer(clock, shared=board), [CLAIRE, THOMAS, CLAIRE], CLAIRE) == [
        "called"
    ]
    assert board.taken == [CLAIRE, THOMAS]  # once each, ahead; the call took none
    assert sorted(board.given) == [CLAIRE, THOMAS]  # after its call; unused, by settle


def test_a_scope_refused_ahead_is_taken_by_its_call(clock: ManualClock) -> None:
    board = Board(CLAIRE)  # busy elsewhere when taken ahead, free when called
    assert _reserved_then(Pacer(clock, shared=board), [CLAIRE], CLAIRE) == ["called"]
    assert board.taken == [CLAIRE, CLAIRE] and board.given == [CLAIRE]


def test_a_scope_taken_ahead_too_long_ago_is_given_back_and_taken_again(
    clock: ManualClock,
) -> None:
    board = Board()
    pacer = Pacer(clock, shared=board)

    async def run() -> None:
        pacer.reserve([CLAIRE])
        await asyncio.sleep(0.01)
        clock.advance(RESERVATION_KEPT + timedelta(seconds=1))
        assert await _call(pacer, CLAIRE) == "called"
        await pacer.settle()

    asyncio.run(asyncio.wait_for(run(), timeout=10))
    assert board.taken == [CLAIRE, CLAIRE] and board.given == [CLAIRE, CLAIRE]


def test_a_call_waits_for_its_scope_being_taken_ahead_and_uses_it(clock: ManualClock) -> None:
    board = Board()
    board.open.clear()
    pacer = Pacer(clock, shared=board)

    async def run() -> None:
        pacer.reserve([CLAIRE])
        call = asyncio.create_task(_call(pacer, CLAIRE))
        await asyncio.sleep(0.05)
        assert not call.done() and board.taken == []
        board.open.set()
        assert await call == "called"
        await pacer.settle()

    asyncio.run(asyncio.wait_for(run(), timeout=10))
    assert board.taken == [CLAIRE] and board.given == [CLAIRE]


def test_a_scope_being_called_or_paused_here_is_not_taken_ahead(clock: ManualClock) -> None:
    board = Board()
    pacer = Pacer(clock, shared=board)
    pacer.pause(THOMAS, 30)  # a 429 this process received

    async def run() -> None:
        going = asyncio.Event()
        release = asyncio.Event()

        async def long_call() -> None:
            async with pacer.turn(CLAIRE):
                going.set()
                await release.wait()

        call = asyncio.create_task(long_call())
        await going.wait()
        pacer.reserve([CLAIRE, THOMAS])
        await asyncio.sleep(0.05)
        release.set()
        await call
        await pacer.settle()

    asyncio.run(asyncio.wait_for(run(), timeout=10))
    assert board.taken == [CLAIRE] and board.given == [CLAIRE] and board.paused == [THOMAS]
