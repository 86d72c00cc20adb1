"""`/mentor thanks @other <text>`: a thank-you, delivered to the other member as a DM."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, say
from bot.pairs.lifecycle import send_thanks
from bot.people.person import mention
from storage.queries.pairs import latest_pair_between

MAX_TEXT = 2000


def run(ctx: CommandContext) -> Reply:
    text = ctx.command.rest.strip()
    if len(ctx.command.mentions) != 1 or not text or len(text) > MAX_TEXT:
        raise UserError("thanks.usage")
    other = ctx.person(ctx.command.mentions[0])
    assert ctx.actor.id is not None and other.id is not None
    pair = latest_pair_between(session=ctx.session, first_id=ctx.actor.id, second_id=other.id)
    if pair is None or other.id == ctx.actor.id:
        raise UserError("thanks.no_pair", who=mention(other))
    if pair.content_erased_at is not None:  # a thank-you stored now would outlive retention
        raise UserError("thanks.pair_erased", other=mention(other))
    send_thanks(
        session=ctx.session, pair=pair, author=ctx.actor, other=other, text=text, now=ctx.now
    )
    ctx.owes_now = True
    return say(t("thanks.sent", ctx.lang, other=mention(other)))
