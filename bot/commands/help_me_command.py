"""`/mentor help-me [@other]`: tell the programme's mediators, privately, that a pair struggles."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, Section
from bot.kernel.workspaces import workspace_of
from bot.pairs.lifecycle import ask_mediators
from bot.people.actor import ActorContext
from bot.people.person import mention
from storage.models import Pair


def run(ctx: CommandContext) -> Reply:
    return ask_for_help(ctx, ctx.choose_pair())


def ask_for_help(ctx: ActorContext, pair: Pair) -> Reply:
    """Tell the mediators that the actor's `pair` needs help (also the stall question's button)."""
    other = ctx.other_member(pair)
    told = ask_mediators(
        session=ctx.session,
        pair=pair,
        asker=ctx.actor,
        mediators=sorted(ctx.core.admins_of(workspace_of(ctx.actor.external_id))),
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
