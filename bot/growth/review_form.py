"""The review form's fields and what its submission does (Slack modal, terminal, Teams)."""

from __future__ import annotations

from bot.growth.review_form import own_reviewed_pair
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
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors, Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention

CHOICE_FIELDS = ("rhythm", "priorities", "format", "satisfaction")


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
