"""The add-to-agenda form of a session."""

from __future__ import annotations

from bot.commands.agenda_command import MAX_TEXT, add_item
from bot.kernel.errors import UserError
from bot.kernel.form_model import Field, FormSpec, Kind, Values
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Reply
from bot.people.actor import ActorContext

AGENDA_FORM = "agenda_add"


def submit_agenda_form(
    ctx: ActorContext, values: Values, session_id: int | None
) -> Reply | FieldErrors:
    assert session_id is not None
    try:
        pair, meeting = ctx.own_session(session_id)
        return add_item(ctx, pair, meeting, values.text("text"))
    except UserError as error:
        return FieldErrors({"text": t(error.key, ctx.lang, **error.params)})


FORM = FormSpec(
    name=AGENDA_FORM,
    title="form.agenda.title",
    about="session",
    fields=(
        Field(
            "text",
            Kind.LONG_TEXT,
            "form.agenda.label",
            required=True,
            max_length=MAX_TEXT,
            placeholder="form.agenda.placeholder",
            too_long="agenda.add.too_long",
        ),
    ),
    submit=submit_agenda_form,
)
