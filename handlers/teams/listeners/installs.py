"""Installation: conversationUpdate gives the conversation reference; the bot says what it does."""

from __future__ import annotations

import asyncio

from microsoft_teams.api import ConversationUpdateActivity
from microsoft_teams.apps import ActivityContext, App

from bot.commands import handle_command
from handlers.teams.activities import PLATFORM, read_turn
from handlers.teams.deps import TeamsDeps
from handlers.teams.references import remember


class Installed:
    def __init__(self, deps: TeamsDeps) -> None:
        self.deps = deps

    async def __call__(self, ctx: ActivityContext[ConversationUpdateActivity]) -> None:
        activity = ctx.activity
        bot_id = activity.recipient.id if activity.recipient else None
        if not any(member.id == bot_id for member in activity.members_added or []):
            return
        if not await self.deps.first_time(ctx):
            return  # delivered again: welcomed the first time
        turn = read_turn(activity)
        try:
            await asyncio.to_thread(remember, self.deps.core, turn)
            welcome = await asyncio.to_thread(
                handle_command,
                self.deps.core,
                platform=PLATFORM,
                actor_id=turn.user_id,
                text="help",
            )
        except Exception as error:
            await self.deps.failed(ctx, "installation", error)
            return
        await self.deps.answer(ctx, turn, welcome, later=True)


def register(app: App, deps: TeamsDeps) -> None:
    app.on_conversation_update(Installed(deps))
