"""The review form: rhythm, priorities, format and satisfaction, and a free comment."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from bot.growth.review_form import REVIEW_FORM, own_reviewed_pair
from bot.growth.reviews import (
    FORMAT_CHOICES,
    KEEP,
    MAX_COMMENT,
    PRIORITY_CHOICES,
    RHYTHM_CHOICES,
    SATISFACTION,
    Answer,
    record_answer,
)
from bot.kernel.errors import UserError
from bot.kernel.form_model import Choice, Field, FormSpec, Kind, Phrase, Values
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention


def _question(
    name: str,
    values: tuple[str, ...],
    offered: Callable[[Mapping[str, str]], tuple[Choice, ...]] | None = None,
) -> Field:
    choices = tuple(Choice(v, Phrase(f"review.{name}.{v}")) for v in values)
    return Field(
        name,
        Kind.CHOICE,
        f"review.form.{name}",
        required=True,
        choices=choices,
        expanded=True,
        offered=offered,
    )


def format_options(state: Mapping[str, str]) -> tuple[Choice, ...]:
    """Every format but the pair's current one, which "keep" names."""
    current = state.get("format", "")
    keep = Phrase("review.format.keep_current", {"format": Phrase(f"format.{current}")})
    return tuple(
        Choice(c, keep if c == KEEP else Phrase(f"review.format.{c}"))
        for c in FORMAT_CHOICES
        if c != current
    )


def submit_review_form(
    ctx: ActorContext, values: Values, pair_id: int | None
) -> Reply | FieldErrors:
    """Store the actor's private answers; both see both once the other has answered too."""
    assert pair_id is not None
    pair = own_reviewed_pair(ctx, pair_id)
    answer = Answer(
        rhythm=values.text("rhythm"),
        priorities=values.text("priorities"),
        format=values.text("format"),
        satisfaction=int(values.text("satisfaction")),
        comment=values.text("comment") or None,
    )
    other = ctx.other_member(pair)
    try:
        review = record_answer(
            session=ctx.session, pair=pair, author=ctx.actor, answer=answer, now=ctx.now
        )
    except UserError as error:
        return FieldErrors({"rhythm": t(error.key, ctx.lang, **error.params)})
    ctx.owes_now = True
    key = "review.saved.both" if review.closed_at is not None else "review.saved.first"
    return say(t(key, ctx.lang, other=mention(other)))


FORM = FormSpec(
    name=REVIEW_FORM,
    title="review.form.title",
    about="pair",
    fields=(
        _question("rhythm", RHYTHM_CHOICES),
        _question("priorities", PRIORITY_CHOICES),
        _question("format", FORMAT_CHOICES, offered=format_options),
        _question("satisfaction", tuple(str(n) for n in SATISFACTION)),
        Field(
            "comment",
            Kind.LONG_TEXT,
            "review.form.comment",
            max_length=MAX_COMMENT,
            hint="review.form.comment.hint",
        ),
    ),
    submit=submit_review_form,
)
