"""FakeSlack and the signing helpers, checked through slack-sdk itself."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests.fakes import signing
from tests.fakes.block_kit import validate_blocks, validate_view
from tests.fakes.slack_api import FakeSlack

SECTION = {"type": "section", "text": {"type": "mrkdwn", "text": "Hello"}}


@pytest.fixture
def fake() -> Iterator[FakeSlack]:
    with FakeSlack() as slack:
        slack.add_user("UCLAIRE", name="claire", tz="Europe/Paris", locale="fr-FR")
        yield slack


@pytest.fixture
def client(fake: FakeSlack) -> WebClient:
    return WebClient(token="xoxb-test", base_url=fake.base_url)


def test_users_info_gives_the_locale_when_asked(fake: FakeSlack, client: WebClient) -> None:
    user = client.users_info(user="UCLAIRE", include_locale=True)["user"]
    assert (user["locale"], user["tz"], user["profile"]["display_name"]) == (
        "fr-FR",
        "Europe/Paris",
        "claire",
    )
    assert user["tz_offset"] in (3600, 7200)
    assert "locale" not in client.users_info(user="UCLAIRE")["user"]
    with pytest.raises(SlackApiError) as unknown:
        client.users_info(user="UNOBODY")
    assert unknown.value.response["error"] == "user_not_found"


def test_a_dm_is_opened_posted_and_found_by_user(fake: FakeSlack, client: WebClient) -> None:
    channel = client.conversations_open(users="UCLAIRE")["channel"]["id"]
    first = client.chat_postMessage(channel=channel, text="Hi", blocks=[SECTION])
    second = client.chat_postMessage(channel=channel, text="Again")
    assert float(second["ts"]) > float(first["ts"])
    [message, _] = fake.messages_to("UCLAIRE")
    assert message["blocks"] == [SECTION] and message["text"] == "Hi"
    assert [c.method for c in fake.calls()] == ["conversations.open"] + ["chat.postMessage"] * 2
    with pytest.raises(SlackApiError, match="channel_not_found"):
        client.chat_postMessage(channel="C0UNKNOWN", text="Hi")


@pytest.mark.parametrize(
    "blocks",
    [
        [{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}],
        [SECTION] * 51,
    ],
    ids=["section-3001-chars", "51-blocks"],
)
def test_invalid_block_kit_is_rejected(
    fake: FakeSlack, client: WebClient, blocks: list[dict]
) -> None:
    with pytest.raises(SlackApiError) as rejected:
        client.chat_postMessage(channel="C0GENERAL", text="Hi", blocks=blocks)
    assert rejected.value.response["error"] == "invalid_blocks"
    assert rejected.value.response["errors"]
    assert [c.method for c in fake.rejections()] == ["chat.postMessage"]
    assert fake.messages_to("C0GENERAL") == []


def test_validators_catch_what_slack_rejects() -> None:
    button = {"type": "button", "action_id": "go", "text": {"type": "plain_text", "text": "Go"}}
    assert validate_blocks([{"type": "actions", "elements": [button]}]) == []
    assert validate_blocks([{"type": "actions", "elements": [button, button]}])
    assert validate_blocks([{"type": "header", "text": {"type": "mrkdwn", "text": "H"}}])
    title = {"type": "plain_text", "text": "x" * 25}
    [problem] = validate_view({"type": "modal", "title": title, "blocks": [SECTION]})
    assert problem.startswith("/view: title") and "24 characters" in problem


P = {"type": "plain_text", "text": "Go"}
BUTTON = {"type": "button", "action_id": "go", "text": P}
OPTION = {"text": P, "value": "a"}


def select(kind: str, options: list[dict], **more) -> dict:
    return {
        "type": "actions",
        "elements": [{"type": kind, "action_id": "s", "options": options, **more}],
    }


def text_input(**element) -> dict:
    element = {"type": "plain_text_input", "action_id": "t", **element}
    return {"type": "input", "label": P, "element": element}


@pytest.mark.parametrize(
    ("blocks", "where"),
    [
        # What slack_sdk's models check, or lose when they read it back.
        ([{"type": "section", "text": {"type": "mrkdwn", "text": "x" * 3001}}], "/blocks/0"),
        (
            [{"type": "actions", "elements": [{**BUTTON, "text": {**P, "text": "x" * 76}}]}],
            "/blocks/0",
        ),
        ([{"type": "divider", "colour": "red"}], "/blocks/0/colour"),
        ([{"type": "section", "text": {"type": "mrkdwn", "text": ""}}], "/blocks/0/text/text"),
        ([{"type": "actions", "elements": []}], "/blocks/0/elements"),
        ([{"type": "poll"}], "/blocks/0/type"),
        (["section"], "/blocks/0"),
        ([{"type": "section"}], "/blocks/0"),
        # What the models lack, kept in the fake.
        ([SECTION] * 51, "/blocks"),
        ([{"type": "divider", "block_id": "a"}] * 2, "/blocks/1/block_id"),
        (
            [{"type": "actions", "elements": [BUTTON]}, {"type": "actions", "elements": [BUTTON]}],
            "/blocks/1/elements/0/action_id",
        ),
        ([{"type": "header", "text": {"type": "mrkdwn", "text": "H"}}], "/blocks/0/text/type"),
        (
            [
                {
                    "type": "actions",
                    "elements": [{**BUTTON, "text": {"type": "mrkdwn", "text": "Go"}}],
                }
            ],
            "/blocks/0/elements/0/text/type",
        ),
        ([{"type": "context", "elements": [BUTTON]}], "/blocks/0/elements/0/type"),
        (
            [{"type": "section", "text": P, "accessory": text_input()["element"]}],
            "/blocks/0/accessory/type",
        ),
        ([select("overflow", [OPTION])], "/blocks/0/elements/0/options"),
        (
            [select("static_select", [{**OPTION, "value": "v" * 151}])],
            "/blocks/0/elements/0/options/0/value",
        ),
        (
            [select("static_select", [OPTION], initial_option={**OPTION, "value": "b"})],
            "/blocks/0/elements/0/initial_option",
        ),
        ([text_input()], "/blocks/0"),  # input blocks belong in modals
    ],
)
def test_the_fake_refuses_malformed_blocks(blocks: list, where: str) -> None:
    problems = validate_blocks(blocks)
    assert any(p.startswith(f"{where}:") for p in problems), problems


@pytest.mark.parametrize(
    "element",
    [
        {"max_length": 3001},
        {"min_length": 10, "max_length": 5},
        {"max_length": 3, "initial_value": "four"},
    ],
)
def test_the_fake_refuses_text_inputs_slack_refuses(element: dict) -> None:
    view = {"type": "modal", "title": P, "submit": P, "blocks": [text_input(**element)]}
    assert validate_view(view)
    assert validate_view({**view, "blocks": [text_input()]}) == []
    assert validate_view({**view, "blocks": [text_input()], "submit": None})  # inputs need it


def test_a_429_carries_retry_after(fake: FakeSlack, client: WebClient) -> None:
    fake.fail_next("chat.postMessage", retry_after=7)
    with pytest.raises(SlackApiError) as limited:
        client.chat_postMessage(channel="C0GENERAL", text="Hi")
    assert limited.value.response.status_code == 429
    assert limited.value.response.headers["Retry-After"] == "7"
    assert client.chat_postMessage(channel="C0GENERAL", text="Hi")["ok"]


def test_response_urls_record_valid_posts(fake: FakeSlack) -> None:
    answer = WebhookClient(fake.response_url("r1")).send(text="Done", response_type="ephemeral")
    assert answer.status_code == 200
    assert fake.responses("r1") == [{"text": "Done", "response_type": "ephemeral"}]
    assert (
        WebhookClient(fake.response_url("r1")).send(text="x", blocks=[SECTION] * 51).status_code
        == 400
    )


def test_wait_for_explains_a_timeout(fake: FakeSlack) -> None:
    with pytest.raises(AssertionError, match="last calls"):
        fake.wait_for(lambda: fake.messages_to("UCLAIRE"), timeout=0.05)


def test_signatures_match_slack_sdk() -> None:
    body = signing.slash_command_body(
        command="/mentor",
        text="help",
        user_id="UCLAIRE",
        team_id="T0MENTOR",
        channel_id="C0GENERAL",
        response_url="http://127.0.0.1/responses/r1",
        trigger_id="trigger-1",
    )
    now = int(time.time())
    headers = signing.sign(body, "secret", now)
    verifier = SignatureVerifier("secret")
    assert verifier.is_valid(
        body, headers["X-Slack-Request-Timestamp"], headers["X-Slack-Signature"]
    )
    assert not SignatureVerifier("other").is_valid_request(body, headers)
    assert parse_qs(body)["command"] == ["/mentor"]


def test_interaction_payloads_are_shaped_as_slack_sends_them() -> None:
    clicked = signing.block_actions_body(
        user_id="UCLAIRE",
        team_id="T0MENTOR",
        action_id="session.skip",
        value="42",
        trigger_id="t1",
        response_url="http://127.0.0.1/responses/skip",
        channel_id="DUCLAIRE",
        message_ts="1767000000.000100",
    )
    payload = json.loads(parse_qs(clicked)["payload"][0])
    assert payload["container"]["channel_id"] == "DUCLAIRE"
    assert payload["actions"][0]["action_id"] == "session.skip"
    assert validate_blocks(payload["message"]["blocks"]) == []
    submitted = signing.view_submission_body(
        user_id="UCLAIRE",
        team_id="T0MENTOR",
        callback_id="pair",
        private_metadata="{}",
        state_values={"tz": {"tz": signing.static_select("Europe/Paris")}},
    )
    view = json.loads(parse_qs(submitted)["payload"][0])["view"]
    assert view["state"]["values"]["tz"]["tz"]["selected_option"]["value"] == "Europe/Paris"
    assert validate_view({k: view[k] for k in ("type", "title", "blocks", "submit")}) == []
