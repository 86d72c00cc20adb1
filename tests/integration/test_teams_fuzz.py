"""Fuzzing `POST /api/messages` over real HTTP: no activity shape, bent activity or body gets a
5xx or an answer later than the product's 3 s, and the bot still answers a member after it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kernel.clock import ManualClock
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.fakes.teams_fuzz import bodies
from tests.integration.conftest import ADA, CLAIRE, THOMAS, start_teams
from tests.integration.fuzzing import answered_in, one_app
from tests.integration.harness import TEAMS_CLIENT_ID, is_apology
from tests.integration.teams_harness import TeamsBot

pytestmark = pytest.mark.filterwarnings("ignore:Do not use the `random` module inside strategies")
ANSWER_WITHIN = 3.0  # seconds: the answer every request gets, as on Slack
KNOWN = [(person.id, person.name) for person in (CLAIRE, THOMAS, ADA)]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TeamsBot]:
    database = Path(tmp_path_factory.mktemp("teams-fuzz")) / "mentorbot.db"
    with FakeConnector(client_id=TEAMS_CLIENT_ID) as connector:
        clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
        bot = start_teams(connector, f"sqlite:///{database}", clock)
        for person in (CLAIRE, THOMAS, ADA):
            bot.install(person)
        bot.make_pair(THOMAS, "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris")
        yield bot
        # What the fuzzing left running is done, and the bot still answers a member.
        bot.settle()
        assert "Claire" in text_of(bot.answer(THOMAS, "pairs"))
        bot.stop()
        # Every request got its own answer, never the apology for a failure of the bot's.
        assert not [text for text in map(text_of, connector.sent()) if is_apology(text)]


def post(bot: TeamsBot, body: bytes) -> httpx.Response:
    headers = {"Content-Type": "application/json"}
    return bot.http.post("/api/messages", content=body, headers=headers)


@one_app(examples=500)
@given(data=st.data())
def test_any_activity_gets_an_answer_below_500_in_time(
    served: TeamsBot, data: st.DataObject
) -> None:
    body = data.draw(bodies(KNOWN, served.teams.url))
    status, seconds = answered_in(lambda: post(served, body), ANSWER_WITHIN)
    assert status < 500, (status, body[:300])
    assert seconds < ANSWER_WITHIN, (seconds, body[:300])
