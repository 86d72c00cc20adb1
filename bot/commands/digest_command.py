"""`/mentor digest #channel [tz Zone] [lang fr|en]` / `digest off #channel`: the weekly cadence
digest (admins), Mondays at 09:00 in the subscription's zone and language (by default, the
subscriber's)."""

from __future__ import annotations

from datetime import time

from bot.commands.context import CommandContext
from bot.commands.parser import channels_in
from bot.kernel.errors import UserError
from bot.kernel.i18n import Lang, fold, t
from bot.kernel.replies import Reply, Section, say
from bot.people.person import zone_of
from bot.planning.planner import DIGEST_HOUR, next_digest_at, plan_digest
from bot.rhythm.grammar import RhythmError, canonical_zone
from bot.rhythm.wording import format_time, format_when
from storage.models import DigestSubscription
from storage.queries.digests import subscription

OFF_WORDS = {"off", "stop", "arret", "desabonner"}
ZONE_WORDS = {"tz", "zone", "timezone", "fuseau"}
LANG_WORDS = {"lang", "language", "langue"}
LANGS: dict[str, Lang] = {
    **dict.fromkeys(("en", "english", "anglais"), "en"),
    **dict.fromkeys(("fr", "french", "francais"), "fr"),
}


def zone_and_lang(words: list[str], zone: str, lang: Lang) -> tuple[str, Lang]:
    """The zone and language `tz …` and `lang …` choose among `words`; else those given."""
    folded = [fold(word) for word in words]
    for n, word in enumerate(folded[:-1]):
        if word in ZONE_WORDS:
            try:
                zone = canonical_zone(words[n + 1])
            except RhythmError as error:
                raise UserError("digest.bad_zone", zone=words[n + 1]) from error
        elif word in LANG_WORDS:
            if folded[n + 1] not in LANGS:
                raise UserError("digest.bad_lang", lang=words[n + 1])
            lang = LANGS[folded[n + 1]]
    return zone, lang


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
    zone, lang = zone_and_lang(ctx.command.words, zone_of(ctx.actor), ctx.lang)
    sub = existing or DigestSubscription(
        platform=ctx.platform,
        channel_id=channel_id,
        timezone=zone,
        lang=lang,
        created_by_id=ctx.actor.id,
        created_at=ctx.now,
    )
    sub.active = True
    sub.timezone, sub.lang = zone, lang
    ctx.session.add(sub)
    ctx.session.flush()
    plan_digest(session=ctx.session, subscription=sub, now=ctx.now)
    first = format_when(next_digest_at(sub, ctx.now), sub.timezone, ctx.lang)
    subscribed = t(
        "digest.subscribed",
        ctx.lang,
        channel=label,
        at=format_time(time(DIGEST_HOUR), ctx.lang),
        zone=sub.timezone,
        language=t(f"language.{lang}", ctx.lang),
        first=first,
    )
    # Slack: chat:write.public posts to any public channel; a private one needs the bot in it.
    # In Teams the command is typed in the channel itself, where the bot already is.
    access = [Section(t("digest.private_channel", ctx.lang))] if ctx.platform == "slack" else []
    return Reply(sections=(Section(subscribed), *access))
