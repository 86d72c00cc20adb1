"""Database work asked for by many coroutines at once is done together, in arrival order."""

from __future__ import annotations

import asyncio
import threading

import pytest

from storage.batches import Gathered


class Doubler:
    """Doubles numbers a batch at a time; the first batch waits until told to go on."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.go = threading.Event()

    def __call__(self, items: list[int]) -> list[int]:
        self.go.wait(timeout=10)
        self.batches.append(items)
        if -1 in items:
            raise ValueError("a bad batch")
        return [2 * item for item in items]


def test_calls_that_come_while_a_batch_runs_go_together_in_the_next() -> None:
    doubler = Doubler()
    gathered: Gathered[int, int] = Gathered(doubler)

    async def many() -> list[int]:
        first = asyncio.create_task(gathered(0))
        await asyncio.sleep(0.05)  # the first batch is running, held
        rest = [asyncio.create_task(gathered(n)) for n in range(1, 30)]
        await asyncio.sleep(0.05)
        doubler.go.set()
        return [await first, *await asyncio.gather(*rest)]

    assert asyncio.run(many()) == [2 * n for n in range(30)]
    assert doubler.batches == [[0], list(range(1, 30))]


def test_a_batch_that_fails_fails_its_callers_only() -> None:
    doubler = Doubler()
    doubler.go.set()
    gathered: Gathered[int, int] = Gathered(doubler)

    async def bad_then_good() -> int:
        with pytest.raises(ValueError, match="a bad batch"):
            await gathered(-1)
        return await gathered(4)

    assert asyncio.run(bad_then_good()) == 8
    # A later event loop (a restart of the loop, tests) is served too.
    assert asyncio.run(gathered(5)) == 10


def test_a_lingering_batch_waits_for_the_items_that_come_meanwhile() -> None:
    batches: list[list[int]] = []

    def record(items: list[int]) -> list[int]:
        batches.append(items)
        return items

    async def two(gathered: Gathered[int, int]) -> list[int]:
        first = asyncio.create_task(gathered(1))
        await asyncio.sleep(0.05)
        second = asyncio.create_task(gathered(2))
        return list(await asyncio.gather(first, second))

    assert asyncio.run(two(Gathered(record, linger=0.5))) == [1, 2]
    assert batches == [[1, 2]]
    batches.clear()
    assert asyncio.run(two(Gathered(record))) == [1, 2]
    assert batches == [[1], [2]]
