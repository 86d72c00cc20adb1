"""The SMART goal form: specific, measurable, achievable, relevant, dated — each part prompted."""

from __future__ import annotations

from bot.growth.goals import GOAL_FORM, add_goal, check_target, local_today
from bot.kernel.errors import UserError
from bot.kernel.form_model import Field, FormSpec, Kind, Phrase, Values
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors, Reply
from bot.people.actor import ActorContext
from storage.queries.pairs import CURRENT

FIELD_MAX = 300
# How the optional parts join the goal's text, after the specific result.
PARTS = {
    "measurable": "goals.smart.measure",
    "achievable": "goals.smart.how",
    "relevant": "goals.smart.why",
}


def _part(name: str, required: bool) -> Field:
    return Field(
        name,
        Kind.LONG_TEXT,
        f"goals.form.{name}",
        required=required,
        max_length=FIELD_MAX,
        hint=f"goals.form.{name}.hint",
        squeeze=True,
        too_long="goals.form.too_long",
    )


def smart_text(values: dict[str, str], lang: Lang) -> str:
    """`Lead the Q1 review — measure: …; how: …; why: …`."""
    parts = [t(key, lang, value=values[name]) for name, key in PARTS.items() if values[name]]
    return f"{values['specific']} — {'; '.join(parts)}" if parts else values["specific"]


def check_goal_form(ctx: ActorContext, values: Values, pair_id: int | None) -> dict[str, Phrase]:
    """A target date already past."""
    assert pair_id is not None
    try:
        check_target(values.date("target"), local_today(ctx, ctx.own_pair(pair_id, CURRENT)))
    except UserError as error:
        return {"target": Phrase(error.key, error.params)}
    return {}


def submit_goal_form(ctx: ActorContext, values: Values, pair_id: int | None) -> Reply | FieldErrors:
    """Set the goal written in the form."""
    assert pair_id is not None
    pair = ctx.own_pair(pair_id, CURRENT)
    target = values.date("target")
    texts = {name: values.text(name) for name in ("specific", *PARTS)}
    return add_goal(ctx, pair, smart_text(texts, ctx.lang), target)


FORM = FormSpec(
    name=GOAL_FORM,
    title="goals.form.title",
    about="pair",
    fields=(
        _part("specific", required=True),
        _part("measurable", required=True),
        _part("achievable", required=False),
        _part("relevant", required=False),
        Field(
            "target", Kind.DATE, "goals.form.target", required=True, hint="goals.form.target.hint"
        ),
    ),
    submit=submit_goal_form,
    check=check_goal_form,
)
