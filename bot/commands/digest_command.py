"""`/mentor digest #channel` / `digest off #channel`: the weekly cadence digest (admins)."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.parser import channels_in
from bot.kernel.errors import UserError
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Reply, say
from bot.people.person import zone_of
from bot.planning.planner import next_digest_at, plan_digest
from bot.rhythm.wording import format_when
from storage.models import DigestSubscription
from storage.queries.digests import subscription

OFF_WORDS = {"off", "stop", "arret", "desabonner"}


def run(ctx: CommandContext) -> Reply:
    if not ctx.core.is_admin(ctx.actor.external_id):
        raise UserError("digest.admins_only")
    channels = channels_in(ctx.command.rest)
    if len(channels) != 1:
        raise UserError("digest.usage")
    channel_id = channels[0]
    label = f"<#{channel_id}>"
    existing = subscription(session=ctx.session, platform=ctx.platform, channel_id=channel_id)
    if any(fold(word) in OFF_WORDS for word in ctx.command.words):
        if existing is None or not existing.active:
            return say(t("digest.not_subscribed", ctx.lang, channel=label))
        existing.active = False
        ctx.session.add(existing)
        return say(t("digest.unsubscribed", ctx.lang, channel=label))
    assert ctx.actor.id is not None
    sub = existing or DigestSubscription(
        platform=ctx.platform,
        channel_id=channel_id,
        timezone=zone_of(ctx.actor),
        lang=ctx.lang,
        created_by_id=ctx.actor.id,
        created_at=ctx.now,
    )
    sub.active = True
    sub.timezone, sub.lang = zone_of(ctx.actor), ctx.lang
    ctx.session.add(sub)
    ctx.session.flush()
    plan_digest(session=ctx.session, subscription=sub, now=ctx.now)
    first = format_when(next_digest_at(sub, ctx.now), sub.timezone, ctx.lang)
    return say(t("digest.subscribed", ctx.lang, channel=label, zone=sub.timezone, first=first))
