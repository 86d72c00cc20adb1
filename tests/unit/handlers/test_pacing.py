"""Pacing calls to a platform: a burst, then one a second; a 429 pauses only what it covers."""

from __future__ import annotations

import asyncio
from datetime import timedelta

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
