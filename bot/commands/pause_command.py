"""`/mentor pause [until YYYY-MM-DD]` and `/mentor resume`: no reminders meanwhile."""

from __future__ import annotations

import re
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, say
from bot.pairs.pauses import pause_pair, resume_pair
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.wording import WordedDate, format_date, format_when
from storage.models import Pair
from storage.queries.pairs import PAUSED
from storage.queries.sessions import next_session

DATE = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
LONGEST = timedelta(days=366)


def pause(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    return pause_now(ctx, pair, None if pair.status == PAUSED else _until(ctx))


def pause_now(ctx: ActorContext, pair: Pair, until: date | None) -> Reply:
    """Pause the actor's `pair` until `until` (or `/mentor resume`); also the health questions'
    pause button."""
    other = mention(ctx.other_member(pair))
    if pair.status == PAUSED:
        raise UserError("pause.already", other=other)
    pause_pair(session=ctx.session, pair=pair, actor=ctx.actor, until=until, now=ctx.now)
    ctx.owes_now = True
    if until is None:
        return say(t("pause.done", ctx.lang, other=other))
    return say(t("pause.done_until", ctx.lang, other=other, date=format_date(until, ctx.lang)))


def resume(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    other = mention(ctx.other_member(pair))
    if pair.status != PAUSED:
        raise UserError("resume.not_paused", other=other)
    resume_pair(session=ctx.session, pair=pair, actor=ctx.actor, now=ctx.now)
    ctx.owes_now = True
    assert pair.id is not None
    following = next_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
    zone = zone_of(ctx.actor, pair.timezone)
    when = (
        format_when(following.starts_at, zone, ctx.lang) if following else t("next.none", ctx.lang)
    )
    return say(t("resume.done", ctx.lang, other=other, next=when))


def _until(ctx: CommandContext) -> date | None:
    words = ctx.command.rest.strip()
    if not words:
        return None
    match = DATE.search(words)
    if match is None:
        raise UserError("pause.usage")
    try:
        until = date(*(int(part) for part in match.groups()))
    except ValueError as error:
        raise UserError("pause.usage") from error
    today = ctx.now.astimezone(ZoneInfo(zone_of(ctx.actor))).date()
    if until <= today or until - today > LONGEST:
        raise UserError("pause.bad_date", date=WordedDate(until))
    return until
