"""Moving a manual clock forward with the real dispatcher running as it would in production.

The production dispatcher runs every minute; a minute in which nothing falls due changes nothing
but planning, which is idempotent. So instead of 1,440 runs a day, the clock stops at every
minute in which a notification falls due, at every moment the caller asks for, and at least
once a day (so that pairs are extended and digests planned) — every minute while the planner
has pairs left to extend — and the dispatcher runs there.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.clock import ManualClock
from scheduler.dispatcher import Dispatcher
from storage.queries.notifications import next_due_after

MINUTE = timedelta(minutes=1)
DAY = timedelta(days=1)


def ceil_minute(instant: datetime) -> datetime:
    """The start of the first minute at or after `instant` (when the minute job would run)."""
    floor = instant.replace(second=0, microsecond=0)
    return floor if floor == instant else floor + MINUTE


async def advance(
    dispatcher: Dispatcher,
    clock: ManualClock,
    until: datetime,
    *,
    next_event: Callable[[], datetime | None] = lambda: None,
    on_stop: Callable[[datetime], Awaitable[None]] | None = None,
) -> Counter[str]:
    """Run the dispatcher at every stop up to `until`; `on_stop` acts first (people's actions)."""
    outcomes: Counter[str] = Counter()
    while True:
        now = clock.now()
        if on_stop is not None:
            await on_stop(now)
        outcomes.update(await dispatcher.run_once())
        if now >= until:
            return outcomes
        with dispatcher.core.db.session() as session:
            due = next_due_after(session=session, after=now)
        stops = [until, now + (MINUTE if dispatcher.planning_behind else DAY)]
        stops += [ceil_minute(t) for t in (due, next_event()) if t is not None and t > now]
        clock.set(min(stops))
