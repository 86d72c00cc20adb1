"""What the Slack listeners share: the core, profiles and the messenger."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.kernel.core import Core
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import DeliveryError, Target
from bot.kernel.replies import Reply, say
from bot.people.person import lang_of
from handlers.answers import AnswerLost, persist
from handlers.slack.blocks import fallback, reply_blocks
from handlers.slack.messenger import SlackMessenger
from handlers.slack.profiles import PLATFORM, SlackProfiles
from handlers.slack.workspaces import SlackWorkspaces
from storage.queries.people import get_person

log = logging.getLogger(__name__)


@dataclass
class SlackDeps:
    core: Core
    profiles: SlackProfiles
    messenger: SlackMessenger

    @property
    def workspaces(self) -> SlackWorkspaces:
        return self.messenger.workspaces

    def actor(self, context: Any, body: dict[str, Any]) -> str:
        """Who pressed a button or submitted a modal, as the core knows them."""
        return self.workspaces.person(context, (body.get("user") or {}).get("id", ""))

    def lang(self, user_id: str) -> Lang:
        with self.core.db.session() as session:
            person = get_person(session=session, platform=PLATFORM, external_id=user_id)
            return lang_of(person) if person else "en"

    async def check_people(self, actor: str, others: list[str]) -> Reply | None:
        """Fetch profiles; a polite error reply when someone named cannot be paired."""
        unknown, bots = await self.profiles.ensure([actor, *others])
        lang = await asyncio.to_thread(self.lang, actor)
        for user_id in others:
            if user_id in unknown:
                return say(t("error.unknown_person", lang, who=f"<@{user_id}>"), is_error=True)
            if user_id in bots:
                return say(t("error.bot_person", lang, who=f"<@{user_id}>"), is_error=True)
        if actor in unknown or actor in bots:  # no person of ours: nothing to answer for
            return say(t("error.internal", lang), is_error=True)
        return None

    async def answer(
        self, respond: AsyncRespond | None, reply: Reply, *, to: str, **options: Any
    ) -> None:
        """Answer `to` ephemerally at the request's response_url, as Bolt's `respond` would but
        over the process's kept-alive connections, tried again after a passing failure; by DM
        when the response_url cannot take it (expired, or Slack failing)."""
        if respond is None or respond.response_url is None:
            raise ValueError("no response_url to answer at")
        url = respond.response_url
        message = {"response_type": "ephemeral", **options, "text": fallback(reply)}
        message["blocks"] = reply_blocks(reply)
        try:
            await persist(lambda: self._post_answer(url, message))
        except DeliveryError as error:
            log.warning("answer to %s at its response_url failed (%s): by DM", to, error)
            await self.dm(to, reply)

    async def _post_answer(self, url: str, message: dict[str, Any]) -> None:
        hook = AsyncWebhookClient(url=url, session=self.messenger.client.session)
        try:
            response = await hook.send_dict(message)
        except (TimeoutError, aiohttp.ClientError) as error:  # its kind: the URL is a secret
            raise DeliveryError(f"connection: {type(error).__name__}", transient=True) from error
        status = response.status_code
        if status == 429:
            wait = response.headers.get("Retry-After", "1")
            raise DeliveryError("ratelimited", retry_after=float(wait) if wait.isdigit() else 1.0)
        if status >= 500:
            raise DeliveryError(f"HTTP {status}", transient=True)
        if status >= 300:
            raise DeliveryError(f"HTTP {status}: {response.body[:100]}", permanent=True)

    async def dm(self, user_id: str, reply: Reply) -> None:
        """Answer someone in their DM with the bot (after a modal, which has no response_url),
        tried again after a passing failure; AnswerLost when it cannot get through."""
        target = Target(platform=PLATFORM, kind="dm", address=user_id)
        try:
            await persist(lambda: self.messenger.send(target, reply))
        except DeliveryError as error:
            raise AnswerLost(f"no answer reached {user_id}: {error}") from error
