"""The collector of a long-running process, once settled: what start-up made is left out of
collections, and garbage made afterwards is still collected."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest

from app.collector import YOUNGEST, settle_after_start_up


class Node:
    """An object that can hold a reference cycle."""

    def __init__(self) -> None:
        self.other: Node | None = None


@pytest.fixture
def original() -> Iterator[tuple[int, int, int]]:
    """The collector's thresholds before the test, restored after it, nothing left frozen."""
    threshold = gc.get_threshold()
    try:
        yield threshold
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)


def test_what_start_up_made_is_left_out_of_collections(original: tuple[int, int, int]) -> None:
    made_at_start_up = Node()
    settle_after_start_up()
    assert gc.get_freeze_count() > 0
    assert not any(o is made_at_start_up for o in gc.get_objects())
    assert gc.get_threshold() == (YOUNGEST, *original[1:])


@pytest.mark.usefixtures("original")
def test_a_cycle_made_afterwards_is_still_collected_without_being_asked() -> None:
    settle_after_start_up()
    first, second = Node(), Node()
    first.other, second.other = second, first
    gone = weakref.ref(first)
    del first, second
    assert gone() is not None  # a cycle: only the collector frees it
    kept = [[] for _ in range(YOUNGEST * 3)]  # allocations, as a few batches of work make
    assert gone() is None
    del kept
