"""Health in numbers: `GET /metrics` after reminders went through the fake Slack, and
`/healthz` when the database does not answer."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import httpx
from prometheus_client.parser import text_string_to_metric_families

from bot.kernel.clock import ManualClock
from storage.db import make_engine
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE, MENTOR, THOMAS
from tests.integration.harness import RunningBot, free_port
from tests.integration.teams_harness import TeamsBot

PAIR = f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
REMINDER_AT = datetime(2026, 12, 2, 17, 0, tzinfo=UTC)


Samples = dict[str, list[tuple[dict[str, str], float]]]


def scrape(running: RunningBot) -> Samples:
    """Every sample of /metrics by sample name: its labels and value."""
    answer = httpx.get(f"{running.url}/metrics")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/plain")
    samples: Samples = {}
    for family in text_string_to_metric_families(answer.text):
        for sample in family.samples:
            samples.setdefault(sample.name, []).append((sample.labels, sample.value))
    return samples


def total(samples: Samples, name: str, **labels: str) -> float:
    return sum(
        value
        for found, value in samples.get(name, [])
        if all(found.get(k) == v for k, v in labels.items())
    )


def test_metrics_count_what_the_fake_slack_received(
    running: RunningBot, fake: FakeSlack, clock: ManualClock
) -> None:
    running.make_pair(MENTEE, PAIR)
    running.dispatch()
    before = scrape(running)
    assert total(before, "mentorbot_pairs", platform="slack", status="active") == 1
    fake.reset()
    # An hour after the reminders fell due, nothing sent yet: both are owed, an hour late.
    clock.set(REMINDER_AT + timedelta(hours=1, minutes=1))
    owed = scrape(running)
    assert total(owed, "mentorbot_notifications_owed", kind="reminder", platform="slack") == 2
    assert total(owed, "mentorbot_oldest_due_notification_age_seconds") >= 3600
    assert total(owed, "mentorbot_database_up") == 1
    fake.fail_next("chat.postMessage", status=429, retry_after=30, times=1)
    first = running.dispatch()
    clock.advance(timedelta(seconds=30))
    second = running.dispatch()
    assert (first["sent"], first["retried"], second["sent"]) == (1, 1, 1)

    after = scrape(running)
    delivered = [c for c in fake.calls("chat.postMessage") if c.response["ok"]]
    assert sorted(c.args["channel"] for c in delivered) == sorted([MENTOR, MENTEE])
    sent = total(after, "mentorbot_notifications_total", outcome="sent")
    assert sent - total(before, "mentorbot_notifications_total", outcome="sent") == len(delivered)
    assert total(after, "mentorbot_notifications_total", outcome="sent", kind="reminder") == 2
    assert total(after, "mentorbot_notifications_total", outcome="retried", kind="reminder") == 1
    assert total(after, "mentorbot_notifications_total", outcome="failed") == 0
    assert len(fake.calls("chat.postMessage")) == 3  # the 429 included
    assert total(after, "mentorbot_notifications_owed") == 0
    assert total(after, "mentorbot_oldest_due_notification_age_seconds") == 0
    # The reminder sent at once went out more than an hour late, by the clock; the one
    # retried is timed from its retry's due instant.
    late = total(after, "mentorbot_dispatch_latency_seconds_bucket", platform="slack", le="3600.0")
    assert total(after, "mentorbot_dispatch_latency_seconds_count", platform="slack") == sent
    assert late == sent - 1
    # Every signed request got its acknowledgement timed.
    assert total(after, "mentorbot_ack_latency_seconds_count", platform="slack") >= 2


def test_health_is_503_when_the_database_does_not_answer(running: RunningBot) -> None:
    assert httpx.get(f"{running.url}/healthz").status_code == 200
    assert running.bot is not None
    # A PostgreSQL server on a port nobody listens on.
    nowhere = make_engine(f"postgresql+psycopg://mentorbot@127.0.0.1:{free_port()}/mentorbot")
    running.bot.core.db.engine = nowhere
    answer = httpx.get(f"{running.url}/healthz", timeout=20)
    assert answer.status_code == 503
    assert answer.json()["database"] is False
    metrics = scrape(running)
    assert total(metrics, "mentorbot_database_up") == 0
    assert "mentorbot_notifications_owed" not in metrics


def test_teams_requests_have_their_acknowledgement_timed(teams: TeamsBot) -> None:
    assert teams.say(THOMAS, "help").status_code == 200
    samples = scrape(teams)
    assert total(samples, "mentorbot_ack_latency_seconds_count", platform="teams") == 1
    assert total(samples, "mentorbot_ack_latency_seconds_count", platform="slack") == 0
