"""Slack benchmarks against the local fake Web API (tests/fakes), each beside its baseline.

1. Sending 10,000 due reminders (5,000 pairs) through the dispatcher to a fake Slack that takes
   20 ms to answer, beside a bare slack_sdk client posting the same messages to the same fake
   with the same concurrency: the time, messages/s and the ratio.
2. Slash-command ack latency under load: `mentorbot serve` over a database of 10,000 pairs and a
   bare Bolt AsyncApp (ack, then answer at the response_url), each served the same way (FastAPI,
   uvicorn) in its own process; 50 clients each send a signed `/mentor` every 0.5 s (an open
   loop); after a warm-up of the same load, p50/p99 of the time to the HTTP answer, and the
   ratio.

The fake runs in a process of its own, so its work is not counted against either side.
Run from the repository root:
    .venv/bin/python bench/slack_bench.py [--pairs 5000] [--concurrency 8] [--ack-pairs 10000]
        [--seconds 20] [--warmup 5] [--only dispatch|acks] [--runs 1] [--db sqlite|postgresql]
With `--runs N`, N dispatch runs of both sides in turn, then the median of their ratios. With
`--db postgresql`, each part runs on a throwaway database of a PostgreSQL server (`--postgres`,
by default the one on loopback with trust auth), created and dropped by the bench.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import aiohttp
import httpx
from slack_sdk.web.async_client import AsyncWebClient
from sqlmodel import select

from app.collector import settle_after_start_up
from app.work_threads import use_work_threads
from bench.databases import KINDS, POSTGRES_SERVER, database
from bench.population import populate, user_id
from bot.kernel.clock import ManualClock
from bot.kernel.core import Core
from bot.notices import compose_all
from handlers.pacing import Pacer
from handlers.slack.app import SlackConnections, delivery_client
from handlers.slack.blocks import fallback, reply_blocks
from handlers.slack.messenger import SlackMessenger
from scheduler.dispatcher import CONCURRENCY, Dispatcher
from storage.db import Database, make_engine, migrate, refresh_statistics
from storage.models import Notification
from storage.queries.api_pauses import SharedPauses
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import SIGNING_SECRET, TEAM, free_port

COMMANDS = ("next", "pairs", "agenda", "help", "actions")
ROOT = Path(__file__).resolve().parents[1]


def serve_fake(users: int, latency: float, ready, stop) -> None:
    fake = FakeSlack(latency=latency)
    for n in range(users):
        for role in ("R", "E"):
            fake.add_user(user_id(n, role), name=f"{role}{n}")
    ready.put(fake.base_url)
    stop.wait()
    ready.put(len(fake.calls("chat.postMessage")) + len(fake.calls("conversations.open")))
    fake.stop()


@contextmanager
def fake_process(users: int, latency: float) -> Iterator[tuple[str, list[int]]]:
    """A FakeSlack in its own process; yields its URL and, once stopped, the calls it got."""
    context = multiprocessing.get_context("spawn")
    ready, stop = context.Queue(), context.Event()
    process = context.Process(target=serve_fake, args=(users, latency, ready, stop))
    process.start()
    calls: list[int] = []
    try:
        yield ready.get(timeout=120), calls
    finally:
        stop.set()
        calls.append(ready.get(timeout=60))
        process.join(timeout=30)


async def bare_send(
    base_url: str, messages: list[tuple[str, str, list]], *, concurrency: int, shared: bool
) -> None:
    """Post the messages, `concurrency` at a time; `shared`: over one aiohttp session (kept-alive
    connections), else slack_sdk's default of a session per call."""
    async with aiohttp.ClientSession() as session:
        client = AsyncWebClient(
            token="xoxb-bench", base_url=base_url, session=session if shared else None
        )
        slots = asyncio.Semaphore(concurrency)

        async def post(channel: str, text: str, blocks: list) -> None:
            async with slots:
                await client.chat_postMessage(channel=channel, text=text, blocks=blocks)

        await asyncio.gather(*(post(*message) for message in messages))


async def dispatch_all(dispatcher: Dispatcher, connections: SlackConnections) -> Counter[str]:
    """One dispatcher run, the messenger's client on a shared session and its thread hops on
    the work threads, as `serve` has them; without planning first, which would owe these pairs
    more (a stall notice each: no session held yet) than the bare client sends (a tick's
    planning is timed by bench/scale_bench.py)."""
    use_work_threads()
    await connections.open()
    try:
        return await dispatcher.run_once(plan=False)
    finally:
        await connections.close()


BARE = "bare, one shared aiohttp session"
OURS = "mentorbot dispatcher"


def dispatch(pairs: int, concurrency: int, url: str) -> tuple[float, float]:
    """One run of both sides over a new population in the empty database at `url`; the ratios
    of their wall and CPU times."""
    engine = make_engine(url)
    migrate(engine)
    populate(engine, pairs=pairs, due_now=pairs)
    # The query planner's statistics, as `serve`'s first run refreshes them before it sends.
    refresh_statistics(engine)
    clock = ManualClock(datetime(2026, 12, 2, 8, 1, tzinfo=UTC))
    core = Core(db=Database(engine), clock=clock)
    with core.db.session() as session:  # the very messages the dispatcher will send
        due = list(
            session.exec(
                select(Notification)
                .where(Notification.status == "pending")
                .where(Notification.due_at <= clock.now())
            )
        )
        composed = compose_all(session, due, clock.now())
    messages = [
        (target.address, fallback(reply), reply_blocks(reply))
        for target, reply in (m for m in composed if isinstance(m, tuple))
    ]
    # Both sides in a process whose collector is settled as `serve` settles its own once started.
    settle_after_start_up()
    figures: dict[str, tuple[float, float]] = {}
    for name, shared in (("bare, a session per call (its default)", False), (BARE, True)):
        with fake_process(pairs, 0.02) as (base_url, _), timing(figures, name):
            asyncio.run(bare_send(base_url, messages, concurrency=concurrency, shared=shared))
    with fake_process(pairs, 0.02) as (base_url, calls):
        client = delivery_client("xoxb-bench", base_url)
        # Paced and sharing its scopes with other replicas on the database, as `serve` has it.
        messenger = SlackMessenger(client, Pacer(clock, shared=SharedPauses(core.db, "slack")))
        dispatcher = Dispatcher(core, {"slack": messenger}, concurrency=concurrency)
        with timing(figures, OURS):
            outcomes = asyncio.run(dispatch_all(dispatcher, SlackConnections(client)))
    engine.dispose()
    print(
        f"{len(messages)} due reminders, fake Slack answering in 20 ms, {concurrency} at once,"
        f" {engine.dialect.name} (wall time; CPU time of the sending process):"
    )
    for name, (wall, cpu) in figures.items():
        print(f"  {name:42} {wall:6.1f} s ({len(messages) / wall:4.0f} msg/s)   CPU {cpu:5.1f} s")
    print(f"  dispatcher: {dict(outcomes)}, {calls[0]} Web API calls")
    (ours, our_cpu), (bare, bare_cpu) = figures[OURS], figures[BARE]
    print(
        f"  ratio to the bare client with a shared session: {ours / bare:.2f}"
        f" (CPU {our_cpu / bare_cpu:.2f})   target <= 60 s and <= 1.15x"
    )
    return ours / bare, our_cpu / bare_cpu


def dispatches(
    runs: int, pairs: int, concurrency: int, workdir: Path, kind: str, server: str
) -> None:
    """`runs` runs of both sides in turn, each over a new population; with several, the median
    ratio: on a shared machine one run's ratio moves more than most changes do."""
    ratios: list[tuple[float, float]] = []
    for run in range(runs):
        if runs > 1:
            print(f"run {run + 1} of {runs}:")
        each = workdir / f"dispatch-{run}"
        each.mkdir()
        with database(kind, each, server=server) as url:
            ratios.append(dispatch(pairs, concurrency, url))
    if runs > 1:
        walls, cpus = sorted(wall for wall, _ in ratios), sorted(cpu for _, cpu in ratios)
        print(
            f"over {runs} runs, ratio to the bare client: median {statistics.median(walls):.2f}"
            f" ({walls[0]:.2f}-{walls[-1]:.2f}), CPU median {statistics.median(cpus):.2f}"
            f" ({cpus[0]:.2f}-{cpus[-1]:.2f})   target <= 1.15x"
        )


@contextmanager
def timing(figures: dict[str, tuple[float, float]], name: str) -> Iterator[None]:
    """Wall and CPU time of the block, as figures[name]."""
    wall, cpu = time.perf_counter(), time.process_time()
    yield
    figures[name] = (time.perf_counter() - wall, time.process_time() - cpu)


BARE_APP = """
from fastapi import FastAPI, Request
from slack_bolt.adapter.fastapi.async_handler import AsyncSlackRequestHandler
from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

client = AsyncWebClient(token="xoxb-bench", base_url={api!r})
bolt = AsyncApp(signing_secret={secret!r}, client=client)


@bolt.command("/mentor")
async def mentor(ack, respond):
    await ack()
    await respond(response_type="ephemeral", text="ok")


handler = AsyncSlackRequestHandler(bolt)
app = FastAPI()


@app.post("/slack/events")
async def events(request: Request):
    return await handler.handle(request)
"""


@contextmanager
def server(command: list[str], port: int, env: dict[str, str]) -> Iterator[str]:
    process = subprocess.Popen(
        command, cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                httpx.post(f"{url}/slack/events", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


async def load(url: str, base_url: str, users: int, clients: int, seconds: float) -> list[float]:
    """`clients` clients each sending a signed /mentor every 0.5 s; each answer's latency.
    (aiohttp rather than httpx: the load itself must cost little CPU on a shared machine.)"""
    latencies: list[float] = []
    rng = random.Random(7)

    async def client(number: int, http: aiohttp.ClientSession) -> None:
        start = time.perf_counter() + number * 0.5 / clients
        for k in range(int(seconds * 2)):
            await asyncio.sleep(max(0.0, start + k * 0.5 - time.perf_counter()))
            n = rng.randrange(users)
            body = signing.slash_command_body(
                command="/mentor",
                text=rng.choice(COMMANDS),
                user_id=user_id(n, rng.choice("RE")),
                team_id=TEAM,
                channel_id="C0GENERAL",
                response_url=f"{base_url.removesuffix('/api/')}/responses/c{number}-{k}",
                trigger_id=f"t{number}-{k}",
            )
            signed = signing.sign(body, SIGNING_SECRET, int(time.time()))
            sent = time.perf_counter()
            async with http.post(
                f"{url}/slack/events",
                data=body.encode(),
                headers={"Content-Type": "application/x-www-form-urlencoded", **signed},
            ) as answer:
                await answer.read()
                latencies.append(time.perf_counter() - sent)
                assert answer.status == 200, await answer.text()

    connector = aiohttp.TCPConnector(limit=clients)
    timeout = aiohttp.ClientTimeout(total=30)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        await asyncio.gather(*(client(n, http) for n in range(clients)))
    return latencies


def percentiles(latencies: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(latencies, n=100)
    return cuts[49] * 1000, cuts[98] * 1000


def acks(pairs: int, seconds: float, warmup: float, clients: int, workdir: Path, url: str) -> None:
    """Each server gets `warmup` seconds of the same load first (start-up work, caches),
    not counted; ours serves the empty database at `url`, populated first; the bare app's
    source is written to `workdir`."""
    engine = make_engine(url)
    migrate(engine)
    populate(engine, pairs=pairs, now=datetime.now(UTC))
    engine.dispose()
    figures = {}
    with fake_process(pairs, 0.0) as (base_url, _):
        bare_source = BARE_APP.format(secret=SIGNING_SECRET, api=base_url)
        (workdir / "bare_app.py").write_text(bare_source)
        port = free_port()
        uvicorn = [sys.executable, "-m", "uvicorn", "--app-dir", str(workdir), "bare_app:app"]
        with server([*uvicorn, "--port", str(port), "--log-level", "warning"], port, {}) as app:
            asyncio.run(load(app, base_url, pairs, clients, warmup))
            figures["bare"] = asyncio.run(load(app, base_url, pairs, clients, seconds))
        port = free_port()
        env = {
            "SLACK_BOT_TOKEN": "xoxb-bench",
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": base_url,
            "DATABASE_URL": url,
            "PORT": str(port),
        }
        mentorbot = [sys.executable, "-m", "app.cli", "serve"]
        with server(mentorbot, port, env) as app:
            asyncio.run(load(app, base_url, pairs, clients, warmup))
            figures["ours"] = asyncio.run(load(app, base_url, pairs, clients, seconds))
    print(
        f"slash-command ack, {clients} clients x 2 req/s for {seconds:.0f} s"
        f" ({len(figures['ours'])} requests each, after {warmup:.0f} s not counted),"
        f" {pairs} pairs in the database:"
    )
    bare50, bare99 = percentiles(figures["bare"])
    ours50, ours99 = percentiles(figures["ours"])
    print(f"  bare Bolt AsyncApp: p50 {bare50:.1f} ms   p99 {bare99:.1f} ms")
    print(
        f"  mentorbot serve:    p50 {ours50:.1f} ms   p99 {ours99:.1f} ms"
        f"   ratio of p99 {ours99 / bare99:.2f}   (target <= 1.3x)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=5000, help="two reminders per pair")
    parser.add_argument("--ack-pairs", type=int, default=10_000)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--warmup", type=float, default=5, help="seconds of load not counted")
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY, help="sends at once")
    parser.add_argument("--only", choices=("dispatch", "acks"))
    parser.add_argument("--runs", type=int, default=1, help="dispatch runs, then their median")
    parser.add_argument("--db", choices=KINDS, default="sqlite", help="the bot's database")
    parser.add_argument("--postgres", default=POSTGRES_SERVER, help="with --db postgresql")
    args = parser.parse_args()
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    with tempfile.TemporaryDirectory() as workdir:
        if args.only in (None, "dispatch"):
            dispatches(
                args.runs, args.pairs, args.concurrency, Path(workdir), args.db, args.postgres
            )
        if args.only in (None, "acks"):
            with database(args.db, Path(workdir), server=args.postgres) as url:
                acks(args.ack_pairs, args.seconds, args.warmup, args.clients, Path(workdir), url)


if __name__ == "__main__":
    main()
