"""Exactly once under faults: real `mentorbot serve` processes killed with SIGKILL, replicas on
one PostgreSQL database, and a Slack that answers 429 storms and 5xx; deliveries are counted at
the fake over HTTP."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from scheduler.dispatcher import MAX_FAILURES
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

LEASE = "2"  # seconds: a dead process's claims are taken over this soon after its last renewal
CONCURRENCY = 8  # the dispatcher's sends in flight, the most a kill can leave ambiguous
KILLS = 2


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> str:
    return sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")


@pytest.fixture
def programme(database_url: str) -> Programme:
    return seed_programme(database_url, pairs=100)


@pytest.fixture
def fake(programme: Programme) -> Iterator[FakeSlack]:
    with fake_for(programme) as slack:
        slack.latency = 0.05  # a dispatch of a few seconds, to kill in the middle of
        yield slack


def serve(programme: Programme, fake: FakeSlack, tmp_path: Path) -> Serve:
    return Serve(programme, fake, tmp_path / "serve.log", MENTORBOT_LEASE_SECONDS=LEASE).start()


def test_kill_9_at_random_moments_loses_nothing(
    programme: Programme, fake: FakeSlack, tmp_path: Path
) -> None:
    rng = random.Random()
    process = serve(programme, fake, tmp_path)
    for kill in range(KILLS):
        left = programme.due - sent_count(fake)
        target = sent_count(fake) + rng.randint(1, left // (KILLS - kill + 1))
        assert wait_until(lambda: sent_count(fake) >= target, timeout=60, step=0.005)  # noqa: B023
        process.kill()
        process = serve(programme, fake, tmp_path)  # restarted at once
    assert settle(programme, fake, timeout=60), statuses(programme.database_url)
    result = tally(programme, fake)
    process.stop()
    assert result.lost == 0
    # Only a message sent in the instant before a kill can go twice: at most those in flight.
    assert result.duplicates <= KILLS * CONCURRENCY
    assert set(statuses(programme.database_url)) == {"pending", "sent"}  # pending: not yet due


def test_a_clean_stop_gives_back_its_claims_and_serves_while_draining(
    sqlite_url: str, tmp_path: Path
) -> None:
    programme = seed_programme(sqlite_url, pairs=60)
    with fake_for(programme) as fake:
        fake.latency = 0.1
        process = serve(programme, fake, tmp_path)
        assert wait_until(lambda: process.health() is not None, timeout=30)
        health = process.health()
        assert health is not None and health.status_code == 200
        assert health.json()["backlog"]["due"] > 0  # answered while the start-up backlog drains
        process.stop()  # SIGTERM: the sends in flight finish, the other claims go back
        assert "sending" not in statuses(programme.database_url)
        assert 0 < sent_count(fake) < programme.due
        process = serve(programme, fake, tmp_path)
        assert settle(programme, fake, timeout=60)
        result = tally(programme, fake)
        process.stop()
    assert (result.lost, result.duplicates) == (0, 0)


@pytest.mark.postgres
def test_two_replicas_start_together_and_one_dies_nothing_is_lost(
    postgres_url: str, tmp_path: Path
) -> None:
    # Unplanned pairs: both replicas plan the same sessions at start-up.
    programme = seed_programme(postgres_url, pairs=100, unplanned=50)
    with fake_for(programme) as fake:
        fake.latency = 0.05
        first, second = serve(programme, fake, tmp_path), serve(programme, fake, tmp_path)
        assert wait_until(lambda: sent_count(fake) >= programme.due // 4, timeout=60)
        assert first.alive and second.alive  # both started, neither failed while planning
        first.kill()
        assert settle(programme, fake, timeout=60), statuses(postgres_url)
        result = tally(programme, fake)
        assert second.health() is not None
        second.stop()
    assert result.lost == 0
    assert result.duplicates <= CONCURRENCY


def test_429_storms_and_5xx_are_waited_out_and_every_message_goes_once(
    sqlite_url: str, tmp_path: Path
) -> None:
    programme = seed_programme(sqlite_url, pairs=8)
    with fake_for(programme) as fake:
        # Longer than MAX_FAILURES Retry-Afters: were a 429 counted, messages would be given up.
        fake.storm("chat.postMessage", seconds=MAX_FAILURES + 2, retry_after=1)
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
