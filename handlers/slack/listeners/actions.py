"""Buttons on the bot's messages: skip a session, or open the move / add-to-agenda modals."""

from __future__ import annotations

import asyncio
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.acting import act
from bot.actor_context import ActorContext
from bot.errors import UserError
from bot.forms import now_in, session_label, skip_by_button
from bot.replies import Reply
from handlers.slack.blocks import fallback, reply_blocks
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.modals import agenda_modal, move_modal
from handlers.slack.profiles import PLATFORM


def session_id_of(action: dict[str, Any]) -> int:
    value = str(action.get("value") or "")
    if not value.isdigit():
        raise UserError("session.not_yours")
    return int(value)


class SessionButton:
    """One button of a reminder; opens a modal, or does the work and answers ephemerally."""

    def __init__(self, deps: SlackDeps, name: str) -> None:
        self.deps = deps
        self.name = name

    def _work(self, ctx: ActorContext, action: dict[str, Any]) -> Reply | dict[str, Any]:
        session_id = session_id_of(action)
        if self.name == "session.skip":
            return skip_by_button(ctx, session_id)
        label = session_label(ctx, session_id)
        if self.name == "agenda.add":
            return agenda_modal(ctx.lang, session_id=session_id, label=label)
        local = now_in(ctx)
        return move_modal(
            ctx.lang,
            session_id=session_id,
            label=label,
            day=local.date().isoformat(),
            at=local.strftime("%H:%M"),
        )

    async def __call__(
        self, ack, body: dict[str, Any], action: dict[str, Any], respond, client: AsyncWebClient
    ):
        await ack()
        user_id = (body.get("user") or {}).get("id", "")
        problem = await self.deps.check_people(user_id, [])
        result = problem or await asyncio.to_thread(
            act,
            self.deps.core,
            platform=PLATFORM,
            actor_id=user_id,
            work=lambda ctx: self._work(ctx, action),
        )
        if isinstance(result, dict):
            await client.views_open(trigger_id=body.get("trigger_id", ""), view=result)
            return
        await respond(
            response_type="ephemeral",
            replace_original=False,
            text=fallback(result),
            blocks=reply_blocks(result),
        )


def register(app: AsyncApp, deps: SlackDeps) -> None:
    for name in ("session.skip", "session.move", "agenda.add"):
        app.action(name)(SessionButton(deps, name))
