"""`/mentor end [@other] [confirm]`: end a pair, after a confirmation."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Button, Reply, Section, say
from bot.pairs.lifecycle import end_pair
from bot.people.actor import ActorContext
from bot.people.person import mention
from storage.models import Pair

CONFIRM_WORDS = {"confirm", "confirmer", "yes", "oui"}


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    if any(fold(word) in CONFIRM_WORDS for word in ctx.command.words):
        return end(ctx, pair)
    other = ctx.other_member(pair)
    assert pair.id is not None
    text = t("end.confirm", ctx.lang, other=mention(other), mention=mention(other))
    button = Button(t("button.end", ctx.lang), "pair.end", str(pair.id), style="danger")
    return Reply(sections=(Section(text),), buttons=(button,))


def end(ctx: ActorContext, pair: Pair) -> Reply:
    """End the pair now and tell both members."""
    other = ctx.other_member(pair)
    end_pair(
        session=ctx.session,
        pair=pair,
        actor=ctx.actor,
        now=ctx.now,
        retention=ctx.core.retention,
    )
    ctx.owes_now = True
    return say(t("end.done", ctx.lang, other=mention(other)))
