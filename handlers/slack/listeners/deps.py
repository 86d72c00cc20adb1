"""What the Slack listeners share: the core, profiles and the messenger."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from typing import Any

import aiohttp
from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.kernel.core import Core
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import DeliveryError, Target
from bot.kernel.replies import Reply, say
from bot.people.person import lang_of
from handlers.answers import AnswerLost, persist
from handlers.slack.api_errors import reason
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
        user = body.get("user")
        return self.workspaces.person(context, user.get("id") if isinstance(user, dict) else None)

    def lang(self, user_id: str) -> Lang:
        with self.core.db.session() as session:
            person = get_person(session=session, platform=PLATFORM, external_id=user_id)
            return lang_of(person) if person else "en"

    async def check_people(self, actor: str, others: list[str]) -> Reply | None:
        """Fetch profiles; a polite error reply when someone named cannot be paired."""
        lookup = await self.profiles.ensure([actor, *others])
        lang = await asyncio.to_thread(self.lang, actor)
        if lookup.unavailable:  # a passing failure of Slack's, for someone never seen
            return say(t("error.profiles_unavailable", lang), is_error=True)
        for user_id in others:
            if user_id in lookup.unknown:
                return say(t("error.unknown_person", lang, who=f"<@{user_id}>"), is_error=True)
            if user_id in lookup.bots:
                return say(t("error.bot_person", lang, who=f"<@{user_id}>"), is_error=True)
        if actor in lookup.unknown or actor in lookup.bots:  # not a person of the workspace
            return say(t("error.not_a_member", lang), is_error=True)
        return None

    async def open_form(
        self, client: AsyncWebClient, trigger_id: Any, view: dict[str, Any], *, to: str
    ) -> Reply | None:
        """Open the modal `view` for `to`; None, or the answer to give when Slack would not
        (a trigger_id is good for 3 seconds once, and Slack may be failing)."""
        try:
            await client.views_open(trigger_id=str(trigger_id or ""), view=view)
        except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
            log.warning("views.open for %s failed: %s", to, reason(error))
            lang = await asyncio.to_thread(self.lang, to)
            return say(t("error.form_not_opened", lang), is_error=True)
        return None

    async def answer(
        self, respond: AsyncRespond | None, reply: Reply, *, to: str, **options: Any
    ) -> None:
        """Answer `to` ephemerally at the request's response_url, as Bolt's `respond` would but
        over the process's kept-alive connections, tried again after a passing failure; by DM
        when the request has none (a button of a modal) or it cannot take the answer (expired,
        or Slack failing)."""
        url = respond.response_url if respond is not None else None
        if not isinstance(url, str):  # not from a message: by DM
            await self.dm(to, reply)
            return
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
