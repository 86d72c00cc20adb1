"""The message catalog lint: every sentence exists in English and French with the same
placeholders, counts take CLDR plural forms (never "(s)"), French texts teach the French command
words, and no sentence opens on a date written in lower case."""

from __future__ import annotations

import re
import string

import pytest
from babel import Locale

from bot.catalog import MESSAGES
from bot.catalog.entry import COUNT, Text
from bot.commands import (
    actions_command,
    agenda_command,
    digest_command,
    end_command,
    goals_command,
    pair_command,
)
from bot.commands.parser import ALIASES
from bot.kernel.i18n import LANGS, fold

HELP = MESSAGES["help.commands"]

DATE_FIELDS = {
    "date", "day", "end", "ended", "first", "lapses", "locals", "new", "next", "old", "since",
    "start", "until", "week_of", "when",
}  # fmt: skip
"""Placeholders the code fills with a date (`bot.rhythm.wording`), in lower case in French."""


def forms(text: Text) -> list[str]:
    return [text] if isinstance(text, str) else list(text.values())


def fields(text: str) -> list[tuple[str, str]]:
    """(literal text before, field name) for each placeholder of `text`."""
    return [(lit, f) for lit, f, _, _ in string.Formatter().parse(text) if f is not None]


def placeholders(text: Text) -> set[str]:
    return {name for form in forms(text) for _, name in fields(form) if name}


def is_plural(key: str) -> bool:
    return any(not isinstance(text, str) for text in MESSAGES[key].values())


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert all(form.strip() for lang in LANGS for form in forms(entry[lang]))
    assert placeholders(entry["en"]) == placeholders(entry["fr"])


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_a_count_is_never_written_with_a_bracketed_plural(key: str) -> None:
    for lang in LANGS:
        for form in forms(MESSAGES[key][lang]):
            assert not re.search(r"\((?:e|e?s|x)\)", form), (key, lang, form)


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_plural_forms_are_cldr_categories_chosen_by_count(key: str) -> None:
    """An entry has plural forms exactly when it takes `count`; each language gives `other`
    and only categories its CLDR rule knows."""
    entry = MESSAGES[key]
    assert is_plural(key) == (COUNT in placeholders(entry["en"]))
    if not is_plural(key):
        return
    for lang in LANGS:
        text = entry[lang]
        assert not isinstance(text, str), (key, lang)
        known = set(Locale(lang).plural_form.tags) | {"other"}
        assert "other" in text and "one" in text and set(text) <= known, (key, lang, set(text))


def french_command_words(text: str) -> list[list[str]]:
    """The words of every `/mentor …` example of `text`, mentions and placeholders left out."""
    return [
        [w for w in snippet.split() if not w.startswith(("@", "#", "<", "{"))]
        for snippet in re.findall(r"`/mentor ([^`]*)`", text)
    ]


VOCABULARY = {
    fold(word)
    for words in (
        ALIASES, agenda_command.ACTIONS, goals_command.ACTIONS, actions_command.DONE_WORDS,
        digest_command.OFF_WORDS, end_command.CONFIRM_WORDS, pair_command.REVERSE_WORDS,
    )
    for word in words
}  # fmt: skip
"""Every command word the parsers know, in either language."""


def english_only_words() -> set[str]:
    """The command words the English help teaches and the French help does not."""
    taught = {
        lang: {fold(w) for words in french_command_words(str(HELP[lang])) for w in words}
        for lang in LANGS
    }
    return (taught["en"] - taught["fr"]) & VOCABULARY


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_french_texts_name_the_french_command_words(key: str) -> None:
    """A French reader is shown the words the French help teaches (`ordre-du-jour ajouter`,
    not `agenda add`), and only commands that exist."""
    english = english_only_words()
    for form in forms(MESSAGES[key]["fr"]):
        for words in french_command_words(form):
            if words:
                assert fold(words[0]) in ALIASES, (key, words)
            assert not english & {fold(w) for w in words}, (key, words)


def test_the_lint_knows_english_only_words() -> None:
    assert {"agenda", "add", "done", "next", "summary"} <= english_only_words()


SENTENCE_END = re.compile(r"(^|[.!?…]\s+|\n)[\s*_•]*$")
FRAGMENTS = {"when.long", "simulate.plot.week"}  # pieces of a sentence, a plot label


@pytest.mark.parametrize("key", sorted(MESSAGES.keys() - FRAGMENTS))
def test_no_sentence_opens_on_a_lowercase_date(key: str) -> None:
    """French writes weekdays in lower case: a date opening a sentence or a row is written
    `{when!c}` (capitalized), or the sentence is turned (`Le {date} …`)."""
    for form in forms(MESSAGES[key]["fr"]):
        text = ""
        for literal, name, _, conversion in string.Formatter().parse(form):
            text += literal
            if name in DATE_FIELDS and SENTENCE_END.search(text):
                assert conversion == "c", (key, form)
            text += "x"


ZONED_FIELDS = {"first", "new", "next", "old", "when"}
"""Placeholders filled with a time and its zone, `… 18h00 (Europe/Paris)`."""


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_a_time_with_its_zone_is_never_put_in_brackets(key: str) -> None:
    """`(mardi 1er décembre 2026, 18h00 (Europe/Paris))` reads badly: say `du {when}`."""
    for lang in LANGS:
        for form in forms(MESSAGES[key][lang]):
            for name in ZONED_FIELDS:
                assert f"({{{name}}})" not in form, (key, lang, form)
