"""The Bolt app: Web API clients pointed at SLACK_API_URL, listeners registered."""

from __future__ import annotations

from slack_bolt.async_app import AsyncApp
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.core import Core
from handlers.slack.listeners import register_listeners
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.messenger import SlackMessenger
from handlers.slack.profiles import SlackProfiles


def interactive_client(token: str, api_url: str) -> AsyncWebClient:
    """For answers to people: waits out a 429 or a 5xx once rather than failing the answer."""
    return AsyncWebClient(
        token=token,
        base_url=api_url,
        retry_handlers=[
            AsyncRateLimitErrorRetryHandler(max_retry_count=1),
            AsyncServerErrorRetryHandler(max_retry_count=1),
        ],
    )


def delivery_client(token: str, api_url: str) -> AsyncWebClient:
    """For queued notifications: no sleeping on 429, the dispatcher requeues instead."""
    return AsyncWebClient(token=token, base_url=api_url)


def build_slack_app(
    core: Core, *, token: str, signing_secret: str | None, api_url: str, messenger: SlackMessenger
) -> AsyncApp:
    client = interactive_client(token, api_url)
    app = AsyncApp(
        signing_secret=signing_secret,
        client=client,
        # Socket Mode has no signatures to verify; HTTP mode always verifies them.
        request_verification_enabled=signing_secret is not None,
    )
    deps = SlackDeps(core=core, profiles=SlackProfiles(core, client), messenger=messenger)
    register_listeners(app, deps)
    return app
