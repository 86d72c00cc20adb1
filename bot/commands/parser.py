"""Reading `/mentor …` text: the subcommand (English or French) and who it is about."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.kernel.i18n import Lang, fold, format_number, t
from bot.kernel.replies import Reply, say

MENTION = re.compile(r"<@([^<>|\s]+)>")
NAMED_AT_MOST = 20
"""People one request may name: a pair is two, an agenda point a few. More is refused before
anyone is looked up or stored (each could cost a call to the platform, or a row)."""
CHANNEL = re.compile(r"<#([^<>|\s]+)>")

ALIASES: dict[str, str] = {
    "help": "help",
    "aide": "help",
    "?": "help",
    "pair": "pair",
    "binome": "pair",
    "pairs": "pairs",
    "binomes": "pairs",
    "next": "next",
    "prochaine": "next",
    "prochain": "next",
    "agenda": "agenda",
    "ordre-du-jour": "agenda",
    "odj": "agenda",
    "skip": "skip",
    "annuler": "skip",
    "move": "move",
    "deplacer": "move",
    "summary": "summary",
    "compte-rendu": "summary",
    "cr": "summary",
    "digest": "digest",
    "programme": "programme",
    "program": "programme",
    "synthese": "digest",
    "journal": "journal",
    "help-me": "help-me",
    "helpme": "help-me",
    "aide-moi": "help-me",
    "mediation": "help-me",
    "end": "end",
    "terminer": "end",
    "thanks": "thanks",
    "thank": "thanks",
    "merci": "thanks",
    "actions": "actions",
    "action": "actions",
    "pause": "pause",
    "resume": "resume",
    "goals": "goals",
    "goal": "goals",
    "objectifs": "goals",
    "objectif": "goals",
    "reprendre": "resume",
    "history": "history",
    "historique": "history",
    "review": "review",
    "bilan": "review",
    "my-data": "my-data",
    "mydata": "my-data",
    "export": "my-data",
    "mes-donnees": "my-data",
    "exporter": "my-data",
    "calendar": "calendar",
    "calendrier": "calendar",
    "forget-me": "forget-me",
    "forgetme": "forget-me",
    "erase": "forget-me",
    "oublier": "forget-me",
    "oubliez-moi": "forget-me",
    "effacer": "forget-me",
}


@dataclass(frozen=True)
class Command:
    """A parsed command: `name` is canonical (None when unknown), `word` what was typed."""

    name: str | None
    word: str
    mentions: tuple[str, ...]  # leading mentions, in order
    rest: str  # what follows the leading mentions

    @property
    def words(self) -> list[str]:
        return self.rest.split()


def parse_command(text: str) -> Command:
    """Split `text` into the subcommand, its leading mentions and the rest."""
    text = text.strip()
    if not text:
        return Command(name="help", word="", mentions=(), rest="")
    word, _, rest = text.partition(" ")
    name = ALIASES.get(fold(word))
    mentions: list[str] = []
    rest = rest.strip()
    while match := MENTION.match(rest):
        mentions.append(match.group(1))
        rest = rest[match.end() :].strip()
    return Command(name=name, word=word, mentions=tuple(mentions), rest=rest)


BARE_NAME = re.compile(r"(?<![<\w])@[\w.\-]+")


def bare_names(text: str) -> list[str]:
    """Names typed with @ that the platform did not turn into mentions (nobody it knows)."""
    return BARE_NAME.findall(MENTION.sub(" ", text))


def channels_in(text: str) -> list[str]:
    """The channel ids referenced in `text`."""
    return CHANNEL.findall(text)


def too_many_people(named: int, lang: Lang) -> Reply:
    """The answer to a request naming more than NAMED_AT_MOST people."""
    text = t("error.too_many_people", lang, most=NAMED_AT_MOST, named=format_number(named, lang))
    return say(text, is_error=True)
