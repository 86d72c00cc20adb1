"""`/mentor actions [@other]`: the pair's open actions; `actions done <n>`."""

from __future__ import annotations

from bot.commands.context import CommandContext
from bot.kernel.errors import UserError
from bot.kernel.i18n import fold, t
from bot.kernel.replies import Reply, Section, say
from bot.people.person import mention
from bot.sessions.action_items import action_lines, done_command, finish_action
from storage.queries.actions import open_actions
from storage.queries.people import people_by_ids

DONE_WORDS = {"done", "fait", "faite"}


def run(ctx: CommandContext) -> Reply:
    pair = ctx.choose_pair()
    assert pair.id is not None
    other = ctx.other_member(pair)
    items = open_actions(session=ctx.session, pair_id=pair.id)
    words = ctx.command.words
    # The example names the pair the way this command did (in several pairs, it must).
    example = done_command(1, ctx.lang, other if ctx.command.mentions else None)
    if words and fold(words[0]) in DONE_WORDS:
        if not items:
            raise UserError("actions.none", other=mention(other))
        if len(words) != 2 or not words[1].isdigit() or not 1 <= int(words[1]) <= len(items):
            raise UserError("actions.bad_number", last=len(items), command=example)
        return finish_action(ctx, items[int(words[1]) - 1])
    if words:
        raise UserError("actions.usage")
    if not items:
        return say(t("actions.none", ctx.lang, other=mention(other)))
    people = people_by_ids(session=ctx.session, ids={pair.mentor_id, pair.mentee_id})
    return Reply(
        title=t("actions.title", ctx.lang, other=mention(other)),
        sections=(Section(action_lines(items, people, ctx.lang)),),
        note=t("actions.hint", ctx.lang, command=example),
    )
