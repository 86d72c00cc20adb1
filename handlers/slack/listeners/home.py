"""The App Home tab: published when opened, refreshed after each of its buttons, and again when
the dispatcher delivers a refresh the core owes (a pair left it)."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Any

import aiohttp
from slack_bolt.async_app import AsyncApp
from slack_sdk.errors import SlackApiError
from slack_sdk.web.async_client import AsyncWebClient

from bot.forms.router import press_button
from bot.home.page import build_home
from bot.home.parts import Home
from bot.kernel.core import Core
from bot.kernel.i18n import t
from bot.kernel.replies import Form, Reply
from bot.kernel.workspaces import local_id
from bot.people.acting import act
from bot.people.actor import ActorContext
from bot.people.person import in_readers_language, is_erased
from handlers.slack.api_errors import reason
from handlers.slack.home import HOME_PREFIX, home_view, pressed
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.modals import form_modal
from handlers.slack.profiles import PLATFORM
from storage.queries.people import get_person

log = logging.getLogger(__name__)


def opened_from_home(view: dict[str, Any]) -> dict[str, Any]:
    """A modal opened by a Home button remembers it, so that its submission refreshes the Home."""
    meta = json.loads(view.get("private_metadata") or "{}")
    return {**view, "private_metadata": json.dumps({**meta, "home": True})}


async def publish_home(
    deps: SlackDeps, client: AsyncWebClient, user_id: str, notice: Reply | None = None
) -> None:
    """Build the person's Home in the core and publish it; a failure is logged, and the
    `notice` it was to show (an answer) sent by DM instead."""
    result = await asyncio.to_thread(
        act, deps.core, platform=PLATFORM, actor_id=user_id, work=lambda c: build_home(c, notice)
    )
    if isinstance(result, Reply):
        lang = await asyncio.to_thread(deps.lang, user_id)
        result = Home(title=t("home.title", lang), intro="", areas=(), more="", notice=result)
    try:
        await client.views_publish(user_id=local_id(user_id), view=home_view(result))
    except (SlackApiError, aiohttp.ClientError, TimeoutError) as error:
        log.warning("views.publish for %s failed: %s", user_id, reason(error))
        if notice is not None:  # the answer to a button or a form the Home could not show
            await deps.dm(user_id, notice)


def current_home(core: Core, user_id: str) -> Home | None:
    """`user_id`'s Home as it stands, for a refresh they did not ask for: read as `act` would,
    but not counted as their activity; None for someone unknown or erased."""
    with core.db.session() as session:
        person = get_person(session=session, platform=PLATFORM, external_id=user_id)
        if person is None or is_erased(person):
            return None
        ctx = ActorContext.of(core, session, person)
        return in_readers_language(build_home(ctx), ctx.lang)


async def current_home_view(core: Core, user_id: str) -> dict[str, Any] | None:
    """The Home tab the Slack messenger publishes when the dispatcher owes a refresh."""
    home = await asyncio.to_thread(current_home, core, user_id)
    return None if home is None else home_view(home)


class HomeOpened:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(self, event: dict[str, Any], client: AsyncWebClient, context=None) -> None:
        user_id = self.deps.workspaces.person(context, event.get("user") or "")
        if event.get("tab") != "home" or not user_id:
            return
        if await self.deps.check_people(user_id, []) is None:
            await publish_home(self.deps, client, user_id)


class HomeButton:
    """A Home button does what the same button does elsewhere, then the Home shows the answer."""

    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(
        self,
        ack,
        body: dict[str, Any],
        action: dict[str, Any],
        client: AsyncWebClient,
        context=None,
    ) -> None:
        await ack()
        user_id = self.deps.actor(context, body)
        name, value = pressed(str(action.get("action_id"))), str(action.get("value") or "")
        result: Reply | Form | None = await self.deps.check_people(user_id, [])
        if result is None:
            result = await asyncio.to_thread(
                act,
                self.deps.core,
                platform=PLATFORM,
                actor_id=user_id,
                work=lambda ctx: press_button(ctx, name, value),
            )
        if isinstance(result, Form):
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            view = opened_from_home(form_modal(result, lang))
            trigger = body.get("trigger_id")
            if (refused := await self.deps.open_form(client, trigger, view, to=user_id)) is None:
                return
            result = refused
        await publish_home(self.deps, client, user_id, notice=result)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    app.event("app_home_opened")(HomeOpened(deps))
    app.action(re.compile(f"^{re.escape(HOME_PREFIX)}"))(HomeButton(deps))
