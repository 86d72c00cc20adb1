"""The SMART goal form: specific, measurable, achievable, relevant, dated — each field prompted."""

from __future__ import annotations

from datetime import date

from bot.growth.goals import add_goal, check_target, local_today
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors, Reply
from bot.people.actor import ActorContext
from storage.queries.pairs import CURRENT

SMART_FIELDS = ("specific", "measurable", "achievable", "relevant", "target")
REQUIRED = ("specific", "measurable", "target")
FIELD_MAX = 300
# How the optional parts join the goal's text, after the specific result.
PARTS = {
    "measurable": "goals.smart.measure",
    "achievable": "goals.smart.how",
    "relevant": "goals.smart.why",
}


def smart_fields(lang: Lang) -> list[tuple[str, str, str]]:
    """(name, label, hint) of each field, in the order a person fills them."""
    return [
        (name, t(f"goals.form.{name}", lang), t(f"goals.form.{name}.hint", lang))
        for name in SMART_FIELDS
    ]


def smart_text(values: dict[str, str], lang: Lang) -> str:
    """`Lead the Q1 review — measure: …; how: …; why: …`."""
    parts = [t(key, lang, value=values[name]) for name, key in PARTS.items() if values[name]]
    return f"{values['specific']} — {'; '.join(parts)}" if parts else values["specific"]


def submit_goal_form(
    ctx: ActorContext, pair_id: int, values: dict[str, str | None]
) -> Reply | FieldErrors:
    """Set the goal written in the form; every missing or bad field is reported at once."""
    lang = ctx.lang
    pair = ctx.own_pair(pair_id, CURRENT)
    text_of = {name: " ".join((values.get(name) or "").split()) for name in SMART_FIELDS}
    errors = {name: t("form.required", lang) for name in REQUIRED if not text_of[name]}
    errors |= {
        name: t("goals.form.too_long", lang, limit=FIELD_MAX)
        for name in SMART_FIELDS
        if len(text_of[name]) > FIELD_MAX
    }
    target = None
    if text_of["target"] and "target" not in errors:
        try:
            target = date.fromisoformat(text_of["target"])
            check_target(target, local_today(ctx, pair))
        except ValueError:
            errors["target"] = t("form.invalid", lang)
        except UserError as error:
            errors["target"] = t(error.key, lang, **error.params)
    if errors:
        return FieldErrors(errors)
    return add_goal(ctx, pair, smart_text(text_of, lang), target)
