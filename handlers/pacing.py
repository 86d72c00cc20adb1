"""Pacing calls to a platform's API: one at a time per channel, about one a second with short
bursts, and none to what a 429 covers until its Retry-After has passed — whichever process on
the database received it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from bot.kernel.clock import Clock
from bot.kernel.ports import DeliveryError

log = logging.getLogger(__name__)

PRUNE_ABOVE = 1024  # scopes remembered before idle ones are forgotten
RESERVATION_KEPT = timedelta(seconds=5)
"""How long a scope taken ahead of its call serves a call: past that, the board may free it
(a dead process's scopes are free after 10 s), so the call takes it again."""


class PauseBoard(Protocol):
    """Scopes shared with the other processes (replicas) on the same database: `take` one
    before a call (None, or when to try again: it is paused or another process is calling
    it), `give_back` it after with the pause the call got; `pause` one called without taking
    it (blocking: called in a thread, or outside the event loop)."""

    async def take(self, scope: str, now: datetime) -> datetime | None: ...

    async def give_back(self, scope: str, paused_until: datetime | None, now: datetime) -> None: ...

    def pause(self, scope: str, until: datetime, now: datetime) -> None: ...


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
    matter of the physical rate of calls only. With a `shared` board, a paced call takes its
    scope there first and gives it back after, with its 429's pause if it got one: no two
    processes call a scope at once, and none calls it while another one's 429 holds. This
    process's own pauses hold at once, without reading the board. The scopes of calls to come
    can be taken ahead, together (`reserve`): their calls do not wait for the board.
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
        self._taken: set[str] = set()  # scopes taken on the shared board, their call going on
        self._reserving: dict[str, asyncio.Task[None]] = {}  # scopes being taken ahead
        self._reserved: dict[str, datetime] = {}  # scopes taken ahead, and when, for a call
        self._pruned = time.monotonic()

    @asynccontextmanager
    async def turn(self, scope: str) -> AsyncIterator[None]:
        """Wait for the scope's turn and pace; DeliveryError (with the time left) if paused.
        With a shared board, the scope is given back there after the call in the background
        (`settle` waits for it): the scope's next turn here waits for it, the caller does not."""
        gate = self._gate(scope)
        await gate.lock.acquire()
        handed_over = False
        try:
            self.check(scope)
            wait = gate.take(time.monotonic(), self.rate, self.burst)
            if wait:
                await asyncio.sleep(wait)
            if self.shared is None:
                yield
            else:
                if await self._reserved_for_call(scope, self.shared):
                    before = self._paused.get(scope)
                else:
                    before = await self._take(scope, self.shared)
                self._taken.add(scope)
                try:
                    yield
                finally:
                    self._taken.discard(scope)
                    after = self._paused.get(scope)
                    paused = after if after is not None and after != before else None
                    give_back = self._give_back(scope, paused, self.shared)
                    task = asyncio.get_running_loop().create_task(give_back)
                    # Released however the task ends, even cancelled before it began.
                    task.add_done_callback(lambda _: gate.lock.release())
                    self._track(task)
                    handed_over = True
        finally:
            if not handed_over:
                gate.lock.release()
        self._prune()

    def _gate(self, scope: str) -> Gate:
        gate = self._gates.get(scope)
        if gate is None:
            gate = self._gates[scope] = Gate(tokens=float(self.burst), stamp=time.monotonic())
        return gate

    def reserve(self, scopes: Iterable[str]) -> None:
        """Take the scopes of calls to come on the shared board, together and in the background:
        a call's turn waits for its scope's and calls without taking it. Left out: the scopes
        this process is calling, giving back or has paused (their calls take them in turn).
        What no call used is given back by `settle`."""
        if self.shared is None:
            return
        chosen = [
            scope
            for scope in dict.fromkeys(scopes)
            if scope not in self._reserving
            and scope not in self._reserved
            and scope not in self._paused
            and not (scope in self._gates and self._gates[scope].lock.locked())
        ]
        if chosen:
            task = asyncio.get_running_loop().create_task(self._take_ahead(chosen, self.shared))
            self._reserving |= dict.fromkeys(chosen, task)
            self._track(task)

    async def _take_ahead(self, scopes: list[str], shared: PauseBoard) -> None:
        """Take `scopes` for calls to come (the board's takes asked for at once go in one
        transaction); one refused or not written is taken by its call."""
        now = self.clock.now()
        try:
            answers = await asyncio.gather(
                *(shared.take(scope, now) for scope in scopes), return_exceptions=True
            )
            for scope, answer in zip(scopes, answers, strict=True):
                if answer is None:
                    self._reserved[scope] = now
                elif isinstance(answer, Exception):
                    log.warning("could not take scope %s ahead: %r", scope, answer)
        finally:
            for scope in scopes:
                self._reserving.pop(scope, None)

    async def _reserved_for_call(self, scope: str, shared: PauseBoard) -> bool:
        """Whether `scope` was taken ahead, for this call to use, once its take is written; not
        if taken too long ago (given back first: the call takes it again)."""
        if (taking := self._reserving.get(scope)) is not None:
            await asyncio.wait({taking})
        at = self._reserved.pop(scope, None)
        if at is None:
            return False
        if self.clock.now() - at > RESERVATION_KEPT:
            await self._give_back(scope, None, shared)
            return False
        return True

    async def _take(self, scope: str, shared: PauseBoard) -> datetime | None:
        """Take `scope` on the shared board for a call (DeliveryError if another process's 429
        pauses it or another process is calling it); this process's pause of it, if any."""
        now = self.clock.now()
        retry_at = await shared.take(scope, now)
        if retry_at is not None:
            left = (retry_at - now).total_seconds()
            raise DeliveryError(f"paused or busy elsewhere ({left:.1f}s left)", retry_after=left)
        return self._paused.get(scope)

    async def _give_back(self, scope: str, paused: datetime | None, shared: PauseBoard) -> None:
        """Give `scope` back on the shared board with the pause its call got."""
        try:
            await shared.give_back(scope, paused, self.clock.now())
        except Exception:
            # The call is over (it may have been sent: never retried for this); the scope
            # frees itself after CALL_HELD_FOR, and this process keeps the pause itself.
            log.exception("could not give back scope %s on the shared board", scope)

    async def settle(self) -> None:
        """Wait until what the calls so far write on the shared board (gives-back, pauses) is
        written, and give back the scopes taken ahead that no call used."""
        while self._writes or self._reserved:
            if self._writes:
                await asyncio.wait(set(self._writes))
            for scope in list(self._reserved):
                self._track(asyncio.get_running_loop().create_task(self._unreserve(scope)))

    async def _unreserve(self, scope: str) -> None:
        """Give back `scope`, taken ahead, if no call has used it meanwhile (in its turn)."""
        gate = self._gate(scope)
        async with gate.lock:
            if self.shared is not None and self._reserved.pop(scope, None) is not None:
                await self._give_back(scope, None, self.shared)

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
        at once, from the others once the shared board has it (given back with the scope
        after a paced call; written in the background after a call made without taking it)."""
        now = self.clock.now()
        until = now + timedelta(seconds=seconds)
        self._paused[scope] = max(until, self._paused.get(scope, until))
        if self.shared is None or scope in self._taken:
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # called outside the event loop: write it now
            self.shared.pause(scope, until, now)
            return
        self._track(loop.create_task(asyncio.to_thread(self.shared.pause, scope, until, now)))

    def _track(self, task: asyncio.Task[None]) -> None:
        self._writes.add(task)
        task.add_done_callback(self._written)

    def _written(self, task: asyncio.Task[None]) -> None:
        self._writes.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("could not share a rate-limit pause", exc_info=task.exception())

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
