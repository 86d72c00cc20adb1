"""`/mentor pairs`: my pairs, my role in each, the next session (or who is still to accept)."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import t
from bot.kernel.replies import Reply, Section
from bot.pairs.agreement import waiting_for
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.stored import rhythm_of
from bot.rhythm.wording import describe_pair_rhythm, format_date, format_when
from storage.models import Pair
from storage.queries.pairs import PAUSED, PENDING, pairs_of
from storage.queries.sessions import next_session


def run(ctx: CommandContext) -> Reply:
    assert ctx.actor.id is not None
    pairs = pairs_of(session=ctx.session, person_id=ctx.actor.id)
    if not pairs:
        raise UserError("pairs.none")
    rows = [pair_row(ctx, pair) for pair in pairs]
    return Reply(title=t("pairs.title", ctx.lang), sections=(Section("\n".join(rows)),))


def pair_row(ctx: ActorContext, pair: Pair) -> str:
    """`• Mentor of @thomas — every week on Thursday… Next: …` (also on the Home)."""
    assert pair.id is not None
    role = t("role.mentor.cap" if pair.mentor_id == ctx.actor.id else "role.mentee.cap", ctx.lang)
    other = mention(ctx.other_member(pair))
    rhythm = describe_pair_rhythm(rhythm_of(pair), pair.reverse, ctx.lang)
    if pair.status == PENDING:
        # "Waiting for you and @x" reads "en attente de votre accord et de celui de @x".
        waiting = waiting_for(pair)
        key = "agreement.pending_row"
        if ctx.actor.id in waiting:
            key = (
                "agreement.pending_row.you_and" if len(waiting) > 1 else "agreement.pending_row.you"
            )
        return t(
            key,
            ctx.lang,
            role=role,
            other=other,
            rhythm=rhythm,
            waiting=other,
        )
    if pair.status == PAUSED:
        paused = (
            t("pairs.paused_until", ctx.lang, date=format_date(pair.paused_until, ctx.lang))
            if pair.paused_until
            else t("pairs.paused", ctx.lang)
        )
        return t("pairs.row.paused", ctx.lang, role=role, other=other, rhythm=rhythm, paused=paused)
    upcoming = next_session(session=ctx.session, pair_id=pair.id, now=ctx.now)
    return t(
        "pairs.row",
        ctx.lang,
        role=role,
        other=other,
        rhythm=rhythm,
        next=format_when(upcoming.starts_at, zone_of(ctx.actor, pair.timezone), ctx.lang)
        if upcoming
        else t("next.none", ctx.lang),
    )
