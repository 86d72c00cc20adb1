"""The Bolt app: Web API clients pointed at SLACK_API_URL, listeners registered."""

from __future__ import annotations

import logging

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
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

CALL_TIMEOUT = 30.0  # seconds, slack_sdk's own default


class _ClientGiven(logging.Filter):
    """Bolt reads SLACK_BOT_TOKEN itself and warns that the client given to it wins: it does,
    by design (the client carries the same token and our retry handlers)."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != warning_client_prioritized_and_token_skipped()


logging.getLogger("slack_bolt.AsyncApp").addFilter(_ClientGiven())


class SlackConnections:
    """One pool of kept-alive HTTP connections for every Web API client of the process (a new
    connection per call otherwise); opened in the event loop, which aiohttp needs, and closed
    on shutdown."""

    def __init__(self, *clients: AsyncWebClient) -> None:
        self.clients = clients
        self.session: aiohttp.ClientSession | None = None

    async def open(self) -> None:
        self.session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=CALL_TIMEOUT))
        for client in self.clients:
            client.session = self.session

    async def close(self) -> None:
        session, self.session = self.session, None
        for client in self.clients:
            client.session = None
        if session is not None:
            await session.close()


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
        # Not a second time: in HTTP mode the endpoint checks every signature before Bolt sees
        # the request (handlers/slack/endpoint.py); Socket Mode has none to check.
        request_verification_enabled=False,
    )
    deps = SlackDeps(core=core, profiles=SlackProfiles(core, client), messenger=messenger)
    register_listeners(app, deps)
    return app
