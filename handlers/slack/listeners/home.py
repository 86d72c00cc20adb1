"""The App Home tab: published when opened, refreshed after each of its buttons."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.acting import act
from bot.forms import press_button
from bot.replies import Form
from handlers.slack.home import HOME_PREFIX, opened_from_home, pressed, publish_home
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.modals import form_modal
from handlers.slack.profiles import PLATFORM


class HomeOpened:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(self, event: dict[str, Any], client: AsyncWebClient) -> None:
        user_id = event.get("user") or ""
        if event.get("tab") != "home" or not user_id:
            return
        if await self.deps.check_people(user_id, []) is None:
            await publish_home(self.deps, client, user_id)


class HomeButton:
    """A Home button does what the same button does elsewhere, then the Home shows the answer."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(
        self, ack, body: dict[str, Any], action: dict[str, Any], client: AsyncWebClient
    ) -> None:
        await ack()
        user_id = (body.get("user") or {}).get("id", "")
        name, value = pressed(str(action.get("action_id"))), str(action.get("value") or "")
        problem = await self.deps.check_people(user_id, [])
        result = problem or await asyncio.to_thread(
            act,
            self.deps.core,
            platform=PLATFORM,
            actor_id=user_id,
            work=lambda ctx: press_button(ctx, name, value),
        )
        if isinstance(result, Form):
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            view = opened_from_home(form_modal(result, lang))
            await client.views_open(trigger_id=body.get("trigger_id", ""), view=view)
            return
        await publish_home(self.deps, client, user_id, notice=result)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    app.event("app_home_opened")(HomeOpened(deps))
    app.action(re.compile(f"^{re.escape(HOME_PREFIX)}"))(HomeButton(deps))
