"""Moving a manual clock forward with the real dispatcher running as it would in production.

The production dispatcher runs every minute; a minute in which nothing falls due changes nothing
but planning, which is idempotent. So instead of 1,440 runs a day, the clock stops at every
minute in which a notification falls due, at every moment the caller asks for, and at least
once a day (so that pairs are extended and digests planned) — every minute while the planner
has pairs left to extend — and the dispatcher runs there: sending at every stop, planning at
the first stop of each simulated hour.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from bot.kernel.clock import ManualClock
from scheduler.dispatcher import Dispatcher
from storage.queries.notifications import next_due_after

MINUTE = timedelta(minutes=1)
HOUR = timedelta(hours=1)
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
    planned: datetime | None = None
    while True:
        now = clock.now()
        if on_stop is not None:
            await on_stop(now)
        # Planning looks days ahead; once an hour of simulated time is enough, so that the
        # stops of a busy programme (a few thousand a week) only send what is due.
        plan = planned is None or now - planned >= HOUR or dispatcher.planning_behind
        outcomes.update(await dispatcher.run_once(plan=plan))
        planned = now if plan else planned
        if now >= until:
            return outcomes
        with dispatcher.core.db.session() as session:
            due = next_due_after(session=session, after=now)
        stops = [until, now + (MINUTE if dispatcher.planning_behind else DAY)]
        stops += [ceil_minute(t) for t in (due, next_event()) if t is not None and t > now]
        clock.set(min(stops))
