"""Signed Slack payloads with a value of the wrong type where Slack sends a string or an object:
bad input, answered as such. A modal's metadata or state that cannot be read is a form that
cannot be read (the answer to a stale form, or the fields' errors); a DM whose text is not a
string is a DM without text. They raised before (TypeError, AttributeError): an ERROR with its
traceback, and the apology for a failure of the bot's own."""

from __future__ import annotations

import json
import logging
from typing import Any
from urllib.parse import parse_qsl, urlencode

import pytest

from bot.kernel.i18n import t
from tests.fakes import signing
from tests.fakes.slack_api import FakeSlack
from tests.integration.conftest import MENTEE
from tests.integration.harness import TEAM, RunningBot, is_apology, text_of

FORM = "application/x-www-form-urlencoded"


def submission(callback_id: str, **view: Any) -> str:
    """The body of MENTEE's submission of form `callback_id`, its view's keys set to `view`
    after the fact (the body builder itself takes only well-formed state)."""
    body = signing.view_submission_body(
        user_id=MENTEE,
        team_id=TEAM,
        callback_id=callback_id,
        private_metadata="{}",
        state_values={},
    )
    payload = json.loads(dict(parse_qsl(body))["payload"])
    payload["view"].update(view)
    return urlencode({"payload": json.dumps(payload)})


def dm_with_text(text: Any) -> str:
    """The body of a DM event from MENTEE whose `text` is `text`, whatever its type."""
    event = signing.dm_message_event(
        user=MENTEE, text="", channel=f"D{MENTEE}", ts="1767000001.000100", team=TEAM
    )
    event["text"] = text
    return signing.event_body(event=event, team_id=TEAM, event_id="EvSHAPE01", event_time=1)


def assert_no_failure(fake: FakeSlack, caplog: pytest.LogCaptureFixture) -> None:
    """Nothing posted to Slack apologises for a failure, and nothing was logged as an error."""
    said = [json.dumps(call.args, ensure_ascii=False) for call in fake.calls()]
    assert not [text for text in said if is_apology(text)]
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    "kept",
    [123, ["{}"], "[" * 100_000 + "]" * 100_000],
    ids=["a number", "a list", "nested deeper than Python parses"],
)
def test_form_whose_metadata_cannot_be_read_is_answered_as_a_stale_form(
    running: RunningBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture, kept: Any
) -> None:
    """Metadata that is not the JSON object the bot wrote names no session: the answer to a
    form about a session that is not (or no longer) the person's."""
    values = {"text": {"text": signing.plain_text("Talk about the roadmap")}}
    body = submission("agenda_add", private_metadata=kept, state={"values": values})
    with caplog.at_level(logging.WARNING):
        assert running.post(body, FORM).status_code == 200
        [answer] = fake.wait_for(lambda: fake.messages_to(MENTEE))
        running.settle()
    assert t("session.not_yours", "en") in text_of(answer)
    assert_no_failure(fake, caplog)


@pytest.mark.parametrize(
    "view",
    [
        {"state": [1]},
        {"state": {"values": [1]}},
        {"state": {"values": {"mentor": {"mentor": "UCLAIRE"}}}},
        {
            "state": {
                "values": {
                    "frequency": {
                        "frequency": {"type": "static_select", "selected_option": "weekly"}
                    }
                }
            }
        },
    ],
    ids=[
        "state a list",
        "values a list",
        "an action's state a string",
        "selected_option a string",
    ],
)
def test_form_whose_values_cannot_be_read_gets_the_errors_of_its_fields(
    running: RunningBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture, view: dict[str, Any]
) -> None:
    """Values of the wrong type are values not given: the modal shows what is missing."""
    with caplog.at_level(logging.WARNING):
        answer = running.post(submission("pair", **view), FORM)
        running.settle()
    assert answer.status_code == 200
    ack = answer.json()
    assert ack["response_action"] == "errors"
    assert {"mentor", "mentee", "frequency"} <= set(ack["errors"])
    assert_no_failure(fake, caplog)


@pytest.mark.parametrize("text", [{"a": 1}, [1], 42], ids=["a dict", "a list", "a number"])
def test_dm_whose_text_is_not_a_string_is_a_dm_without_text(
    running: RunningBot, fake: FakeSlack, caplog: pytest.LogCaptureFixture, text: Any
) -> None:
    """No text is no summary: the polite note that the bot did not expect a DM."""
    with caplog.at_level(logging.WARNING):
        assert running.post(dm_with_text(text), "application/json").status_code == 200
        running.settle()
        [answer] = fake.wait_for(lambda: fake.messages_to(MENTEE))
    assert t("dm.not_expected", "en") in text_of(answer)
    assert_no_failure(fake, caplog)
