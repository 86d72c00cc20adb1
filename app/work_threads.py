"""The threads a serving process (`serve`, `socket`) hands its blocking work to.

Every thread hop (`asyncio.to_thread`: a command's session, a claim, a batch of outcomes) goes
to the event loop's default executor, which asyncio sizes by the cores (six threads on two).
The work is Python under one interpreter lock, so threads beyond a couple add no throughput;
they only make the event loop wait longer for the lock, and its acks with it. Measured with
`bench/slack_bench.py --only acks --db postgresql` (README): with six threads the loop fell
behind in bursts of one to twelve seconds, during which acks took 60–550 ms; with two, none.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

WORK_THREADS = 2
"""Two: one thread's work goes on while the other waits for the database."""


def use_work_threads() -> None:
    """Have the running loop's thread hops share WORK_THREADS threads (call it first)."""
    asyncio.get_running_loop().set_default_executor(
        ThreadPoolExecutor(max_workers=WORK_THREADS, thread_name_prefix="mentorbot-work")
    )
