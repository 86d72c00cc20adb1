"""Who the bot is in single-token mode (Slack's `auth.test`), asked once and kept, without ever
holding a request up or failing it while Slack cannot say.

Bolt's own single-team authorization asks on the first request and, when Slack fails to
answer, loses that request: a connection error escapes as a failure of the listener, and an
error of Slack's (a 5xx, a rate limit) answers the person "Please install this app into the
workspace". Yet the identity is no check of the request (its signature is) and our listeners
use none of it: they skip every message a bot sent themselves. So a request that comes while
Slack cannot say is served with the token alone, and the question is asked again later."""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

import aiohttp
from slack_bolt.authorization import AuthorizeResult
from slack_bolt.authorization.async_authorize import AsyncAuthorize
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from handlers.slack.api_errors import reason

log = logging.getLogger(__name__)
WAIT_FOR_ANSWER = 1.0
"""Seconds a request waits for Slack's answer, at most: the ack is due within 3."""
ASK_AGAIN_AFTER = 10.0
"""Seconds after a failed question before the next one: an outage is not asked at each request."""


class BotIdentity(AsyncAuthorize):
    """Bolt's `authorize` for one bot token: `auth.test` answered once is kept for good."""

    def __init__(self, client: AsyncWebClient, *, clock: Any = time.monotonic) -> None:
        super().__init__()
        self.client = client
        self.clock = clock
        self.known: AuthorizeResult | None = None
        self._asking: asyncio.Task[None] | None = None
        self._failed_at: float | None = None

    async def __call__(
        self,
        *,
        context: Any,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        **_actor: Any,
    ) -> AuthorizeResult:
        if self.known is None:
            asking = self._ask()
            if asking is not None:
                await asyncio.wait({asking}, timeout=WAIT_FOR_ANSWER)
        known = self.known
        if known is None:  # the request's own workspace, with the token alone
            return self._result(enterprise_id, team_id, user_id, bot_id=None, bot_user_id=None)
        return self._result(
            known.enterprise_id,
            known.team_id,
            user_id,
            bot_id=known.bot_id,
            bot_user_id=known.bot_user_id,
            scopes=known.bot_scopes or known.user_scopes,
        )

    def _ask(self) -> asyncio.Task[None] | None:
        """The question under way, or a new one; None shortly after one failed."""
        if self._asking is None:
            if self._failed_at is not None and self.clock() - self._failed_at < ASK_AGAIN_AFTER:
                return None
            self._asking = asyncio.create_task(self._auth_test())
        return self._asking

    async def _auth_test(self) -> None:
        try:
            response = await self.client.auth_test()
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            self._failed_at = self.clock()
            log.warning("auth.test failed (%s): serving with the token alone", reason(error))
        else:
            bot = self._token(bot=True) is not None
            scopes = response.headers.get("x-oauth-scopes")  # the token's, as Bolt reads them
            self.known = AuthorizeResult.from_auth_test_response(
                bot_token=self._token(bot=True),
                user_token=self._token(bot=False),
                bot_scopes=scopes if bot else None,
                user_scopes=None if bot else scopes,
                auth_test_response=response,
            )
        finally:
            self._asking = None

    def _token(self, *, bot: bool) -> str | None:
        token = self.client.token
        return token if token is not None and token.startswith("xoxb-") == bot else None

    def _result(
        self,
        enterprise_id: str | None,
        team_id: str | None,
        user_id: str | None,
        *,
        bot_id: str | None,
        bot_user_id: str | None,
        scopes: Any = None,
    ) -> AuthorizeResult:
        bot_token = self._token(bot=True)
        return AuthorizeResult(
            enterprise_id=enterprise_id,
            team_id=team_id,
            user_id=user_id,
            bot_id=bot_id,
            bot_user_id=bot_user_id,
            bot_token=bot_token,
            user_token=self._token(bot=False),
            bot_scopes=scopes if bot_token else None,
            user_scopes=None if bot_token else scopes,
        )
