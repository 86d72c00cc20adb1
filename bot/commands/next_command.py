"""`/mentor next`: my next sessions, in my own time zone."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, Section
from bot.people.person import mention, zone_of
from bot.rhythm.wording import format_duration, format_when
from storage.queries.pairs import PENDING, pairs_of
from storage.queries.sessions import next_session


def run(ctx: CommandContext) -> Reply:
    assert ctx.actor.id is not None
    pairs = (
        [ctx.choose_pair()]
        if ctx.command.mentions
        else pairs_of(session=ctx.session, person_id=ctx.actor.id)
    )
    if not pairs:
        raise UserError("pairs.none")
    upcoming = []
    for pair in pairs:
        assert pair.id is not None
        meeting = next_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
        upcoming.append((meeting.starts_at if meeting else None, pair, meeting))
    upcoming.sort(key=lambda row: (row[0] is None, row[0]))
    zone = zone_of(ctx.actor, pairs[0].timezone)
    rows = [
        t(
            "next.row",
            ctx.lang,
            when=format_when(meeting.starts_at, zone, ctx.lang)
            if meeting
            else t("next.agreement" if pair.status == PENDING else "next.none", ctx.lang),
            other=mention(ctx.other_member(pair)),
            role=t("role.mentee" if pair.mentor_id == ctx.actor.id else "role.mentor", ctx.lang),
            duration=format_duration(pair.duration_minutes, ctx.lang),
            format=t(f"format.{pair.format}", ctx.lang),
        )
        for _, pair, meeting in upcoming
    ]
    return Reply(
        title=t("next.title", ctx.lang),
        sections=(Section("\n".join(rows)),),
        note=t("next.zone", ctx.lang, zone=zone),
    )
