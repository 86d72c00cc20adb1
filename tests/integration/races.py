"""Making two requests race: released together, and made to read before either writes."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import suppress
from threading import Barrier, BrokenBarrierError
from typing import Any, TypeVar

import pytest

T = TypeVar("T")
MEET_WITHIN = 1.0  # seconds a reader waits for another one


def at_once(calls: list[Callable[[], T]]) -> list[T]:
    """Run `calls` in threads released together; their results, in order."""
    start = Barrier(len(calls))

    def run(call: Callable[[], T]) -> T:
        start.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


def meet_after_reading(monkeypatch: pytest.MonkeyPatch, module: object, read: str) -> Barrier:
    """Each call of `module.read` waits (a while) after it read for another call to have read
    too: two requests racing then both read before either writes, unless they take turns (the
    second one waits for the first, whose reader goes on alone). A reader alone breaks the
    meeting for the readers after it: install it just before the race."""
    meet = Barrier(2, timeout=MEET_WITHIN)
    original = getattr(module, read)

    def read_then_meet(*args: Any, **kwargs: Any) -> Any:
        found = original(*args, **kwargs)
        with suppress(BrokenBarrierError):  # alone: the other one waits for this one
            meet.wait()
        return found

    monkeypatch.setattr(module, read, read_then_meet)
    return meet
