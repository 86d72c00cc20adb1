"""First contacts racing on Teams: many new people at once name the same new person in their
first message; every activity is answered, and that person is stored once (SQLite and
PostgreSQL)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from storage.models import Pair, Person
from tests.fakes.teams_connector import FakeConnector
from tests.integration.harness import TEAMS_CLIENT_ID
from tests.integration.teams_harness import TeamsBot, TeamsUser

NEWCOMERS = 16
MENTOR = TeamsUser("29:1newmentor-Aa1", "Mentora", "Europe/Paris", "fr-FR")
MENTEES = [
    TeamsUser(f"29:1new{n:03d}-Bb2", f"Newcomer{n}", "Europe/London", "en-GB")
    for n in range(NEWCOMERS)
]


@pytest.fixture
def served(migrated_database_url: str, clock: ManualClock) -> Iterator[TeamsBot]:
    with FakeConnector(client_id=TEAMS_CLIENT_ID) as connector:
        bot = TeamsBot(
            people=[MENTOR, *MENTEES],
            database_url=migrated_database_url,
            clock=clock,
            teams=connector,
        ).start()
        yield bot
        bot.stop()


def test_racing_first_contacts_are_all_answered(served: TeamsBot) -> None:
    start = threading.Barrier(NEWCOMERS)

    def send(mentee: TeamsUser) -> int:
        served.teams.installed.add(mentee.id)
        activity = served.message(
            mentee, f"pair @mentora @{mentee.name.lower()} weekly on monday at 9:00"
        )
        start.wait()
        return served.post_activity(activity).status_code

    with ThreadPoolExecutor(NEWCOMERS) as pool:
        assert list(pool.map(send, MENTEES)) == [200] * NEWCOMERS
    served.settle()
    answered = [m for m in MENTEES if served.teams.sent(m.chat)]
    assert answered == MENTEES
    assert served.bot is not None
    with served.bot.core.db.session() as session:
        stored = session.exec(select(Person).where(Person.external_id == MENTOR.id)).all()
        assert len(stored) == 1
        assert (
            len(session.exec(select(Pair).where(Pair.mentor_id == stored[0].id)).all()) == NEWCOMERS
        )
