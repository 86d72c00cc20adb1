"""`/mentor calendar [reset]`: the person's private subscription link, with the sessions of all
their pairs. Only the token's hash is kept, so a link is shown once; `reset` replaces it."""

from __future__ import annotations

from bot.calendar.feeds import feed_url, issue_feed
from bot.commands.context import CommandContext
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Reply, say
from storage.queries.calendar import feed_of

RESET_WORDS = frozenset({"reset", "new", "renew", "reinitialiser", "nouveau", "renouveler"})


def run(ctx: CommandContext) -> Reply:
    public_url = ctx.core.public_url
    if not public_url:
        return say(t("calendar.no_public_url", ctx.lang))
    assert ctx.actor.id is not None
    reset = any(fold(word) in RESET_WORDS for word in ctx.command.words)
    existing = feed_of(session=ctx.session, person_id=ctx.actor.id)
    if existing is not None and not reset:
        return say(t("calendar.exists", ctx.lang))
    token = issue_feed(session=ctx.session, person=ctx.actor, now=ctx.now)
    key = "calendar.reset" if existing is not None else "calendar.link"
    return say(t(key, ctx.lang, url=feed_url(public_url, token)))
