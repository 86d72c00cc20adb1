"""Forms (Slack modals, Teams cards): their choices and what their submissions do."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from bot.commands.agenda_command import add_item
from bot.commands.end_command import end
from bot.commands.move_command import move
from bot.commands.my_data_command import forget_now
from bot.commands.pair_command import create_and_confirm
from bot.commands.skip_command import skip
from bot.commands.summary_command import SUMMARY_FORM, summary_form
from bot.growth.goal_form import submit_goal_form
from bot.growth.goals import GOAL_FORM, goal_form, press_goal_done
from bot.growth.review_form import (
    REVIEW_BUTTON,
    REVIEW_FORM,
    own_reviewed_pair,
    review_form,
    submit_review_form,
)
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, t
from bot.kernel.replies import FieldErrors, Form, Reply, say
from bot.pairs.answers import AGREEMENT_BUTTONS, TERMS_FORM, press_agreement, submit_terms_form
from bot.pairs.creation import check_new_pair
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.form_fields import required_field, rhythm_draft
from bot.rhythm.grammar import RhythmError, complete_rhythm
from bot.rhythm.recurrence import local_instant
from bot.rhythm.wording import format_when
from bot.sessions.action_items import MAX_TEXT as ACTION_MAX
from bot.sessions.action_items import NewAction, action_lines, add_actions, press_action_done
from bot.sessions.summaries import MAX_SUMMARY, REPLY_BUTTONS, press_reply_choice, record_summary
from storage.queries.pairs import CURRENT
from storage.queries.people import people_by_ids

PAIR_FORM = "pair"
AGENDA_FORM = "agenda_add"
MOVE_FORM = "move"
ACTION_ROWS = 3
OWNERS = ("mentor", "mentee")
ROW_ID_MAX = 2**63 - 1  # the largest id SQLite and PostgreSQL (bigint) hold


def submit_pair_form(ctx: ActorContext, values: dict[str, str | None]) -> Reply | FieldErrors:
    """Create a pair from the pair form; every bad field is reported at once."""
    lang = ctx.lang
    errors: dict[str, str] = {}
    mentor_id, mentee_id = (required_field(values, n, errors, lang) for n in ("mentor", "mentee"))
    frequency, weekday, at, duration, meeting_format = (
        required_field(values, n, errors, lang)
        for n in ("frequency", "weekday", "time", "duration", "format")
    )
    if errors:
        return FieldErrors(errors)
    try:
        mentor, mentee = ctx.person(mentor_id), ctx.person(mentee_id)
        check_new_pair(
            session=ctx.session,
            actor=ctx.actor,
            mentor=mentor,
            mentee=mentee,
            is_admin=ctx.core.is_admin(ctx.actor.external_id),
        )
    except UserError as error:
        return FieldErrors({"mentee": t(error.key, lang, **error.params)})
    draft = rhythm_draft(frequency, weekday, at, duration, meeting_format, values, errors, lang)
    if draft is None:
        return FieldErrors(errors)
    try:
        rhythm = complete_rhythm(
            draft, default_timezone=zone_of(mentor, zone_of(ctx.actor)), now=ctx.now
        )
    except RhythmError as error:
        field = "timezone" if error.code == "rhythm.unknown_zone" else "start"
        return FieldErrors({field: t(error.code, lang, **error.params)})
    return create_and_confirm(ctx, mentor, mentee, rhythm)


def submit_agenda_form(ctx: ActorContext, session_id: int, text: str) -> Reply | FieldErrors:
    try:
        pair, meeting = ctx.own_session(session_id)
        return add_item(ctx, pair, meeting, text)
    except UserError as error:
        return FieldErrors({"text": t(error.key, ctx.lang, **error.params)})


def submit_move_form(ctx: ActorContext, session_id: int, day: str, at: str) -> Reply | FieldErrors:
    pair, meeting = ctx.own_session(session_id)
    try:
        hour, minute = (int(p) for p in at.split(":")[:2])
        to = local_instant(
            date.fromisoformat(day), time(hour, minute), zone_of(ctx.actor, pair.timezone)
        )
    except ValueError:
        return FieldErrors({"date": t("move.usage", ctx.lang)})
    try:
        return move(ctx, pair, meeting, to)
    except UserError as error:
        return FieldErrors({"date": t(error.key, ctx.lang, **error.params)})


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
    number = row_id(value)
    if action not in BUTTONS or number is None:
        raise UserError("session.not_yours")
    if action in AGREEMENT_BUTTONS:
        return press_agreement(ctx, action, number)
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


def summary_owner_choices(lang: Lang) -> list[tuple[str, str]]:
    return [(role, t(f"role.{role}.cap", lang)) for role in OWNERS]


def submit_summary_form(
    ctx: ActorContext, session_id: int, values: dict[str, str | None]
) -> Reply | FieldErrors:
    """Record the summary (decisions, actions, notes) and the actions it creates."""
    pair, meeting = ctx.own_ended_session(session_id)
    lang, errors = ctx.lang, {}
    text_of = {k: (v or "").strip() for k, v in values.items()}
    today = ctx.now.astimezone(ZoneInfo(zone_of(ctx.actor, pair.timezone))).date()
    actions: list[NewAction] = []
    for n in range(1, ACTION_ROWS + 1):
        text = text_of.get(f"action_{n}", "")
        if not text:
            continue
        owner, due_text = text_of.get(f"owner_{n}", ""), text_of.get(f"due_{n}", "")
        if owner not in OWNERS:
            errors[f"owner_{n}"] = t("summary.form.owner_missing", lang)
        due = None
        try:
            due = date.fromisoformat(due_text) if due_text else None
        except ValueError:
            errors[f"due_{n}"] = t("form.invalid", lang)
        if due is not None and due < today:
            errors[f"due_{n}"] = t("summary.form.due_past", lang)
        actions.append(NewAction(text[:ACTION_MAX], owner, due))
    decisions, notes = text_of.get("decisions", ""), text_of.get("notes", "")
    if not (decisions or notes or actions):
        errors["decisions"] = t("summary.form.empty", lang)
    if errors:
        return FieldErrors(errors)
    people = people_by_ids(session=ctx.session, ids={pair.mentor_id, pair.mentee_id})
    other = ctx.other_member(pair)
    created = add_actions(
        session=ctx.session,
        pair=pair,
        meeting=meeting,
        actions=actions,
        author=ctx.actor,
        people=people,
        now=ctx.now,
    )
    parts = [f"*{t('summary.text.decisions', lang)}*\n{decisions}"] if decisions else []
    if created:
        lines = action_lines(created, people, lang)
        parts.append(f"*{t('summary.text.actions', lang)}*\n{lines}")
    if notes:
        parts.append(f"*{t('summary.text.notes', lang)}*\n{notes}")
    replaced = record_summary(
        session=ctx.session,
        meeting=meeting,
        author=ctx.actor,
        other=other,
        text="\n\n".join(parts)[:MAX_SUMMARY],
        now=ctx.now,
        confirm_by_dm=False,
    )
    ctx.owes_now = True
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), lang)
    key = "summary.replaced" if replaced else "summary.saved"
    return say(t(key, lang, when=when, other=mention(other)))


Submit = Callable[[ActorContext, dict[str, str | None], Mapping[str, object]], Reply | FieldErrors]


def _id(meta: Mapping[str, object], key: str) -> int:
    """The session or pair a form is about, from what the platform kept with it."""
    number = row_id(meta.get(key))
    if number is None:
        raise UserError("session.not_yours" if key == "session" else "pair.not_yours")
    return number


SUBMITS: dict[str, Submit] = {
    PAIR_FORM: lambda ctx, values, meta: submit_pair_form(ctx, values),
    AGENDA_FORM: lambda ctx, values, meta: submit_agenda_form(
        ctx, _id(meta, "session"), values.get("text") or ""
    ),
    MOVE_FORM: lambda ctx, values, meta: submit_move_form(
        ctx, _id(meta, "session"), values.get("date") or "", values.get("time") or ""
    ),
    SUMMARY_FORM: lambda ctx, values, meta: submit_summary_form(ctx, _id(meta, "session"), values),
    TERMS_FORM: lambda ctx, values, meta: submit_terms_form(ctx, _id(meta, "pair"), values),
    GOAL_FORM: lambda ctx, values, meta: submit_goal_form(ctx, _id(meta, "pair"), values),
    REVIEW_FORM: lambda ctx, values, meta: submit_review_form(ctx, _id(meta, "pair"), values),
}
FORMS = tuple(SUBMITS)


def submit_form(
    ctx: ActorContext, name: str, values: dict[str, str | None], meta: Mapping[str, object]
) -> Reply | FieldErrors:
    """What submitting form `name` does; `meta` names the session or pair it is about."""
    submit = SUBMITS.get(name)
    if submit is None:
        raise UserError("session.not_yours")
    return submit(ctx, values, meta)
