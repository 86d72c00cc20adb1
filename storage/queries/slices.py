"""Reads by a list of keys, however long: PostgreSQL takes at most 65,535 parameters a
statement, and a programme's thousands of pairs, members or sessions would be more."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

K = TypeVar("K", int, str)

IDS_PER_STATEMENT = 10_000
"""Keys one statement reads at most."""


def in_slices(keys: Iterable[K]) -> Iterator[list[K]]:
    """`keys` without repeats, in order, `IDS_PER_STATEMENT` at a time (none if empty): read
    slice after slice, the rows come in key order across slices too."""
    chosen = sorted(set(keys))
    for first in range(0, len(chosen), IDS_PER_STATEMENT):
        yield chosen[first : first + IDS_PER_STATEMENT]
