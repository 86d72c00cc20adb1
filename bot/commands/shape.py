"""Whether typed words fit a command: in a chat where commands are typed without `/mentor`,
"Next steps: …" is a message, not `next`."""

from __future__ import annotations

from bot.commands import actions_command, agenda_command, goals_command, pause_command
from bot.commands.end_command import CONFIRM_WORDS
from bot.commands.parser import Command
from bot.kernel.i18n import fold

NO_WORDS = frozenset({"help", "pairs", "next", "skip", "resume", "review", "my-data", "help-me"})
CONFIRMED = frozenset({"end", "forget-me"})
SUBCOMMANDS: dict[str, frozenset[str]] = {
    "agenda": frozenset(agenda_command.ACTIONS),
    "goals": frozenset(goals_command.ACTIONS),
    "actions": frozenset(actions_command.DONE_WORDS),
}


def fits(command: Command) -> bool:
    """True when the words after a known command word are ones that command takes; commands
    whose argument is free text (pair, summary, journal, thanks, move, digest) always fit."""
    words = [fold(w) for w in command.words]
    if command.name is None or not words:
        return True
    if command.name in NO_WORDS:
        return False
    if command.name in CONFIRMED:
        return all(w in CONFIRM_WORDS for w in words)
    if command.name in SUBCOMMANDS:
        return words[0] in SUBCOMMANDS[command.name]
    if command.name == "history":
        return len(words) == 1 and words[0].isdigit()
    if command.name == "pause":
        return pause_command.DATE.search(command.rest) is not None
    return True
