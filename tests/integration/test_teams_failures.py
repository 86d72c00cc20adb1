"""Teams: a connector that fails never turns an activity into a 500, and an activity Teams
delivers again is handled once (typed commands and card actions, like DM replies)."""

from __future__ import annotations

import logging
import socket
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from bot.kernel.clock import ManualClock
from handlers.teams import deps
from storage.models import AgendaItem, Pair
from tests.fakes.teams_connector import FakeConnector, buttons, text_of
from tests.integration.conftest import CLAIRE, THOMAS
from tests.integration.harness import free_port
from tests.integration.teams_harness import TeamsBot

PAIR = "pair @claire @thomas weekly on thursday at 18:00 tz Europe/Paris"
SUBMIT_PAIR = {
    "mentor": CLAIRE.id,
    "mentee": THOMAS.id,
    "frequency": "2w",
    "weekday": "3",
    "time": "18:00",
    "duration": "60",
    "format": "video",
}


@pytest.fixture
def silent_server() -> Iterator[str]:
    """A connector that accepts connections and never answers (a call to it times out)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)
        yield f"http://127.0.0.1:{server.getsockname()[1]}/"


def logged(caplog: pytest.LogCaptureFixture) -> str:
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("handlers."))


@pytest.mark.parametrize("failure", ["5xx", "refused", "timeout"])
def test_a_reply_the_connector_refuses_is_logged_and_the_message_answered_200(
    teams: TeamsBot,
    connector: FakeConnector,
    caplog: pytest.LogCaptureFixture,
    request: pytest.FixtureRequest,
    failure: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(deps, "LATER_TRIES", 1)  # a quick failure's tries after the turn: one
    teams.install(THOMAS)
    activity = teams.message(THOMAS, "agenda add Negotiating my salary")
    if failure == "5xx":  # and again to the one more try
        connector.fail_next(THOMAS.chat, 502)
        connector.fail_next(THOMAS.chat, 502)
    else:
        dead = f"http://127.0.0.1:{free_port()}/"
        activity["serviceUrl"] = (
            dead if failure == "refused" else request.getfixturevalue("silent_server")
        )
    with caplog.at_level(logging.INFO):
        assert teams.post_activity(activity).status_code == 200
        teams.settle()  # and the tries after the turn, for a quick failure
    log = logged(caplog)
    assert f"activity {activity['id']} in {THOMAS.chat} not delivered" in log
    assert "salary" not in log.lower() and "agenda" not in log.lower()  # ids, never content


def test_an_answer_the_connector_still_fails_in_its_turn_comes_after_it(
    teams: TeamsBot, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    """502 to both tries of the turn: the answer is tried again after it, and goes through
    (lost before: the connector had a blip of two seconds)."""
    teams.install(THOMAS)
    before = len(connector.sent(THOMAS.chat))
    for _ in range(3):
        connector.fail_next(THOMAS.chat, 502)
    activity = teams.message(THOMAS, "help")
    with caplog.at_level(logging.INFO):
        assert teams.post_activity(activity).status_code == 200
        teams.settle()
    [answer] = connector.sent(THOMAS.chat)[before:]
    assert "Mentorbot" in text_of(answer)
    log = logged(caplog)
    assert f"{activity['id']} in {THOMAS.chat} not delivered in its turn, tried again" in log
    assert f"{activity['id']} in {THOMAS.chat} delivered after its turn" in log


def test_an_answer_whose_connector_stays_down_is_given_up_after_its_tries(
    teams: TeamsBot,
    connector: FakeConnector,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(deps, "LATER_TRIES", 2)
    teams.install(THOMAS)
    before = len(connector.sent(THOMAS.chat))
    for _ in range(deps.ANSWER_TRIES + 2):
        connector.fail_next(THOMAS.chat, 503)
    with caplog.at_level(logging.INFO):
        assert teams.post_activity(teams.message(THOMAS, "help")).status_code == 200
        teams.settle()
    assert connector.sent(THOMAS.chat)[before:] == []
    assert "not delivered after its turn either" in logged(caplog)


def test_an_answer_the_connector_fails_once_is_sent_again(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    """A 502, then the answer goes through on the one more try, a second later."""
    teams.install(THOMAS)
    before = len(connector.sent(THOMAS.chat))
    connector.fail_next(THOMAS.chat, 502)
    assert teams.post_activity(teams.message(THOMAS, "help")).status_code == 200
    [answer] = connector.sent(THOMAS.chat)[before:]
    assert "Mentorbot" in text_of(answer)


def test_a_card_action_whose_answer_fails_is_answered_in_the_invoke_response(
    teams: TeamsBot, connector: FakeConnector, caplog: pytest.LogCaptureFixture
) -> None:
    teams.install(THOMAS)
    connector.fail_next(THOMAS.chat, 503)
    connector.fail_next(THOMAS.chat, 503)
    with caplog.at_level(logging.INFO):
        pressed = teams.press(THOMAS, {"action": "session.skip", "value": "1"}, verb="button")
    assert pressed.status_code == 200
    assert pressed.json()["type"] == "application/vnd.microsoft.activity.message"
    assert "went wrong" in pressed.json()["value"]
    assert "not delivered" in logged(caplog)


def test_a_press_carried_out_whose_answer_fails_says_so_not_that_nothing_changed(
    teams: TeamsBot, connector: FakeConnector, clock: ManualClock
) -> None:
    """Thomas skips his session from its reminder; the connector refuses the answer. The skip
    stands (Claire is told), and the invoke's message says it was done, not "nothing was
    changed"."""
    teams.install(CLAIRE)
    teams.install(THOMAS)
    teams.make_pair(THOMAS, PAIR)
    clock.set(datetime(2026, 12, 2, 17, 0, tzinfo=UTC))
    teams.dispatch()
    [skip] = [b for b in buttons(connector.sent(THOMAS.chat)[-1]) if b["action"] == "session.skip"]
    connector.fail_next(THOMAS.chat, 503)
    connector.fail_next(THOMAS.chat, 503)
    told = len(connector.sent(CLAIRE.chat))
    pressed = teams.press(THOMAS, skip, verb="button")
    assert pressed.status_code == 200
    assert pressed.json()["value"].startswith("Done, but my answer could not be posted")
    teams.settle()
    assert any("a annulé la séance" in text_of(m) for m in connector.sent(CLAIRE.chat)[told:])


def test_a_command_delivered_twice_is_handled_once(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    teams.make_pair(THOMAS, PAIR)
    activity = teams.message(THOMAS, "agenda add Negotiating my salary")
    before = len(connector.sent(THOMAS.chat))
    assert teams.post_activity(activity).status_code == 200
    assert teams.post_activity(activity).status_code == 200  # Teams' retry of the same one
    assert len(connector.sent(THOMAS.chat)) == before + 1
    assert teams.bot is not None
    with teams.bot.core.db.session() as session:
        assert len(session.exec(select(AgendaItem)).all()) == 1


def test_a_card_action_delivered_twice_is_handled_once(
    teams: TeamsBot, connector: FakeConnector
) -> None:
    teams.install(CLAIRE)
    teams.install(THOMAS)
    [submit] = buttons(teams.answer(THOMAS, "pair"))
    value = {
        "action": {"type": "Action.Execute", "verb": "form", "data": {**submit, **SUBMIT_PAIR}}
    }
    activity = teams.activity(THOMAS, "invoke", name="adaptiveCard/action", value=value)
    created = teams.post_activity(activity).json()
    assert "Thursday" in str(created["value"])
    again = teams.post_activity(activity)
    assert again.status_code == 200 and "Already done" in again.json()["value"]
    teams.settle()
    assert teams.bot is not None
    with teams.bot.core.db.session() as session:
        assert len(session.exec(select(Pair)).all()) == 1
