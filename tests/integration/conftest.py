"""Fixtures for the Slack integration tests: a FakeSlack with a few people, the bot serving it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector
from tests.integration.harness import TEAMS_CLIENT_ID, RunningBot
from tests.integration.teams_harness import TeamsBot, TeamsUser

MENTOR = "UCLAIRE"  # Paris, French
MENTEE = "UTHOMAS"  # Montreal, English
ADMIN = "UADMIN"  # a programme manager in Paris
OUTSIDER = "UOSCAR"
LEADS_CHANNEL = "C0LEADS"


def add_cast(slack: FakeSlack) -> FakeSlack:
    """The workspace's people: Claire, Thomas, an admin, an outsider and another bot."""
    slack.add_user(MENTOR, name="claire", tz="Europe/Paris", locale="fr-FR")
    slack.add_user(MENTEE, name="thomas", tz="America/Montreal", locale="en-US")
    slack.add_user(ADMIN, name="ada", tz="Europe/Paris", locale="en-GB")
    slack.add_user(OUTSIDER, name="oscar", tz="Europe/London", locale="en-GB")
    slack.add_user("UBOTTY", name="otherbot", is_bot=True)
    return slack


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        yield add_cast(slack)


@pytest.fixture
def running(fake: FakeSlack, migrated_sqlite_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    bot = RunningBot(database_url=migrated_sqlite_url, fake=fake, clock=clock).start()
    yield bot
    bot.stop()


@pytest.fixture
def served(fake: FakeSlack, migrated_database_url: str, clock: ManualClock) -> Iterator[RunningBot]:
    """The bot on SQLite, then on PostgreSQL (skipped without a server)."""
    bot = RunningBot(database_url=migrated_database_url, fake=fake, clock=clock).start()
    yield bot
    bot.stop()


# Microsoft Teams: the same cast, with Teams user ids.
CLAIRE = TeamsUser("29:1claire-Xk2", "Claire", "Europe/Paris", "fr-FR")
THOMAS = TeamsUser("29:1thomas-Pq7", "Thomas", "America/Montreal", "en-US")
ADA = TeamsUser("29:1ada-Lm3", "Ada", "Europe/Paris", "en-GB")
NINA = TeamsUser("29:1nina-Zz9", "Nina", "Europe/Berlin", "de-DE")  # installs the app late
TEAMS_PEOPLE = [CLAIRE, THOMAS, ADA, NINA]
LEADS = "19:leads0channel@thread.tacv2"


@pytest.fixture
def connector() -> Iterator[FakeConnector]:
    with FakeConnector(client_id=TEAMS_CLIENT_ID) as fake:
        yield fake


def start_teams(connector: FakeConnector, database_url: str, clock: ManualClock) -> TeamsBot:
    """The bot serving Teams (the cast of TEAMS_PEOPLE, Ada its admin) on `database_url`."""
    return TeamsBot(
        people=TEAMS_PEOPLE,
        database_url=database_url,
        clock=clock,
        teams=connector,
        admins=(ADA.id,),
    ).start()


@pytest.fixture
def teams(
    connector: FakeConnector, migrated_sqlite_url: str, clock: ManualClock
) -> Iterator[TeamsBot]:
    bot = start_teams(connector, migrated_sqlite_url, clock)
    yield bot
    bot.stop()


@pytest.fixture
def teams_served(
    connector: FakeConnector, migrated_database_url: str, clock: ManualClock
) -> Iterator[TeamsBot]:
    """Teams on SQLite, then on PostgreSQL (skipped without a server)."""
    bot = start_teams(connector, migrated_database_url, clock)
    yield bot
    bot.stop()


@pytest.fixture
def teams_pair(teams: TeamsBot) -> TeamsBot:
    """Teams with Claire mentoring Thomas (weekly, Thursday 18:00 Paris), Nina installed too."""
    for person in (CLAIRE, THOMAS, NINA):
        teams.install(person)
    teams.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
    return teams
