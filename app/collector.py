"""The garbage collector of a long-running process (`serve`, `socket`, `simulate`).

With CPython's defaults, a process that loads and composes rows by the thousand collects its
youngest objects every 700 allocations and, now and then, walks every object it holds — half a
million after start-up (SQLAlchemy, Bolt, Babel, the app), the event loop stopped meanwhile.
Timed with `gc.callbacks` in `bench/slack_bench.py`: about a tenth of the dispatcher's CPU.
"""

from __future__ import annotations

import gc

YOUNGEST = 10_000
"""Tracked objects allocated (net) before the youngest generation is collected (CPython: 700).
A batch of 64 notifications claimed and composed makes a few thousand; cycles among them are
still found, a few batches later."""


def settle_after_start_up() -> None:
    """Once started: collect what start-up left, then keep every object start-up made (modules,
    the app, its statements and caches) out of all later collections — they live as long as the
    process — and collect the youngest generation less often."""
    gc.collect()
    gc.freeze()
    _, middle, oldest = gc.get_threshold()
    gc.set_threshold(YOUNGEST, middle, oldest)
