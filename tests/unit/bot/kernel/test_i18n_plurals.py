"""`t()` picks the plural form of an entry by its `count`, with CLDR's rule for the language."""

from __future__ import annotations

import pytest

from bot.kernel.i18n import capitalized, format_number, plural_category, t


def test_french_takes_the_singular_for_zero_and_one() -> None:
    assert [plural_category(n, "fr") for n in (0, 1, 2, 5)] == ["one", "one", "other", "other"]
    assert [plural_category(n, "en") for n in (0, 1, 2, 5)] == ["other", "one", "other", "other"]


def test_a_plural_entry_is_chosen_by_count() -> None:
    assert t("rhythm.weekly", "en", count=1, weekday="Monday") == "every week on Monday"
    assert t("rhythm.weekly", "en", count=3, weekday="Monday") == "every 3 weeks on Monday"
    assert t("rhythm.weekly", "fr", count=2, weekday="lundi") == "toutes les 2 semaines le lundi"


def test_a_plural_entry_without_an_integer_count_is_a_bug() -> None:
    with pytest.raises(TypeError):
        t("rhythm.weekly", "en", weekday="Monday")


def test_numbers_are_written_as_the_language_writes_them() -> None:
    assert format_number(3.14, "fr", decimals=1) == "3,1"
    assert format_number(3.14, "en", decimals=1) == "3.1"
    assert format_number(1200, "en") == "1,200"
    assert format_number(1200, "fr").replace("\u202f", " ") == "1 200"


def test_a_value_opening_a_sentence_is_capitalized_by_bang_c() -> None:
    assert t("try.clock", "fr", now="lundi 9h00", locals="lundi 10h00 pour claire").endswith(
        ". Lundi 10h00 pour claire"
    )
    assert capitalized("mardi") == "Mardi"
