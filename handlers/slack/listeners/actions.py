"""Buttons on the bot's messages: skip a session, or open the move / add-to-agenda modals."""

from __future__ import annotations

import asyncio
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.forms.router import BUTTONS, press_button
from bot.kernel.core import answer_first
from bot.kernel.replies import Form
from bot.people.acting import act
from handlers.slack.blocks import action_pattern
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.modals import form_modal
from handlers.slack.profiles import PLATFORM


class SessionButton:
    """One button of a reminder; opens a modal, or does the work and answers ephemerally."""

    def __init__(self, deps: SlackDeps, name: str) -> None:
        self.deps = deps
        self.name = name

    async def __call__(
        self,
        ack,
        body: dict[str, Any],
        action: dict[str, Any],
        respond,
        client: AsyncWebClient,
        context=None,
    ):
        await ack()
        with answer_first():  # the answer in the DM, then the messages the press causes
            await self.run(body, action, respond, client, context)

    async def run(
        self, body: dict[str, Any], action: dict[str, Any], respond, client: AsyncWebClient, context
    ) -> None:
        """Do the button's work and answer (or open its form)."""
        user_id = self.deps.actor(context, body)
        problem = await self.deps.check_people(user_id, [])
        result = (
            problem
            if problem
            else await asyncio.to_thread(
                act,
                self.deps.core,
                platform=PLATFORM,
                actor_id=user_id,
                work=lambda ctx: press_button(ctx, self.name, str(action.get("value") or "")),
            )
        )
        if isinstance(result, Form):
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            view = form_modal(result, lang)
            trigger = body.get("trigger_id")
            if (refused := await self.deps.open_form(client, trigger, view, to=user_id)) is None:
                return
            result = refused
        await self.deps.answer(respond, result, to=user_id, replace_original=False)


def register(app: AsyncApp, deps: SlackDeps) -> None:
    for name in BUTTONS:
        app.action(action_pattern(name))(SessionButton(deps, name))
