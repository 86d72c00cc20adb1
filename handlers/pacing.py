"""Pacing calls to a platform's API: one at a time per channel, about one a second with short
bursts, and none to what a 429 covers until its Retry-After has passed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.kernel.clock import Clock
from bot.kernel.ports import DeliveryError

PRUNE_ABOVE = 1024  # scopes remembered before idle ones are forgotten


@dataclass
class Gate:
    """A scope's turn (one call at a time) and its token bucket."""

    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    tokens: float = 0.0
    stamp: float = 0.0

    def take(self, now: float, rate: float, burst: int) -> float:
        """Spend a token; how long to wait before calling (0 if one was there)."""
        self.tokens = min(float(burst), self.tokens + (now - self.stamp) * rate) - 1
        self.stamp = now
        return max(0.0, -self.tokens / rate)


class Pacer:
    """Per scope (a method and a channel, say): calls in turn, at `rate` per second with bursts
    of `burst`; paused from the moment a 429 arrives for as long as its Retry-After says.

    Pauses are instants of the injected clock (what is due when); the pace is real time, a
    matter of the physical rate of calls only.
    """

    def __init__(self, clock: Clock, *, rate: float = 1.0, burst: int = 5) -> None:
        self.clock = clock
        self.rate = rate
        self.burst = burst
        self._gates: dict[str, Gate] = {}
        self._paused: dict[str, datetime] = {}
        self._pruned = time.monotonic()

    @asynccontextmanager
    async def turn(self, scope: str) -> AsyncIterator[None]:
        """Wait for the scope's turn and pace; DeliveryError (with the time left) if paused."""
        gate = self._gates.get(scope)
        if gate is None:
            gate = self._gates[scope] = Gate(tokens=float(self.burst), stamp=time.monotonic())
        async with gate.lock:
            self.check(scope)
            wait = gate.take(time.monotonic(), self.rate, self.burst)
            if wait:
                await asyncio.sleep(wait)
            yield
        self._prune()

    def check(self, scope: str) -> None:
        """Raise DeliveryError (rate limited, with the seconds left) if `scope` is paused."""
        until = self._paused.get(scope)
        if until is None:
            return
        left = (until - self.clock.now()).total_seconds()
        if left > 0:
            raise DeliveryError(f"paused by a 429 ({left:.1f}s left)", retry_after=left)
        del self._paused[scope]

    def pause(self, scope: str, seconds: float) -> None:
        """A 429 arrived now for `scope`: nothing goes there for `seconds`."""
        until = self.clock.now() + timedelta(seconds=seconds)
        self._paused[scope] = max(until, self._paused.get(scope, until))

    def _prune(self) -> None:
        """Forget idle scopes (their bucket full again, nobody waiting) once there are many; at
        most once per refill time, so that sending to many channels stays linear."""
        now, refill = time.monotonic(), self.burst / self.rate
        if len(self._gates) <= PRUNE_ABOVE or now - self._pruned < refill:
            return
        self._pruned = now
        for scope, gate in list(self._gates.items()):
            if not gate.lock.locked() and now - gate.stamp > refill:
                del self._gates[scope]
        current = self.clock.now()
        for scope, until in list(self._paused.items()):
            if until <= current:
                del self._paused[scope]
