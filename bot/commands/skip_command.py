"""`/mentor skip`: skip the next session; the other side is told at once."""

from __future__ import annotations

from bot.commands.agenda_command import upcoming
from bot.commands.context import CommandContext
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_when
from bot.sessions.changes import skip_session
from storage.models import MeetingSession, Pair


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    return skip(ctx, pair, upcoming(ctx, pair))


def skip(ctx: ActorContext, pair: Pair, meeting: MeetingSession) -> Reply:
    """Skip `meeting`, tell the other member, and answer the actor."""
    other = ctx.other_member(pair)
    following = skip_session(
        session=ctx.session, pair=pair, meeting=meeting, other=other, now=ctx.now
    )
    ctx.owes_now = True
    zone = zone_of(ctx.actor, pair.timezone)
    return say(
        t(
            "skip.done",
            ctx.lang,
            when=format_when(meeting.starts_at, zone, ctx.lang),
            other=mention(other),
            next=format_when(following.starts_at, zone, ctx.lang)
            if following
            else t("next.none", ctx.lang),
        )
    )
