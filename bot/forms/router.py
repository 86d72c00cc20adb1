"""The bot's buttons and forms: what pressing a button does, what submitting a form does."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.commands.end_command import end
from bot.commands.help_me_command import ask_for_help
from bot.commands.my_data_command import forget_now
from bot.commands.pause_command import pause_now
from bot.commands.skip_command import skip
from bot.commands.summary_command import summary_form
from bot.forms import FORMS
from bot.forms.agenda import AGENDA_FORM
from bot.forms.move import MOVE_FORM
from bot.growth.goals import goal_form, press_goal_done
from bot.growth.review_form import REVIEW_BUTTON, own_reviewed_pair, review_form
from bot.kernel.errors import UserError
from bot.kernel.form_model import read_form
from bot.kernel.i18n import t
from bot.kernel.replies import FieldErrors, Form, Reply, say
from bot.pairs.answers import AGREEMENT_BUTTONS, press_agreement
from bot.pairs.silences import KEEP_BUTTON
from bot.pairs.stalled import MEDIATOR_BUTTON, PAUSE_BUTTON
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_when
from bot.sessions.action_items import press_action_done
from bot.sessions.summaries import (
    REPLY_BUTTONS,
    TWICE_BUTTONS,
    press_reply_choice,
    press_second_summary,
)
from storage.queries.pairs import ACTIVE, CURRENT, PAUSED

ROW_ID_MAX = 2**63 - 1  # the largest id SQLite and PostgreSQL (bigint) hold


BUTTONS = (
    "session.skip",
    "session.move",
    "agenda.add",
    "pair.end",
    "summary.write",
    *AGREEMENT_BUTTONS,
    "goal.add",
    "goal.done",
    "action.done",
    REVIEW_BUTTON,
    "person.forget",
    *REPLY_BUTTONS,
    *TWICE_BUTTONS,
    PAUSE_BUTTON,
    MEDIATOR_BUTTON,
    KEEP_BUTTON,
)


def row_id(value: object) -> int | None:
    """The database id a platform sent back (a button's value, a form's hidden state), if it is
    one: a positive 64-bit integer, in ASCII digits when a string. Anything else names nothing
    (`int()` would take "١" or a 30-digit number the database cannot hold)."""
    if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 19:
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= ROW_ID_MAX else None


def press_button(ctx: ActorContext, action: str, value: str) -> Reply | Form:
    """What a button of the bot's messages does: skip at once, or ask for a form."""
    if action in REPLY_BUTTONS:
        return press_reply_choice(ctx, action, value)
    if action in TWICE_BUTTONS:
        return press_second_summary(ctx, action, value)
    number = row_id(value)
    if action not in BUTTONS or number is None:
        raise UserError("session.not_yours")
    if action in AGREEMENT_BUTTONS:
        return press_agreement(ctx, action, number)
    if action == PAUSE_BUTTON:  # the stall and silence questions: `/mentor pause`
        return pause_now(ctx, ctx.own_pair(number, (ACTIVE, PAUSED)), None)
    if action == KEEP_BUTTON:  # the silence question: pressing it is the answer
        ctx.own_pair(number, (ACTIVE, PAUSED))
        return say(t("silent.kept", ctx.lang))
    if action == MEDIATOR_BUTTON:  # the stall question: `/mentor help-me`
        return ask_for_help(ctx, ctx.own_pair(number, (ACTIVE, PAUSED)))
    if action == "pair.end":
        return end(ctx, ctx.own_pair(number))
    if action == "person.forget":
        if number != ctx.actor.id:
            raise UserError("session.not_yours")
        return forget_now(ctx)
    if action == "summary.write":
        return summary_form(ctx, number)
    if action == "goal.add":
        return goal_form(ctx, ctx.own_pair(number, CURRENT))
    if action == "goal.done":
        return press_goal_done(ctx, number)
    if action == "action.done":
        return press_action_done(ctx, number)
    if action == REVIEW_BUTTON:
        return review_form(ctx, own_reviewed_pair(ctx, number))
    session_id = number
    pair, meeting = ctx.own_session(session_id)
    if action == "session.skip":
        return skip(ctx, pair, meeting)
    label = session_label(ctx, session_id)
    if action == "agenda.add":
        return Form(AGENDA_FORM, {"session": str(session_id), "label": label})
    local = now_in(ctx)
    return Form(
        MOVE_FORM,
        {
            "session": str(session_id),
            "label": label,
            "date": local.date().isoformat(),
            "time": f"{local:%H:%M}",
        },
    )


def session_label(ctx: ActorContext, session_id: int) -> str:
    """`Thursday 3 December 2026, 18:00 (Europe/Paris) with @claire`, for a form's title text."""
    pair, meeting = ctx.own_session(session_id)
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    return t("form.session_label", ctx.lang, when=when, other=mention(ctx.other_member(pair)))


def now_in(ctx: ActorContext) -> datetime:
    """The actor's local now, to prefill date and time pickers."""
    return ctx.now.astimezone(ZoneInfo(zone_of(ctx.actor)))


def _id(meta: Mapping[str, object], key: str) -> int:
    """The session or pair a form is about, from what the platform kept with it."""
    number = row_id(meta.get(key))
    if number is None:
        raise UserError("session.not_yours" if key == "session" else "pair.not_yours")
    return number


def submit_form(
    ctx: ActorContext, name: str, raw: Mapping[str, object], meta: Mapping[str, object]
) -> Reply | FieldErrors:
    """What submitting form `name` does: its fields read, then its action on the row `meta`
    names (the session or pair the form is about)."""
    spec = FORMS.get(name)
    if spec is None:
        raise UserError("session.not_yours")
    about = _id(meta, spec.about) if spec.about else None
    values, errors = read_form(spec, raw)
    if spec.check is not None:
        errors = spec.check(ctx, values, about) | errors
    if errors:
        return FieldErrors({name: phrase.text(ctx.lang) for name, phrase in errors.items()})
    return spec.submit(ctx, values, about)
