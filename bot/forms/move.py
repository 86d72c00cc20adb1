"""The move form: a new date and time (the actor's zone) for one session."""

from __future__ import annotations

from bot.commands.move_command import move
from bot.kernel.errors import UserError
from bot.kernel.form_model import Field, FormSpec, Kind, Values
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Reply
from bot.people.actor import ActorContext
from bot.people.person import zone_of
from bot.rhythm.recurrence import local_instant

MOVE_FORM = "move"


def submit_move_form(
    ctx: ActorContext, values: Values, session_id: int | None
) -> Reply | FieldErrors:
    assert session_id is not None
    pair, meeting = ctx.own_session(session_id)
    day, at = values.date("date"), values.time("time")
    assert day is not None and at is not None  # required fields
    at = at.replace(second=0, microsecond=0)
    to = local_instant(day, at, zone_of(ctx.actor, pair.timezone))
    try:
        return move(ctx, pair, meeting, to)
    except UserError as error:
        return FieldErrors({"date": t(error.key, ctx.lang, **error.params)})


FORM = FormSpec(
    name=MOVE_FORM,
    title="form.move.title",
    about="session",
    fields=(
        Field("date", Kind.DATE, "form.move.date", required=True),
        Field("time", Kind.TIME, "form.move.time", required=True),
    ),
    submit=submit_move_form,
)
