"""Which failures of a Slack call are passing ones (a stored profile may stand in)."""

from __future__ import annotations

import aiohttp
import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web.slack_response import SlackResponse

from handlers.slack.api_errors import passing, reason


def slack_error(status: int, error: str) -> SlackApiError:
    response = SlackResponse(
        client=None,
        http_verb="GET",
        api_url="https://slack.com/api/users.info",
        req_args={},
        data={"ok": False, "error": error},
        headers={},
        status_code=status,
    )
    return SlackApiError(f"The request to the Slack API failed: {error}", response)


@pytest.mark.parametrize(
    ("error", "passes"),
    [
        (slack_error(429, "ratelimited"), True),
        (slack_error(500, "internal_error"), True),
        (slack_error(503, "service_unavailable"), True),
        (slack_error(200, "fatal_error"), True),
        (slack_error(200, "user_not_found"), False),
        (slack_error(200, "account_inactive"), False),
        (slack_error(200, "invalid_auth"), False),
        (aiohttp.ClientConnectionError("refused"), True),
        (TimeoutError(), True),
    ],
)
def test_only_passing_failures_let_a_stored_profile_stand_in(
    error: Exception, passes: bool
) -> None:
    assert passing(error) is passes


def test_a_log_line_names_the_failure_not_the_answer() -> None:
    assert reason(slack_error(200, "user_not_found")) == "user_not_found"
    assert reason(aiohttp.ClientConnectionError("refused")) == "ClientConnectionError"
