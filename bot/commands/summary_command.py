"""`/mentor summary [text]`: the summary of the pair's last session, shared with the other side."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import Number, t
from bot.kernel.replies import Form, Reply
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_when
from bot.sessions.summaries import MAX_SUMMARY, Draft, write_or_ask
from bot.sessions.summary_parts import free_text
from storage.queries.sessions import last_held_session

SUMMARY_FORM = "summary"


def run(ctx: CommandContext) -> Reply | Form:
    """With text: that text is the summary; alone: the form (decisions, actions, notes)."""
    text = ctx.command.rest.strip()
    if len(text) > MAX_SUMMARY:
        raise UserError("summary.too_long", length=Number(len(text)), count=MAX_SUMMARY)
    pair = ctx.choose_pair()
    assert pair.id is not None
    other = ctx.other_member(pair)
    meeting = last_held_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
    if meeting is None:
        raise UserError("summary.no_session", other=mention(other))
    assert meeting.id is not None and ctx.actor.id is not None
    if not text:
        return summary_form(ctx, meeting.id)
    return write_or_ask(ctx, pair, meeting, Draft(meeting.id, free_text(text, ctx.actor.id)))


def summary_form(ctx: ActorContext, session_id: int) -> Form:
    """The summary form (decisions, actions, notes) of an ended session of the actor's."""
    pair, meeting = ctx.own_ended_session(session_id)
    when = format_when(meeting.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
    label = t("form.session_label", ctx.lang, when=when, other=mention(ctx.other_member(pair)))
    return Form(SUMMARY_FORM, {"session": str(session_id), "label": label})
