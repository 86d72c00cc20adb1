"""Slack and Teams from one process and port: pairs side by side, each person on their platform."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.kernel.clock import ManualClock
from tests.fakes import teams_connector
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector
from tests.integration.conftest import ADA, ADMIN, CLAIRE, MENTEE, MENTOR, TEAMS_PEOPLE, THOMAS
from tests.integration.harness import text_of
from tests.integration.teams_harness import TeamsBot

SLACK_PAIR = (
    f"pair <@{MENTOR}|claire> <@{MENTEE}|thomas> weekly on thursday at 18:00 tz Europe/Paris"
)
TEAMS_PAIR = "pair @claire @thomas weekly on friday at 09:00 tz Europe/Paris"


def test_one_app_serves_both_and_keeps_pairs_apart(
    fake: FakeSlack, connector: FakeConnector, sqlite_url: str, clock: ManualClock
) -> None:
    both = TeamsBot(
        people=TEAMS_PEOPLE,
        fake=fake,
        teams=connector,
        database_url=sqlite_url,
        clock=clock,
        admins=(ADMIN, ADA.id),
    ).start()
    try:
        health = both.http.get("/healthz").json()
        assert health["platforms"] == ["slack", "teams"]
        for person in (CLAIRE, THOMAS):
            both.install(person)
        assert "Thursday" in text_of(both.make_pair(MENTEE, SLACK_PAIR))
        assert "Friday" in teams_connector.text_of(both.make_pair(THOMAS, TEAMS_PAIR))

        # Each side sees only its own pair.
        assert "Friday" not in text_of(both.answer(MENTEE, "pairs"))
        assert "Thursday" not in teams_connector.text_of(both.answer(THOMAS, "pairs"))

        fake.reset()
        connector.reset()
        clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
        both.dispatch()
        assert len(fake.messages_to(MENTOR)) == 1 and len(fake.messages_to(MENTEE)) == 1
        assert connector.sent() == []  # the Teams pair meets on Friday
        clock.set(datetime(2026, 12, 3, 8, 0, tzinfo=UTC))
        both.dispatch()
        # 03:00 in Montreal: Thomas's reminder waits for his 08:00.
        assert len(connector.sent(CLAIRE.chat)) == 1 and len(connector.sent(THOMAS.chat)) == 0
        clock.set(datetime(2026, 12, 3, 13, 0, tzinfo=UTC))
        both.dispatch()
        assert len(connector.sent(THOMAS.chat)) == 1
        assert len(fake.calls("chat.postMessage")) == 2
    finally:
        both.stop()
