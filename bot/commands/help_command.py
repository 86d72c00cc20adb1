"""`/mentor help`: what the bot does and every command with an example."""

from bot.commands.context import CommandContext
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, Section


def run(ctx: CommandContext) -> Reply:
    return Reply(
        title=t("help.title", ctx.lang),
        sections=(Section(t("help.intro", ctx.lang)), Section(t("help.commands", ctx.lang))),
    )
