"""The message catalog: every sentence exists in English and French, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from bot.catalog import MESSAGES
from bot.kernel.i18n import LANGS


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("key", sorted(MESSAGES))
def test_every_entry_has_both_languages_with_the_same_placeholders(key: str) -> None:
    entry = MESSAGES[key]
    assert set(entry) == set(LANGS)
    assert all(entry[lang].strip() for lang in LANGS)
    assert placeholders(entry["en"]) == placeholders(entry["fr"])
