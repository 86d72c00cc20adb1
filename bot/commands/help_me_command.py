"""`/mentor help-me [@other]`: tell the programme's mediators, privately, that a pair struggles."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, Section
from bot.pairs.lifecycle import ask_mediators
from bot.people.person import mention


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    other = ctx.other_member(pair)
    told = ask_mediators(
        session=ctx.session,
        pair=pair,
        asker=ctx.actor,
        mediators=sorted(ctx.core.admins),
        now=ctx.now,
    )
    ctx.owes_now = told > 0
    first = "helpme.sent" if told else "helpme.no_mediator"
    return Reply(
        sections=(
            Section(t(first, ctx.lang, other=mention(other))),
            Section(t("helpme.advice", ctx.lang, other=mention(other))),
        )
    )
