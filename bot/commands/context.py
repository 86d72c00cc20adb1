"""What a `/mentor` command handler receives: the actor's context and the parsed command."""

from __future__ import annotations

from dataclasses import dataclass

from bot.commands.parser import Command
from bot.kernel.errors import UserError
from bot.people.actor import ActorContext
from bot.people.person import mention
from storage.models import Pair
from storage.queries.pairs import pairs_of


@dataclass(kw_only=True)
class CommandContext(ActorContext):
    command: Command

    def choose_pair(self) -> Pair:
        """The pair a command is about: the only one, or the one with the mentioned person."""
        assert self.actor.id is not None
        pairs = pairs_of(session=self.session, person_id=self.actor.id)
        if self.command.mentions:
            other = self.person(self.command.mentions[0])
            for pair in pairs:
                if other.id in (pair.mentor_id, pair.mentee_id) and other.id != self.actor.id:
                    return pair
            raise UserError("pair.not_member", who=mention(other))
        if not pairs:
            raise UserError("pairs.none")
        if len(pairs) > 1:
            others = [self.other_member(p) for p in pairs]
            raise UserError(
                "pair.choose",
                pairs=", ".join(mention(o) for o in others),
                command=self.command.word or "agenda",
                example=f"{mention(others[0])} {self.command.rest}".strip(),
            )
        return pairs[0]
