"""A payload nested past 64 levels is malformed on both platforms: answered 400, never 500, and
the next request is served. A thousand levels (2 KB) made Python's JSON parser raise a
RecursionError, which the Teams endpoint let out as a 500 before."""

from __future__ import annotations

import json
from urllib.parse import urlencode

import pytest

from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.fakes.teams_connector import FakeConnector, text_of
from tests.integration.conftest import MENTEE, THOMAS
from tests.integration.harness import RunningBot
from tests.integration.harness import text_of as slack_text_of
from tests.integration.teams_harness import TeamsBot

DEPTHS = [65, 1_000, 100_000]


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@pytest.mark.parametrize("depth", DEPTHS)
def test_teams_activity_nested_too_deep_is_400(
    teams: TeamsBot, connector: FakeConnector, depth: int
) -> None:
    teams.install(THOMAS)
    activity = json.dumps(teams.message(THOMAS, "help"))
    deep = activity[:-1] + f', "value": {nested(depth)}}}'
    answer = teams.http.post(
        "/api/messages", content=deep.encode(), headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400
    before = len(connector.sent(THOMAS.chat))
    assert teams.post_activity(teams.message(THOMAS, "help")).status_code == 200
    teams.settle()
    [served] = connector.sent(THOMAS.chat)[before:]
    assert "Mentorbot" in text_of(served)


@pytest.mark.parametrize("depth", DEPTHS)
def test_slack_payload_nested_too_deep_is_400(
    running: RunningBot, fake: FakeSlack, depth: int
) -> None:
    event = signing.dm_message_event(user=MENTEE, text="hi", channel=f"D{MENTEE}", ts="1.000100")
    body = json.loads(signing.event_body(event=event, team_id="T1", event_id="Ev1", event_time=1))
    deep = json.dumps(body)[:-1] + f', "extra": {nested(depth)}}}'
    assert running.post(deep, "application/json").status_code == 400
    action = urlencode({"payload": '{"type": "block_actions", "x": ' + nested(depth) + "}"})
    assert running.post(action, "application/x-www-form-urlencoded").status_code == 400
    assert "Mentorbot" in slack_text_of(running.answer(MENTEE, "help"))
