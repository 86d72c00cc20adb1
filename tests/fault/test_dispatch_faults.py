"""Exactly once under faults: real `mentorbot serve` processes killed with SIGKILL, replicas on
one PostgreSQL database, and a Slack that answers 429 storms and 5xx; deliveries are counted at
the fake over HTTP."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import distinct, func, select

from scheduler.dispatcher import CONCURRENCY, MAX_FAILURES, unrecorded_at_most
from storage.models import MeetingSession
from tests.fakes.slack_api import FakeSlack
from tests.fault.harness import (
    Programme,
    Serve,
    fake_for,
    observer,
    seed_programme,
    sent_count,
    settle,
    statuses,
    tally,
    wait_until,
)

LEASE = "2"  # seconds: a dead process's claims are taken over this soon after its last renewal
# The most a kill can leave ambiguous: the sends in flight and the outcomes waiting to be
# written, of a `serve` sending CONCURRENCY at once.
UNRECORDED_AT_MOST = unrecorded_at_most(CONCURRENCY)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
def programme(database_url: str) -> Programme:
    return seed_programme(database_url, pairs=60)


@pytest.fixture
def fake(programme: Programme) -> Iterator[FakeSlack]:
    with fake_for(programme) as slack:
        slack.latency = 0.05  # a dispatch of a few seconds, to stop in the middle of
        yield slack


def serve(programme: Programme, fake: FakeSlack, tmp_path: Path, name: str = "serve") -> Serve:
    """A started `mentorbot serve`, logging to `<name>.log` (a log of its own: its port is read
    there)."""
    log = tmp_path / f"{name}.log"
    return Serve(programme, fake, log, MENTORBOT_LEASE_SECONDS=LEASE).start()


def after_some_more(fake: FakeSlack, programme: Programme, rng: random.Random) -> None:
    """Wait for a random share (up to a third) of what is left to be delivered."""
    done = sent_count(fake)
    target = done + rng.randint(1, max(1, (programme.due - done) // 3))
    assert wait_until(lambda: sent_count(fake) >= target, timeout=60, step=0.005)


def test_sigterm_then_kill_9_at_random_moments_lose_nothing(
    programme: Programme, fake: FakeSlack, tmp_path: Path
) -> None:
    rng = random.Random()
    process = serve(programme, fake, tmp_path)
    assert wait_until(lambda: process.health() is not None, timeout=60)
    health = process.health()
    assert health is not None and health.status_code == 200
    assert health.json()["backlog"]["due"] > 0  # answered while the start-up backlog drains
    after_some_more(fake, programme, rng)
    process.stop()  # SIGTERM: the sends in flight finish, the other claims are given back
    assert "sending" not in statuses(programme.database_url)
    assert tally(programme, fake).duplicates == 0
    process = serve(programme, fake, tmp_path)
    after_some_more(fake, programme, rng)
    process.kill()  # SIGKILL: its claims stay leased until their lease runs out
    process = serve(programme, fake, tmp_path)
    assert settle(programme, fake, timeout=60), statuses(programme.database_url)
    result = tally(programme, fake)
    process.stop()
    assert result.lost == 0
    # Only a message sent in the instant before the kill can go twice: at most those in flight
    # and those whose outcome was being written.
    assert result.duplicates <= UNRECORDED_AT_MOST
    assert set(statuses(programme.database_url)) == {"pending", "sent"}  # pending: not yet due


@pytest.mark.postgres
def test_two_replicas_start_together_and_one_dies_nothing_is_lost(
    postgres_url: str, tmp_path: Path
) -> None:
    # Unplanned pairs: both replicas plan the same sessions at start-up.
    programme = seed_programme(postgres_url, pairs=60, unplanned=30)
    with fake_for(programme) as fake:
        fake.latency = 0.05
        first = serve(programme, fake, tmp_path, "first")
        second = serve(programme, fake, tmp_path, "second")
        assert wait_until(lambda: sent_count(fake) >= programme.due // 4, timeout=60)
        assert first.alive and second.alive
        first.kill()
        assert settle(programme, fake, timeout=60), statuses(postgres_url)
        result = tally(programme, fake)
        assert second.health() is not None
        second.stop()
    assert result.lost == 0
    assert result.duplicates <= UNRECORDED_AT_MOST
    for replica in (first, second):  # no run failed planning
        assert "Traceback" not in replica.log.read_text()
    with observer(postgres_url).session() as session:
        planned = session.execute(select(func.count(distinct(MeetingSession.pair_id)))).scalar()
    assert planned == 90  # the unplanned pairs too, each session once (a unique constraint)


def test_429_storms_and_5xx_are_waited_out_and_every_message_goes_once(
    sqlite_url: str, tmp_path: Path
) -> None:
    programme = seed_programme(sqlite_url, pairs=8)
    with fake_for(programme) as fake:
        # Longer than MAX_FAILURES Retry-Afters, with room for a loaded machine: were a 429
        # counted, messages would be given up.
        fake.storm("chat.postMessage", seconds=MAX_FAILURES + 4, retry_after=1)
        fake.fail_randomly(0.2, seed=3)
        process = serve(programme, fake, tmp_path)
        assert settle(programme, fake, timeout=60), statuses(sqlite_url)
        limited = Counter(
            c.args["channel"] for c in fake.calls("chat.postMessage") if c.status == 429
        )
        errors = [c for c in fake.calls("chat.postMessage") if c.status == 500]
        inside = fake.calls_inside_windows("chat.postMessage")
        result = tally(programme, fake)
        process.stop()
    assert max(limited.values()) > MAX_FAILURES and errors  # the storm and the 5xx happened
    assert inside == []  # nothing sent where a Retry-After said to wait
    assert (result.lost, result.duplicates) == (0, 0)
    assert "failed" not in statuses(sqlite_url)


@pytest.mark.postgres
def test_two_replicas_both_wait_out_a_429_either_received(
    postgres_url: str, tmp_path: Path
) -> None:
    # Everyone owes two reminders in the same DM, which either replica may hold.
    programme = seed_programme(postgres_url, pairs=30, ring=True)
    with fake_for(programme) as fake:
        fake.latency = 0.02
        fake.storm("chat.postMessage", seconds=MAX_FAILURES + 2, retry_after=2)
        fake.fail_randomly(0.2, seed=5)
        first = serve(programme, fake, tmp_path, "first")
        second = serve(programme, fake, tmp_path, "second")
        assert settle(programme, fake, timeout=90), statuses(postgres_url)
        calls = fake.calls("chat.postMessage")
        inside = fake.calls_inside_windows("chat.postMessage")
        result = tally(programme, fake)
        first.stop()
        second.stop()
    limited = [c for c in calls if c.status == 429]
    assert len({c.args["channel"] for c in limited}) == 30  # the storm reached every DM
    assert inside == []  # neither replica called where a Retry-After either got said to wait
    assert (result.lost, result.duplicates) == (0, 0)
    assert "failed" not in statuses(postgres_url)
