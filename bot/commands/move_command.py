"""`/mentor move <YYYY-MM-DD HH:MM>`: move the next session, in the asker's time zone."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.commands.agenda_command import upcoming
from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, say
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.grammar import MAX_DURATION
from bot.rhythm.recurrence import local_instant
from bot.rhythm.wording import format_duration, format_time, format_when
from bot.sessions.changes import move_session
from storage.models import MeetingSession, Pair
from storage.queries.pairs import hold_pair
from storage.queries.sessions import planned_spans

WHEN = re.compile(
    r"^(?P<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})\s+(?:at\s+|à\s+|a\s+)?"
    r"(?P<hour>\d{1,2})(?:[:h](?P<minute>\d{2})?)?$",
    re.IGNORECASE,
)
MAX_AHEAD = timedelta(days=366)


def parse_when(text: str, zone: str) -> datetime:
    """`2026-12-10 18:30`, `2026-12-10 18h30`, `10/12/2026 18h` in `zone`, as an aware instant."""
    match = WHEN.match(" ".join(text.split()))
    if not match:
        raise UserError("move.usage")
    raw = match.group("date")
    try:
        if "/" in raw:
            day_, month_, year_ = (int(p) for p in raw.split("/"))
            day = date(year_, month_, day_)
        else:
            day = date(*(int(p) for p in raw.split("-")))
        at = time(int(match.group("hour")), int(match.group("minute") or 0))
    except ValueError as error:
        raise UserError("move.usage") from error
    return local_instant(day, at, zone)


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    to = parse_when(ctx.command.rest, zone_of(ctx.actor, pair.timezone))
    return move(ctx, pair, upcoming(ctx, pair), to)


def move(ctx: ActorContext, pair: Pair, meeting: MeetingSession, to: datetime) -> Reply:
    """Move `meeting` to `to` after checking it is a sensible time, free of the pair's other
    sessions (each would otherwise be reminded of and asked about twice): the pair's moves
    take turns, so that two racing onto one time make one; tell the other member."""
    zone = zone_of(ctx.actor, pair.timezone)
    if to <= ctx.now:
        day = (ctx.now + timedelta(days=7)).astimezone(ZoneInfo(zone)).date()
        example = f"{day.isoformat()} {format_time(time(18), ctx.lang)}"
        raise UserError("move.past", when=format_when(to, zone, ctx.lang), example=example)
    if to > ctx.now + MAX_AHEAD:
        raise UserError("move.too_far")
    assert pair.id is not None and meeting.id is not None
    end = to + timedelta(minutes=meeting.duration_minutes)
    hold_pair(session=ctx.session, pair_id=pair.id)
    spans = planned_spans(
        session=ctx.session, pair_ids=[pair.id], since=to - timedelta(minutes=MAX_DURATION)
    )
    taken = [
        s for s in spans.get(pair.id, []) if s.session_id != meeting.id and s.overlaps(to, end)
    ]
    if taken:
        raise UserError(
            "move.taken",
            when=format_when(taken[0].start, zone, ctx.lang),
            duration=format_duration(taken[0].minutes, ctx.lang),
        )
    old = meeting.starts_at
    other = ctx.other_member(pair)
    move_session(session=ctx.session, pair=pair, meeting=meeting, other=other, to=to, now=ctx.now)
    ctx.owes_now = True
    return say(
        t(
            "move.done",
            ctx.lang,
            old=format_when(old, zone, ctx.lang),
            new=format_when(to, zone, ctx.lang),
            other=mention(other),
        )
    )
