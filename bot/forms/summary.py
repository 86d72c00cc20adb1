"""The summary form of an ended session: decisions, up to three actions (text, owner, due date)
and notes; what it records and the actions it creates."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.commands.summary_command import SUMMARY_FORM
from bot.kernel.form_model import Choice, Field, FormSpec, Group, Kind, Phrase, Values
from bot.kernel.replies import FieldErrors, Reply
from bot.people.actor import ActorContext
from bot.people.person import zone_of
from bot.sessions.action_items import MAX_TEXT as ACTION_MAX
from bot.sessions.action_items import NewAction
from bot.sessions.summaries import Draft, write_or_ask
from bot.sessions.summary_parts import form_doc

ACTION_ROWS = 3
OWNERS = ("mentor", "mentee")
TEXT_MAX = 1500


def check_summary_form(
    ctx: ActorContext, values: Values, session_id: int | None
) -> dict[str, Phrase]:
    """Due dates already past, and a form left empty."""
    assert session_id is not None
    pair, _ = ctx.own_ended_session(session_id)
    today = ctx.now.astimezone(ZoneInfo(zone_of(ctx.actor, pair.timezone))).date()
    errors = {
        f"due_{row.row}": Phrase("summary.form.due_past")
        for row in values.rows("actions")
        if (due := row.date("due")) is not None and due < today
    }
    if not (values.text("decisions") or values.text("notes") or values.rows("actions")):
        errors["decisions"] = Phrase("summary.form.empty")
    return errors


def submit_summary_form(
    ctx: ActorContext, values: Values, session_id: int | None
) -> Reply | FieldErrors:
    """Record the summary (decisions, actions, notes) and the actions it creates; when the
    session has one already, ask whether to replace it or add to it."""
    assert session_id is not None and ctx.actor.id is not None
    pair, meeting = ctx.own_ended_session(session_id)
    actions = tuple(
        NewAction(row.text("action"), row.text("owner"), row.date("due"))
        for row in values.rows("actions")
    )
    doc = form_doc(values.text("decisions"), values.text("notes"), ctx.actor.id)
    return write_or_ask(ctx, pair, meeting, Draft(session_id, doc, actions))


FORM = FormSpec(
    name=SUMMARY_FORM,
    title="summary.form.title",
    about="session",
    fields=(
        Field("decisions", Kind.LONG_TEXT, "summary.form.decisions", max_length=TEXT_MAX),
        Group(
            "actions",
            (
                Field("action", Kind.TEXT, "summary.form.action", max_length=ACTION_MAX),
                Field(
                    "owner",
                    Kind.CHOICE,
                    "summary.form.owner",
                    required=True,
                    choices=tuple(Choice(r, Phrase(f"role.{r}.cap")) for r in OWNERS),
                    missing="summary.form.owner_missing",
                ),
                Field("due", Kind.DATE, "summary.form.due"),
            ),
            count=ACTION_ROWS,
        ),
        Field("notes", Kind.LONG_TEXT, "summary.form.notes", max_length=TEXT_MAX),
    ),
    submit=submit_summary_form,
    check=check_summary_form,
)
