"""Requests as Slack sends them: signatures and payloads for commands, events and interactions."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
import uuid
from typing import Any
from urllib.parse import urlencode

API_APP_ID = "A0MENTOR"
BOT_USER, BOT_ID = "UBOT", "BBOT"
TEAM_DOMAIN = "mentoring"
# The deprecated verification token Slack still puts in every payload; Bolt ignores it.
TOKEN = "verification-token-unused"


def sign(body: str | bytes, secret: str, timestamp: int) -> dict[str, str]:
    """The headers Slack adds: `v0=` + HMAC-SHA256 hex of `v0:{timestamp}:{body}`."""
    raw = body if isinstance(body, bytes) else body.encode()
    base = f"v0:{timestamp}:".encode() + raw
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


def _channel_name(channel_id: str) -> str:
    return "directmessage" if channel_id.startswith("D") else channel_id.lower()


def slash_command_body(
    *,
    command: str,
    text: str,
    user_id: str,
    team_id: str,
    channel_id: str,
    response_url: str,
    trigger_id: str,
    user_name: str = "user",
    api_app_id: str = API_APP_ID,
) -> str:
    """The form-encoded body of a slash command invocation."""
    return urlencode(
        {
            "token": TOKEN,
            "team_id": team_id,
            "team_domain": TEAM_DOMAIN,
            "channel_id": channel_id,
            "channel_name": _channel_name(channel_id),
            "user_id": user_id,
            "user_name": user_name,
            "command": command,
            "text": text,
            "api_app_id": api_app_id,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def event_body(
    *,
    event: dict[str, Any],
    team_id: str,
    event_id: str,
    event_time: int,
    api_app_id: str = API_APP_ID,
) -> str:
    """The JSON `event_callback` envelope of the Events API around `event`."""
    return json.dumps(
        {
            "token": TOKEN,
            "team_id": team_id,
            "context_team_id": team_id,
            "context_enterprise_id": None,
            "api_app_id": api_app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": event_time,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": team_id,
                    "user_id": BOT_USER,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-{event_id}",
        }
    )


def user_change_event(
    *, user: str, name: str, deleted: bool, team: str = "T0MENTOR"
) -> dict[str, Any]:
    """A `user_change` event (the `users:read` scope): the user's whole object, as after an
    admin deactivated the account (`deleted`: true)."""
    return {
        "type": "user_change",
        "user": {
            "id": user,
            "team_id": team,
            "name": name,
            "deleted": deleted,
            "real_name": name,
            "tz": "Europe/Paris",
            "tz_label": "Central European Time",
            "tz_offset": 3600,
            "profile": {"real_name": name, "display_name": name, "fields": {}},
            "is_bot": False,
            "is_app_user": False,
            "updated": 1767000000,
        },
        "cache_ts": 1767000000,
        "event_ts": "1767000000.000100",
    }


def dm_message_event(
    *, user: str, text: str, channel: str, ts: str, team: str = "T0MENTOR"
) -> dict[str, Any]:
    """A `message` event for a DM to the bot (the `message.im` subscription)."""
    return {
        "client_msg_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{channel}/{ts}")),
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "blocks": [
            {
                "type": "rich_text",
                "block_id": uuid.uuid5(uuid.NAMESPACE_OID, ts).hex[:5],
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        ],
        "team": team,
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im",
    }


def app_home_opened_event(
    *, user: str, tab: str = "home", view: dict[str, Any] | None = None
) -> dict[str, Any]:
    """`app_home_opened`: `view` (the Home as last published) only once one was published."""
    event: dict[str, Any] = {
        "type": "app_home_opened",
        "user": user,
        "channel": f"D{user}",
        "tab": tab,
        "event_ts": f"{time.time():.6f}",
    }
    if view is not None:
        event["view"] = view
    return event


def _user(user_id: str, team_id: str) -> dict[str, str]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def _interaction(payload: dict[str, Any]) -> str:
    return urlencode({"payload": json.dumps(payload)})


def block_actions_body(
    *,
    user_id: str,
    team_id: str,
    action_id: str,
    value: str,
    trigger_id: str,
    response_url: str | None,
    channel_id: str | None = None,
    message_ts: str | None = None,
    block_id: str = "b",
    button_text: str = "Button",
    view_id: str = "V0VIEW",
    view: dict[str, Any] | None = None,
) -> str:
    """A button click (`block_actions`) on a bot message, or in a view if no channel: the modal
    `view_id`, or `view` as Slack stored it (a Home tab from views.publish).

    Slack sends no response_url for clicks in a view: pass None there.
    """
    if (channel_id is None) != (message_ts is None):
        raise ValueError("a click on a message needs both channel_id and message_ts")
    text = {"type": "plain_text", "text": button_text, "emoji": True}
    button = {"type": "button", "action_id": action_id, "text": text, "value": value}
    payload: dict[str, Any] = {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": TOKEN,
        "trigger_id": trigger_id,
        "team": {"id": team_id, "domain": TEAM_DOMAIN},
        "enterprise": None,
        "is_enterprise_install": False,
        "state": {"values": {}},
    }
    if channel_id is not None:
        payload["container"] = {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": False,
        }
        payload["channel"] = {"id": channel_id, "name": _channel_name(channel_id)}
        payload["message"] = {
            "user": BOT_USER,
            "type": "message",
            "ts": message_ts,
            "bot_id": BOT_ID,
            "app_id": API_APP_ID,
            "text": button_text,
            "team": team_id,
            "blocks": [{"type": "actions", "block_id": block_id, "elements": [button]}],
        }
    elif view is not None:
        payload["container"] = {"type": "view", "view_id": view["id"]}
        payload["view"] = view
    else:
        payload["container"] = {"type": "view", "view_id": view_id}
        payload["view"] = _view(
            view_id=view_id, team_id=team_id, callback_id="", private_metadata="", values={}
        )
    if response_url is not None:
        payload["response_url"] = response_url
    payload["actions"] = [
        {
            "action_id": action_id,
            "block_id": block_id,
            "text": text,
            "value": value,
            "type": "button",
            "action_ts": f"{time.time():.6f}",
        }
    ]
    return _interaction(payload)


def _input_blocks(values: dict[str, dict[str, dict[str, Any]]]) -> list[dict[str, Any]]:
    """The input blocks a modal with these state values would have had."""
    blocks = []
    for block_id, actions in values.items():
        for action_id, state in actions.items():
            element: dict[str, Any] = {"type": state["type"], "action_id": action_id}
            if state["type"] == "static_select" and state.get("selected_option"):
                element["options"] = [state["selected_option"]]
            blocks.append(
                {
                    "type": "input",
                    "block_id": block_id,
                    "label": {"type": "plain_text", "text": block_id, "emoji": True},
                    "optional": False,
                    "dispatch_action": False,
                    "element": element,
                }
            )
    return blocks


def _view(
    *,
    view_id: str,
    team_id: str,
    callback_id: str,
    private_metadata: str,
    values: dict[str, dict[str, dict[str, Any]]],
) -> dict[str, Any]:
    return {
        "id": view_id,
        "team_id": team_id,
        "type": "modal",
        "blocks": _input_blocks(values),
        "private_metadata": private_metadata,
        "callback_id": callback_id,
        "state": {"values": values},
        "hash": "1767000000.a1b2c3d4",
        "title": {"type": "plain_text", "text": "Mentorbot", "emoji": True},
        "clear_on_close": False,
        "notify_on_close": False,
        "close": {"type": "plain_text", "text": "Cancel", "emoji": True},
        "submit": {"type": "plain_text", "text": "Save", "emoji": True},
        "previous_view_id": None,
        "root_view_id": view_id,
        "app_id": API_APP_ID,
        "external_id": "",
        "app_installed_team_id": team_id,
        "bot_id": BOT_ID,
    }


def view_submission_body(
    *,
    user_id: str,
    team_id: str,
    callback_id: str,
    private_metadata: str,
    state_values: dict[str, dict[str, dict[str, Any]]],
    view_id: str = "V0VIEW",
    trigger_id: str = "1767000000.0001.c0ffee",
) -> str:
    """A modal's submission (`view_submission`); state values keyed by block_id then action_id."""
    return _interaction(
        {
            "type": "view_submission",
            "team": {"id": team_id, "domain": TEAM_DOMAIN},
            "user": _user(user_id, team_id),
            "api_app_id": API_APP_ID,
            "token": TOKEN,
            "trigger_id": trigger_id,
            "view": _view(
                view_id=view_id,
                team_id=team_id,
                callback_id=callback_id,
                private_metadata=private_metadata,
                values=state_values,
            ),
            "response_urls": [],
            "is_enterprise_install": False,
            "enterprise": None,
        }
    )


# The per-action state values of a view_submission, as Slack reports each element type.
def users_select(user: str | None) -> dict[str, Any]:
    return {"type": "users_select", "selected_user": user}


def static_select(value: str | None) -> dict[str, Any]:
    option = (
        None
        if value is None
        else {"text": {"type": "plain_text", "text": value, "emoji": True}, "value": value}
    )
    return {"type": "static_select", "selected_option": option}


def plain_text(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def timepicker(value: str | None) -> dict[str, Any]:
    return {"type": "timepicker", "selected_time": value}


def datepicker(value: str | None) -> dict[str, Any]:
    return {"type": "datepicker", "selected_date": value}


def radio_buttons(value: str | None) -> dict[str, Any]:
    return {**static_select(value), "type": "radio_buttons"}
