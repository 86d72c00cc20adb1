"""Reading `/mentor` text: subcommands in English and French, mentions, channels."""

from __future__ import annotations

import pytest

from bot.commands.parser import channels_in, parse_command
from bot.commands.shape import fits
from handlers.slack.text import mentioned_users, normalise_references


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("help", "help"),
        ("AIDE", "help"),
        ("", "help"),
        ("pair <@U1> <@U2> weekly", "pair"),
        ("Binôme <@U1> <@U2> hebdo", "pair"),
        ("binomes", "pairs"),
        ("prochaine", "next"),
        ("ordre-du-jour ajouter x", "agenda"),
        ("annuler", "skip"),
        ("déplacer 2026-12-10 18:30", "move"),
        ("compte-rendu fini", "summary"),
        ("synthèse <#C1>", "digest"),
        ("dance", None),
    ],
)
def test_subcommands_in_both_languages(text: str, name: str | None) -> None:
    assert parse_command(text).name == name


def test_leading_mentions_are_split_from_the_rest() -> None:
    command = parse_command("pair <@UCLAIRE> <@UTHOMAS> every 2 weeks on thursday <@UX>")
    assert command.mentions == ("UCLAIRE", "UTHOMAS")
    assert command.rest == "every 2 weeks on thursday <@UX>"
    assert command.words[:2] == ["every", "2"]


def test_unknown_word_is_kept_for_the_answer() -> None:
    assert parse_command("Dance now").word == "Dance"


def test_slack_escaped_references_become_core_tokens() -> None:
    text = normalise_references("agenda <@U1|claire> add see <#C9|général> and <@W2>")
    assert text == "agenda <@U1> add see <#C9> and <@W2>"
    assert mentioned_users(text) == ["U1", "W2"]
    assert channels_in(text) == ["C9"]


@pytest.mark.parametrize(
    ("text", "fit"),
    [
        ("next", True),
        ("Next steps: Thomas drafts the plan by Friday.", False),
        ("pairs of ideas came up", False),
        ("agenda", True),
        ("agenda add Salary review", True),
        ("Agenda for next time was too long", False),
        ("ordre-du-jour ajouter Mon parcours", True),
        ("goals done 1.2", True),
        ("Goals were clearer this time", False),
        ("actions done 2", True),
        ("actions I send the deck", False),
        ("end confirm", True),
        ("End of the quarter is busy", False),
        ("history 2", True),
        ("History repeats", False),
        ("pause until 2027-01-15", True),
        ("pause was needed after the reorg", False),
        ("summary We agreed on the plan", True),
        ("journal I learnt to ask first", True),
        ("review <@U1>", True),
        ("We agreed on the plan", True),  # no command word: the caller sees name None
    ],
)
def test_typed_words_fit_the_command_or_make_a_message(text: str, fit: bool) -> None:
    assert fits(parse_command(text)) is fit


def test_bare_names_are_the_at_words_that_are_not_mentions() -> None:
    from bot.commands.parser import bare_names

    assert bare_names("<@UCLAIRE> @nobody weekly on monday at 9:00") == ["@nobody"]
    assert bare_names("@jean-marie.dupont et @x") == ["@jean-marie.dupont", "@x"]
    assert bare_names("<@UCLAIRE> <@UTHOMAS> weekly, mail claire@example.com") == []
