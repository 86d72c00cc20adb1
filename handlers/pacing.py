"""Pacing calls to a platform's API: one at a time per channel, about one a second with short
bursts, and none to what a 429 covers until its Retry-After has passed — whichever process on
the database received it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.kernel.clock import Clock
from bot.kernel.ports import DeliveryError

log = logging.getLogger(__name__)

PRUNE_ABOVE = 1024  # scopes remembered before idle ones are forgotten


class PauseBoard(Protocol):
    """Pauses shared with the other processes (replicas) on the same database."""

    def pause(self, scope: str, until: datetime, now: datetime) -> None: ...

    def until(self, scope: str, now: datetime) -> datetime | None: ...


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
    matter of the physical rate of calls only. With a `shared` board, a pause is also written
    there for the other processes, and a call waits for the pauses they wrote: the board is
    read just before each paced call; this process's own pauses are known without reading it.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        rate: float = 1.0,
        burst: int = 5,
        shared: PauseBoard | None = None,
    ) -> None:
        self.clock = clock
        self.rate = rate
        self.burst = burst
        self.shared = shared
        self._gates: dict[str, Gate] = {}
        self._paused: dict[str, datetime] = {}
        self._writes: set[asyncio.Task[None]] = set()

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
            await self._check_shared(scope)
            yield
        self._prune()

    async def _check_shared(self, scope: str) -> None:
        """A pause another process received holds here too (DeliveryError, as `check`)."""
        if self.shared is None:
            return
        until = await asyncio.to_thread(self.shared.until, scope, self.clock.now())
        if until is not None:
            self._paused[scope] = max(until, self._paused.get(scope, until))
            self.check(scope)

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
        """A 429 arrived now for `scope`: nothing goes there for `seconds`, from this process
        at once, from the others once the shared board has it (written in the background)."""
        now = self.clock.now()
        until = now + timedelta(seconds=seconds)
        self._paused[scope] = max(until, self._paused.get(scope, until))
        if self.shared is None:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called outside the event loop: write it now
            self.shared.pause(scope, until, now)
            return
        task = loop.create_task(asyncio.to_thread(self.shared.pause, scope, until, now))
        self._writes.add(task)
        task.add_done_callback(self._written)

    def _written(self, task: asyncio.Task[None]) -> None:
        self._writes.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("could not share a rate-limit pause", exc_info=task.exception())

    def _prune(self) -> None:
        """Forget idle scopes (their bucket full again, nobody waiting) once there are many."""
        if len(self._gates) <= PRUNE_ABOVE:
            return
        now, refill = time.monotonic(), self.burst / self.rate
        for scope, gate in list(self._gates.items()):
            if not gate.lock.locked() and now - gate.stamp > refill:
                del self._gates[scope]
        current = self.clock.now()
        for scope, until in list(self._paused.items()):
            if until <= current:
                del self._paused[scope]
