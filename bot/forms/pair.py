"""The pair form: mentor, mentee and their rhythm, for a bare `/mentor pair`."""

from __future__ import annotations

from bot.commands.pair_command import PAIR_FORM, create_and_confirm, pair_members
from bot.kernel.errors import UserError
from bot.kernel.form_model import Field, FormSpec, Kind, Values
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Reply
from bot.pairs.meeting_hours import FIRST_SESSION_NOTICE
from bot.people.actor import ActorContext
from bot.people.person import zone_of
from bot.rhythm.form_fields import RHYTHM_FIELDS, rhythm_draft, rhythm_error, zone_and_start
from bot.rhythm.grammar import RhythmError, complete_rhythm


def submit_pair_form(ctx: ActorContext, values: Values, _about: int | None) -> Reply | FieldErrors:
    """Create the pair: both people must be able to pair, the rhythm must be complete."""
    try:
        mentor, mentee = pair_members(ctx, values.text("mentor"), values.text("mentee"))
    except UserError as error:
        return FieldErrors({"mentee": t(error.key, ctx.lang, **error.params)})
    try:
        zone = zone_of(mentor, zone_of(ctx.actor))
        rhythm = complete_rhythm(
            rhythm_draft(values),
            default_timezone=zone,
            now=ctx.now,
            not_before=ctx.now + FIRST_SESSION_NOTICE,
        )
    except RhythmError as error:
        return rhythm_error(error, ctx.lang)
    return create_and_confirm(ctx, mentor, mentee, rhythm)


FORM = FormSpec(
    name=PAIR_FORM,
    title="form.pair.title",
    fields=(
        Field("mentor", Kind.PERSON, "form.pair.mentor", required=True),
        Field("mentee", Kind.PERSON, "form.pair.mentee", required=True),
        *RHYTHM_FIELDS,
        *zone_and_start("form.pair.start.hint"),
    ),
    submit=submit_pair_form,
)
