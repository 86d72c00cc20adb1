"""The person's answer to a file consent card (`fileConsent/invoke`): upload, or not. The file
is made again for whoever accepts: their data export, or the calendar of a pair of theirs."""

from __future__ import annotations

import asyncio
import logging

from microsoft_teams.api import Action
from microsoft_teams.api.activities import FileConsentInvokeActivity
from microsoft_teams.api.models import FileConsentCardResponse
from microsoft_teams.apps import ActivityContext, App

from bot.calendar.files import member_pair_file
from bot.commands import handle_command
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import DataFile, Form, Reply, say
from handlers.teams.activities import PLATFORM, Turn, read_turn
from handlers.teams.deps import TeamsDeps
from handlers.teams.files import CALENDAR, EXPORT_COMMAND, info_message, upload

log = logging.getLogger(__name__)


class FileConsent:
    def __init__(self, deps: TeamsDeps) -> None:
        self.deps = deps

    async def __call__(self, ctx: ActivityContext[FileConsentInvokeActivity]) -> None:
        """Always answered 200: what went wrong is told to the person, never raised."""
        activity = ctx.activity
        turn = read_turn(activity)
        try:
            if not turn.personal:  # Teams offers files in 1:1 chats only: this one is forged
                await self.deps.answer(ctx, turn, say(await self.deps.private_only(turn)))
                return
            if not await self.deps.first_time(ctx):
                return
            lang, _ = await asyncio.to_thread(self.deps.lang_and_zone, turn.user_id)
            if activity.value.action == Action.ACCEPT:
                await self.accept(ctx, turn, activity.value, lang)
            else:
                declined = "calendar.file_declined" if calendar_of(activity.value) else None
                await self.deps.answer(ctx, turn, say(t(declined or "data.file_declined", lang)))
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
        info = value.upload_info
        made = await self.remade(value, turn) if info and info.upload_url else None
        if made is None or info is None or not info.upload_url:
            log.warning("Teams file consent %s: unknown file or no upload URL", ctx.activity.id)
            await self.fail(ctx, turn, lang, t("data.unknown_file", lang))
            return
        if isinstance(made, Reply | Form):
            await self.deps.answer(ctx, turn, made)  # the core's reason (an error reply)
            return
        problem = await upload(info.upload_url, made.content)
        if problem:
            log.warning("Teams file upload for %s failed: %s", turn.user_id, problem)
            await self.fail(ctx, turn, lang, problem)
            return
        await ctx.send(info_message(info))

    async def remade(
        self, value: FileConsentCardResponse, turn: Turn
    ) -> DataFile | Reply | Form | None:
        """The file the consent card names, made again for whoever accepted it: the calendar
        of a pair of theirs, or their export (or the core's reason it cannot be); None for a
        card that is not one of ours, or a pair that is not theirs."""
        pair_id = calendar_of(value)
        if pair_id is not None:
            return await asyncio.to_thread(
                member_pair_file,
                self.deps.core,
                platform=PLATFORM,
                external_id=turn.user_id,
                pair_id=pair_id,
            )
        context = value.context if isinstance(value.context, dict) else {}
        if context.get("command") != EXPORT_COMMAND:
            return None
        result = await asyncio.to_thread(
            handle_command,
            self.deps.core,
            platform=PLATFORM,
            actor_id=turn.user_id,
            text=EXPORT_COMMAND,
        )
        return result.file if isinstance(result, Reply) and result.file else result

    async def fail(
        self, ctx: ActivityContext[FileConsentInvokeActivity], turn: Turn, lang: Lang, reason: str
    ) -> None:
        failed = say(t("data.file_failed", lang, reason=reason), is_error=True)
        await self.deps.answer(ctx, turn, failed)


def calendar_of(value: FileConsentCardResponse) -> int | None:
    """The pair id a calendar file's consent context names; None for anything else."""
    context = value.context if isinstance(value.context, dict) else {}
    pair_id = context.get(CALENDAR)
    return pair_id if type(pair_id) is int and pair_id > 0 else None


def register(app: App, deps: TeamsDeps) -> None:
    app.on_file_consent(FileConsent(deps))
