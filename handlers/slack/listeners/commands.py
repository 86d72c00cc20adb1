"""`/mentor`: ack at once, then parse, run the core and answer ephemerally."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient

from bot.commands import handle_command
from bot.commands.parser import NAMED_AT_MOST, too_many_people
from bot.kernel.core import answer_first
from bot.kernel.i18n import t
from bot.kernel.ports import DeliveryError
from bot.kernel.replies import Form, Reply, say
from bot.people.profiles import ProfilesNeeded
from handlers.slack.listeners.deps import SlackDeps
from handlers.slack.modals import form_modal
from handlers.slack.profiles import PLATFORM
from handlers.slack.text import mentioned_users, normalise_references, text_of

log = logging.getLogger(__name__)


class MentorCommand:
    def __init__(self, deps: SlackDeps) -> None:
        self.deps = deps

    async def __call__(
        self, ack, command: dict[str, Any], respond, client: AsyncWebClient, context=None
    ) -> None:
        await ack()
        # Typed in the bot's DM, the answer and the DMs the command causes share a channel.
        with answer_first():
            await self.run(command, respond, client, context)

    async def run(self, command: dict[str, Any], respond, client: AsyncWebClient, context) -> None:
        """Parse, run the core and answer (or open the form)."""
        workspaces = self.deps.workspaces
        user_id = workspaces.person(context, command.get("user_id", ""))
        text = workspaces.references(context, normalise_references(text_of(command)))
        named = mentioned_users(text)
        core = self.deps.core
        result: Reply | Form | ProfilesNeeded
        if len(set(named)) > NAMED_AT_MOST:  # before any lookup: each may be a users.info call
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            result = too_many_people(len(set(named)), lang)
        else:
            # One thread hop and one session when everyone's profile is fresh (the usual case).
            result = await asyncio.to_thread(
                handle_command, core, platform=PLATFORM, actor_id=user_id, text=text, fresh=named
            )
        if isinstance(result, ProfilesNeeded):
            problem = await self.deps.check_people(user_id, named)
            result = (
                problem
                if problem
                else await asyncio.to_thread(
                    handle_command, core, platform=PLATFORM, actor_id=user_id, text=text
                )
            )
        if isinstance(result, Form):
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            view = form_modal(result, lang)
            trigger = command.get("trigger_id")
            if (refused := await self.deps.open_form(client, trigger, view, to=user_id)) is None:
                return
            result = refused
        if result.file is not None:
            result = await self._send_file(user_id, result)
        await self.deps.answer(respond, result, to=user_id)

    async def _send_file(self, user_id: str, reply: Reply) -> Reply:
        """Upload the reply's file to the user's DM; the reply, or a polite failure."""
        assert reply.file is not None
        try:
            await self.deps.messenger.send_file(user_id, reply.file)
        except DeliveryError as error:
            log.warning("file for %s not sent: %s", user_id, error)
            lang = await asyncio.to_thread(self.deps.lang, user_id)
            return say(t("data.file_failed", lang, reason=str(error)), is_error=True)
        return reply


def register(app: AsyncApp, deps: SlackDeps) -> None:
    app.command("/mentor")(MentorCommand(deps))
