"""Planner ticks at scale: time per tick and memory, on SQLite and PostgreSQL, printing figures.

A programme of --pairs active pairs (bench/population.py) is written into a fresh database; then
each figure is measured in a fresh child process, as `mentorbot serve` would run it:

1. the steady tick: one dispatcher run (pauses, planned ends, trial questions, planning, the
   claim) at a minute when nothing is due; the floor beside it is one `SELECT count(*)` of the
   pairs on the same database, the least a tick could cost; then the hourly tick, which also
   looks for stalled pairs and silent members, hour after hour on a quiet morning;
2. a cohort re-extending: --cohort pairs whose plan runs short at once, ticked minute after
   minute until every one is extended (the slowest tick, and how many ticks it took);
3. memory: the peak RSS of the process that ran the ticks, beside the same process that only
   connected and loaded the code (the baseline);
4. the weekly digest of a channel over every pair: the time to compose it and the peak RSS of
   the process that did; then a dispatcher run that claims it with 63 reminders due at the
   same minute: when the last of those reminders went, and when the digest did.

Run from the repository root (PostgreSQL: a server on 127.0.0.1:5432 with trust auth; a
throwaway database is created and dropped):
    .venv/bin/python bench/scale_bench.py [--pairs 100000] [--cohort 10000] [--db sqlite postgresql]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text

from bench.databases import KINDS, database
from bench.population import NOW, populate
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.notices import compose
from bot.pairs.stalled import CHECK_EVERY
from bot.planning.notice_kinds import DIGEST
from bot.planning.planner import EXTEND_BEFORE, HORIZON, PAIRS_PER_RUN, digest_recipient
from scheduler.dispatcher import Dispatcher
from storage.db import Database, make_engine, migrate
from storage.models import DigestSubscription, Notification

TARGET_TICK_MS = 200
TARGET_RSS_MB = 200


def rss_mb() -> float:
    """This process's peak resident memory so far (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(url: str, mode: str, ticks: int, cohort: int) -> dict:
    """In a fresh process: connect, then tick as `mode` says; times in ms, peak RSS in MB."""
    engine = make_engine(url)
    clock = ManualClock(NOW)
    dispatcher = Dispatcher(Core(db=Database(engine), clock=clock), {})
    with engine.connect() as connection:  # connect and load the code, like a started process
        connection.execute(text("SELECT 1"))
    result: dict = {"idle_rss": rss_mb()}
    if mode == "floor":
        times = []
        for _ in range(ticks):
            started = time.perf_counter()
            with engine.connect() as connection:
                connection.execute(text("SELECT count(*) FROM pair")).scalar()
            times.append((time.perf_counter() - started) * 1000)
        return {**result, "times": times}
    if mode == "digest":
        return {**result, **compose_digest(engine), **send_with_digest(engine)}
    if mode == "cohort":
        short = NOW + HORIZON - timedelta(days=8)
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE pair SET planned_until = :short WHERE id <= :cohort"),
                {"short": short, "cohort": cohort},
            )
    times, errors = [], []
    for _ in range(ticks):
        started = time.perf_counter()
        try:
            asyncio.run(dispatcher.run_once())
        except Exception as error:  # the figure to report is the failure itself
            errors.append(f"{type(error).__name__}: {str(error).splitlines()[0]}")
            break
        times.append((time.perf_counter() - started) * 1000)
        clock.advance(CHECK_EVERY if mode == "hourly" else timedelta(minutes=1))
        if mode == "cohort" and not waiting(engine, clock.now() + HORIZON - EXTEND_BEFORE):
            break
    left = waiting(engine, clock.now() + HORIZON - EXTEND_BEFORE) if mode == "cohort" else 0
    return {**result, "times": times, "errors": errors, "rss": rss_mb(), "left": left}


def compose_digest(engine) -> dict:
    """Subscribe a channel of the programme's workspace, then compose its digest once."""
    subscription = DigestSubscription(
        platform="slack", channel_id="CLEADS", timezone="Europe/Paris", created_by_id=1,
        created_at=NOW,
    )  # fmt: skip
    row = Notification(
        kind=DIGEST,
        recipient=digest_recipient(subscription).key,
        subject="digest:bench",
        due_at=NOW,
        created_at=NOW,
    )
    with Database(engine).session() as session:
        session.add(subscription)
        session.add(row.model_copy())  # due now, for `send_with_digest`
        session.commit()
        started = time.perf_counter()
        try:
            compose(session, row, NOW)
        except Exception as error:  # the figure to report is the failure itself
            return {"errors": [f"{type(error).__name__}: {str(error).splitlines()[0]}"]}
        took = (time.perf_counter() - started) * 1000
    return {"times": [took], "errors": [], "rss": rss_mb()}


class Stopwatch:
    """A messenger that notes when each message went, in seconds since `started`."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.went: dict[str, list[float]] = {"dm": [], "channel": []}

    def reserve(self, targets) -> None:
        """Nothing is paced here."""

    async def settle(self) -> None:
        """Nothing of a send is left to write once it returns."""

    async def send(self, target, message) -> str:
        self.went[target.kind].append(time.perf_counter() - self.started)
        return "sent"


def send_with_digest(engine) -> dict:
    """The digest row (due now, written by `compose_digest`) claimed in one batch with 63
    reminders made due now: a dispatcher run to a stopwatch."""
    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE notification SET due_at = :now WHERE id IN (SELECT id FROM notification"
                " WHERE kind = 'reminder' AND status = 'pending' ORDER BY id LIMIT 63)"
            ),
            {"now": NOW},
        )
    stopwatch = Stopwatch()
    dispatcher = Dispatcher(Core(db=Database(engine), clock=ManualClock(NOW)), {"slack": stopwatch})
    counts = asyncio.run(dispatcher.run_once(plan=False))
    return {
        "counts": dict(counts),
        "reminders_went": max(stopwatch.went["dm"], default=0.0),
        "digest_went": max(stopwatch.went["channel"], default=0.0),
    }


def waiting(engine, horizon) -> int:
    """Active pairs still planned short of `horizon`."""
    with engine.connect() as connection:
        return connection.execute(
            text("SELECT count(*) FROM pair WHERE status = 'active' AND planned_until < :h"),
            {"h": horizon},
        ).scalar_one()


def run_child(url: str, mode: str, ticks: int, cohort: int) -> dict:
    command = [sys.executable, __file__, "--child", mode, url, str(ticks), str(cohort)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        return {"times": [], "errors": [done.stderr.strip().splitlines()[-1]], "rss": 0}
    return json.loads(done.stdout.strip().splitlines()[-1])


def ms(values: list[float]) -> str:
    return f"{statistics.median(values):.0f} ms" if values else "-"


def measure(kind: str, pairs: int, cohort: int, ticks: int) -> None:
    with tempfile.TemporaryDirectory() as workdir, database(kind, Path(workdir)) as url:
        engine = make_engine(url)
        migrate(engine)
        started = time.perf_counter()
        populate(engine, pairs=pairs)
        engine.dispose()
        print(f"{kind}: {pairs} active pairs written in {time.perf_counter() - started:.0f} s")
        floor = run_child(url, "floor", ticks, 0)
        steady = run_child(url, "steady", ticks, 0)
        if steady["errors"]:
            print(f"  steady tick: FAILS: {steady['errors'][0]}")
        else:
            first, rest = steady["times"][0], steady["times"][1:] or steady["times"]
            print(
                f"  steady tick: first {first:.0f} ms, then median {ms(rest)}"
                f"   (floor, count(*) of the pairs: {ms(floor['times'])};"
                f" target < {TARGET_TICK_MS} ms)"
            )
        hourly = run_child(url, "hourly", ticks + 2, 0)
        if hourly["errors"]:
            print(f"  hourly tick: FAILS: {hourly['errors'][0]}")
        else:
            cohort_hour, rest = hourly["times"][1], hourly["times"][2:]
            print(
                f"  hourly tick (stalled pairs, silent members): median {ms(rest)}, slowest"
                f" {max(rest):.0f} ms; {cohort_hour:.0f} ms the first hour after start-up, when"
                f" the 21 days of every pair, all started at the same instant, run out"
            )
        print(
            f"  peak RSS of the ticking process: {steady['rss']:.0f} MB"
            f"   (the same process before its first tick: {steady['idle_rss']:.0f} MB;"
            f" target < {TARGET_RSS_MB} MB)"
        )
        wave = run_child(url, "cohort", cohort // PAIRS_PER_RUN + 5, cohort)
        if wave["errors"]:
            print(f"  cohort of {cohort} re-extending: FAILS: {wave['errors'][0]}")
        else:
            print(
                f"  cohort of {cohort} re-extending: slowest tick {max(wave['times']):.0f} ms,"
                f" median {ms(wave['times'])}, {len(wave['times'])} ticks,"
                f" {wave['left']} pairs left short; peak RSS {wave['rss']:.0f} MB"
            )
        digest = run_child(url, "digest", 1, 0)
        if digest["errors"]:
            print(f"  digest of {pairs} pairs: FAILS: {digest['errors'][0]}")
        else:
            print(
                f"  digest of {pairs} pairs: composed in {digest['times'][0]:.0f} ms,"
                f" peak RSS {digest['rss']:.0f} MB (before: {digest['idle_rss']:.0f} MB)"
            )
            print(
                f"  claimed with 63 reminders ({digest['counts']}): the reminders went within"
                f" {digest['reminders_went']:.2f} s, the digest after {digest['digest_went']:.2f} s"
            )


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        mode, url, ticks, cohort = sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
        print(json.dumps(child(url, mode, ticks, cohort)))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=100_000)
    parser.add_argument("--cohort", type=int, default=10_000)
    parser.add_argument("--ticks", type=int, default=5, help="steady ticks timed")
    parser.add_argument("--db", nargs="+", choices=KINDS, default=list(KINDS))
    args = parser.parse_args()
    for kind in args.db:
        measure(kind, args.pairs, args.cohort, args.ticks)


if __name__ == "__main__":
    main()
