"""The person's answer to a file consent card (`fileConsent/invoke`): upload, or not."""

from __future__ import annotations

import asyncio
import logging

from microsoft_teams.api import Action
from microsoft_teams.api.activities import FileConsentInvokeActivity
from microsoft_teams.api.models import FileConsentCardResponse
from microsoft_teams.apps import ActivityContext, App

from bot.commands import handle_command
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import Reply, say
from handlers.teams.activities import PLATFORM, Turn, read_turn
from handlers.teams.deps import TeamsDeps
from handlers.teams.files import EXPORT_COMMAND, info_message, upload

log = logging.getLogger(__name__)


class FileConsent:
    def __init__(self, deps: TeamsDeps) -> None:
        self.deps = deps

    async def __call__(self, ctx: ActivityContext[FileConsentInvokeActivity]) -> None:
        """Always answered 200: what went wrong is told to the person, never raised."""
        activity = ctx.activity
        turn = read_turn(activity)
        try:
            if not await self.deps.first_time(ctx):
                return
            lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
            if activity.value.action == Action.ACCEPT:
                await self.accept(ctx, turn, activity.value, lang)
            else:
                await self.deps.answer(ctx, turn, say(t("data.file_declined", lang)))
        except Exception as error:
            await self.deps.failed(ctx, "file consent", error)

    async def accept(
        self,
        ctx: ActivityContext[FileConsentInvokeActivity],
        turn: Turn,
        value: FileConsentCardResponse,
        lang: Lang,
    ) -> None:
        """Make the file again, upload it where Teams said and show it; or say why not."""
        context = value.context if isinstance(value.context, dict) else {}
        info = value.upload_info
        if context.get("command") != EXPORT_COMMAND or info is None or not info.upload_url:
            log.warning("Teams file consent %s: unknown file or no upload URL", ctx.activity.id)
            await self.fail(ctx, turn, lang, t("data.unknown_file", lang))
            return
        result = await asyncio.to_thread(
            handle_command,
            self.deps.core,
            platform=PLATFORM,
            actor_id=turn.user_id,
            text=EXPORT_COMMAND,
        )
        if not isinstance(result, Reply) or result.file is None:
            await self.deps.answer(ctx, turn, result)  # the core's reason (an error reply)
            return
        problem = await upload(info.upload_url, result.file.content)
        if problem:
            log.warning("Teams file upload for %s failed: %s", turn.user_id, problem)
            await self.fail(ctx, turn, lang, problem)
            return
        await ctx.send(info_message(info))

    async def fail(
        self, ctx: ActivityContext[FileConsentInvokeActivity], turn: Turn, lang: Lang, reason: str
    ) -> None:
        failed = say(t("data.file_failed", lang, reason=reason), is_error=True)
        await self.deps.answer(ctx, turn, failed)


def register(app: App, deps: TeamsDeps) -> None:
    app.on_file_consent(FileConsent(deps))
