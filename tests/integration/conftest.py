"""Fixtures for the Slack integration tests: a FakeSlack with a few people, the bot serving it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.integration.harness import RunningBot

MENTOR = "UCLAIRE"  # Paris, French
MENTEE = "UTHOMAS"  # Montreal, English
ADMIN = "UADMIN"  # a programme manager in Paris
OUTSIDER = "UOSCAR"
LEADS_CHANNEL = "C0LEADS"


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.add_user(MENTOR, name="claire", tz="Europe/Paris", locale="fr-FR")
        slack.add_user(MENTEE, name="thomas", tz="America/Montreal", locale="en-US")
        slack.add_user(ADMIN, name="ada", tz="Europe/Paris", locale="en-GB")
        slack.add_user(OUTSIDER, name="oscar", tz="Europe/London", locale="en-GB")
        slack.add_user("UBOTTY", name="otherbot", is_bot=True)
        yield slack


@pytest.fixture
def running(fake: FakeSlack, sqlite_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    bot = RunningBot(database_url=sqlite_url, fake=fake, clock=clock).start()
    yield bot
    bot.stop()
