"""Telling Slack's failures apart: passing ones (another try may succeed) from those about
the request, and naming them in a log line."""

from __future__ import annotations

from slack_sdk.errors import SlackApiError

PASSING_ERRORS = frozenset(
    {"ratelimited", "internal_error", "fatal_error", "service_unavailable", "request_timeout"}
)
"""Slack's errors that say nothing of the request: another try may succeed."""


def passing(error: Exception) -> bool:
    """Whether a failed call failed for a passing reason (a rate limit, a 5xx, the network),
    not because of the request (a person not found, deactivated…)."""
    if not isinstance(error, SlackApiError):
        return True  # no answer from Slack at all
    status = getattr(error.response, "status_code", 200)
    return status == 429 or status >= 500 or error.response.get("error") in PASSING_ERRORS


def reason(error: Exception) -> str:
    """What a log line says of a failed call: Slack's error code, or the exception's kind."""
    if isinstance(error, SlackApiError):
        return str(error.response.get("error"))
    return type(error).__name__
