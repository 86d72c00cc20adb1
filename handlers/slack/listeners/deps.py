"""What the Slack listeners share: the core, profiles and the messenger."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from slack_bolt.context.respond.async_respond import AsyncRespond
from slack_sdk.webhook.async_client import AsyncWebhookClient

from bot.kernel.core import Core
from bot.kernel.i18n import Lang, t
from bot.kernel.ports import Target
from bot.kernel.replies import Reply, say
from bot.people.person import lang_of
from handlers.slack.blocks import fallback, reply_blocks
from handlers.slack.messenger import SlackMessenger
from handlers.slack.profiles import PLATFORM, SlackProfiles
from handlers.slack.workspaces import SlackWorkspaces
from storage.queries.people import get_person


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

    async def answer(self, respond: AsyncRespond | None, reply: Reply, **options: Any) -> None:
        """Answer ephemerally at the request's response_url, as Bolt's `respond` would, but over
        the process's kept-alive connections (Bolt's opens a new one for each answer)."""
        if respond is None or respond.response_url is None:
            raise ValueError("no response_url to answer at")
        message = {"response_type": "ephemeral", **options, "text": fallback(reply)}
        hook = AsyncWebhookClient(url=respond.response_url, session=self.messenger.client.session)
        await hook.send_dict({**message, "blocks": reply_blocks(reply)})

    async def dm(self, user_id: str, reply: Reply) -> None:
        """Answer someone in their DM with the bot (after a modal, which has no response_url)."""
        await self.messenger.send(Target(platform=PLATFORM, kind="dm", address=user_id), reply)
