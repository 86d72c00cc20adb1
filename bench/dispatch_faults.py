"""Dispatch under faults, with real `mentorbot serve` processes and a FakeSlack over HTTP.

1. kill -9 during a large dispatch, restarted after a delay, several times (SQLite or PostgreSQL):
   messages lost, duplicated, and the window between Slack's answer and the recorded outcome.
2. Two replicas on one PostgreSQL database, one killed mid-dispatch: messages lost.
3. Two replicas starting together on a programme not yet planned: both still serving?
4. A 429 storm with Retry-After and 20 % of 5xx: calls inside a Retry-After window, messages
   failed, delivered twice.

Run from the repository root (PostgreSQL parts need --postgres URL of a server):
    .venv/bin/python bench/dispatch_faults.py [--pairs 300] [--kills 5] [--restart-after 20]
        [--postgres postgresql://postgres@127.0.0.1:5432/postgres]
"""

from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import UTC
from pathlib import Path

from sqlalchemy import select

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.databases import postgres_database
from storage.db import Database, make_engine
from storage.models import Notification
from storage.queries.notifications import SENT
from tests.fakes.slack_api import FakeSlack
from tests.fault.harness import (
    Programme,
    Serve,
    fake_for,
    seed_programme,
    sent_count,
    settle,
    statuses,
    tally,
    wait_until,
)

LEASE = "5"  # seconds: short, so that a takeover shows within the run


def record_window(programme: Programme, fake: FakeSlack) -> list[float]:
    """Seconds from Slack's answer to the commit of the row's `sent` outcome, per message."""
    answered = {
        f"{c.response['channel']}/{c.response['ts']}": c.time
        for c in fake.calls("chat.postMessage")
        if c.response.get("ok")
    }
    engine = make_engine(programme.database_url)
    with Database(engine).session() as session:
        rows = session.execute(
            select(Notification.outcome, Notification.sent_at).where(Notification.status == SENT)
        ).all()
    engine.dispose()
    return [
        (sent_at.astimezone(UTC).timestamp() - answered[ref])
        for ref, sent_at in rows
        if ref in answered
    ]


def duplicates_at_kills(programme: Programme, fake: FakeSlack, killed: list[float]) -> list[float]:
    """For each message delivered twice, the seconds from Slack's first answer to it to the
    kill that came next: positive, answered before the kill (sent, its outcome not yet
    committed); negative, answered after it (the request was in flight at the kill); inf, no
    kill came after it (a duplicate no kill explains)."""
    owed = Counter(programme.people)
    answers: dict[str, list[float]] = {}
    for call in fake.calls("chat.postMessage"):
        if call.response.get("ok"):
            answers.setdefault(fake.reader_of(str(call.response["channel"])), []).append(call.time)
    offsets = []
    for reader, times in answers.items():
        for first in sorted(times)[: max(0, len(times) - owed[reader])]:
            # A request the fake held at a kill is answered after it, within its latency.
            following = [k for k in killed if k > first - 1]
            offsets.append(min(following) - first if following else math.inf)
    return offsets


def kills(database_url: str, workdir: Path, args: argparse.Namespace, label: str) -> None:
    programme = seed_programme(database_url, pairs=args.pairs)
    rng = random.Random(args.seed)
    with fake_for(programme) as fake:
        fake.latency = 0.02
        log = workdir / f"kills-{label}.log"
        serve = Serve(programme, fake, log, MENTORBOT_LEASE_SECONDS=LEASE).start()
        killed: list[float] = []
        for _ in range(args.kills):
            # Kill at a random moment of the dispatch still to come.
            target = sent_count(fake) + rng.randint(5, max(6, programme.due // (args.kills + 2)))
            wait_until(lambda: sent_count(fake) >= target, timeout=60, step=0.005)  # noqa: B023
            killed.append(time.time())
            serve.kill()
            time.sleep(args.restart_after)
            serve = Serve(programme, fake, log, MENTORBOT_LEASE_SECONDS=LEASE).start()
        settled = settle(programme, fake, timeout=args.settle)
        result = tally(programme, fake)
        window = record_window(programme, fake)
        twice = duplicates_at_kills(programme, fake, killed)
        serve.stop()
    print(
        f"kill -9 ×{args.kills} during {programme.due} due reminders ({label}), restart after "
        f"{args.restart_after:g} s:"
    )
    state = "settled" if settled else f"NOT settled after {args.settle:g} s"
    print(
        f"  lost {result.lost} of {programme.due}, delivered twice {result.duplicates}; "
        f"{state}; rows {statuses(database_url)}"
    )
    if twice:
        before = [offset for offset in twice if 0 <= offset < math.inf]
        unexplained = sum(1 for offset in twice if offset == math.inf)
        print(
            f"  delivered twice: {len(before)} answered by Slack before a kill (at most "
            f"{max(before, default=0) * 1000:.1f} ms before it: sent, outcome not yet committed), "
            f"{sum(1 for offset in twice if offset < 0)} answered after it (in flight), "
            f"{unexplained} with no kill after them"
        )
    if window:
        cuts = statistics.quantiles(window, n=100)
        print(
            f"  send→recorded window: p50 {cuts[49] * 1000:.1f} ms, p99 {cuts[98] * 1000:.1f} ms, "
            f"max {max(window) * 1000:.1f} ms"
        )


def replica_dies(database_url: str, workdir: Path, args: argparse.Namespace) -> None:
    programme = seed_programme(database_url, pairs=args.pairs)
    with fake_for(programme) as fake:
        fake.latency = 0.02
        log = workdir / "replicas.log"
        first = Serve(programme, fake, log, MENTORBOT_LEASE_SECONDS=LEASE).start()
        second = Serve(programme, fake, log, MENTORBOT_LEASE_SECONDS=LEASE).start()
        wait_until(lambda: sent_count(fake) >= programme.due // 4, timeout=60, step=0.005)
        first.kill()
        settled = settle(programme, fake, timeout=args.settle)
        result = tally(programme, fake)
        second.stop()
    print(f"two replicas on PostgreSQL, one killed during {programme.due} due reminders:")
    print(
        f"  lost {result.lost}, delivered twice {result.duplicates}; "
        f"{'settled' if settled else f'NOT settled after {args.settle:g} s'}"
    )


def start_together(database_url: str, workdir: Path, args: argparse.Namespace) -> None:
    programme = seed_programme(database_url, pairs=args.pairs // 2, unplanned=args.pairs // 2)
    with fake_for(programme) as fake:
        log = workdir / "together.log"
        replicas = [Serve(programme, fake, log).start() for _ in range(2)]
        wait_until(lambda: all(r.health() is not None for r in replicas), timeout=60, step=0.2)
        time.sleep(2)
        alive = [r.alive for r in replicas]
        for replica in replicas:
            if replica.alive:
                replica.stop()
    print(f"two replicas starting together, {args.pairs // 2} pairs to plan (PostgreSQL):")
    print(f"  {sum(alive)} of 2 serving")


def storm(database_url: str, workdir: Path, args: argparse.Namespace) -> None:
    programme = seed_programme(database_url, pairs=args.storm_pairs)
    with fake_for(programme) as fake:
        fake.storm("chat.postMessage", seconds=args.storm, retry_after=1)
        fake.fail_randomly(0.2, seed=args.seed)
        serve = Serve(programme, fake, workdir / "storm.log", MENTORBOT_LEASE_SECONDS=LEASE)
        serve.start()
        settled = settle(programme, fake, timeout=args.storm + args.settle)
        inside = fake.calls_inside_windows()
        result = tally(programme, fake)
        posts = len(fake.calls("chat.postMessage"))
        serve.stop()
    counts = statuses(database_url)
    print(
        f"a {args.storm:g} s storm of 429 (Retry-After 1 s per channel) and 20 % 5xx, "
        f"{programme.due} due reminders:"
    )
    print(
        f"  {len(inside)} calls inside a Retry-After window (of {posts} chat.postMessage); "
        f"failed {counts.get('failed', 0)}, lost {result.lost}, delivered twice "
        f"{result.duplicates}; {'settled' if settled else 'NOT settled'}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=300, help="two reminders per pair")
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--restart-after", type=float, default=20)
    parser.add_argument("--settle", type=float, default=60, help="seconds to wait for the rest")
    parser.add_argument("--storm", type=float, default=30, help="seconds of 429 storm")
    parser.add_argument("--storm-pairs", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--postgres", help="a PostgreSQL server URL (parts 1–3 on PostgreSQL)")
    parser.add_argument("--only", choices=("kills", "replicas", "together", "storm"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        if args.only in (None, "kills"):
            kills(f"sqlite:///{workdir / 'kills.db'}", workdir, args, "SQLite")
            if args.postgres:
                with postgres_database(args.postgres) as url:
                    kills(url, workdir, args, "PostgreSQL")
        if args.postgres and args.only in (None, "replicas"):
            with postgres_database(args.postgres) as url:
                replica_dies(url, workdir, args)
        if args.postgres and args.only in (None, "together"):
            with postgres_database(args.postgres) as url:
                start_together(url, workdir, args)
        if args.only in (None, "storm"):
            storm(f"sqlite:///{workdir / 'storm.db'}", workdir, args)


if __name__ == "__main__":
    main()
