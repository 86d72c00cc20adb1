"""Slack benchmarks, against the local fake Web API (tests/fakes), printing figures.

1. Ack latency of `/mentor` slash commands: signed HTTP requests to the served app, timed from
   send to HTTP answer (p50, p99).
2. Planning and dispatching 10,000 due reminders: 5,000 pairs created through the core, then
   one dispatcher run at the minute their reminders fall due, each sent to the fake over HTTP.

Run from the repository root:
    .venv/bin/python bench/slack_bench.py [--requests 300] [--pairs 5000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from datetime import time as wall_time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.clock import ManualClock
from bot.core import Core
from bot.pairs import create_pair
from bot.rhythm import Frequency, Rhythm
from handlers.pacing import Pacer
from handlers.slack.app import delivery_client
from handlers.slack.messenger import SlackMessenger
from scheduler.dispatcher import Dispatcher
from storage.db import Database, make_engine, migrate
from storage.queries.notifications import counts_by_status
from storage.queries.people import upsert_person
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import RunningBot

COMMANDS = ("help", "next", "pairs", "agenda", "dance")


def ack_latency(requests: int, workdir: Path) -> None:
    clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    with FakeSlack() as fake:
        for user in ("UMENTOR", "UMENTEE"):
            fake.add_user(user, name=user.lower(), tz="Europe/Paris", locale="fr-FR")
        bot = RunningBot(database_url=f"sqlite:///{workdir / 'ack.db'}", fake=fake, clock=clock)
        bot.start()
        try:
            bot.answer("UMENTOR", "pair <@UMENTOR> <@UMENTEE> weekly on thursday at 18:00")
            latencies = []
            for n in range(requests):
                started = time.perf_counter()
                response, _ = bot.command("UMENTEE", COMMANDS[n % len(COMMANDS)])
                latencies.append(time.perf_counter() - started)
                assert response.status_code == 200, response.text
            answered = lambda: sum(c.method.startswith("response_url:") for c in fake.calls())  # noqa: E731
            fake.wait_for(lambda: answered() >= requests + 1, timeout=120)
        finally:
            bot.stop()
    cuts = statistics.quantiles(latencies, n=100)
    print(f"slash-command ack, {requests} signed requests over HTTP:")
    p50, p99, worst = cuts[49] * 1000, cuts[98] * 1000, max(latencies) * 1000
    print(f"  p50 {p50:.1f} ms   p99 {p99:.1f} ms   max {worst:.1f} ms")


def reminders(pairs: int, workdir: Path) -> None:
    created = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
    clock = ManualClock(created)
    engine = make_engine(f"sqlite:///{workdir / 'reminders.db'}")
    migrate(engine)
    core = Core(db=Database(engine), clock=clock, admins=frozenset())
    rhythm = Rhythm(
        frequency=Frequency.WEEKLY,
        interval=1,
        weekday=3,
        local_time=wall_time(18, 0),
        duration_minutes=60,
        timezone="Europe/Paris",
        start=date(2026, 12, 3),
    )
    started = time.perf_counter()
    with core.db.session() as session:
        for n in range(pairs):
            mentor, mentee = (
                upsert_person(
                    session=session,
                    platform="slack",
                    external_id=f"U{role}{n:05d}",
                    name=f"{role}{n}",
                    timezone="Europe/Paris",
                    locale="en-GB",
                    now=created,
                )
                for role in ("MR", "ME")
            )
            create_pair(
                session=session,
                platform="slack",
                actor=mentor,
                mentor=mentor,
                mentee=mentee,
                rhythm=rhythm,
                now=created,
                agreed=True,
            )
    planned = time.perf_counter() - started
    with core.db.session() as session:
        rows = sum(counts_by_status(session=session).values())
    print(f"planning {pairs} pairs (sessions and notifications for 6 weeks, {rows} rows):")
    print(f"  {planned:.1f} s")

    with FakeSlack() as fake:
        for n in range(pairs):
            for role in ("MR", "ME"):
                fake.add_user(f"U{role}{n:05d}", name=f"{role}{n}")
        dispatcher = Dispatcher(
            core,
            {"slack": SlackMessenger(delivery_client("xoxb-bench", fake.base_url), Pacer(clock))},
        )
        clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
        started = time.perf_counter()
        outcomes = asyncio.run(dispatcher.run_once())
        elapsed = time.perf_counter() - started
        posted = len(fake.calls("chat.postMessage"))
    print(f"dispatching the due minute ({dict(outcomes)}; {posted} chat.postMessage to the fake):")
    print(f"  {elapsed:.1f} s, {outcomes['sent'] / elapsed:.0f} messages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--pairs", type=int, default=5000, help="two reminders per pair")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as workdir:
        ack_latency(args.requests, Path(workdir))
        reminders(args.pairs, Path(workdir))


if __name__ == "__main__":
    main()
