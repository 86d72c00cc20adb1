"""Opening the review form (its fields and submission are declared in `bot.forms.review`)."""

from __future__ import annotations

from bot.growth.reviews import (
    ROUND_OPEN_FOR,
)
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Form
from bot.people.actor import ActorContext
from bot.people.person import mention
from storage.models import Pair
from storage.queries.pairs import ACTIVE, PAUSED
from storage.queries.reviews import answers_to, open_review

REVIEW_FORM = "review"
REVIEW_BUTTON = "review.answer"


def own_reviewed_pair(ctx: ActorContext, pair_id: int) -> Pair:
    """One of the actor's started (active or paused) pairs; anyone else's is refused."""
    return ctx.own_pair(pair_id, (ACTIVE, PAUSED))


def review_form(ctx: ActorContext, pair: Pair) -> Form:
    """The form, unless the actor already answered the round that waits for the other."""
    assert pair.id is not None
    other = ctx.other_member(pair)
    review = open_review(session=ctx.session, pair_id=pair.id, since=ctx.now - ROUND_OPEN_FOR)
    if review is not None and review.id is not None:
        authors = {a.author_id for a in answers_to(session=ctx.session, review_id=review.id)}
        if ctx.actor.id in authors:
            raise UserError("review.already_answered", other=mention(other))
    label = t("review.form.label", ctx.lang, other=mention(other))
    return Form(REVIEW_FORM, {"pair": str(pair.id), "label": label, "format": pair.format})
