"""Events: a plain DM to the bot is a session summary (once, even when Slack retries); a
deactivated account (`user_change`) pauses its pairs."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp

from bot.kernel.errors import UserError
from bot.pairs.unreachable import member_left_workspace
from bot.people.acting import error_reply
from bot.sessions.summaries import handle_direct_message
from handlers.answers import AnswerLost
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.profiles import PLATFORM
from handlers.slack.text import normalise_references, text_of

log = logging.getLogger(__name__)


class DirectMessage:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def _not_kept(self, user_id: str, refused: UserError) -> None:
        """Tell `user_id` why their DM was not kept (Slack could not give their profile, or
        they were erased while it was on its way)."""
        lang = await asyncio.to_thread(self.deps.lang, user_id)
        try:
            await self.deps.dm(user_id, error_reply(refused, lang))
        except AnswerLost as lost:
            log.warning("a DM of %s was not kept, and they could not be told: %s", user_id, lost)

    async def __call__(self, body: dict[str, Any], event: dict[str, Any], context=None) -> None:
        if (
            event.get("channel_type") != "im"
            or event.get("subtype")
            or event.get("bot_id")
            or not event.get("user")
        ):
            return
        workspaces = self.deps.workspaces
        user_id = workspaces.person(context, event["user"])
        lookup = await self.deps.profiles.ensure([user_id])
        if user_id in lookup.unavailable:  # someone never seen, and Slack cannot say who
            await self._not_kept(user_id, UserError("error.dm_not_kept"))
            return
        if user_id in lookup.unknown or user_id in lookup.bots:  # no person of the workspace
            return
        try:
            await asyncio.to_thread(
                handle_direct_message,
                self.deps.core,
                platform=PLATFORM,
                event_id=str(body.get("event_id") or f"{event.get('channel')}/{event.get('ts')}"),
                author_id=user_id,
                text=workspaces.references(context, normalise_references(text_of(event))),
                message_ref=f"{event.get('channel')}/{event.get('ts')}",
            )
        except UserError as refused:  # erased meanwhile: nothing kept
            log.info("a DM of %s was not kept: %s", user_id, refused.key)
            await self._not_kept(user_id, refused)


class UserChanged:
    """`user_change`: someone whose account was deactivated (`user.deleted`) has their pairs
    paused, the other members and the admins told (the core does it, once)."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(self, event: dict[str, Any], context=None) -> None:
        user = event.get("user")
        if not isinstance(user, dict) or user.get("deleted") is not True or not user.get("id"):
            return
        external_id = self.deps.workspaces.person(context, str(user["id"]))
        await asyncio.to_thread(
            member_left_workspace, self.deps.core, platform=PLATFORM, external_id=external_id
        )


class Uninstalled:
    """`app_uninstalled` and `tokens_revoked` (OAuth mode): nothing is sent to that workspace
    any more; its data stays until the retention rule removes it."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(self, event: dict[str, Any], context=None) -> None:
        store = self.deps.workspaces.store
        if store is None:
            return
        if event.get("type") == "tokens_revoked":
            bots = (event.get("tokens") or {}).get("bot") or []
            if not bots:
                return  # user tokens only: the bot keeps writing
        workspace = self.deps.workspaces.of(context)
        if workspace:
            await store.revoke(workspace)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    app.event("message")(DirectMessage(deps))
    app.event("user_change")(UserChanged(deps))
    if deps.workspaces.oauth:
        app.event("app_uninstalled")(Uninstalled(deps))
        app.event("tokens_revoked")(Uninstalled(deps))
