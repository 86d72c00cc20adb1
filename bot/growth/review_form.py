"""The review form: opening it, its fields and what its submission does (Slack modal, terminal,
Teams)."""

from __future__ import annotations

from bot.growth.reviews import (
    FORMAT_CHOICES,
    KEEP,
    MAX_COMMENT,
    PRIORITY_CHOICES,
    RHYTHM_CHOICES,
    ROUND_OPEN_FOR,
    SATISFACTION,
    Answer,
    record_answer,
)
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors, Form, Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention
from storage.models import Pair
from storage.queries.pairs import ACTIVE, PAUSED
from storage.queries.reviews import answers_to, open_review

REVIEW_FORM = "review"
REVIEW_BUTTON = "review.answer"
CHOICE_FIELDS = ("rhythm", "priorities", "format", "satisfaction")


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


def review_choices(lang: Lang, current_format: str) -> dict[str, list[tuple[str, str]]]:
    """The options of each choice field, as (value, label); the current format is "keep"."""
    keep_format = t("review.format.keep_current", lang, format=t(f"format.{current_format}", lang))
    return {
        "rhythm": [(c, t(f"review.rhythm.{c}", lang)) for c in RHYTHM_CHOICES],
        "priorities": [(c, t(f"review.priorities.{c}", lang)) for c in PRIORITY_CHOICES],
        "format": [
            (c, keep_format if c == KEEP else t(f"review.format.{c}", lang))
            for c in FORMAT_CHOICES
            if c != current_format
        ],
        "satisfaction": [(str(n), t(f"review.satisfaction.{n}", lang)) for n in SATISFACTION],
    }


def review_labels(lang: Lang) -> dict[str, str]:
    """The label of each field of the form."""
    return {name: t(f"review.form.{name}", lang) for name in (*CHOICE_FIELDS, "comment")}


def _answer(values: dict[str, str | None], lang: Lang) -> Answer | FieldErrors:
    """The submitted choices, or every missing or unknown one reported at its field."""
    text = {k: (v or "").strip() for k, v in values.items()}
    allowed = {
        "rhythm": RHYTHM_CHOICES,
        "priorities": PRIORITY_CHOICES,
        "format": FORMAT_CHOICES,
        "satisfaction": tuple(str(n) for n in SATISFACTION),
    }
    errors: dict[str, str] = {}
    for name, choices in allowed.items():
        if not text.get(name):
            errors[name] = t("form.required", lang)
        elif text[name] not in choices:
            errors[name] = t("form.invalid", lang)
    comment = text.get("comment", "")
    if len(comment) > MAX_COMMENT:
        errors["comment"] = t("review.form.too_long", lang, limit=MAX_COMMENT)
    if errors:
        return FieldErrors(errors)
    return Answer(
        rhythm=text["rhythm"],
        priorities=text["priorities"],
        format=text["format"],
        satisfaction=int(text["satisfaction"]),
        comment=comment or None,
    )


def submit_review_form(
    ctx: ActorContext, pair_id: int, values: dict[str, str | None]
) -> Reply | FieldErrors:
    """Store the actor's private answers; both see both once the other has answered too."""
    pair = own_reviewed_pair(ctx, pair_id)
    answer = _answer(values, ctx.lang)
    if isinstance(answer, FieldErrors):
        return answer
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
