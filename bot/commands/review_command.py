"""`/mentor review`: the review form of one of my pairs."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.growth.review_form import review_form
from bot.kernel.errors import UserError
from bot.kernel.replies import Form, Reply
from bot.people.person import mention
from storage.queries.pairs import PENDING


def run(ctx: CommandContext) -> Reply | Form:
    """Open the review form, whenever a member wants one (a round opens with the first answer)."""
    pair = ctx.choose_pair()
    if pair.status == PENDING:
        raise UserError("agreement.not_started", other=mention(ctx.other_member(pair)))
    return review_form(ctx, pair)
