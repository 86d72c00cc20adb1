"""Bad input at the served app, black-box: fuzzed requests and racing first contacts.

1. `--requests` generated requests (tests/fakes/slack_fuzz.py: any body, header or payload
   shape, signed or not) sent by `--concurrency` clients to `POST /slack/events` of the app
   served by uvicorn on a loopback port, its Web API calls going to the fake Slack. Prints how
   many were answered 5xx, how many after 3 s, and how many badly signed ones got anything but
   401.
2. `--first-contacts` new people each send `/mentor pair` naming the same new mentor, all at
   once. Prints how many commands were acknowledged and how many were answered.

Run from the repository root:
    .venv/bin/python bench/fuzz_requests.py [--requests 1000] [--concurrency 8]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx
from hypothesis import HealthCheck, Phase, given, settings

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_fuzz import FuzzRequest, requests
from tests.integration.harness import SIGNING_SECRET, RunningBot

PEOPLE = ["UCLAIRE", "UTHOMAS", "UADMIN"]
SLOW = 3.0


@dataclass(frozen=True)
class Outcome:
    kind: str
    signed: bool
    status: int  # 0: no answer at all (connection dropped, client timeout)
    seconds: float


def send(http: httpx.Client, request: FuzzRequest) -> Outcome:
    started = time.perf_counter()
    try:
        status = http.post(
            "/slack/events", content=request.body, headers=request.http_headers()
        ).status_code
    except httpx.HTTPError:
        status = 0
    return Outcome(request.kind, request.signed, status, time.perf_counter() - started)


def fuzz(bot: RunningBot, fake: FakeSlack, count: int, concurrency: int) -> list[Outcome]:
    """Generate and send `count` requests, at most `concurrency` at a time."""
    outcomes: list[Outcome] = []
    slots = threading.BoundedSemaphore(concurrency)
    http = httpx.Client(base_url=bot.url, timeout=30, limits=httpx.Limits(max_connections=64))
    strategy = requests(secret=SIGNING_SECRET, people=PEOPLE, response_url=fake.response_url("f"))

    def run(request: FuzzRequest) -> None:
        try:
            outcomes.append(send(http, request))
        finally:
            slots.release()

    with ThreadPoolExecutor(concurrency) as pool:

        @settings(
            max_examples=count,
            phases=[Phase.generate],
            database=None,
            deadline=None,
            suppress_health_check=list(HealthCheck),
        )
        @given(strategy)
        def generate(request: FuzzRequest) -> None:
            slots.acquire()
            pool.submit(run, request)

        generate()
    http.close()
    return outcomes


def report_fuzz(outcomes: list[Outcome]) -> None:
    errors = [o for o in outcomes if o.status >= 500 or o.status == 0]
    slow = [o for o in outcomes if o.seconds >= SLOW]
    forged = [o for o in outcomes if not o.signed and o.status != 401]
    signed = sum(o.signed for o in outcomes)
    print(f"fuzzed requests: {len(outcomes)} ({signed} well signed, {len(outcomes) - signed} not)")
    print(f"  answered 5xx or not at all: {len(errors)}  {dict(Counter(o.kind for o in errors))}")
    print(
        f"  answered after {SLOW:.0f} s:       {len(slow)}  {dict(Counter(o.kind for o in slow))}"
    )
    print(
        f"  badly signed, not 401:      {len(forged)}  "
        f"{dict(Counter((o.kind, o.status) for o in forged))}"
    )
    worst = max((o.seconds for o in outcomes), default=0.0)
    print(f"  statuses: {dict(sorted(Counter(o.status for o in outcomes).items()))}")
    print(f"  slowest answer: {worst * 1000:.0f} ms")


def first_contacts(bot: RunningBot, fake: FakeSlack, count: int) -> None:
    """`count` new people pair themselves at once with the same new mentor."""
    mentor = "UNEWMENTOR"
    fake.add_user(mentor, name="new mentor", tz="Europe/Paris", locale="fr-FR")
    mentees = [f"UNEW{n:04d}" for n in range(count)]
    for mentee in mentees:
        fake.add_user(mentee, name=mentee.lower(), tz="Europe/London", locale="en-GB")
    texts = {m: f"pair <@{mentor}> <@{m}> weekly on monday at 9:00" for m in mentees}
    statuses = bot.commands_at_once(texts)

    def answered() -> int:
        return sum(bool(fake.responses(mentee)) for mentee in mentees)

    deadline = time.monotonic() + 30
    while answered() < count and time.monotonic() < deadline:
        time.sleep(0.1)
    acked = sum(status == 200 for status in statuses)
    print(f"first contacts: {count} new people name the same new mentor at once")
    print(f"  acknowledged: {acked}   answered: {answered()}   (of {count}, 30 s allowed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--first-contacts", type=int, default=36)
    options = parser.parse_args()
    clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
    with tempfile.TemporaryDirectory() as workdir, FakeSlack() as fake:
        for user in PEOPLE:
            fake.add_user(user, name=user.lower(), tz="Europe/Paris", locale="fr-FR")
        fake.add_user("UBOTTY", name="otherbot", is_bot=True)
        database = f"sqlite:///{Path(workdir) / 'fuzz.db'}"
        bot = RunningBot(database_url=database, fake=fake, clock=clock).start()
        try:
            report_fuzz(fuzz(bot, fake, options.requests, options.concurrency))
            first_contacts(bot, fake, options.first_contacts)
        finally:
            bot.stop()


if __name__ == "__main__":
    main()
