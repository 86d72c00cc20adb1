"""`/mentor my-data`: my data as a file; `/mentor forget-me [confirm]`: erase it, after a
confirmation."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.end_command import CONFIRM_WORDS
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Button, Reply, Section, say
from bot.people.actor import ActorContext
from bot.privacy.personal_data import erase, export_file


def export(ctx: CommandContext) -> Reply:
    return Reply(
        title=t("data.title", ctx.lang),
        sections=(Section(t("data.sent", ctx.lang)),),
        file=export_file(ctx),
    )


def forget(ctx: CommandContext) -> Reply:
    if any(fold(word) in CONFIRM_WORDS for word in ctx.command.words):
        return forget_now(ctx)
    assert ctx.actor.id is not None
    button = Button(t("button.forget", ctx.lang), "person.forget", str(ctx.actor.id), "danger")
    return Reply(sections=(Section(t("forget.confirm", ctx.lang)),), buttons=(button,))


def forget_now(ctx: ActorContext) -> Reply:
    """Erase the actor; the answer is in their language, read before the erasure."""
    lang = ctx.lang
    return say(t("forget.done", lang, count=erase(ctx)))
