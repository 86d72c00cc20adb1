"""The `/mentor` command router: parse, check, run, answer — any platform."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import overload

from bot.commands import (
    actions_command,
    agenda_command,
    calendar_command,
    digest_command,
    end_command,
    goals_command,
    help_command,
    help_me_command,
    history_command,
    journal_command,
    move_command,
    my_data_command,
    next_command,
    pair_command,
    pairs_command,
    pause_command,
    programme_command,
    review_command,
    skip_command,
    summary_command,
    thanks_command,
)
from bot.commands.context import CommandContext
from bot.commands.parser import parse_command
from bot.kernel.core import Core
from bot.kernel.errors import UserError
from bot.kernel.replies import Form, Reply
from bot.people.acting import act
from bot.people.actor import ActorContext
from bot.people.profiles import ProfilesNeeded

Handler = Callable[[CommandContext], Reply | Form]

COMMANDS: dict[str, Handler] = {
    "help": help_command.run,
    "pair": pair_command.run,
    "pairs": pairs_command.run,
    "next": next_command.run,
    "agenda": agenda_command.run,
    "skip": skip_command.run,
    "move": move_command.run,
    "summary": summary_command.run,
    "digest": digest_command.run,
    "programme": programme_command.run,
    "journal": journal_command.run,
    "help-me": help_me_command.run,
    "end": end_command.run,
    "thanks": thanks_command.run,
    "actions": actions_command.run,
    "pause": pause_command.pause,
    "resume": pause_command.resume,
    "history": history_command.run,
    "goals": goals_command.run,
    "review": review_command.run,
    "my-data": my_data_command.export,
    "forget-me": my_data_command.forget,
    "calendar": calendar_command.run,
}


@overload
def handle_command(
    core: Core, *, platform: str, actor_id: str, text: str, fresh: None = None
) -> Reply | Form: ...


@overload
def handle_command(
    core: Core, *, platform: str, actor_id: str, text: str, fresh: Sequence[str] | None
) -> Reply | Form | ProfilesNeeded: ...


def handle_command(
    core: Core, *, platform: str, actor_id: str, text: str, fresh: Sequence[str] | None = None
) -> Reply | Form | ProfilesNeeded:
    """Run one `/mentor` command typed by `actor_id`, in one session; with `fresh` (the people
    it names), only once their profiles and the actor's are fresh (ProfilesNeeded otherwise)."""
    command = parse_command(text)

    def work(base: ActorContext) -> Reply | Form:
        if command.name is None:
            raise UserError("error.unknown_command", word=command.word)
        ctx = CommandContext(
            core=base.core,
            session=base.session,
            platform=base.platform,
            actor=base.actor,
            now=base.now,
            lang=base.lang,
            command=command,
        )
        result = COMMANDS[command.name](ctx)
        base.owes_now = ctx.owes_now
        return result

    return act(core, platform=platform, actor_id=actor_id, work=work, fresh=fresh)
