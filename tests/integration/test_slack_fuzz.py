"""Fuzzing `POST /slack/events` over real HTTP: no body, header or payload shape gets a 5xx or
an answer later than Slack waits for; anything not signed as Slack signs gets 401."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.kernel.clock import ManualClock
from tests.fakes.slack_api import FakeSlack
from tests.fakes.slack_fuzz import FuzzRequest, requests
from tests.integration.conftest import ADMIN, MENTEE, MENTOR
from tests.integration.fuzzing import answered_in, one_app
from tests.integration.harness import SIGNING_SECRET, RunningBot, is_apology

# The app's server threads use `random` while hypothesis draws in the test's thread.
pytestmark = pytest.mark.filterwarnings("ignore:Do not use the `random` module inside strategies")
SLACK_WAITS = 3.0  # seconds Slack waits for an answer
PEOPLE = [MENTOR, MENTEE, ADMIN]


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RunningBot, FakeSlack]]:
    database = Path(tmp_path_factory.mktemp("fuzz")) / "mentorbot.db"
    with FakeSlack() as fake:
        fake.add_user(MENTOR, name="claire", tz="Europe/Paris", locale="fr-FR")
        fake.add_user(MENTEE, name="thomas", tz="America/Montreal", locale="en-US")
        fake.add_user(ADMIN, name="ada", tz="Europe/Paris", locale="en-GB")
        fake.add_user("UBOTTY", name="otherbot", is_bot=True)
        clock = ManualClock(datetime(2026, 11, 30, 8, 0, tzinfo=UTC))
        bot = RunningBot(database_url=f"sqlite:///{database}", fake=fake, clock=clock).start()
        yield bot, fake
        bot.settle()
        bot.stop()
        # Every request got its own answer, never the apology for a failure of the bot's.
        said = [json.dumps(call.args, ensure_ascii=False) for call in fake.calls()]
        assert not [text for text in said if is_apology(text)]


def post(bot: RunningBot, request: FuzzRequest) -> httpx.Response:
    return bot.http.post("/slack/events", content=request.body, headers=request.http_headers())


def any_request(fake: FakeSlack) -> st.SearchStrategy[FuzzRequest]:
    """Any request, and as many again of the ones Slack did not sign."""
    url = fake.response_url("fuzz")
    return st.one_of(
        requests(secret=SIGNING_SECRET, people=PEOPLE, response_url=url),
        requests(secret=SIGNING_SECRET, people=PEOPLE, response_url=url, forged=True),
    )


@one_app(examples=1000)
@given(data=st.data())
def test_any_request_gets_401_or_an_answer_below_500_in_time(
    served: tuple[RunningBot, FakeSlack], data: st.DataObject
) -> None:
    bot, fake = served
    request = data.draw(any_request(fake))
    status, seconds = answered_in(lambda: post(bot, request), SLACK_WAITS)
    if request.signed:
        assert status < 500, status
    else:
        assert status == 401, status
    assert seconds < SLACK_WAITS
