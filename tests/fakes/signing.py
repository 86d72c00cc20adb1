"""Requests as Slack sends them: signatures and payloads for commands, events and interactions."""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any
from urllib.parse import urlencode

API_APP_ID = "A0MENTOR"


def sign(body: str, secret: str, timestamp: int) -> dict[str, str]:
    """The headers Slack adds: `v0=` HMAC-SHA256 of `v0:{timestamp}:{body}`."""
    base = f"v0:{timestamp}:{body}".encode()
    digest = hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()
    return {"X-Slack-Request-Timestamp": str(timestamp), "X-Slack-Signature": f"v0={digest}"}


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
) -> str:
    return urlencode(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "team_domain": "mentoring",
            "channel_id": channel_id,
            "channel_name": "general",
            "user_id": user_id,
            "user_name": user_name,
            "command": command,
            "text": text,
            "api_app_id": API_APP_ID,
            "is_enterprise_install": "false",
            "response_url": response_url,
            "trigger_id": trigger_id,
        }
    )


def event_body(*, event: dict[str, Any], team_id: str, event_id: str, event_time: int) -> str:
    """The `event_callback` envelope of the Events API."""
    return json.dumps(
        {
            "token": "verification-token-unused",
            "team_id": team_id,
            "api_app_id": API_APP_ID,
            "event": event,
            "type": "event_callback",
            "event_id": event_id,
            "event_time": event_time,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": team_id,
                    "user_id": "UBOT",
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": False,
            "event_context": f"4-{event_id}",
        }
    )


def dm_message_event(*, user: str, text: str, channel: str, ts: str) -> dict[str, Any]:
    """A `message` event for a DM to the bot (`message.im`)."""
    return {
        "client_msg_id": f"msg-{ts}",
        "type": "message",
        "text": text,
        "user": user,
        "ts": ts,
        "team": "T0MENTOR",
        "blocks": [
            {
                "type": "rich_text",
                "block_id": "rt",
                "elements": [
                    {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
                ],
            }
        ],
        "channel": channel,
        "event_ts": ts,
        "channel_type": "im",
    }


def _user(user_id: str, team_id: str) -> dict[str, str]:
    return {"id": user_id, "username": user_id.lower(), "name": user_id.lower(), "team_id": team_id}


def block_actions_body(
    *,
    user_id: str,
    team_id: str,
    action_id: str,
    value: str,
    trigger_id: str,
    response_url: str,
    channel_id: str,
    message_ts: str,
    block_id: str = "actions",
) -> str:
    """A button click on a bot message in a DM (`block_actions`)."""
    now = f"{time.time():.6f}"
    payload = {
        "type": "block_actions",
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": "verification-token-unused",
        "container": {
            "type": "message",
            "message_ts": message_ts,
            "channel_id": channel_id,
            "is_ephemeral": False,
        },
        "trigger_id": trigger_id,
        "team": {"id": team_id, "domain": "mentoring"},
        "enterprise": None,
        "is_enterprise_install": False,
        "channel": {"id": channel_id, "name": "directmessage"},
        "message": {"type": "message", "user": "UBOT", "ts": message_ts, "text": "…"},
        "state": {"values": {}},
        "response_url": response_url,
        "actions": [
            {
                "action_id": action_id,
                "block_id": block_id,
                "text": {"type": "plain_text", "text": "button", "emoji": True},
                "value": value,
                "type": "button",
                "action_ts": now,
            }
        ],
    }
    return urlencode({"payload": json.dumps(payload)})


def view_submission_body(
    *,
    user_id: str,
    team_id: str,
    callback_id: str,
    private_metadata: str,
    state_values: dict[str, dict[str, dict[str, Any]]],
    view_id: str = "V0VIEW",
) -> str:
    """A modal's submission (`view_submission`), its state keyed by block_id then action_id."""
    payload = {
        "type": "view_submission",
        "team": {"id": team_id, "domain": "mentoring"},
        "user": _user(user_id, team_id),
        "api_app_id": API_APP_ID,
        "token": "verification-token-unused",
        "trigger_id": f"trigger-{view_id}",
        "view": {
            "id": view_id,
            "team_id": team_id,
            "type": "modal",
            "blocks": [],
            "private_metadata": private_metadata,
            "callback_id": callback_id,
            "state": {"values": state_values},
            "hash": "1700000000.abcdef",
            "title": {"type": "plain_text", "text": "Mentorbot"},
            "clear_on_close": False,
            "notify_on_close": False,
            "close": None,
            "submit": {"type": "plain_text", "text": "Save"},
            "previous_view_id": None,
            "root_view_id": view_id,
            "app_id": API_APP_ID,
            "external_id": "",
            "app_installed_team_id": team_id,
            "bot_id": "BBOT",
        },
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }
    return urlencode({"payload": json.dumps(payload)})


def users_select(user: str | None) -> dict[str, Any]:
    return {"type": "users_select", "selected_user": user}


def static_select(value: str | None) -> dict[str, Any]:
    option = (
        None if value is None else {"text": {"type": "plain_text", "text": value}, "value": value}
    )
    return {"type": "static_select", "selected_option": option}


def plain_text(value: str | None) -> dict[str, Any]:
    return {"type": "plain_text_input", "value": value}


def timepicker(value: str | None) -> dict[str, Any]:
    return {"type": "timepicker", "selected_time": value}


def datepicker(value: str | None) -> dict[str, Any]:
    return {"type": "datepicker", "selected_date": value}
