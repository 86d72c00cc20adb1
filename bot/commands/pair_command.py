"""`/mentor pair @mentor @mentee <rhythm>`: create a pair; alone, open the pair form."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.commands.parser import bare_names
from bot.kernel.errors import UserError
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Form, Reply, Section
from bot.pairs.agreement import waiting_for
from bot.pairs.creation import check_new_pair, create_pair
from bot.pairs.meeting_hours import FIRST_SESSION_NOTICE, odd_hours, odd_hours_warning
from bot.people.actor import ActorContext
from bot.people.person import mention, zone_of
from bot.rhythm.grammar import RhythmError, complete_rhythm, parse_rhythm
from bot.rhythm.model import Rhythm
from bot.rhythm.wording import describe_pair_rhythm, format_when
from storage.models import Person

PAIR_FORM = "pair"
REVERSE_WORDS = {"reverse", "inverse", "inverse-mentoring"}


def run(ctx: CommandContext) -> Reply | Form:
    command = ctx.command
    if not command.mentions and not command.rest:
        return Form(PAIR_FORM, {"timezone": zone_of(ctx.actor)})
    # An `@` inside a link (`https://host/@room`) names nobody.
    if unknown := bare_names(" ".join(w for w in command.words if "://" not in w)):
        raise UserError("error.unknown_person", who=unknown[0])
    if len(command.mentions) != 2:
        raise UserError("pair.usage")
    mentor, mentee = pair_members(ctx, *command.mentions)
    words = command.rest.split()
    reverse = any(fold(word) in REVERSE_WORDS for word in words)
    rhythm_text = " ".join(word for word in words if fold(word) not in REVERSE_WORDS)
    try:
        draft = parse_rhythm(rhythm_text)
        rhythm = complete_rhythm(
            draft,
            default_timezone=zone_of(mentor, zone_of(ctx.actor)),
            now=ctx.now,
            not_before=ctx.now + FIRST_SESSION_NOTICE,
        )
    except RhythmError as error:
        raise UserError(error.code, **error.params) from error
    return create_and_confirm(ctx, mentor, mentee, rhythm, reverse=reverse)


def pair_members(ctx: ActorContext, mentor_id: str, mentee_id: str) -> tuple[Person, Person]:
    """The two people the actor names, once it is clear they may be paired (else a UserError)."""
    mentor, mentee = ctx.person(mentor_id), ctx.person(mentee_id)
    check_new_pair(
        session=ctx.session,
        actor=ctx.actor,
        mentor=mentor,
        mentee=mentee,
        is_admin=ctx.core.is_admin(ctx.actor.external_id),
    )
    return mentor, mentee


def create_and_confirm(
    ctx: ActorContext, mentor: Person, mentee: Person, rhythm: Rhythm, *, reverse: bool = False
) -> Reply:
    """Create the pair (its agreement goes to both) and tell the actor who must accept it."""
    pair, first = create_pair(
        session=ctx.session,
        platform=ctx.platform,
        actor=ctx.actor,
        mentor=mentor,
        mentee=mentee,
        rhythm=rhythm,
        now=ctx.now,
        reverse=reverse,
    )
    ctx.owes_now = True
    zone = zone_of(ctx.actor, pair.timezone)
    people = {mentor.id: mentor, mentee.id: mentee}
    waiting = t("agreement.and", ctx.lang).join(mention(people[m]) for m in waiting_for(pair))
    proposed = t(
        "pair.proposed",
        ctx.lang,
        mentor=mention(mentor),
        mentee=mention(mentee),
        rhythm=describe_pair_rhythm(rhythm, reverse, ctx.lang),
        first=format_when(first, zone, ctx.lang) if first else "—",
        waiting=waiting,
    )
    # Accepted as asked, but the one who chose it hears whom it puts at an odd hour.
    warning = odd_hours_warning(odd_hours(rhythm, (mentor, mentee), ctx.now), ctx.lang)
    return Reply(sections=(Section(proposed), *([Section(warning)] if warning else [])))
