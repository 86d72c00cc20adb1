"""The message catalog lint: every sentence exists in English and French with the same
placeholders, counts take CLDR plural forms (never "(s)"), French texts teach the French command
words, and no sentence opens on a date written in lower case."""

from __future__ import annotations

import string

import pytest
from babel import Locale

from bot.catalog import MESSAGES
from bot.catalog.entry import Text
from bot.kernel.i18n import LANGS

HELP = MESSAGES["help.commands"]

DATE_FIELDS = {
    "date", "day", "end", "ended", "first", "lapses", "new", "next", "old", "since", "start",
    "until", "week_of", "when",
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
def test_plural_forms_are_cldr_categories_chosen_by_count(key: str) -> None:
    """An entry has plural forms exactly when it takes `count`; each language gives `other`
    and only categories its CLDR rule knows."""
    entry = MESSAGES[key]
    if not is_plural(key):
        return
    for lang in LANGS:
        text = entry[lang]
        assert not isinstance(text, str), (key, lang)
        known = set(Locale(lang).plural_form.tags) | {"other"}
        assert "other" in text and "one" in text and set(text) <= known, (key, lang, set(text))
