"""APScheduler only ticks: one interval job runs the dispatcher every minute."""

from __future__ import annotations

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

from scheduler.dispatcher import Dispatcher

DISPATCH_JOB_ID = "mentorbot.dispatch"


def start_ticking(dispatcher: Dispatcher) -> AsyncIOScheduler:
    """Start a scheduler (memory job store) that runs the dispatcher every minute."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(
        dispatcher.run_once,
        IntervalTrigger(minutes=1),
        id=DISPATCH_JOB_ID,
        replace_existing=True,
        coalesce=True,
        max_instances=1,
        misfire_grace_time=30,
    )
    scheduler.start()
    return scheduler
