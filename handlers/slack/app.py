"""The Bolt app: Web API clients pointed at SLACK_API_URL, listeners registered."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import partial

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_bolt.logger.messages import warning_client_prioritized_and_token_skipped
from slack_bolt.oauth.async_oauth_settings import AsyncOAuthSettings
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncRateLimitErrorRetryHandler,
    AsyncServerErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.kernel.core import Core
from handlers.slack.identity import BotIdentity
from handlers.slack.installations import InstallationStore, OAuthStateStore
from handlers.slack.listeners import register_listeners
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.listeners.home import current_home_view
from handlers.slack.messenger import SlackMessenger
from handlers.slack.profiles import SlackProfiles
from handlers.slack.workspaces import SlackWorkspaces

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


def interactive_client(token: str | None, api_url: str) -> AsyncWebClient:
    """For answers to people: waits out a 429 or a 5xx once rather than failing the answer."""
    return AsyncWebClient(
        token=token,
        base_url=api_url,
        retry_handlers=[
            AsyncRateLimitErrorRetryHandler(max_retry_count=1),
            AsyncServerErrorRetryHandler(max_retry_count=1),
        ],
    )


def delivery_client(token: str | None, api_url: str) -> AsyncWebClient:
    """For queued notifications: no sleeping on 429, the dispatcher requeues instead."""
    return AsyncWebClient(token=token, base_url=api_url)


BOT_SCOPES = (  # as manifest.yml asks
    "commands",
    "chat:write",
    "chat:write.public",
    "files:write",
    "im:history",
    "im:write",
    "users:read",
)
INSTALL_PATH = "/slack/install"
REDIRECT_PATH = "/slack/oauth_redirect"


@dataclass(frozen=True)
class SlackOAuth:
    """OAuth mode: the app's credentials and where installations and states are kept."""

    client_id: str
    client_secret: str
    installations: InstallationStore
    states: OAuthStateStore


def oauth_settings(oauth: SlackOAuth) -> AsyncOAuthSettings:
    return AsyncOAuthSettings(
        client_id=oauth.client_id,
        client_secret=oauth.client_secret,
        scopes=list(BOT_SCOPES),
        install_path=INSTALL_PATH,
        redirect_uri_path=REDIRECT_PATH,
        installation_store=oauth.installations,
        # Only the bot's token is kept: what a workspace needs is its bot, not its installer.
        installation_store_bot_only=True,
        state_store=oauth.states,
    )


def build_slack_app(
    core: Core,
    *,
    token: str | None,
    signing_secret: str | None,
    api_url: str,
    messenger: SlackMessenger,
    oauth: SlackOAuth | None = None,
) -> tuple[AsyncApp, AsyncWebClient]:
    """Single-token mode with `token`; OAuth mode (any number of workspaces) with `oauth`. The
    app, and the client our listeners call Slack with (a second one in single-token mode: the
    app's carries no token, so that Bolt asks `BotIdentity` who the bot is)."""
    client = interactive_client(token, api_url)
    app = AsyncApp(
        signing_secret=signing_secret,
        client=client if oauth else interactive_client(None, api_url),
        # Not a second time: in HTTP mode the endpoint checks every signature before Bolt sees
        # the request (handlers/slack/endpoint.py); Socket Mode has none to check.
        request_verification_enabled=False,
        oauth_settings=oauth_settings(oauth) if oauth else None,
        authorize=None if oauth else BotIdentity(client),
    )
    workspaces = SlackWorkspaces(
        client,
        store=oauth.installations if oauth else None,
        make_client=lambda bot_token: interactive_client(bot_token, api_url),
    )
    deps = SlackDeps(
        core=core, profiles=SlackProfiles(core, client, workspaces), messenger=messenger
    )
    register_listeners(app, deps)
    # The dispatcher's Home refreshes are built as the listeners build the Home.
    messenger.home_view = partial(current_home_view, core)
    return app, client
