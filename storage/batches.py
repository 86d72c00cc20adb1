"""Blocking database work asked for by many coroutines at once, done together: the calls that
arrive while one batch runs in a worker thread go together in the next — one thread hop and
one transaction for them all, instead of one each."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class Gathered(Generic[T, R]):
    """`await gathered(item)` runs `run` (items → a result each, in order, in one transaction)
    in a thread, on the items that came while the previous batch ran; an exception of the
    batch goes to each of its callers. With `linger` (seconds), a batch waits that long for
    more items before it runs: for work nobody waits on, fewer and larger transactions."""

    def __init__(self, run: Callable[[list[T]], list[R]], *, linger: float = 0.0) -> None:
        self._run = run
        self._linger = linger
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._running: asyncio.Task[None] | None = None

    async def __call__(self, item: T) -> R:
        loop = asyncio.get_running_loop()
        done: asyncio.Future[R] = loop.create_future()
        running = self._running
        if running is None or running.done() or running.get_loop() is not loop:
            # Calls left behind by a closed loop are nobody's any more.
            self._waiting = [(i, f) for i, f in self._waiting if f.get_loop() is loop]
            self._waiting.append((item, done))
            self._running = loop.create_task(self._drain())
        else:
            self._waiting.append((item, done))
        return await done

    async def _drain(self) -> None:
        while self._waiting:
            if self._linger:
                await asyncio.sleep(self._linger)
            batch, self._waiting = self._waiting, []
            try:
                results = await asyncio.to_thread(self._run, [item for item, _ in batch])
            except Exception as error:
                for _, done in batch:
                    if not done.done():
                        done.set_exception(error)
                continue
            for (_, done), result in zip(batch, results, strict=True):
                if not done.done():
                    done.set_result(result)
