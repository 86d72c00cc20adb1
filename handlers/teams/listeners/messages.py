"""Messages to the bot: commands (1:1 chat, or `digest` in a channel) and summaries by reply."""

from __future__ import annotations

import asyncio
import logging

from microsoft_teams.api.activities import MessageActivity
from microsoft_teams.apps import ActivityContext, App

from bot.commands import handle_command
from bot.commands.parser import NAMED_AT_MOST, channels_in, parse_command, too_many_people
from bot.commands.shape import fits
from bot.kernel.core import answer_first
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Form, Reply, say
from bot.people.acting import error_reply
from bot.sessions.summaries import handle_direct_message
from handlers.teams.activities import PLATFORM, Turn, delivery_id, read_turn
from handlers.teams.deps import TeamsDeps
from handlers.teams.references import remember

log = logging.getLogger(__name__)

CHANNEL_COMMANDS = frozenset({"digest", "help"})  # nothing that shows a pair's content


class IncomingMessage:
    def __init__(self, deps: TeamsDeps) -> None:
        self.deps = deps

    async def __call__(self, ctx: ActivityContext[MessageActivity]) -> None:
        activity = ctx.activity
        if activity.from_.id == (activity.recipient.id if activity.recipient else None):
            return
        turn = read_turn(activity, activity.text or "")
        with answer_first():  # the answer, then what the command owes in the same chat
            try:
                await asyncio.to_thread(remember, self.deps.core, turn)
                result: Reply | Form | None
                if turn.mentions > NAMED_AT_MOST:  # refused: nobody it names was read
                    lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
                    result = too_many_people(turn.mentions, lang)
                else:
                    result = await self.respond(ctx, turn)
            except Exception as error:
                lang = await self.deps.failed(ctx, "message", error)
                result = say(t("error.internal", lang), is_error=True)
            if result is not None:
                await self.deps.answer(ctx, turn, result, later=True)

    async def respond(
        self, ctx: ActivityContext[MessageActivity], turn: Turn
    ) -> Reply | Form | None:
        """A command's answer; None when a 1:1 message went to the core as a plain message:
        one that starts with no command word, or with one the rest does not fit (`Next steps:
        …` is a summary, not `next`). `/mentor …` is always a command. Each is handled once per
        activity: a command delivered again is not answered again (None). A plain message
        whose author was erased on its way is not kept: the answer says so."""
        command = parse_command(turn.text)
        core = self.deps.core
        activity_id = ctx.activity.id
        typed_message = command.name is None or not fits(command)
        if turn.personal and typed_message and not turn.slash:
            try:
                await asyncio.to_thread(
                    handle_direct_message,
                    core,
                    platform=PLATFORM,
                    event_id=delivery_id(ctx.activity),
                    author_id=turn.user_id,
                    text=turn.text,
                    message_ref=f"{turn.conversation_id}/{activity_id}",
                )
            except UserError as refused:  # erased meanwhile: nothing kept
                log.info("a message of %s was not kept: %s", turn.user_id, refused.key)
                lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
                return error_reply(refused, lang)
            return None
        if not await self.deps.first_time(ctx):
            return None  # a command delivered again: answered the first time
        text = turn.text
        if not turn.personal:
            if command.name not in CHANNEL_COMMANDS or turn.channel_id is None:
                return say(await self.deps.private_only(turn))
            if command.name == "digest" and not channels_in(text):
                text = f"{text} <#{turn.channel_id}>"
        return await asyncio.to_thread(
            handle_command, core, platform=PLATFORM, actor_id=turn.user_id, text=text
        )


def register(app: App, deps: TeamsDeps) -> None:
    app.on_message(IncomingMessage(deps))
